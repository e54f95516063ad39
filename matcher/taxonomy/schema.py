"""Pydantic models of every file in ``data/``.

Each model forbids unknown keys and is frozen, so a typo in a data file is an error
rather than a silently ignored field. Cross-file checks (references between files) live
in :mod:`matcher.taxonomy.loader`.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

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
    "FieldCues",
    "Importance",
    "JobRequirementRules",
    "MentionType",
    "ModelEdition",
    "NameStatus",
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

_SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _check_slug(value: str) -> str:
    if not _SLUG_RE.match(value):
        raise ValueError(
            f"{value!r} is not a valid id: use lowercase letters, digits and single hyphens"
        )
    return value


Slug = Annotated[str, AfterValidator(_check_slug)]
NonEmpty = Annotated[str, Field(min_length=1)]


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


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


class Category(_Frozen):
    """A skill category (``data/taxonomy/categories.yaml``).

    The file name of ``data/taxonomy/skills/<id>.csv`` and ``aliases/<id>.csv`` is the id.
    """

    id: Slug
    label: NonEmpty
    mention_type: MentionType
    description: NonEmpty


class CategoryFile(_Frozen):
    """``data/taxonomy/categories.yaml``."""

    categories: list[Category] = Field(min_length=1)


class Skill(_Frozen):
    """One row of ``data/taxonomy/skills/<category>.csv``.

    The label is always an alias of its skill (case-insensitive, unambiguous) unless
    the aliases file lists the same text with other flags.
    """

    skill_id: Slug
    label: NonEmpty
    parent: Slug | None = None
    description: NonEmpty
    category: Slug


class SkillAlias(_Frozen):
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


class RoleSkill(_Frozen):
    """A skill a role asks for, with its importance."""

    id: Slug
    importance: Importance


class RoleCompetency(_Frozen):
    """A competency-model block and how central it is to the role (1..3)."""

    id: Slug
    relevance: int = Field(ge=1, le=3)


class RoleCurriculum(_Frozen):
    """An ONC curriculum component and its emphasis for the role."""

    component: int = Field(ge=1)
    emphasis: Annotated[str, Field(pattern=r"^(core|secondary|overlap)$")]


class OnetLink(_Frozen):
    """An O*NET-SOC occupation linked to the role (our mapping)."""

    code: Annotated[str, Field(pattern=r"^\d{2}-\d{4}\.\d{2}$")]
    title: NonEmpty
    relation: Annotated[str, Field(pattern=r"^(primary|secondary|background)$")]


class Role(_Frozen):
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


class ModelEdition(_Frozen):
    """A published edition of the competency model."""

    version: Annotated[str, Field(pattern=r"^\d{4}$")]
    name: NonEmpty
    publisher: NonEmpty
    released: NonEmpty
    note: str = ""


class CompetencyLevel(_Frozen):
    """A level of the competency profile and the evidence it takes."""

    level: int = Field(ge=0, le=4)
    name: NonEmpty
    min_evidence: int = Field(ge=0)


class Competency(_Frozen):
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


class Tier(_Frozen):
    """A tier of the building-blocks pyramid."""

    number: int = Field(ge=1, le=9)
    name: NonEmpty
    name_status: NameStatus
    description: NonEmpty
    competencies: list[Competency] = Field(min_length=1)


class CompetencyModel(_Frozen):
    """``data/competency_model.yaml``."""

    editions: list[ModelEdition] = Field(min_length=1)
    levels: list[CompetencyLevel] = Field(min_length=2)
    tiers: list[Tier] = Field(min_length=1)


# --- curriculum and scoring ---------------------------------------------------------


class CurriculumComponent(_Frozen):
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


class CurriculumFile(_Frozen):
    """``data/curriculum.yaml``."""

    components: list[CurriculumComponent] = Field(min_length=1)


class ScoringConfig(_Frozen):
    """``data/scoring.yaml``: weights used by the rule-based scorer."""

    importance_weights: dict[Importance, float]
    parent_credit: float = Field(ge=0, le=1)


def _check_regex(value: str) -> str:
    try:
        re.compile(value)
    except re.error as exc:
        raise ValueError(f"{value!r} is not a valid regular expression: {exc}") from exc
    return value


Regex = Annotated[str, Field(min_length=1), AfterValidator(_check_regex)]


class SectionCategory(_Frozen):
    """One resume section category and the header lines that open it.

    ``headers`` are literals compared after normalisation (lower case, ``&`` -> ``and``,
    punctuation and extra spaces removed); ``patterns`` are regular expressions matched
    against the same normalised header (full match).
    """

    id: Slug
    label: NonEmpty
    headers: tuple[NonEmpty, ...] = ()
    patterns: tuple[Regex, ...] = ()


class UsState(_Frozen):
    """A US state or territory: postal abbreviation and name."""

    abbr: Annotated[str, Field(pattern=r"^[A-Z]{2}$")]
    name: NonEmpty


class FieldCues(_Frozen):
    """Words and patterns the field extractor reads as evidence (case-insensitive).

    Attributes:
        title_words: words typical of job titles (``analyst``, ``nurse``).
        employer_words: words typical of organisation names (``hospital``, ``inc``).
        institution_words: words typical of school names (``university``, ``college``).
        us_states: US states and territories, for locations (``Springfield, IL``).
        degree_patterns: regular expressions matching a degree of higher education at a
            word boundary.
        school_level_patterns: regular expressions matching school-leaving certificates
            (10th/12th, SSC/HSC, high school diploma); read as degrees, but dropped beside
            a higher degree.
    """

    title_words: tuple[NonEmpty, ...]
    employer_words: tuple[NonEmpty, ...]
    institution_words: tuple[NonEmpty, ...]
    us_states: tuple[UsState, ...] = ()
    degree_patterns: tuple[Regex, ...]
    school_level_patterns: tuple[Regex, ...] = ()


class SectionsFile(_Frozen):
    """``data/sections.yaml``: section header rules and field-extraction cues.

    Attributes:
        max_header_words: longest header line, in words, taken as a header.
        categories: section categories with their headers (``contact`` holds the text
            before the first header and needs no headers of its own).
        cues: vocabulary the field extractor relies on.
    """

    max_header_words: int = Field(default=6, ge=1, le=20)
    categories: tuple[SectionCategory, ...] = Field(min_length=1)
    cues: FieldCues


# --- extraction context rules -------------------------------------------------------


class CueList(_Frozen):
    """Cue phrases that set a context on the skills in their scope.

    Attributes:
        before: phrases whose scope is the rest of their clause, to the right.
        after: phrases whose scope is the start of their clause, to the left.
    """

    before: tuple[NonEmpty, ...] = ()
    after: tuple[NonEmpty, ...] = ()


class RequirementRules(_Frozen):
    """How job text marks skills as required or preferred.

    Attributes:
        required: cue phrases inside a clause.
        preferred: cue phrases inside a clause.
        required_headers: words that make a short header line open a "required" block.
        preferred_headers: words that make a short header line open a "preferred" block.
    """

    required: CueList
    preferred: CueList
    required_headers: tuple[NonEmpty, ...]
    preferred_headers: tuple[NonEmpty, ...]


class UnknownSkillRules(_Frozen):
    """Where phrases outside the taxonomy are proposed as skills.

    Attributes:
        cues: phrases after which list items are proposed ("experience with").
        sections: resume sections whose list items are proposed (``skills``).
        strip_words: words dropped from either end of a proposed phrase.
        max_tokens: longest proposed phrase, in tokens.
        min_chars: shortest proposed phrase, in characters.
    """

    cues: tuple[NonEmpty, ...] = ()
    sections: tuple[NonEmpty, ...] = ()
    strip_words: tuple[NonEmpty, ...] = ()
    max_tokens: int = Field(default=5, ge=1, le=12)
    min_chars: int = Field(default=3, ge=1)


class DegreeLevel(_Frozen):
    """A level of education and the patterns that name it in job text.

    Attributes:
        level: id of the level (``bachelor``).
        rank: order of the levels, 0 lowest (high school) upwards.
        patterns: regular expressions (case-insensitive, matched at a word start).
    """

    level: Slug
    rank: int = Field(ge=0, le=9)
    patterns: tuple[Regex, ...] = Field(min_length=1)


class JobRequirementRules(_Frozen):
    """How job text states years of experience and education.

    A duration ("3+ years", "two to five years") counts as an experience requirement
    when an ``experience_words`` word follows it within ``window_words`` words of its
    clause, a ``lead_cues`` phrase ends right before it, a ``link_words`` word follows
    it directly, or it opens a bullet line or follows "(" or ":"; it is dropped when a
    ``reject_before`` phrase ends right before it, a ``reject_after`` phrase starts right
    after it ("within 2 years", "25 years ago") or it is over ``max_years``.

    Attributes:
        experience_words: words that make a duration experience ("experience").
        lead_cues: phrases that make a duration a requirement ("minimum of").
        link_words: words right after the unit that tie it to a subject ("in", "with").
        reject_before: phrases before a duration that make it something else.
        reject_after: phrases after the unit that make it something else.
        window_words: how far, in words, an experience word may follow the unit.
        max_years: longer durations are never read as experience asked of a person.
        degree_levels: levels of education and how job text names them.
    """

    experience_words: tuple[NonEmpty, ...] = ()
    lead_cues: tuple[NonEmpty, ...] = ()
    link_words: tuple[NonEmpty, ...] = ()
    reject_before: tuple[NonEmpty, ...] = ()
    reject_after: tuple[NonEmpty, ...] = ()
    window_words: int = Field(default=8, ge=1, le=30)
    max_years: float = Field(default=30, gt=0)
    degree_levels: tuple[DegreeLevel, ...] = ()


class ExtractionRules(_Frozen):
    """``data/extraction.yaml``: context rules for skill mentions and list handling.

    Attributes:
        negation: cues after/before which a skill is not held ("no experience with").
        hypothetical: cues that make a skill an aim, not a holding ("willing to learn").
        field_of_study: cues that make a skill a degree's subject ("degree in").
        requirement: required/preferred cues for job text.
        name_heads: words that, right after a skill name, make it part of a job title
            or an organisation's name ("Data Scientist", "... Association").
        unknown_skills: where phrases outside the taxonomy are proposed as skills.
        clause_breaks: characters that end a cue's scope (besides line ends).
        list_separators: tokens between the items of a list ("Epic Ambulatory,
            Inpatient and Cadence" shares "Epic" across its items).
        max_list_item_tokens: longest list item, in tokens, that inherits a prefix.
        max_header_chars: longest line taken as a requirement-block header.
        job_requirements: years of experience and education in job text.
    """

    negation: CueList
    hypothetical: CueList
    field_of_study: CueList
    requirement: RequirementRules
    name_heads: tuple[NonEmpty, ...] = ()
    unknown_skills: UnknownSkillRules = UnknownSkillRules()
    clause_breaks: NonEmpty
    list_separators: tuple[NonEmpty, ...] = Field(min_length=1)
    max_list_item_tokens: int = Field(default=3, ge=1, le=6)
    max_header_chars: int = Field(default=60, ge=10, le=200)
    job_requirements: JobRequirementRules = JobRequirementRules()
