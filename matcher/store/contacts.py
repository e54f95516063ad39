"""Repository functions for contact requests (an organisation asking a graduate)."""

from __future__ import annotations

import uuid
from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from matcher.store.db import conflict_on_duplicate
from matcher.store.orm import ContactRequestRow, utcnow

__all__ = [
    "accepted_profiles",
    "add_contact_request",
    "find_contact_request",
    "list_for_organisation",
    "list_for_profile",
    "set_status",
]


def add_contact_request(
    *,
    session: Session,
    organisation_id: uuid.UUID,
    profile_id: uuid.UUID,
    requested_by: uuid.UUID,
    job_id: uuid.UUID | None,
    message: str,
) -> ContactRequestRow:
    """Insert a pending request (the caller checks there is none for the pair yet)."""
    row = ContactRequestRow(
        organisation_id=organisation_id,
        profile_id=profile_id,
        requested_by=requested_by,
        job_id=job_id,
        message=message,
    )
    session.add(row)
    with conflict_on_duplicate("your organisation already asked this candidate"):
        session.flush()
    return row


def find_contact_request(
    *,
    session: Session,
    request_id: uuid.UUID | None = None,
    organisation_id: uuid.UUID | None = None,
    profile_id: uuid.UUID | None = None,
) -> ContactRequestRow | None:
    """The request with this id and/or for this organisation and profile, if any."""
    query = select(ContactRequestRow).options(selectinload(ContactRequestRow.organisation))
    if request_id is not None:
        query = query.where(ContactRequestRow.id == request_id)
    if organisation_id is not None:
        query = query.where(ContactRequestRow.organisation_id == organisation_id)
    if profile_id is not None:
        query = query.where(ContactRequestRow.profile_id == profile_id)
    return session.scalar(query)


def list_for_organisation(
    *, session: Session, organisation_id: uuid.UUID
) -> list[ContactRequestRow]:
    """An organisation's requests, newest first."""
    query = (
        select(ContactRequestRow)
        .where(ContactRequestRow.organisation_id == organisation_id)
        .order_by(ContactRequestRow.created_at.desc(), ContactRequestRow.id)
    )
    return list(session.scalars(query))


def list_for_profile(*, session: Session, profile_id: uuid.UUID) -> list[ContactRequestRow]:
    """Requests made to a graduate, newest first, with the organisation loaded."""
    query = (
        select(ContactRequestRow)
        .where(ContactRequestRow.profile_id == profile_id)
        .options(selectinload(ContactRequestRow.organisation))
        .order_by(ContactRequestRow.created_at.desc(), ContactRequestRow.id)
    )
    return list(session.scalars(query))


def set_status(*, session: Session, request: ContactRequestRow, status: str) -> None:
    """Record the graduate's answer (``accepted`` or ``declined``) and when it was given."""
    request.status = status
    request.responded_at = utcnow()
    session.flush()


def accepted_profiles(
    *, session: Session, organisation_id: uuid.UUID, profile_ids: Collection[uuid.UUID]
) -> set[uuid.UUID]:
    """Which of these profiles accepted a contact request from the organisation."""
    if not profile_ids:
        return set()
    query = select(ContactRequestRow.profile_id).where(
        ContactRequestRow.organisation_id == organisation_id,
        ContactRequestRow.status == "accepted",
        ContactRequestRow.profile_id.in_(list(profile_ids)),
    )
    return set(session.scalars(query))
