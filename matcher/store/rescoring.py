"""Re-analysing stored resumes in place: which are stale, and replacing their results.

A resume row records the data version and the role-scorer version that analysed it
(``resumes.data_version``, ``resumes.model_version``; each role score row repeats them).
:func:`replace_analysis` swaps a resume's derived rows (skill mentions, skills, role and
competency scores) and columns (text, parsed fields, tiers, outcome, versions) for a new
analysis of the same file; the resume keeps its id, file, hash and upload time. The
caller commits, one resume per transaction.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from matcher.store.orm import (
    CandidateSkillRow,
    CompetencyScoreRow,
    ResumeRow,
    RoleScoreRow,
    SkillMentionRow,
)
from matcher.store.resumes import (
    AnalysisRows,
    ResumeAnalysis,
    StoredFile,
    analysis_columns,
    analysis_rows,
)

__all__ = ["StoredVersions", "list_resume_versions", "load_resume", "replace_analysis"]

#: columns that only say which engine produced the rest (not compared for "changed").
_VERSION_COLUMNS = ("data_version", "model_version")


@dataclass(frozen=True)
class StoredVersions:
    """A stored resume's id and the versions of the engine that analysed it."""

    resume_id: uuid.UUID
    data_version: str
    model_version: str | None


def list_resume_versions(*, session: Session) -> list[StoredVersions]:
    """Every stored resume's id and analysis versions, oldest upload first (no content)."""
    query = select(ResumeRow.id, ResumeRow.data_version, ResumeRow.model_version).order_by(
        ResumeRow.uploaded_at, ResumeRow.id
    )
    return [
        StoredVersions(resume_id=rid, data_version=data, model_version=model)
        for rid, data, model in session.execute(query)
    ]


def load_resume(*, session: Session, resume_id: uuid.UUID, lock: bool) -> ResumeRow | None:
    """One resume, or None when it is gone (deleted or replaced meanwhile).

    Args:
        session: open session.
        resume_id: the resume's id.
        lock: lock the row until the transaction ends (``SELECT ... FOR UPDATE`` where the
            database has it), so an upload or a deletion waits for the re-analysis.
    """
    query = select(ResumeRow).where(ResumeRow.id == resume_id)
    if lock:
        query = query.with_for_update()
    return session.scalar(query)


def replace_analysis(
    *,
    session: Session,
    resume: ResumeRow,
    file: StoredFile,
    analysis: ResumeAnalysis,
    certification_categories: set[str],
    write: bool = True,
) -> bool:
    """Replace a resume's analysis with a new one of the same file.

    Args:
        session: open session (the caller commits, or rolls back on error).
        resume: the stored resume.
        file: its file as read now (format and pages may differ with a newer reader).
        analysis: the new analysis.
        certification_categories: category ids whose skills are certifications.
        write: False to compare only (a dry run): nothing is changed.

    Returns:
        True when the new analysis differs from the stored one in anything but the
        engine versions (the versions are updated either way when writing).
    """
    columns = analysis_columns(analysis, file)
    rows = analysis_rows(analysis, certification_categories)
    changed = _snapshot_of_row(resume, tuple(columns)) != _snapshot(columns, rows)
    if not write:
        return changed
    # delete the old child rows before inserting new ones with the same keys
    resume.mentions.clear()
    resume.skills.clear()
    resume.role_scores.clear()
    resume.competency_scores.clear()
    session.flush()
    for name, value in columns.items():
        setattr(resume, name, value)
    resume.mentions = rows.mentions
    resume.skills = rows.skills
    resume.role_scores = rows.role_scores
    resume.competency_scores = rows.competency_scores
    session.flush()
    return changed


def _snapshot_of_row(resume: ResumeRow, names: tuple[str, ...]) -> tuple[Any, ...]:
    columns = {name: getattr(resume, name) for name in names}
    rows = AnalysisRows(
        mentions=list(resume.mentions),
        skills=list(resume.skills),
        role_scores=list(resume.role_scores),
        competency_scores=list(resume.competency_scores),
    )
    return _snapshot(columns, rows)


def _snapshot(columns: dict[str, Any], rows: AnalysisRows) -> tuple[Any, ...]:
    kept = {k: v for k, v in columns.items() if k not in _VERSION_COLUMNS}
    outcome = kept.get("outcome")
    if isinstance(outcome, dict):
        kept["outcome"] = {k: v for k, v in outcome.items() if k != "model_version"}
    return (
        sorted((k, _canonical(v)) for k, v in kept.items()),
        sorted(_values(m, _MENTION) for m in rows.mentions),
        sorted(_values(k, _SKILL) for k in rows.skills),
        sorted(_values(r, _ROLE) for r in rows.role_scores),
        sorted(_values(c, _COMPETENCY) for c in rows.competency_scores),
    )


def _values(row: object, names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(_canonical(getattr(row, name)) for name in names)


def _canonical(value: object) -> str:
    # one text per value, whatever the backend gave back: JSON key order, dates, None
    return json.dumps(value, sort_keys=True, default=str)


def _names(table: type[object], *skip: str) -> tuple[str, ...]:
    columns = table.__table__.columns  # type: ignore[attr-defined]
    return tuple(c.key for c in columns if c.key not in {"id", "resume_id", *skip})


_MENTION = _names(SkillMentionRow)
_SKILL = _names(CandidateSkillRow)
_ROLE = _names(RoleScoreRow, *_VERSION_COLUMNS)
_COMPETENCY = _names(CompetencyScoreRow)
