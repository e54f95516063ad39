"""Repository functions for employers' job descriptions (always scoped to one organisation)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from matcher.store.orm import JobRow

__all__ = ["add_job", "delete_job", "find_job", "list_jobs"]


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
