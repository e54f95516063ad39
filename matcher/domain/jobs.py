"""Job-description analysis: skills required or preferred, years, education."""

from __future__ import annotations

from pydantic import Field

from matcher.domain._base import ValueObject
from matcher.domain.scores import RoleOutcome, RoleScore
from matcher.domain.skills import CandidateProfile

__all__ = ["EducationRequirement", "JobAnalysis", "JobSkill", "YearsRequirement"]


class JobSkill(ValueObject):
    """A taxonomy skill a job text asks for.

    Attributes:
        skill_id: taxonomy id.
        label: display label.
        category: taxonomy category id.
        requirement: ``required``, ``preferred`` or None (named without either cue); a
            skill named several times takes the strongest.
        years: the fewest years of experience the text asks for with this skill, if any.
        mentions: how many times the text names it (held mentions only).
        start: offset of its first mention.
    """

    skill_id: str
    label: str
    category: str
    requirement: str | None = None
    years: float | None = Field(default=None, ge=0)
    mentions: int = Field(ge=1)
    start: int = Field(ge=0)


class YearsRequirement(ValueObject):
    """A duration of experience a job text asks for ("3+ years of Epic experience").

    Attributes:
        min_years: lower bound in years (months / 12 for "18 months").
        max_years: upper bound of a range ("2-5 years"); None when open ("3+ years").
        skill_ids: skills the duration is about; empty when it is about the job overall.
        requirement: ``required``, ``preferred`` or None.
        text: the duration as written; start/end: its offsets in the text.
    """

    min_years: float = Field(ge=0)
    max_years: float | None = Field(default=None, ge=0)
    skill_ids: tuple[str, ...] = ()
    requirement: str | None = None
    text: str
    start: int = Field(ge=0)
    end: int = Field(gt=0)


class EducationRequirement(ValueObject):
    """A level of education a job text names.

    Attributes:
        level: level id from ``data/extraction.yaml`` (``bachelor`` ...).
        rank: 0 (high school) upwards.
        field_skill_ids: skills named as the field of study in the same clause.
        or_equivalent: the clause accepts equivalent experience instead.
        requirement: ``required``, ``preferred`` or None.
        text: the degree as written; start/end: its offsets in the text.
    """

    level: str
    rank: int = Field(ge=0)
    field_skill_ids: tuple[str, ...] = ()
    or_equivalent: bool = False
    requirement: str | None = None
    text: str
    start: int = Field(ge=0)
    end: int = Field(gt=0)


class JobAnalysis(ValueObject):
    """What the engine reads in an employer's job text.

    Attributes:
        data_version: data set the analysis used.
        profile: every skill mention (offsets, context), as for a resume.
        roles: the twelve role scores of the text, best fit first.
        required: skills the text requires, in text order (certifications apart).
        preferred: skills it prefers, in text order (certifications apart).
        unspecified: skills named without a required/preferred cue (certifications apart).
        certifications: certification skills, each with its requirement.
        years: durations of experience asked for, in text order.
        min_years: the largest lower bound among the non-preferred durations (all of them
            when every one is preferred): the experience the job asks for; None if none.
        education: levels of education named, in text order.
        outcome: the role model's verdict (a role, or ``none`` when the job is not
            health IT work); None without a role model.
    """

    data_version: str
    profile: CandidateProfile
    roles: tuple[RoleScore, ...]
    required: tuple[JobSkill, ...] = ()
    preferred: tuple[JobSkill, ...] = ()
    unspecified: tuple[JobSkill, ...] = ()
    certifications: tuple[JobSkill, ...] = ()
    years: tuple[YearsRequirement, ...] = ()
    min_years: float | None = Field(default=None, ge=0)
    education: tuple[EducationRequirement, ...] = ()
    outcome: RoleOutcome | None = None
