"""Wire models of a graduate's data.

Resume, profile, skills with evidence, role scores, competencies, gap analysis and the
contact requests received.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Literal

from pydantic import ConfigDict, Field, StrictBool, model_validator

from matcher.api.schemas._common import (
    EXAMPLE_CANDIDATE_ID,
    EXAMPLE_DATA_VERSION,
    EXAMPLE_MODEL_VERSION,
    EXAMPLE_REQUEST_ID,
    EXAMPLE_RESUME_ID,
    EXAMPLE_WHEN,
    InputModel,
    WireModel,
)

__all__ = [
    "CertificationLinkOut",
    "CertificationOut",
    "CompetenciesOut",
    "CompetencyOut",
    "ContactAnswerIn",
    "ContactOut",
    "CurriculumLinkOut",
    "EducationOut",
    "ExperienceOut",
    "GapAnalysisOut",
    "GraduateContactRequestOut",
    "MentionOut",
    "OutcomeOut",
    "ProfileOut",
    "ProfileSettingsIn",
    "ResumeMetaOut",
    "ResumeOut",
    "RoleScoreOut",
    "RoleSkillOut",
    "SkillGapOut",
    "SkillOut",
    "TierOut",
]


class ContactOut(WireModel):
    """Name and contact details read from the resume."""

    name: str | None = Field(default=None, examples=["Avery Demo"])
    emails: list[str] = Field(default=[], examples=[["avery.demo@example.org"]])
    phones: list[str] = Field(default=[], examples=[["(555) 010-0142"]])
    city: str | None = Field(default=None, examples=["Ames"])
    state: str | None = Field(default=None, examples=["IA"])
    links: list[str] = Field(default=[], examples=[["https://www.example.org/avery-demo"]])


class EducationOut(WireModel):
    """A degree or school."""

    degree: str | None = Field(default=None, examples=["A.A.S."])
    field: str | None = Field(default=None, examples=["Health Information Technology"])
    institution: str | None = Field(default=None, examples=["Example Community College"])
    year: int | None = Field(default=None, examples=[2019])


class ExperienceOut(WireModel):
    """A job, with its length in months."""

    title: str | None = Field(default=None, examples=["EHR Implementation Support Specialist"])
    employer: str | None = Field(default=None, examples=["Example Regional Hospital"])
    start_date: date | None = Field(default=None, examples=["2019-06-01"])
    end_date: date | None = Field(default=None, examples=["2022-08-31"])
    current: bool = Field(default=False, examples=[False])
    months: int = Field(default=0, examples=[39])


class CertificationOut(WireModel):
    """A certification named in the resume (``skill_id`` when it is in the taxonomy)."""

    name: str = Field(examples=["CHTS-IS"])
    skill_id: str | None = Field(default=None, examples=["chts-is"])


class ResumeMetaOut(WireModel):
    """The stored resume: file facts and the versions that analysed it."""

    resume_id: uuid.UUID = Field(examples=[EXAMPLE_RESUME_ID])
    filename: str = Field(examples=["resume.pdf"])
    source_format: str = Field(examples=["pdf"])
    size_bytes: int = Field(examples=[48213])
    sha256: str = Field(
        description="SHA-256 of the original file, hex.",
        examples=["9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"],
    )
    pages: int | None = Field(default=None, examples=[2])
    uploaded_at: datetime = Field(examples=[EXAMPLE_WHEN])
    data_version: str = Field(examples=[EXAMPLE_DATA_VERSION])
    model_version: str | None = Field(
        default=None,
        description="Role-scorer artifact version (None: rule scores only).",
        examples=[EXAMPLE_MODEL_VERSION],
    )


class RoleSkillOut(WireModel):
    """A role skill and how the resume covers it (credit 0..1)."""

    skill_id: str = Field(examples=["epic"])
    label: str = Field(examples=["Epic"])
    importance: str = Field(examples=["core"])
    credit: float = Field(ge=0, le=1, examples=[1.0])


class RoleScoreOut(WireModel):
    """Fit to one role: score 0..100 (rule coverage), probability 0..1 (learned model)."""

    role_id: str = Field(examples=["implementation-support-specialist"])
    name: str = Field(examples=["Implementation support specialist"])
    rank: int = Field(ge=1, examples=[1])
    score: float = Field(ge=0, le=100, examples=[72.5])
    probability: float | None = Field(default=None, ge=0, le=1, examples=[0.61])
    matched: list[RoleSkillOut]
    missing: list[RoleSkillOut]
    data_version: str = Field(examples=[EXAMPLE_DATA_VERSION])
    model_version: str | None = Field(default=None, examples=[EXAMPLE_MODEL_VERSION])


class OutcomeOut(WireModel):
    """The learned model's verdict: the most probable role or ``none`` (not health IT)."""

    role_id: str = Field(examples=["implementation-support-specialist"])
    probability: float = Field(ge=0, le=1, examples=[0.61])
    none_probability: float = Field(ge=0, le=1, examples=[0.04])
    model_version: str = Field(examples=[EXAMPLE_MODEL_VERSION])


