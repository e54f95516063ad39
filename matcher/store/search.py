"""Queries over opted-in candidates: filters, skills, role scores.

Only profiles whose graduate set ``searchable`` and who have a resume are ever returned.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Exists, Select, case, exists, func, literal, select
from sqlalchemy.orm import Session, selectinload

from matcher.store.orm import CandidateSkillRow, GraduateProfileRow, ResumeRow, RoleScoreRow

__all__ = ["CandidateFilters", "candidate_pool", "find_searchable_resume", "role_ranking"]


@dataclass(frozen=True)
class CandidateFilters:
    """Conditions every returned candidate meets.

    Attributes:
        state: two-letter state of the resume's contact block (exact, upper case).
        remote: True keeps only graduates open to remote work.
        certification_groups: each group is one certification asked for, as the skill
            ids that satisfy it (the certification and its narrower ones); all must hold.
        min_years: least total years of experience (from the resume's dated jobs).
        program_level: ``community-college`` or ``university``, as the graduate set it.
        skill_groups: like ``certification_groups`` for the skills a search must have.
    """

    state: str | None = None
    remote: bool | None = None
    certification_groups: tuple[frozenset[str], ...] = ()
    min_years: float | None = None
    program_level: str | None = None
    skill_groups: tuple[frozenset[str], ...] = ()


def _has_any(skill_ids: Collection[str]) -> Exists:
    return exists().where(
        CandidateSkillRow.resume_id == ResumeRow.id, CandidateSkillRow.skill_id.in_(skill_ids)
    )


def _searchable(filters: CandidateFilters) -> Select[tuple[ResumeRow]]:
    query = (
        select(ResumeRow)
        .join(GraduateProfileRow, GraduateProfileRow.id == ResumeRow.profile_id)
        .where(GraduateProfileRow.searchable.is_(True))
    )
    if filters.state is not None:
        query = query.where(ResumeRow.state == filters.state)
    if filters.remote:
        query = query.where(GraduateProfileRow.open_to_remote.is_(True))
    if filters.program_level is not None:
        query = query.where(GraduateProfileRow.program_level == filters.program_level)
    if filters.min_years is not None:
        query = query.where(ResumeRow.years_experience >= filters.min_years)
    for group in (*filters.certification_groups, *filters.skill_groups):
        query = query.where(_has_any(group))
    return query


def role_ranking(
    *,
    session: Session,
    role_id: str,
    filters: CandidateFilters,
    min_score: float,
    limit: int,
    offset: int,
) -> tuple[list[tuple[ResumeRow, RoleScoreRow]], int]:
    """Opted-in candidates by their score for one role, best first (ties: probability).

    Args:
        session: open session.
        role_id: the role.
        filters: conditions on the candidates.
        min_score: least role score (0..100).
        limit: page size.
        offset: how many to skip.

    Returns:
        The page of (resume, role score) pairs and the total number that match.
    """
    base = (
        _searchable(filters)
        .join(RoleScoreRow, RoleScoreRow.resume_id == ResumeRow.id)
        .where(RoleScoreRow.role_id == role_id, RoleScoreRow.score >= min_score)
    )
    total = session.scalar(select(func.count()).select_from(base.subquery())) or 0
    query = (
        base.add_columns(RoleScoreRow)
        .order_by(
            RoleScoreRow.score.desc(),
            func.coalesce(RoleScoreRow.probability, 0.0).desc(),
            ResumeRow.uploaded_at,
            ResumeRow.id,
        )
        .limit(limit)
        .offset(offset)
        .options(selectinload(ResumeRow.skills), selectinload(ResumeRow.profile))
    )
    rows = [(resume, score) for resume, score in session.execute(query).tuples()]
    return rows, total


def candidate_pool(
    *,
    session: Session,
    filters: CandidateFilters,
    limit: int,
    prefer: Sequence[tuple[Collection[str], float]] = (),
) -> Sequence[ResumeRow]:
    """Opted-in candidates' resumes meeting ``filters``, with skills and scores loaded.

    Args:
        session: open session.
        filters: conditions on the candidates.
        limit: most resumes returned (an explicit bound on the work one request can
            cause).
        prefer: skill groups with points: when more than ``limit`` candidates match,
            those whose skills earn the most points (a group's points when they hold
            any of its skill ids) are returned first, so the bound drops the weakest
            candidates; ties, and an empty ``prefer``, go by oldest upload first.
    """
    order: list[Any] = []
    if prefer:
        points = sum(
            (case((_has_any(ids), weight), else_=0.0) for ids, weight in prefer),
            start=literal(0.0),
        )
        order.append(points.desc())
    query = (
        _searchable(filters)
        .order_by(*order, ResumeRow.uploaded_at, ResumeRow.id)
        .limit(limit)
        .options(
            selectinload(ResumeRow.skills),
            selectinload(ResumeRow.role_scores),
            selectinload(ResumeRow.profile),
        )
    )
    return list(session.scalars(query))


def find_searchable_resume(*, session: Session, profile_id: uuid.UUID) -> ResumeRow | None:
    """The resume of an opted-in candidate (None when absent or not searchable)."""
    query = _searchable(CandidateFilters()).where(GraduateProfileRow.id == profile_id)
    return session.scalar(query)
