"""Employer job text -> :class:`~matcher.domain.JobAnalysis` (no spaCy here).

The job text goes through the same pipeline as a resume (the caller passes its profile
and role scores); this module sorts its skills into required, preferred and unspecified
(from each mention's ``requirement`` context), sets certifications apart (categories whose
mention type is ``CERT``), and reads the years of experience and the education the text
asks for (:mod:`matcher.scoring.job_text`). Negated and hypothetical mentions ("Epic
experience not required", "training on Cerner provided") are left out, and so are names
and the employer's description of itself ("Clinical Data Scientist" as a title, "We use
machine learning to ...", skills under "About us" or "Benefits"): nothing there is asked
of the candidate.
"""

from __future__ import annotations

from collections.abc import Sequence

from matcher.domain import CandidateProfile, JobAnalysis, JobSkill, RoleScore, YearsRequirement
from matcher.errors import ConfigurationError
from matcher.scoring.job_rules import JobTextRules
from matcher.scoring.job_text import find_education, find_years
from matcher.taxonomy import DataBundle
from matcher.taxonomy.schema import MentionType

__all__ = ["analyse_job", "job_rules"]

_STRENGTH: dict[str | None, int] = {"required": 2, "preferred": 1, None: 0}


def job_rules(bundle: DataBundle) -> JobTextRules:
    """Compile the bundle's job-text rules (once per engine).

    Raises:
        ConfigurationError: the bundle has no extraction rules.
    """
    if bundle.extraction is None:
        raise ConfigurationError("the data bundle has no extraction rules")
    return JobTextRules.from_rules(bundle.extraction)


def analyse_job(
    text: str,
    profile: CandidateProfile,
    roles: Sequence[RoleScore],
    bundle: DataBundle,
    *,
    rules: JobTextRules,
) -> JobAnalysis:
    """Sort a job text's skills by requirement and read its years and education.

    Args:
        text: the job text the profile was extracted from.
        profile: its skill mentions.
        roles: its role scores, best first (kept as given).
        bundle: the data bundle (categories and labels).
        rules: compiled job-text rules (:func:`job_rules`).

    Returns:
        The job analysis; ``min_years`` is the largest lower bound among the durations not
        marked preferred (among all when every one is), in years.
    """
    years = find_years(text, profile.mentions, rules)
    skills = _skills(profile, years, bundle)
    certs = tuple(s for s in skills if _is_cert(bundle, s.category))
    others = [s for s in skills if not _is_cert(bundle, s.category)]
    strict = [y.min_years for y in years if y.requirement != "preferred"]
    bounds = strict or [y.min_years for y in years]
    return JobAnalysis(
        data_version=bundle.data_version,
        profile=profile,
        roles=tuple(roles),
        required=tuple(s for s in others if s.requirement == "required"),
        preferred=tuple(s for s in others if s.requirement == "preferred"),
        unspecified=tuple(s for s in others if s.requirement is None),
        certifications=certs,
        years=years,
        min_years=max(bounds) if bounds else None,
        education=find_education(
            text,
            profile.mentions,
            rules,
            degree_categories=frozenset(
                c.id for c in bundle.categories.values() if c.mention_type is MentionType.DEGREE
            ),
        ),
    )


def _skills(
    profile: CandidateProfile, years: Sequence[YearsRequirement], bundle: DataBundle
) -> list[JobSkill]:
    """One entry per asked skill, in order of first mention, with its strongest requirement.

    A skill is asked when a mention of it is held and not part of a name or of the
    employer's own description.
    """
    first: dict[str, int] = {}
    count: dict[str, int] = {}
    requirement: dict[str, str | None] = {}
    for mention in profile.mentions:
        if not mention.held or mention.part_of_name:
            continue
        skill_id = mention.skill_id
        first.setdefault(skill_id, mention.start)
        count[skill_id] = count.get(skill_id, 0) + 1
        if _STRENGTH[mention.requirement] >= _STRENGTH[requirement.get(skill_id)]:
            requirement[skill_id] = mention.requirement
    asked: dict[str, float] = {}
    for duration in years:
        for skill_id in duration.skill_ids:
            asked[skill_id] = min(asked.get(skill_id, duration.min_years), duration.min_years)
    return [
        JobSkill(
            skill_id=skill_id,
            label=bundle.skills[skill_id].label,
            category=bundle.skills[skill_id].category,
            requirement=requirement[skill_id],
            years=asked.get(skill_id),
            mentions=count[skill_id],
            start=start,
        )
        for skill_id, start in first.items()
    ]


def _is_cert(bundle: DataBundle, category: str) -> bool:
    return bundle.categories[category].mention_type is MentionType.CERT
