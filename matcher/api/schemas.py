"""Wire models of the API (request bodies and responses), with examples for the docs.

Conversions from the store and the use cases are explicit functions in
:mod:`matcher.api.convert`. The gap analysis and the job analysis parts reuse the
engine's frozen domain models, which are already documented value objects.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from matcher.domain import EducationRequirement, JobSkill, YearsRequirement
from matcher.passwords import MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS

MAX_JOB_CHARS = 50_000


class _Wire(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Problem(_Wire):
    """An error (``application/problem+json``)."""

    model_config = ConfigDict(
        extra="allow",
        json_schema_extra={
            "examples": [
                {
                    "type": "about:blank",
                    "title": "Forbidden",
                    "status": 403,
                    "detail": "this needs an employer account; you are signed in as graduate",
                    "instance": "/api/v1/roles/trainer/candidates",
                    "request_id": "5f0c8a3e9b0d4c1e8f7a6b5c4d3e2f1a",
                }
            ]
        },
    )

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    instance: str
    request_id: str


class Health(_Wire):
    """Liveness and what is loaded."""

    status: Literal["ok"] = "ok"
    data_version: str = Field(examples=["0.2.0+3f9a1c2d"])
    store: str = Field(examples=["sqlite"])
    roles: int = Field(examples=[12])


# --- accounts -------------------------------------------------------------------------


class Token(_Wire):
    """An access token (send it as ``Authorization: Bearer <access_token>``)."""

    access_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_in: int = Field(description="Lifetime in seconds.", examples=[3600])


class RegisterIn(_Wire):
    """A graduate signing up."""

    email: str = Field(max_length=320, examples=["avery.demo@example.org"])
    password: str = Field(
        min_length=MIN_PASSWORD_CHARS, max_length=MAX_PASSWORD_CHARS, examples=["a long passphrase"]
    )
    display_name: str = Field(default="", max_length=200, examples=["Avery"])


class UserCreateIn(RegisterIn):
    """An admin creating an account of any role."""

    role: Literal["graduate", "employer", "admin"] = Field(examples=["employer"])
    organisation_id: uuid.UUID | None = Field(
        default=None, description="The employer's organisation (employers only)."
    )


class UserOut(_Wire):
    """An account."""

    id: uuid.UUID
    email: str = Field(examples=["avery.demo@example.org"])
    role: Literal["graduate", "employer", "admin"]
    display_name: str
    organisation_id: uuid.UUID | None = None
    created_at: datetime


class OrganisationIn(_Wire):
    """A new employer organisation."""

    name: str = Field(min_length=1, max_length=200, examples=["Prairie Rural Health Clinic"])


class OrganisationOut(_Wire):
    """An employer organisation."""

    id: uuid.UUID
    name: str
    created_at: datetime


# --- graduates ------------------------------------------------------------------------


class ContactOut(_Wire):
    """Name and contact details read from the resume."""

    name: str | None = None
    emails: list[str] = []
    phones: list[str] = []
    city: str | None = None
    state: str | None = Field(default=None, examples=["IA"])
    links: list[str] = []


class EducationOut(_Wire):
    """A degree or school."""

    degree: str | None = Field(default=None, examples=["A.A.S."])
    field: str | None = Field(default=None, examples=["Health Information Technology"])
    institution: str | None = None
    year: int | None = None


class ExperienceOut(_Wire):
    """A job, with its length in months."""

    title: str | None = Field(default=None, examples=["EHR Implementation Support Specialist"])
    employer: str | None = None
    start_date: date | None = None
    end_date: date | None = None
    current: bool = False
    months: int = 0


class CertificationOut(_Wire):
    """A certification named in the resume (``skill_id`` when it is in the taxonomy)."""

    name: str = Field(examples=["CHTS-IS"])
    skill_id: str | None = None


class ResumeMetaOut(_Wire):
    """The stored resume: file facts and the versions that analysed it."""

    resume_id: uuid.UUID
    filename: str
    source_format: str = Field(examples=["pdf"])
    size_bytes: int
    sha256: str = Field(description="SHA-256 of the original file, hex.")
    pages: int | None = None
    uploaded_at: datetime
    data_version: str
    model_version: str | None = Field(
        default=None, description="Role-scorer artifact version (None: rule scores only)."
    )


class RoleSkillOut(_Wire):
    """A role skill and how the resume covers it (credit 0..1)."""

    skill_id: str
    label: str
    importance: str = Field(examples=["core"])
    credit: float = Field(ge=0, le=1)


class RoleScoreOut(_Wire):
    """Fit to one role: score 0..100 (rule coverage), probability 0..1 (learned model)."""

    role_id: str = Field(examples=["implementation-support-specialist"])
    name: str
    rank: int = Field(ge=1)
    score: float = Field(ge=0, le=100, examples=[72.5])
    probability: float | None = Field(default=None, ge=0, le=1, examples=[0.61])
    matched: list[RoleSkillOut]
    missing: list[RoleSkillOut]
    data_version: str
    model_version: str | None = None


class OutcomeOut(_Wire):
    """The learned model's verdict: the most probable role or ``none`` (not health IT)."""

    role_id: str
    probability: float = Field(ge=0, le=1)
    none_probability: float = Field(ge=0, le=1)
    model_version: str


