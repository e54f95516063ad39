"""Rank candidates for a skill search or a job description, with the reasons.

Pure functions over :class:`CandidateFacts` (what the store knows of one opted-in
candidate); no database, no NLP. Every :class:`RankedCandidate` says which asked-for
skills the candidate has and lacks, so an employer sees why it is placed where it is.

Scores are 0..100, higher is better:

- skill search: ``must`` skills count 2, ``should`` skills 1, share of the total earned
  (candidates lacking a ``must`` skill are filtered out before, by the store);
- job description: 55 required skills (and required certifications), 15 preferred ones,
  20 the candidate's fit for the job's most likely role, 10 the years of experience asked
  for (earned in proportion when short). A job that asks for nothing in one part gives
  that part's weight to the others.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

__all__ = [
    "CandidateFacts",
    "JobRequirements",
    "RankedCandidate",
    "SkillGroup",
    "job_skill_weights",
    "rank_for_job",
    "rank_for_skills",
]

_JOB_WEIGHTS = {"required": 55.0, "preferred": 15.0, "role": 20.0, "years": 10.0}


@dataclass(frozen=True)
class SkillGroup:
    """One skill asked for, satisfied by the skill itself or any narrower one.

    Attributes:
        skill_id: the skill asked for.
        label: its display label.
        accepted: ids that satisfy it (``skill_id`` and its descendants).
    """

    skill_id: str
    label: str
    accepted: frozenset[str]


@dataclass(frozen=True)
class CandidateFacts:
    """What ranking knows of one candidate.

    Attributes:
        candidate_id: the profile id, as a string.
        skills: skill id -> years of use (None when no dated job names it).
        years_experience: total years of dated jobs.
        role_scores: role id -> (score 0..100, probability 0..1 or None).
    """

    candidate_id: str
    skills: Mapping[str, float | None]
    years_experience: float
    role_scores: Mapping[str, tuple[float, float | None]] = field(default_factory=dict)


@dataclass(frozen=True)
class JobRequirements:
    """What a job asks for, as read by the engine.

    Attributes:
        required: skills (and certifications) the job requires.
        preferred: skills it prefers.
        min_years: years of experience asked for (None: not said).
        role_id: the job's most likely role (None: no role stands out).
    """

    required: tuple[SkillGroup, ...] = ()
    preferred: tuple[SkillGroup, ...] = ()
    min_years: float | None = None
    role_id: str | None = None


@dataclass(frozen=True)
class RankedCandidate:
    """A candidate's place in a ranking and why.

    Attributes:
        candidate_id: the profile id.
        score: 0..100, higher is a better match.
        matched_required: asked-for skill ids the candidate has (must / required).
        missing_required: asked-for skill ids the candidate lacks.
        matched_preferred: nice-to-have skill ids the candidate has (should / preferred).
        missing_preferred: nice-to-have skill ids the candidate lacks.
        role_id: the role whose fit counted, if any.
        role_score: the candidate's fit for it (0..100).
        role_probability: the learned model's probability for it (0..1), if any.
        years_experience: total years of dated jobs.
        meets_years: whether the years asked for are met (None: none asked).
        reasons: the explanation in words, strongest first.
    """

    candidate_id: str
    score: float
    matched_required: tuple[str, ...] = ()
    missing_required: tuple[str, ...] = ()
    matched_preferred: tuple[str, ...] = ()
    missing_preferred: tuple[str, ...] = ()
    role_id: str | None = None
    role_score: float | None = None
    role_probability: float | None = None
    years_experience: float = 0.0
    meets_years: bool | None = None
    reasons: tuple[str, ...] = ()


def _split(
    groups: Iterable[SkillGroup], skills: Mapping[str, float | None]
) -> tuple[list[SkillGroup], list[SkillGroup]]:
    have: list[SkillGroup] = []
    lack: list[SkillGroup] = []
    for group in groups:
        (have if group.accepted & skills.keys() else lack).append(group)
    return have, lack


def _ids(groups: Sequence[SkillGroup]) -> tuple[str, ...]:
    return tuple(g.skill_id for g in groups)


def _labels(groups: Sequence[SkillGroup]) -> str:
    return ", ".join(g.label for g in groups)


def _order(ranked: list[RankedCandidate]) -> list[RankedCandidate]:
    return sorted(ranked, key=lambda r: (-r.score, -r.years_experience, r.candidate_id))


def rank_for_skills(
    candidates: Iterable[CandidateFacts],
    *,
    must: Sequence[SkillGroup],
    should: Sequence[SkillGroup],
) -> list[RankedCandidate]:
    """Rank candidates by the asked-for skills they have (must 2 points, should 1).

    Args:
        candidates: the candidates (those lacking a must skill score lower, not zero).
        must: skills the search requires.
        should: skills it would like.

    Returns:
        Every candidate, best first (ties: more years, then id).
    """
    total = 2.0 * len(must) + len(should)
    ranked = []
    for cand in candidates:
        must_have, must_lack = _split(must, cand.skills)
        should_have, should_lack = _split(should, cand.skills)
        earned = 2.0 * len(must_have) + len(should_have)
        reasons = []
        if must_have:
            reasons.append(f"has the required skills {_labels(must_have)}")
        if must_lack:
            reasons.append(f"lacks {_labels(must_lack)}")
        if should_have:
            reasons.append(f"also has {_labels(should_have)}")
        ranked.append(
            RankedCandidate(
                candidate_id=cand.candidate_id,
                score=round(100.0 * earned / total, 1) if total else 0.0,
                matched_required=_ids(must_have),
                missing_required=_ids(must_lack),
                matched_preferred=_ids(should_have),
                missing_preferred=_ids(should_lack),
                years_experience=cand.years_experience,
                reasons=tuple(reasons),
            )
        )
    return _order(ranked)


def job_skill_weights(job: JobRequirements) -> list[tuple[frozenset[str], float]]:
    """Each skill group of a job with the points holding it earns in :func:`rank_for_job`.

    Points are before the final scaling to 0..100; a database can pre-rank candidates
    with them when it cannot hand every candidate to the ranking.
    """
    out = [(g.accepted, _JOB_WEIGHTS["required"] / len(job.required)) for g in job.required]
    out += [(g.accepted, _JOB_WEIGHTS["preferred"] / len(job.preferred)) for g in job.preferred]
    return out


def rank_for_job(
    candidates: Iterable[CandidateFacts], *, job: JobRequirements
) -> list[RankedCandidate]:
    """Rank candidates for a job description (weights in the module docstring).

    Args:
        candidates: the candidates.
        job: what the job asks for.

    Returns:
        Every candidate, best first (ties: more years, then id).
    """
    parts = {
        "required": bool(job.required),
        "preferred": bool(job.preferred),
        "role": job.role_id is not None,
        "years": job.min_years is not None and job.min_years > 0,
    }
    weight_total = sum(w for name, w in _JOB_WEIGHTS.items() if parts[name])
    ranked = []
    for cand in candidates:
        req_have, req_lack = _split(job.required, cand.skills)
        pref_have, pref_lack = _split(job.preferred, cand.skills)
        earned: dict[str, float] = {
            "required": len(req_have) / len(job.required) if job.required else 0.0,
            "preferred": len(pref_have) / len(job.preferred) if job.preferred else 0.0,
        }
        reasons = []
        if req_have:
            reasons.append(f"has required {_labels(req_have)}")
        if req_lack:
            reasons.append(f"lacks required {_labels(req_lack)}")
        if pref_have:
            reasons.append(f"has preferred {_labels(pref_have)}")
        role_score = role_probability = None
        if job.role_id is not None:
            role_score, role_probability = cand.role_scores.get(job.role_id, (0.0, None))
            earned["role"] = role_score / 100.0
            reasons.append(f"fit for the job's role {job.role_id}: {role_score:.0f}/100")
        meets_years = None
        if parts["years"] and job.min_years is not None:
            meets_years = cand.years_experience >= job.min_years
            earned["years"] = min(1.0, cand.years_experience / job.min_years)
            reasons.append(
                f"{cand.years_experience:g} years of experience "
                f"({'meets' if meets_years else 'short of'} the {job.min_years:g} asked for)"
            )
        score = (
            100.0
            * sum(_JOB_WEIGHTS[n] * earned.get(n, 0.0) for n in parts if parts[n])
            / weight_total
            if weight_total
            else 0.0
        )
        ranked.append(
            RankedCandidate(
                candidate_id=cand.candidate_id,
                score=round(score, 1),
                matched_required=_ids(req_have),
                missing_required=_ids(req_lack),
                matched_preferred=_ids(pref_have),
                missing_preferred=_ids(pref_lack),
                role_id=job.role_id,
                role_score=role_score,
                role_probability=role_probability,
                years_experience=cand.years_experience,
                meets_years=meets_years,
                reasons=tuple(reasons),
            )
        )
    return _order(ranked)
