"""Wire models of the employer side.

Roles and skills, candidates and rankings, jobs and the contact requests sent.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import ConfigDict, Field

from matcher.api.schemas._common import (
    EXAMPLE_CANDIDATE_ID,
    EXAMPLE_DATA_VERSION,
    EXAMPLE_JOB_ID,
    EXAMPLE_REQUEST_ID,
    EXAMPLE_WHEN,
    MAX_JOB_CHARS,
    InputModel,
    WireModel,
)
from matcher.api.schemas.graduates import EducationOut

__all__ = [
    "CandidateOut",
    "CandidateRoleOut",
    "CandidateSkillOut",
    "ContactRequestIn",
    "ContactRequestOut",
    "EducationRequirementOut",
    "JobIn",
    "JobOut",
    "JobPage",
    "JobSkillOut",
    "RankedCandidateOut",
    "RankingPage",
    "RoleOut",
    "SkillRefOut",
    "YearsRequirementOut",
]


class RoleOut(WireModel):
    """One of the twelve workforce roles."""

    id: str = Field(examples=["trainer"])
    name: str = Field(examples=["Trainer"])
    level: str = Field(examples=["community-college"])
    definition: str = Field(
        examples=["Designs and delivers training for clinical and administrative EHR users."]
    )


class SkillRefOut(WireModel):
    """A taxonomy skill."""

    skill_id: str = Field(examples=["hl7-v2"])
    label: str = Field(examples=["HL7 v2"])
    category: str | None = Field(default=None, examples=["standard"])


class CandidateSkillOut(WireModel):
    """A skill a candidate evidences (years from dated jobs, None when undated)."""

    skill_id: str = Field(examples=["hl7-v2"])
    label: str = Field(examples=["HL7 v2"])
    years: float | None = Field(default=None, examples=[2.5])
    certification: bool = Field(default=False, examples=[False])


class CandidateRoleOut(WireModel):
    """A candidate's fit for a role."""

    role_id: str = Field(examples=["implementation-support-specialist"])
    name: str = Field(examples=["Implementation support specialist"])
    score: float = Field(ge=0, le=100, examples=[72.5])
    probability: float | None = Field(default=None, examples=[0.61])


class CandidateOut(WireModel):
    """An opted-in candidate.

    Blind: names, contact details, schools and graduation years are null until the
    candidate accepts a contact request from your organisation (``revealed``).
    """

    candidate_id: uuid.UUID = Field(examples=[EXAMPLE_CANDIDATE_ID])
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


class RankedCandidateOut(WireModel):
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


class RankingPage(WireModel):
    """A page of ranked candidates."""

    items: list[RankedCandidateOut]
    total: int = Field(description="Candidates in the whole ranking.", examples=[37])
    limit: int = Field(examples=[20])
    offset: int = Field(examples=[0])


class JobIn(InputModel):
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


class JobSkillOut(WireModel):
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


class YearsRequirementOut(WireModel):
    """A duration of experience a job text asks for ("2+ years of Epic")."""

    min_years: float = Field(ge=0, examples=[2.0])
    max_years: float | None = Field(default=None, ge=0, examples=[None])
    skill_ids: list[str] = Field(default=[], examples=[["epic-ambulatory"]])
    requirement: str | None = Field(default=None, examples=["required"])
    text: str = Field(examples=["2+ years"])
    start: int = Field(ge=0, examples=[10])
    end: int = Field(gt=0, examples=[18])


class EducationRequirementOut(WireModel):
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


class JobOut(WireModel):
    """A posted job and what the engine read in it."""

    id: uuid.UUID = Field(examples=[EXAMPLE_JOB_ID])
    title: str = Field(examples=["EHR Implementation Support Specialist"])
    created_at: datetime = Field(examples=[EXAMPLE_WHEN])
    data_version: str = Field(examples=[EXAMPLE_DATA_VERSION])
    detected_roles: list[CandidateRoleOut] = Field(description="Best fit first (top 3).")
    required: list[JobSkillOut]
    preferred: list[JobSkillOut]
    unspecified: list[JobSkillOut]
    certifications: list[JobSkillOut]
    years: list[YearsRequirementOut]
    min_years: float | None = Field(default=None, examples=[2.0])
    education: list[EducationRequirementOut]


class JobPage(WireModel):
    """A page of the organisation's jobs."""

    items: list[JobOut]
    total: int = Field(examples=[3])
    limit: int = Field(examples=[20])
    offset: int = Field(examples=[0])


class ContactRequestIn(InputModel):
    """Ask a candidate to reveal their name and contact details."""

    message: str = Field(
        default="",
        max_length=2_000,
        examples=["We are hiring an EHR trainer in Ames; would you like to talk?"],
    )
    job_id: uuid.UUID | None = Field(default=None, examples=[EXAMPLE_JOB_ID])


class ContactRequestOut(WireModel):
    """A contact request made by the organisation."""

    id: uuid.UUID = Field(examples=[EXAMPLE_REQUEST_ID])
    candidate_id: uuid.UUID = Field(examples=[EXAMPLE_CANDIDATE_ID])
    job_id: uuid.UUID | None = Field(default=None, examples=[EXAMPLE_JOB_ID])
    message: str = Field(examples=["We are hiring an EHR trainer in Ames; would you like to talk?"])
    status: Literal["pending", "accepted", "declined"] = Field(examples=["pending"])
    created_at: datetime = Field(examples=[EXAMPLE_WHEN])
    responded_at: datetime | None = Field(default=None, examples=[None])