class ResumeOut(_Wire):
    """What the engine made of an uploaded resume."""

    resume: ResumeMetaOut
    skills_found: int = Field(description="Distinct skills the resume evidences.")
    roles: list[RoleScoreOut] = Field(description="Best fit first.")
    outcome: OutcomeOut | None = None


class ProfileOut(_Wire):
    """The graduate's parsed profile and the choices they made."""

    candidate_id: uuid.UUID = Field(description="The id employers see.")
    searchable: bool = Field(description="Employers may find this profile.")
    open_to_remote: bool
    program_level: str | None = Field(default=None, examples=["community-college"])
    resume: ResumeMetaOut | None = None
    contact: ContactOut | None = None
    education: list[EducationOut] = []
    experience: list[ExperienceOut] = []
    certifications: list[CertificationOut] = []
    years_experience: float = 0.0
    other_skill_phrases: list[str] = Field(
        default=[], description="Phrases that read as skills but are not in the taxonomy."
    )


class ProfileSettingsIn(_Wire):
    """What a graduate chooses (omitted fields stay as they are)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"searchable": True, "open_to_remote": True}]},
    )

    searchable: bool | None = None
    open_to_remote: bool | None = None
    program_level: Literal["community-college", "university"] | None = None


class MentionOut(_Wire):
    """Where a skill is named: character offsets into the resume text, and context."""

    start: int
    end: int
    surface: str = Field(examples=["Epic Ambulatory"])
    section: str | None = Field(default=None, examples=["experience"])
    negated: bool = False
    hypothetical: bool = False


class SkillOut(_Wire):
    """A skill the resume names, with its evidence."""

    skill_id: str = Field(examples=["epic-ambulatory"])
    label: str
    category: str
    held: bool = Field(description="False when every mention is negated or hypothetical.")
    certification: bool = False
    years: float | None = Field(default=None, description="Years of use from dated jobs.")
    last_used: date | None = None
    mentions: list[MentionOut]


class CompetencyOut(_Wire):
    """Level 0..4 of one block of the competency model, with the evidence skills."""

    competency_id: str
    name: str
    tier: int
    level: int = Field(ge=0, le=4)
    level_name: str
    evidence: list[str]


class TierOut(_Wire):
    """Mean level (0..4) of a tier of the competency model."""

    tier: int
    name: str
    mean_level: float
    evidenced: int
    total: int


class CompetenciesOut(_Wire):
    """The competency profile."""

    competencies: list[CompetencyOut]
    tiers: list[TierOut]


class GraduateContactRequestOut(_Wire):
    """A request from an employer to see the graduate's name and contact details."""

    id: uuid.UUID
    organisation: str = Field(examples=["Prairie Rural Health Clinic"])
    message: str
    status: Literal["pending", "accepted", "declined"]
    created_at: datetime
    responded_at: datetime | None = None


class ContactAnswerIn(_Wire):
    """Accept (reveal name and contact details to that organisation) or decline."""

    accept: bool = Field(examples=[True])


