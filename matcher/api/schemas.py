"""Wire models of the API (request bodies and responses), with examples for the docs.

Every field carries an example (``tests/api/test_openapi.py`` checks that the OpenAPI
document shows one for every request body and JSON response, nested models included);
the examples are synthetic. Conversions from the store and the use cases are explicit
functions in :mod:`matcher.api.convert`.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from matcher.passwords import MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS

MAX_JOB_CHARS = 50_000

# synthetic ids and times used by the examples
_USER_ID = "6f1c2a9e-3b7d-4e8a-9c0f-1d2e3f4a5b6c"
_ORG_ID = "0b9e8d7c-6a5f-4e3d-8c2b-1a0f9e8d7c6b"
_CANDIDATE_ID = "a3c5e7f9-1b2d-4f6a-8c0e-2d4f6a8c0e1b"
_RESUME_ID = "d4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f70"
_JOB_ID = "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b"
_REQUEST_ID = "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f"
_WHEN = "2026-03-02T15:04:05Z"
_DATA_VERSION = "0.2.1+3f9a1c2d5e6b"
_MODEL_VERSION = "1.1.0"


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
    data_version: str = Field(examples=[_DATA_VERSION])
    store: str = Field(examples=["sqlite"])
    roles: int = Field(examples=[12])


# --- accounts -------------------------------------------------------------------------


class Token(_Wire):
    """An access token (send it as ``Authorization: Bearer <access_token>``)."""

    access_token: str = Field(
        examples=["eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI2ZjFjIn0.c2lnbmF0dXJl"]
    )
    token_type: Literal["bearer"] = "bearer"
    expires_in: int = Field(description="Lifetime in seconds.", examples=[3600])


class SignInForm(BaseModel):
    """The OAuth2 password flow's form (``application/x-www-form-urlencoded``).

    Other fields a client sends with it (``scope``, ``client_id``...) are ignored.
    """

    model_config = ConfigDict(extra="ignore")

    grant_type: Literal["password"] | None = Field(
        default=None, description="``password`` (optional).", examples=["password"]
    )
    username: str = Field(
        max_length=320, description="The account's email.", examples=["avery@demo.example.org"]
    )
    password: str = Field(
        max_length=MAX_PASSWORD_CHARS,
        description="The account's password.",
        examples=["demo-password"],
        json_schema_extra={"format": "password"},
    )


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
        default=None,
        description="The employer's organisation (employers only).",
        examples=[_ORG_ID],
    )


class UserOut(_Wire):
    """An account."""

    id: uuid.UUID = Field(examples=[_USER_ID])
    email: str = Field(examples=["avery.demo@example.org"])
    role: Literal["graduate", "employer", "admin"] = Field(examples=["graduate"])
    display_name: str = Field(examples=["Avery"])
    organisation_id: uuid.UUID | None = Field(default=None, examples=[None])
    created_at: datetime = Field(examples=[_WHEN])


class OrganisationIn(_Wire):
    """A new employer organisation."""

    name: str = Field(min_length=1, max_length=200, examples=["Prairie Rural Health Clinic"])


class OrganisationOut(_Wire):
    """An employer organisation."""

    id: uuid.UUID = Field(examples=[_ORG_ID])
    name: str = Field(examples=["Prairie Rural Health Clinic"])
    created_at: datetime = Field(examples=[_WHEN])


# --- graduates ------------------------------------------------------------------------


class ContactOut(_Wire):
    """Name and contact details read from the resume."""

    name: str | None = Field(default=None, examples=["Avery Demo"])
    emails: list[str] = Field(default=[], examples=[["avery.demo@example.org"]])
    phones: list[str] = Field(default=[], examples=[["(555) 010-0142"]])
    city: str | None = Field(default=None, examples=["Ames"])
    state: str | None = Field(default=None, examples=["IA"])
    links: list[str] = Field(default=[], examples=[["https://www.example.org/avery-demo"]])


class EducationOut(_Wire):
    """A degree or school."""

    degree: str | None = Field(default=None, examples=["A.A.S."])
    field: str | None = Field(default=None, examples=["Health Information Technology"])
    institution: str | None = Field(default=None, examples=["Example Community College"])
    year: int | None = Field(default=None, examples=[2019])


class ExperienceOut(_Wire):
    """A job, with its length in months."""

    title: str | None = Field(default=None, examples=["EHR Implementation Support Specialist"])
    employer: str | None = Field(default=None, examples=["Example Regional Hospital"])
    start_date: date | None = Field(default=None, examples=["2019-06-01"])
    end_date: date | None = Field(default=None, examples=["2022-08-31"])
    current: bool = Field(default=False, examples=[False])
    months: int = Field(default=0, examples=[39])


class CertificationOut(_Wire):
    """A certification named in the resume (``skill_id`` when it is in the taxonomy)."""

    name: str = Field(examples=["CHTS-IS"])
    skill_id: str | None = Field(default=None, examples=["chts-is"])


class ResumeMetaOut(_Wire):
    """The stored resume: file facts and the versions that analysed it."""

    resume_id: uuid.UUID = Field(examples=[_RESUME_ID])
    filename: str = Field(examples=["resume.pdf"])
    source_format: str = Field(examples=["pdf"])
    size_bytes: int = Field(examples=[48213])
    sha256: str = Field(
        description="SHA-256 of the original file, hex.",
        examples=["9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"],
    )
    pages: int | None = Field(default=None, examples=[2])
    uploaded_at: datetime = Field(examples=[_WHEN])
    data_version: str = Field(examples=[_DATA_VERSION])
    model_version: str | None = Field(
        default=None,
        description="Role-scorer artifact version (None: rule scores only).",
        examples=[_MODEL_VERSION],
    )


class RoleSkillOut(_Wire):
    """A role skill and how the resume covers it (credit 0..1)."""

    skill_id: str = Field(examples=["epic"])
    label: str = Field(examples=["Epic"])
    importance: str = Field(examples=["core"])
    credit: float = Field(ge=0, le=1, examples=[1.0])


class RoleScoreOut(_Wire):
    """Fit to one role: score 0..100 (rule coverage), probability 0..1 (learned model)."""

    role_id: str = Field(examples=["implementation-support-specialist"])
    name: str = Field(examples=["Implementation support specialist"])
    rank: int = Field(ge=1, examples=[1])
    score: float = Field(ge=0, le=100, examples=[72.5])
    probability: float | None = Field(default=None, ge=0, le=1, examples=[0.61])
    matched: list[RoleSkillOut]
    missing: list[RoleSkillOut]
    data_version: str = Field(examples=[_DATA_VERSION])
    model_version: str | None = Field(default=None, examples=[_MODEL_VERSION])


class OutcomeOut(_Wire):
    """The learned model's verdict: the most probable role or ``none`` (not health IT)."""

    role_id: str = Field(examples=["implementation-support-specialist"])
    probability: float = Field(ge=0, le=1, examples=[0.61])
    none_probability: float = Field(ge=0, le=1, examples=[0.04])
    model_version: str = Field(examples=[_MODEL_VERSION])