class ResumeOut(WireModel):
    """What the engine made of an uploaded resume."""

    resume: ResumeMetaOut
    skills_found: int = Field(description="Distinct skills the resume evidences.", examples=[23])
    roles: list[RoleScoreOut] = Field(description="Best fit first.")
    outcome: OutcomeOut | None = None


class ProfileOut(WireModel):
    """The graduate's parsed profile and the choices they made."""

    candidate_id: uuid.UUID = Field(
        description="The id employers see.", examples=[EXAMPLE_CANDIDATE_ID]
    )
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


class ProfileSettingsIn(InputModel):
    """What a graduate chooses (omitted fields stay as they are)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"searchable": True, "open_to_remote": True}]},
    )

    searchable: StrictBool | None = Field(default=None, examples=[True])
    open_to_remote: StrictBool | None = Field(default=None, examples=[True])
    program_level: Literal["community-college", "university"] | None = Field(
        default=None,
        examples=["community-college"],
        description="The program you trained in; `null` forgets it, omitted keeps it.",
    )

    @model_validator(mode="after")
    def _choices_are_true_or_false(self) -> ProfileSettingsIn:
        for name in ("searchable", "open_to_remote"):
            if name in self.model_fields_set and getattr(self, name) is None:
                raise ValueError(f"{name} must be true or false (leave it out to keep it)")
        return self


class MentionOut(WireModel):
    """Where a skill is named: character offsets into the resume text, and context."""

    start: int = Field(examples=[412])
    end: int = Field(examples=[427])
    surface: str = Field(examples=["Epic Ambulatory"])
    section: str | None = Field(default=None, examples=["experience"])
    negated: bool = Field(default=False, examples=[False])
    hypothetical: bool = Field(default=False, examples=[False])


class SkillOut(WireModel):
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


class CompetencyOut(WireModel):
    """Level 0..4 of one block of the competency model, with the evidence skills."""

    competency_id: str = Field(examples=["interoperability-standards"])
    name: str = Field(examples=["Interoperability Standards"])
    tier: int = Field(examples=[5])
    level: int = Field(ge=0, le=4, examples=[2])
    level_name: str = Field(examples=["working"])
    evidence: list[str] = Field(examples=[["hl7-v2", "hl7-fhir", "interface-engine"]])


class TierOut(WireModel):
    """Mean level (0..4) of a tier of the competency model."""

    tier: int = Field(examples=[5])
    name: str = Field(examples=["Industry-wide technical competencies"])
    mean_level: float = Field(examples=[1.6])
    evidenced: int = Field(examples=[4])
    total: int = Field(examples=[7])


class CompetenciesOut(WireModel):
    """The competency profile."""

    competencies: list[CompetencyOut]
    tiers: list[TierOut]


class GraduateContactRequestOut(WireModel):
    """A request from an employer to see the graduate's name and contact details."""

    id: uuid.UUID = Field(examples=[EXAMPLE_REQUEST_ID])
    organisation: str = Field(examples=["Prairie Rural Health Clinic"])
    message: str = Field(examples=["We are hiring an EHR trainer in Ames; would you like to talk?"])
    status: Literal["pending", "accepted", "declined"] = Field(examples=["pending"])
    created_at: datetime = Field(examples=[EXAMPLE_WHEN])
    responded_at: datetime | None = Field(default=None, examples=[None])


class ContactAnswerIn(InputModel):
    """Accept (reveal name and contact details to that organisation) or decline."""

    accept: StrictBool = Field(examples=[True])


class CurriculumLinkOut(WireModel):
    """A curriculum component where a skill is taught."""

    component: int = Field(ge=1, examples=[9])
    title: str = Field(examples=["Networking and Health Information Exchange"])
    role_emphasis: str | None = Field(default=None, examples=["core"])
    via: list[str] = Field(default=[], examples=[["interoperability-standards"]])


class CertificationLinkOut(WireModel):
    """A certification whose competency-model block covers a skill."""

    skill_id: str = Field(examples=["chts-is"])
    label: str = Field(examples=["CHTS-IS"])
    for_role: bool = Field(default=False, examples=[True])
    via: list[str] = Field(default=[], examples=[["interoperability-standards"]])


class SkillGapOut(WireModel):
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


class GapAnalysisOut(WireModel):
    """What the resume lacks for one role, heaviest first (rule fit scores, 0..100)."""

    data_version: str = Field(examples=[EXAMPLE_DATA_VERSION])
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