# --- employers ------------------------------------------------------------------------


class RoleOut(_Wire):
    """One of the twelve workforce roles."""

    id: str = Field(examples=["trainer"])
    name: str
    level: str = Field(examples=["community-college"])
    definition: str


class SkillRefOut(_Wire):
    """A taxonomy skill."""

    skill_id: str = Field(examples=["hl7-v2"])
    label: str = Field(examples=["HL7 v2"])
    category: str | None = None


class CandidateSkillOut(_Wire):
    """A skill a candidate evidences (years from dated jobs, None when undated)."""

    skill_id: str
    label: str
    years: float | None = None
    certification: bool = False


class CandidateRoleOut(_Wire):
    """A candidate's fit for a role."""

    role_id: str
    name: str
    score: float = Field(ge=0, le=100)
    probability: float | None = None


class CandidateOut(_Wire):
    """An opted-in candidate.

    Blind: names and contact details are null until the candidate accepts a contact
    request from your organisation (``revealed``).
    """

    candidate_id: uuid.UUID
    revealed: bool
    name: str | None = None
    emails: list[str] = []
    phones: list[str] = []
    city: str | None = None
    links: list[str] = []
    state: str | None = None
    open_to_remote: bool
    program_level: str | None = None
    years_experience: float
    skills: list[CandidateSkillOut]
    top_roles: list[CandidateRoleOut]
    education: list[EducationOut]
    job_titles: list[str]


class RankedCandidateOut(_Wire):
    """A candidate's place in a ranking and why (score 0..100, higher is better)."""

    rank: int = Field(ge=1)
    score: float = Field(ge=0, le=100, examples=[81.5])
    matched_required: list[SkillRefOut]
    missing_required: list[SkillRefOut]
    matched_preferred: list[SkillRefOut] = []
    missing_preferred: list[SkillRefOut] = []
    role_id: str | None = None
    role_score: float | None = None
    role_probability: float | None = None
    meets_years: bool | None = None
    reasons: list[str] = Field(examples=[["has required Epic, HL7 v2", "lacks required SQL"]])
    candidate: CandidateOut


class RankingPage(_Wire):
    """A page of ranked candidates."""

    items: list[RankedCandidateOut]
    total: int = Field(description="Candidates in the whole ranking.")
    limit: int
    offset: int


class JobIn(_Wire):
    """A job description to read and rank candidates for."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "title": "EHR Implementation Support Specialist",
                    "text": "Required: 2+ years of Epic Ambulatory go-live support, "
                    "HL7 v2 interfaces and SQL. Preferred: CHTS-IS certification, "
                    "Tableau. Associate degree in health information technology.",
                }
            ]
        },
    )

    title: str = Field(min_length=1, max_length=200)
    text: str = Field(min_length=1, max_length=MAX_JOB_CHARS)


class JobOut(_Wire):
    """A posted job and what the engine read in it."""

    id: uuid.UUID
    title: str
    created_at: datetime
    data_version: str
    detected_roles: list[CandidateRoleOut] = Field(description="Best fit first (top 3).")
    required: list[JobSkill]
    preferred: list[JobSkill]
    unspecified: list[JobSkill]
    certifications: list[JobSkill]
    years: list[YearsRequirement]
    min_years: float | None = None
    education: list[EducationRequirement]


class JobPage(_Wire):
    """A page of the organisation's jobs."""

    items: list[JobOut]
    total: int
    limit: int
    offset: int


class ContactRequestIn(_Wire):
    """Ask a candidate to reveal their name and contact details."""

    message: str = Field(
        default="",
        max_length=2_000,
        examples=["We are hiring an EHR trainer in Ames; would you like to talk?"],
    )
    job_id: uuid.UUID | None = None


class ContactRequestOut(_Wire):
    """A contact request made by the organisation."""

    id: uuid.UUID
    candidate_id: uuid.UUID
    job_id: uuid.UUID | None = None
    message: str
    status: Literal["pending", "accepted", "declined"]
    created_at: datetime
    responded_at: datetime | None = None
