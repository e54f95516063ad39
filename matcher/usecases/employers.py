"""Employers: rank opted-in candidates for a role, a skill search or a posted job.

Posting and reading jobs is in :mod:`matcher.usecases.jobs`.

Every function checks the caller is an employer and scopes jobs to their organisation;
candidates are only ever those who set their profile searchable, shown blind (see
:mod:`matcher.usecases.views`) until they accept the organisation's contact request.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from matcher.errors import InputError, NotFoundError, UnknownRoleError
from matcher.ranking import RankedCandidate, SkillGroup, job_skill_weights, rank_for_skills
from matcher.ranking import rank_for_job as _rank_for_job
from matcher.service import MatchingEngine
from matcher.store import Session
from matcher.store import contacts as contacts_repo
from matcher.store.orm import ResumeRow
from matcher.store.search import (
    CandidateFilters,
    candidate_pool,
    find_searchable_resume,
    role_ranking,
)
from matcher.usecases.common import Page, Principal, organisation_of
from matcher.usecases.graduates import certification_categories, program_levels
from matcher.usecases.jobs import get_job, job_analysis, job_requirements
from matcher.usecases.views import CandidateView, RankedView, candidate_facts, candidate_view

__all__ = [
    "CandidateQuery",
    "SkillSearch",
    "candidate_detail",
    "rank_for_job",
    "rank_for_role",
    "search_candidates",
]

_STATE = re.compile(r"^[A-Z]{2}$")


@dataclass(frozen=True)
class CandidateQuery:
    """Filters an employer may put on any candidate list.

    Attributes:
        state: two-letter US state (any case).
        remote: True keeps only graduates open to remote work.
        certifications: certification skill ids (or names) every candidate must hold.
        min_years: least total years of experience.
        program_level: ``community-college`` or ``university``.
    """

    state: str | None = None
    remote: bool | None = None
    certifications: tuple[str, ...] = ()
    min_years: float | None = None
    program_level: str | None = None


@dataclass(frozen=True)
class SkillSearch:
    """Skills asked for: ``must`` (all required) and ``should`` (ranked by)."""

    must: tuple[str, ...] = ()
    should: tuple[str, ...] = ()


def _skill_group(engine: MatchingEngine, term: str) -> SkillGroup:
    bundle = engine.bundle
    skill_id = term if term in bundle.skills else None
    if skill_id is None:
        alias = bundle.index.lookup(term)
        skill_id = alias.skill_id if alias is not None else None
    if skill_id is None:
        raise InputError(
            f"unknown skill {term!r}: use a skill id or name from the taxonomy "
            "(GET /api/v1/skills?q=... lists them)"
        )
    accepted = frozenset((skill_id, *bundle.index.descendants(skill_id)))
    return SkillGroup(skill_id=skill_id, label=bundle.skills[skill_id].label, accepted=accepted)


def _certification_group(engine: MatchingEngine, term: str) -> SkillGroup:
    group = _skill_group(engine, term)
    if engine.bundle.skills[group.skill_id].category not in certification_categories(engine):
        raise InputError(
            f"{term!r} is a skill, not a certification: filter on it with skills, or name "
            "a certification (RHIT, CPHIMS, Epic certification...)"
        )
    return group


def _filters(
    engine: MatchingEngine, query: CandidateQuery, skills: Sequence[SkillGroup] = ()
) -> CandidateFilters:
    state = query.state.strip().upper() if query.state else None
    if state is not None and not _STATE.match(state):
        raise InputError(f"state must be a two-letter US state code, got {query.state!r}")
    if query.program_level is not None and query.program_level not in program_levels(engine):
        levels = ", ".join(program_levels(engine))
        raise InputError(f"program_level must be one of {levels}, got {query.program_level!r}")
    if query.min_years is not None and query.min_years < 0:
        raise InputError("min_years must be 0 or more")
    certs = tuple(_certification_group(engine, c).accepted for c in query.certifications)
    return CandidateFilters(
        state=state,
        remote=query.remote,
        certification_groups=certs,
        min_years=query.min_years,
        program_level=query.program_level,
        skill_groups=tuple(g.accepted for g in skills),
    )


def _page_views(
    session: Session,
    engine: MatchingEngine,
    caller: Principal,
    ranked: Sequence[tuple[RankedCandidate, ResumeRow]],
    labels: dict[str, str],
) -> list[RankedView]:
    skills = engine.bundle.skills
    categories = {i: skills[i].category for i in labels if i in skills}
    organisation_id = organisation_of(caller)
    revealed = contacts_repo.accepted_profiles(
        session=session,
        organisation_id=organisation_id,
        profile_ids=[resume.profile_id for _, resume in ranked],
    )
    return [
        RankedView(
            ranked=r,
            candidate=candidate_view(resume, revealed=resume.profile_id in revealed),
            labels=labels,
            categories=categories,
        )
        for r, resume in ranked
    ]


def rank_for_role(
    *,
    session: Session,
    engine: MatchingEngine,
    caller: Principal,
    role_id: str,
    query: CandidateQuery,
    min_score: float = 0.0,
    limit: int,
    offset: int,
) -> Page[RankedView]:
    """Opted-in candidates by their fit for one role (0..100), best first, with evidence.

    Raises:
        AccessDeniedError: the caller is not an employer.
        UnknownRoleError: no such role.
        InputError: a bad filter.
    """
    organisation_of(caller)
    if role_id not in engine.bundle.roles:
        raise UnknownRoleError(role_id, list(engine.bundle.roles))
    rows, total = role_ranking(
        session=session,
        role_id=role_id,
        filters=_filters(engine, query),
        min_score=min_score,
        limit=limit,
        offset=offset,
    )
    labels: dict[str, str] = {}
    ranked = []
    for resume, score in rows:
        matched = tuple(e["skill_id"] for e in score.matched)
        missing = tuple(e["skill_id"] for e in score.missing)
        labels.update({e["skill_id"]: e["label"] for e in (*score.matched, *score.missing)})
        reasons = [f"fit {score.score:.0f}/100 for {score.name}"]
        if matched:
            reasons.append("shows " + ", ".join(labels[s] for s in matched))
        if missing:
            reasons.append("lacks " + ", ".join(labels[s] for s in missing))
        ranked.append(
            (
                RankedCandidate(
                    candidate_id=str(resume.profile_id),
                    score=score.score,
                    matched_required=matched,
                    missing_required=missing,
                    role_id=role_id,
                    role_score=score.score,
                    role_probability=score.probability,
                    years_experience=resume.years_experience,
                    reasons=tuple(reasons),
                ),
                resume,
            )
        )
    items = _page_views(session, engine, caller, ranked, labels)
    return Page(items=items, total=total, limit=limit, offset=offset)


def _ranked_page(
    session: Session,
    engine: MatchingEngine,
    caller: Principal,
    pool: Sequence[ResumeRow],
    ranked: Sequence[RankedCandidate],
    labels: dict[str, str],
    limit: int,
    offset: int,
) -> Page[RankedView]:
    by_id = {str(resume.profile_id): resume for resume in pool}
    window = [(r, by_id[r.candidate_id]) for r in ranked[offset : offset + limit]]
    items = _page_views(session, engine, caller, window, labels)
    return Page(items=items, total=len(ranked), limit=limit, offset=offset)


def search_candidates(
    *,
    session: Session,
    engine: MatchingEngine,
    caller: Principal,
    search: SkillSearch,
    query: CandidateQuery,
    limit: int,
    offset: int,
) -> Page[RankedView]:
    """Opted-in candidates with every ``must`` skill, ranked by ``should`` skills.

    A skill is met by itself or a narrower one (asking for Epic finds Epic Cadence).

    Raises:
        AccessDeniedError: the caller is not an employer.
        InputError: no skill asked for, an unknown skill or a bad filter.
    """
    organisation_of(caller)
    if not search.must and not search.should:
        raise InputError("ask for at least one skill (must or should)")
    must = [_skill_group(engine, s) for s in search.must]
    should = [_skill_group(engine, s) for s in search.should]
    pool = candidate_pool(
        session=session,
        filters=_filters(engine, query, must),
        limit=engine.settings.ranking_pool_max,
        prefer=[(g.accepted, 1.0) for g in should],
    )
    ranked = rank_for_skills([candidate_facts(r) for r in pool], must=must, should=should)
    labels = {g.skill_id: g.label for g in (*must, *should)}
    return _ranked_page(session, engine, caller, pool, ranked, labels, limit, offset)


def rank_for_job(
    *,
    session: Session,
    engine: MatchingEngine,
    caller: Principal,
    job_id: uuid.UUID,
    query: CandidateQuery,
    limit: int,
    offset: int,
) -> Page[RankedView]:
    """Opted-in candidates ranked for one of the organisation's jobs, with the reasons.

    Raises:
        NotFoundError: no such job in the caller's organisation.
        InputError: a bad filter.
    """
    job = get_job(session=session, caller=caller, job_id=job_id)
    requirements = job_requirements(engine, job_analysis(job))
    pool = candidate_pool(
        session=session,
        filters=_filters(engine, query),
        limit=engine.settings.ranking_pool_max,
        prefer=job_skill_weights(requirements),
    )
    ranked = _rank_for_job([candidate_facts(r) for r in pool], job=requirements)
    labels = {g.skill_id: g.label for g in (*requirements.required, *requirements.preferred)}
    return _ranked_page(session, engine, caller, pool, ranked, labels, limit, offset)


def candidate_detail(
    *, session: Session, caller: Principal, candidate_id: uuid.UUID
) -> CandidateView:
    """One opted-in candidate, blind unless they accepted the organisation's request.

    Raises:
        NotFoundError: no such candidate, or one who is not searchable.
    """
    organisation_id = organisation_of(caller)
    resume = find_searchable_resume(session=session, profile_id=candidate_id)
    if resume is None:
        raise NotFoundError(f"no searchable candidate with id {candidate_id}")
    revealed = contacts_repo.accepted_profiles(
        session=session, organisation_id=organisation_id, profile_ids=[candidate_id]
    )
    return candidate_view(resume, revealed=candidate_id in revealed)