class ResumeOut(_Wire):
    """What the engine made of an uploaded resume."""

    resume: ResumeMetaOut
    skills_found: int = Field(description="Distinct skills the resume evidences.", examples=[23])
    roles: list[RoleScoreOut] = Field(description="Best fit first.")
    outcome: OutcomeOut | None = None


class ProfileOut(_Wire):
    """The graduate's parsed profile and the choices they made."""

    candidate_id: uuid.UUID = Field(description="The id employers see.", examples=[_CANDIDATE_ID])
    searchable: bool = Field(description="Employers may find this profile.", examples=[True])
    open_to_remote: bool = Field(examples=[True])
    program_level: str | None = Field(default=None, examples=["community-college"])
    resume: ResumeMetaOut | None = None
    contact: ContactOut | None = None
    education: list[EducationOut] = []
    experience: list[ExperienceOut] = []
    certifications: list[CertificationOut] = []
    years_experience: float = Field(default=0.0, examples=[3.25])
    other_skill_phrases: list[str] = Field(
        default=[],
        description="Phrases that read as skills but are not in the taxonomy.",
        examples=[["patient portal enrolment"]],
    )


class ProfileSettingsIn(_Wire):
    """What a graduate chooses (omitted fields stay as they are)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"searchable": True, "open_to_remote": True}]},
    )

    searchable: bool | None = Field(default=None, examples=[True])
    open_to_remote: bool | None = Field(default=None, examples=[True])
    program_level: Literal["community-college", "university"] | None = Field(
        default=None, examples=["community-college"]
    )


class MentionOut(_Wire):
    """Where a skill is named: character offsets into the resume text, and context."""

    start: int = Field(examples=[412])
    end: int = Field(examples=[427])
    surface: str = Field(examples=["Epic Ambulatory"])
    section: str | None = Field(default=None, examples=["experience"])
    negated: bool = Field(default=False, examples=[False])
    hypothetical: bool = Field(default=False, examples=[False])


class SkillOut(_Wire):
    """A skill the resume names, with its evidence."""

    skill_id: str = Field(examples=["epic-ambulatory"])
    label: str = Field(examples=["Epic Ambulatory"])
    category: str = Field(examples=["ehr-product"])
    held: bool = Field(
        description="False when every mention is negated or hypothetical.", examples=[True]
    )
    certification: bool = Field(default=False, examples=[False])
    years: float | None = Field(
        default=None, description="Years of use from dated jobs.", examples=[3.25]
    )
    last_used: date | None = Field(default=None, examples=["2022-08-31"])
    mentions: list[MentionOut]


class CompetencyOut(_Wire):
    """Level 0..4 of one block of the competency model, with the evidence skills."""

    competency_id: str = Field(examples=["interoperability-standards"])
    name: str = Field(examples=["Interoperability Standards"])
    tier: int = Field(examples=[5])
    level: int = Field(ge=0, le=4, examples=[2])
    level_name: str = Field(examples=["working"])
    evidence: list[str] = Field(examples=[["hl7-v2", "hl7-fhir", "interface-engine"]])


class TierOut(_Wire):
    """Mean level (0..4) of a tier of the competency model."""

    tier: int = Field(examples=[5])
    name: str = Field(examples=["Industry-wide technical competencies"])
    mean_level: float = Field(examples=[1.6])
    evidenced: int = Field(examples=[4])
    total: int = Field(examples=[7])


class CompetenciesOut(_Wire):
    """The competency profile."""

    competencies: list[CompetencyOut]
    tiers: list[TierOut]


class GraduateContactRequestOut(_Wire):
    """A request from an employer to see the graduate's name and contact details."""

    id: uuid.UUID = Field(examples=[_REQUEST_ID])
    organisation: str = Field(examples=["Prairie Rural Health Clinic"])
    message: str = Field(examples=["We are hiring an EHR trainer in Ames; would you like to talk?"])
    status: Literal["pending", "accepted", "declined"] = Field(examples=["pending"])
    created_at: datetime = Field(examples=[_WHEN])
    responded_at: datetime | None = Field(default=None, examples=[None])


