"""Repository functions for employers' job descriptions (always scoped to one organisation)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from matcher.store.orm import JobRow

__all__ = [
    "JobVersions",
    "add_job",
    "delete_job",
    "find_job",
    "list_job_versions",
    "list_jobs",
    "load_job",
    "replace_job_analysis",
    "versions_of",
]


def add_job(
    *,
    session: Session,
    organisation_id: uuid.UUID,
    created_by: uuid.UUID | None,
    title: str,
    text: str,
    data_version: str,
    analysis: dict[str, Any],
) -> JobRow:
    """Insert a job with the engine's analysis of its text (a JSON-able dict)."""
    job = JobRow(
        organisation_id=organisation_id,
        created_by=created_by,
        title=title,
        text=text,
        data_version=data_version,
        analysis=analysis,
    )
    session.add(job)
    session.flush()
    return job


def find_job(*, session: Session, organisation_id: uuid.UUID, job_id: uuid.UUID) -> JobRow | None:
    """The job with this id if it belongs to the organisation (None otherwise)."""
    query = select(JobRow).where(JobRow.id == job_id, JobRow.organisation_id == organisation_id)
    return session.scalar(query)


def list_jobs(
    *, session: Session, organisation_id: uuid.UUID, limit: int, offset: int
) -> tuple[list[JobRow], int]:
    """The organisation's jobs, newest first, and how many it has."""
    where = JobRow.organisation_id == organisation_id
    total = session.scalar(select(func.count()).select_from(JobRow).where(where)) or 0
    query = (
        select(JobRow)
        .where(where)
        .order_by(JobRow.created_at.desc(), JobRow.id)
        .limit(limit)
        .offset(offset)
    )
    return list(session.scalars(query)), total


def delete_job(*, session: Session, job: JobRow) -> None:
    """Delete a job (contact requests that named it keep existing without it)."""
    session.delete(job)
    session.flush()


@dataclass(frozen=True)
class JobVersions:
    """A stored job's id and the versions of the engine that analysed it."""

    job_id: uuid.UUID
    data_version: str
    model_version: str | None


def _model_version(analysis: dict[str, Any]) -> str | None:
    outcome = analysis.get("outcome")
    version = outcome.get("model_version") if isinstance(outcome, dict) else None
    return version if isinstance(version, str) else None


def versions_of(job: JobRow) -> JobVersions:
    """The versions of the engine that analysed a stored job."""
    return JobVersions(job.id, job.data_version, _model_version(job.analysis))


def list_job_versions(*, session: Session) -> list[JobVersions]:
    """Every stored job's id and analysis versions, oldest first (every organisation)."""
    query = select(JobRow.id, JobRow.data_version, JobRow.analysis).order_by(
        JobRow.created_at, JobRow.id
    )
    return [
        JobVersions(job_id=jid, data_version=data, model_version=_model_version(analysis))
        for jid, data, analysis in session.execute(query)
    ]


def load_job(*, session: Session, job_id: uuid.UUID, lock: bool) -> JobRow | None:
    """One job, or None when it is gone; ``lock`` holds the row until the transaction ends."""
    query = select(JobRow).where(JobRow.id == job_id)
    if lock:
        query = query.with_for_update()
    return session.scalar(query)


def replace_job_analysis(
    *, session: Session, job: JobRow, data_version: str, analysis: dict[str, Any], write: bool
) -> bool:
    """Replace a job's analysis (a JSON-able dict) with a new reading of the same text.

    Returns:
        True when the new analysis differs from the stored one in anything but the
        engine versions (the versions are updated either way when writing).
    """
    changed = _without_versions(job.analysis) != _without_versions(analysis)
    if write:
        job.data_version = data_version
        job.analysis = analysis
        session.flush()
    return changed


def _without_versions(analysis: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in analysis.items() if k != "data_version"}
    outcome = out.get("outcome")
    if isinstance(outcome, dict):
        out["outcome"] = {k: v for k, v in outcome.items() if k != "model_version"}
    return out
