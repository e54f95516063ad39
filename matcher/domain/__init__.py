"""Frozen value objects shared by every layer.

These are the only shapes that cross layer boundaries: the pipeline returns a
:class:`CandidateProfile`, the scorers return :class:`RoleScore` and
:class:`CompetencyScore`; nothing outside the pipeline sees a spaCy ``Doc``.
"""

from __future__ import annotations

from matcher.domain.documents import (
    CertificationEntry,
    ContactInfo,
    EducationEntry,
    ExperienceEntry,
    RawDocument,
    ResumeFields,
    SectionSpan,
    SkillExperience,
)
from matcher.domain.gaps import (
    CertificationLink,
    CurriculumLink,
    GapAnalysis,
    SkillGap,
)
from matcher.domain.jobs import (
    EducationRequirement,
    JobAnalysis,
    JobSkill,
    YearsRequirement,
)
from matcher.domain.scores import (
    CompetencyScore,
    RoleOutcome,
    RoleScore,
    RoleSkillEvidence,
    ScoreDriver,
    TierSummary,
)
from matcher.domain.skills import (
    CandidateProfile,
    SkillMention,
    UnknownSkill,
)

__all__ = [
    "CandidateProfile",
    "CertificationEntry",
    "CertificationLink",
    "CompetencyScore",
    "ContactInfo",
    "CurriculumLink",
    "EducationEntry",
    "EducationRequirement",
    "ExperienceEntry",
    "GapAnalysis",
    "JobAnalysis",
    "JobSkill",
    "RawDocument",
    "ResumeFields",
    "RoleOutcome",
    "RoleScore",
    "RoleSkillEvidence",
    "ScoreDriver",
    "SectionSpan",
    "SkillExperience",
    "SkillGap",
    "SkillMention",
    "TierSummary",
    "UnknownSkill",
    "YearsRequirement",
]