class ContactAnswerIn(_Wire):
    """Accept (reveal name and contact details to that organisation) or decline."""

    accept: bool = Field(examples=[True])


class CurriculumLinkOut(_Wire):
    """A curriculum component where a skill is taught."""

    component: int = Field(ge=1, examples=[9])
    title: str = Field(examples=["Networking and Health Information Exchange"])
    role_emphasis: str | None = Field(default=None, examples=["core"])
    via: list[str] = Field(default=[], examples=[["interoperability-standards"]])


class CertificationLinkOut(_Wire):
    """A certification whose competency-model block covers a skill."""

    skill_id: str = Field(examples=["chts-is"])
    label: str = Field(examples=["CHTS-IS"])
    for_role: bool = Field(default=False, examples=[True])
    via: list[str] = Field(default=[], examples=[["interoperability-standards"]])


class SkillGapOut(_Wire):
    """A role skill the resume lacks (or only partly shows), and what adding it is worth."""

    skill_id: str = Field(examples=["hl7-fhir"])
    label: str = Field(examples=["HL7 FHIR"])
    category: str = Field(examples=["standard"])
    importance: str = Field(examples=["core"])
    weight: float = Field(gt=0, examples=[2.0])
    credit: float = Field(ge=0, le=1, examples=[0.0])
    via: list[str] = Field(default=[], examples=[[]])
    gain: float = Field(ge=0, le=100, examples=[6.5])
    reachable_score: float = Field(ge=0, le=100, examples=[78.0])
    curriculum: list[CurriculumLinkOut] = []
    certifications: list[CertificationLinkOut] = []


