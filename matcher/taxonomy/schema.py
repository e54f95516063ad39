"""Pydantic models of every file in ``data/``.

Each model forbids unknown keys and is frozen, so a typo in a data file is an error
rather than a silently ignored field. Cross-file checks (references between files) live
in :mod:`matcher.taxonomy.loader`. The text-rule files (``sections.yaml``,
``extraction.yaml``) have their models in :mod:`matcher.taxonomy.rules_schema`; they are
re-exported here so that every data model can be imported from one place.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field, model_validator

from matcher.taxonomy._base import FrozenModel, NonEmpty, Slug
from matcher.taxonomy.rules_schema import (
    DegreeLevel,
    ExtractionRules,
    FieldCues,
    JobRequirementRules,
    SectionCategory,
    SectionsFile,
    UsState,
)

__all__ = [
    "Category",
    "CategoryFile",
    "Certainty",
    "Competency",
    "CompetencyLevel",
    "CompetencyModel",
    "CurriculumComponent",
    "CurriculumFile",
    "DegreeLevel",
    "ExtractionRules",
    "FieldCues",
    "Importance",
    "JobRequirementRules",
    "MentionType",
    "ModelEdition",
    "NameStatus",
    "NonEmpty",
    "OnetLink",
    "ProgramLevel",
    "Role",
    "RoleCompetency",
    "RoleCurriculum",
    "RoleSkill",
    "ScoringConfig",
    "SectionCategory",
    "SectionsFile",
    "Skill",
    "SkillAlias",
    "Slug",
    "Tier",
    "UsState",
]


class MentionType(StrEnum):
    """How a skill counts when mentioned in text (the labelling guide's types)."""

    HARD = "HARD"
    CERT = "CERT"
    SOFT = "SOFT"
    DEGREE = "DEGREE"


class Certainty(StrEnum):
    """How well a fact is supported (the reference's V/P/B/J marks)."""

    VERIFIED = "verified"
    PARTLY_VERIFIED = "partly-verified"
    BACKGROUND = "background"
    JUDGEMENT = "judgement"


class NameStatus(StrEnum):
    """Whether a competency-model name is as published."""

    VERIFIED = "verified"
    PARTLY_VERIFIED = "partly-verified"
    INFERRED = "inferred"
    PROJECT_DEFINED = "project-defined"


class ProgramLevel(StrEnum):
    """Which training programme prepared people for a role."""

    COMMUNITY_COLLEGE = "community-college"
    UNIVERSITY = "university"


class Importance(StrEnum):
    """How much a skill matters for a role."""

    REQUIRED = "required"
    CORE = "core"
    SUPPORTING = "supporting"


# --- taxonomy ------------------------------------------------------------------------


class Category(FrozenModel):
    """A skill category (``data/taxonomy/categories.yaml``).

    The file name of ``data/taxonomy/skills/<id>.csv`` and ``aliases/<id>.csv`` is the id.
    """

    id: Slug
    label: NonEmpty
    mention_type: MentionType
    description: NonEmpty
    #: categories whose accepted mentions support an ambiguous name of this category
    #: when they introduce it as an example (``examples`` in ``extraction.yaml``):
    #: "EHRs like Epic", a health IT system introducing an EHR product.
    supported_by: list[Slug] = Field(default_factory=list)
    #: health-specific vocabulary: a list neighbour supports an ambiguous name of this
    #: category only when it is health vocabulary too ("high throughput and low latency"
    #: is no patient flow).
    health: bool = False
    #: named products: a capitalised ambiguous name followed by a product noun is one
    #: ("Access database", "Epic medical software"); in other categories such a name
    #: names the kind of system ("Billing Processing system"), not a skill.
    products: bool = False


class CategoryFile(FrozenModel):
    """``data/taxonomy/categories.yaml``."""

    categories: list[Category] = Field(min_length=1)

    @model_validator(mode="after")
    def _supporters_are_categories(self) -> CategoryFile:
        known = {c.id for c in self.categories}
        for category in self.categories:
            unknown = sorted(set(category.supported_by) - known)
            if unknown:
                raise ValueError(
                    f"category {category.id!r}: supported_by names unknown categories {unknown}"
                )
        return self


class Skill(FrozenModel):
    """One row of ``data/taxonomy/skills/<category>.csv``.

    The label is always an alias of its skill (case-insensitive, unambiguous) unless
    the aliases file lists the same text with other flags.
    """

    skill_id: Slug
    label: NonEmpty
    parent: Slug | None = None
    description: NonEmpty
    category: Slug


class SkillAlias(FrozenModel):
    """One row of ``data/taxonomy/aliases/<category>.csv``.

    Attributes:
        case_sensitive: match only the exact casing (e.g. ``R``, ``Go``, ``Epic``).
        needs_context: the alias is ambiguous on its own (``Access``, ``Word``, ``C``);
            the extractor accepts it only with supporting context.
    """

    skill_id: Slug
    alias: NonEmpty
    case_sensitive: bool = False
    needs_context: bool = False


# --- roles ---------------------------------------------------------------------------


class RoleSkill(FrozenModel):
    """A skill a role asks for, with its importance."""

    id: Slug
    importance: Importance


class RoleCompetency(FrozenModel):
    """A competency-model block and how central it is to the role (1..3)."""

    id: Slug
    relevance: int = Field(ge=1, le=3)


class RoleCurriculum(FrozenModel):
    """An ONC curriculum component and its emphasis for the role."""

    component: int = Field(ge=1)
    emphasis: Annotated[str, Field(pattern=r"^(core|secondary|overlap)$")]


class OnetLink(FrozenModel):
    """An O*NET-SOC occupation linked to the role (our mapping)."""

    code: Annotated[str, Field(pattern=r"^\d{2}-\d{4}\.\d{2}$")]
    title: NonEmpty
    relation: Annotated[str, Field(pattern=r"^(primary|secondary|background)$")]


class Role(FrozenModel):
    """``data/roles/<id>.yaml``: one of the twelve workforce roles."""

    id: Slug
    name: NonEmpty
    name_variants: list[NonEmpty] = Field(default_factory=list)
    level: ProgramLevel
    onc_category: Annotated[
        str, Field(pattern=r"^(mobile-adoption-support|permanent-staff|informaticians)$")
    ]
    onc_category_certainty: Certainty
    definition: NonEmpty
    definition_certainty: Certainty
    typical_background: NonEmpty
    exam: Slug | None = None
    titles: list[NonEmpty] = Field(min_length=3)
    skills: list[RoleSkill] = Field(min_length=5)
    competencies: list[RoleCompetency] = Field(min_length=1)
    certifications: list[Slug] = Field(default_factory=list)
    curriculum: list[RoleCurriculum] = Field(default_factory=list)
    onet: list[OnetLink] = Field(default_factory=list)
    sources: list[NonEmpty] = Field(default_factory=list)


# --- competency model ---------------------------------------------------------------


class ModelEdition(FrozenModel):
    """A published edition of the competency model."""

    version: Annotated[str, Field(pattern=r"^\d{4}$")]
    name: NonEmpty
    publisher: NonEmpty
    released: NonEmpty
    note: str = ""


class CompetencyLevel(FrozenModel):
    """A level of the competency profile and the evidence it takes."""

    level: int = Field(ge=0, le=4)
    name: NonEmpty
    min_evidence: int = Field(ge=0)


class Competency(FrozenModel):
    """A block of the model (a competency) with the skills that evidence it.

    Attributes:
        names: the published name per edition (``"2011"``, ``"2018"``).
        numbers: the published block number per edition, where it had one.
    """

    id: Slug
    names: dict[str, NonEmpty] = Field(min_length=1)
    numbers: dict[str, NonEmpty] = Field(default_factory=dict)
    name_status: NameStatus
    description: NonEmpty
    skills: list[Slug] = Field(min_length=1)
    sources: list[NonEmpty] = Field(default_factory=list)


class Tier(FrozenModel):
    """A tier of the building-blocks pyramid."""

    number: int = Field(ge=1, le=9)
    name: NonEmpty
    name_status: NameStatus
    description: NonEmpty
    competencies: list[Competency] = Field(min_length=1)


class CompetencyModel(FrozenModel):
    """``data/competency_model.yaml``."""

    editions: list[ModelEdition] = Field(min_length=1)
    levels: list[CompetencyLevel] = Field(min_length=2)
    tiers: list[Tier] = Field(min_length=1)


# --- curriculum and scoring ---------------------------------------------------------


class CurriculumComponent(FrozenModel):
    """A component (course) of the ONC health IT curriculum.

    Attributes:
        competencies: competency-model blocks the component teaches (our mapping): a
            skill that evidences one of them can be learned there.
        skills: skills the component teaches that no block of ``competencies`` lists.
    """

    number: int = Field(ge=1)
    title: NonEmpty
    version: NonEmpty
    certainty: Certainty
    competencies: list[Slug] = Field(default_factory=list)
    skills: list[Slug] = Field(default_factory=list)


class CurriculumFile(FrozenModel):
    """``data/curriculum.yaml``."""

    components: list[CurriculumComponent] = Field(min_length=1)


class ScoringConfig(FrozenModel):
    """``data/scoring.yaml``: weights used by the rule-based scorer."""

    importance_weights: dict[Importance, float]
    parent_credit: float = Field(ge=0, le=1)