class GapAnalysisOut(_Wire):
    """What the resume lacks for one role, heaviest first (rule fit scores, 0..100)."""

    data_version: str = Field(examples=[_DATA_VERSION])
    role_id: str = Field(examples=["implementation-support-specialist"])
    role_name: str = Field(examples=["Implementation support specialist"])
    score: float = Field(ge=0, le=100, examples=[71.5])
    missing: list[SkillGapOut] = Field(description="Missing role skills, heaviest first.")
    missing_total: int = Field(ge=0, examples=[6])
    score_with_missing: float = Field(ge=0, le=100, examples=[100.0])
    upgrades: list[SkillGapOut] = Field(
        default=[], description="Role skills only a broader skill partly shows."
    )
    upgrades_total: int = Field(default=0, ge=0, examples=[1])


# --- employers ------------------------------------------------------------------------


class RoleOut(_Wire):
    """One of the twelve workforce roles."""

    id: str = Field(examples=["trainer"])
    name: str = Field(examples=["Trainer"])
    level: str = Field(examples=["community-college"])
    definition: str = Field(
        examples=["Designs and delivers training for clinical and administrative EHR users."]
    )


class SkillRefOut(_Wire):
    """A taxonomy skill."""

    skill_id: str = Field(examples=["hl7-v2"])
    label: str = Field(examples=["HL7 v2"])
    category: str | None = Field(default=None, examples=["standard"])


class CandidateSkillOut(_Wire):
    """A skill a candidate evidences (years from dated jobs, None when undated)."""

    skill_id: str = Field(examples=["hl7-v2"])
    label: str = Field(examples=["HL7 v2"])
    years: float | None = Field(default=None, examples=[2.5])
    certification: bool = Field(default=False, examples=[False])


class CandidateRoleOut(_Wire):
    """A candidate's fit for a role."""

    role_id: str = Field(examples=["implementation-support-specialist"])
    name: str = Field(examples=["Implementation support specialist"])
    score: float = Field(ge=0, le=100, examples=[72.5])
    probability: float | None = Field(default=None, examples=[0.61])


class CandidateOut(_Wire):
    """An opted-in candidate.

    Blind: names and contact details are null until the candidate accepts a contact
    request from your organisation (``revealed``).
    """

    candidate_id: uuid.UUID = Field(examples=[_CANDIDATE_ID])
    revealed: bool = Field(examples=[False])
    name: str | None = Field(default=None, examples=[None])
    emails: list[str] = Field(default=[], examples=[[]])
    phones: list[str] = Field(default=[], examples=[[]])
    city: str | None = Field(default=None, examples=[None])
    links: list[str] = Field(default=[], examples=[[]])
    state: str | None = Field(default=None, examples=["IA"])
    open_to_remote: bool = Field(examples=[True])
    program_level: str | None = Field(default=None, examples=["community-college"])
    years_experience: float = Field(examples=[3.25])
    skills: list[CandidateSkillOut]
    top_roles: list[CandidateRoleOut]
    education: list[EducationOut]
    job_titles: list[str] = Field(examples=[["EHR Implementation Support Specialist"]])


class RankedCandidateOut(_Wire):
    """A candidate's place in a ranking and why (score 0..100, higher is better)."""

    rank: int = Field(ge=1, examples=[1])
    score: float = Field(ge=0, le=100, examples=[81.5])
    matched_required: list[SkillRefOut]
    missing_required: list[SkillRefOut]
    matched_preferred: list[SkillRefOut] = []
    missing_preferred: list[SkillRefOut] = []
    role_id: str | None = Field(default=None, examples=["implementation-support-specialist"])
    role_score: float | None = Field(default=None, examples=[72.5])
    role_probability: float | None = Field(default=None, examples=[0.61])
    meets_years: bool | None = Field(default=None, examples=[True])
    reasons: list[str] = Field(examples=[["has required Epic, HL7 v2", "lacks required SQL"]])
    candidate: CandidateOut


class RankingPage(_Wire):
    """A page of ranked candidates."""

    items: list[RankedCandidateOut]
    total: int = Field(description="Candidates in the whole ranking.", examples=[37])
    limit: int = Field(examples=[20])
    offset: int = Field(examples=[0])


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


class JobSkillOut(_Wire):
    """A taxonomy skill a job text asks for."""

    skill_id: str = Field(examples=["hl7-v2"])
    label: str = Field(examples=["HL7 v2"])
    category: str = Field(examples=["standard"])
    requirement: str | None = Field(
        default=None, description="required, preferred or null.", examples=["required"]
    )
    years: float | None = Field(default=None, ge=0, examples=[2.0])
    mentions: int = Field(ge=1, examples=[1])
    start: int = Field(ge=0, description="Offset of its first mention.", examples=[58])


class YearsRequirementOut(_Wire):
    """A duration of experience a job text asks for ("2+ years of Epic")."""

    min_years: float = Field(ge=0, examples=[2.0])
    max_years: float | None = Field(default=None, ge=0, examples=[None])
    skill_ids: list[str] = Field(default=[], examples=[["epic-ambulatory"]])
    requirement: str | None = Field(default=None, examples=["required"])
    text: str = Field(examples=["2+ years"])
    start: int = Field(ge=0, examples=[10])
    end: int = Field(gt=0, examples=[18])


class EducationRequirementOut(_Wire):
    """A level of education a job text names."""

    level: str = Field(examples=["associate"])
    rank: int = Field(ge=0, examples=[2])
    field_skill_ids: list[str] = Field(
        default=[], examples=[["associate-health-information-technology"]]
    )
    or_equivalent: bool = Field(default=False, examples=[False])
    requirement: str | None = Field(default=None, examples=[None])
    text: str = Field(examples=["Associate degree"])
    start: int = Field(ge=0, examples=[141])
    end: int = Field(gt=0, examples=[157])


class JobOut(_Wire):
    """A posted job and what the engine read in it."""

    id: uuid.UUID = Field(examples=[_JOB_ID])
    title: str = Field(examples=["EHR Implementation Support Specialist"])
    created_at: datetime = Field(examples=[_WHEN])
    data_version: str = Field(examples=[_DATA_VERSION])
    detected_roles: list[CandidateRoleOut] = Field(description="Best fit first (top 3).")
    required: list[JobSkillOut]
    preferred: list[JobSkillOut]
    unspecified: list[JobSkillOut]
    certifications: list[JobSkillOut]
    years: list[YearsRequirementOut]
    min_years: float | None = Field(default=None, examples=[2.0])
    education: list[EducationRequirementOut]


class JobPage(_Wire):
    """A page of the organisation's jobs."""

    items: list[JobOut]
    total: int = Field(examples=[3])
    limit: int = Field(examples=[20])
    offset: int = Field(examples=[0])


class ContactRequestIn(_Wire):
    """Ask a candidate to reveal their name and contact details."""

    message: str = Field(
        default="",
        max_length=2_000,
        examples=["We are hiring an EHR trainer in Ames; would you like to talk?"],
    )
    job_id: uuid.UUID | None = Field(default=None, examples=[_JOB_ID])


class ContactRequestOut(_Wire):
    """A contact request made by the organisation."""

    id: uuid.UUID = Field(examples=[_REQUEST_ID])
    candidate_id: uuid.UUID = Field(examples=[_CANDIDATE_ID])
    job_id: uuid.UUID | None = Field(default=None, examples=[_JOB_ID])
    message: str = Field(examples=["We are hiring an EHR trainer in Ames; would you like to talk?"])
    status: Literal["pending", "accepted", "declined"] = Field(examples=["pending"])
    created_at: datetime = Field(examples=[_WHEN])
    responded_at: datetime | None = Field(default=None, examples=[None])
