"""Repository functions for organisations and users (every function takes ``*, session``)."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from matcher.store.db import conflict_on_duplicate
from matcher.store.orm import GraduateProfileRow, OrganisationRow, UserRow

__all__ = [
    "add_organisation",
    "add_user",
    "count_active_admins",
    "count_users",
    "delete_user",
    "find_organisation",
    "find_organisation_by_name",
    "find_user",
    "find_user_by_email",
    "list_organisations",
    "list_users",
]


def add_organisation(*, session: Session, name: str) -> OrganisationRow:
    """Insert an organisation (the caller checks the name is free)."""
    row = OrganisationRow(name=name)
    session.add(row)
    with conflict_on_duplicate("an organisation with this name already exists"):
        session.flush()
    return row


def find_organisation(*, session: Session, organisation_id: uuid.UUID) -> OrganisationRow | None:
    """The organisation with this id, if any."""
    return session.get(OrganisationRow, organisation_id)


def find_organisation_by_name(*, session: Session, name: str) -> OrganisationRow | None:
    """The organisation with this exact name, if any."""
    return session.scalar(select(OrganisationRow).where(OrganisationRow.name == name))


def list_organisations(*, session: Session, limit: int, offset: int) -> list[OrganisationRow]:
    """Organisations by name."""
    query = select(OrganisationRow).order_by(OrganisationRow.name).limit(limit).offset(offset)
    return list(session.scalars(query))


def add_user(
    *,
    session: Session,
    email: str,
    password_hash: str,
    role: str,
    display_name: str,
    organisation_id: uuid.UUID | None = None,
) -> UserRow:
    """Insert a user; a graduate gets an empty, unsearchable profile with it.

    Args:
        session: open session.
        email: the sign-in email, already normalised (lower case, trimmed).
        password_hash: the argon2 hash (never the password).
        role: ``graduate``, ``employer`` or ``admin``.
        display_name: how the user is greeted.
        organisation_id: the employer's organisation (employers only).
    """
    user = UserRow(
        email=email,
        password_hash=password_hash,
        role=role,
        display_name=display_name,
        organisation_id=organisation_id,
    )
    if role == "graduate":
        user.profile = GraduateProfileRow()
    session.add(user)
    with conflict_on_duplicate("an account with this email already exists"):
        session.flush()
    return user


def find_user(*, session: Session, user_id: uuid.UUID) -> UserRow | None:
    """The user with this id, if any."""
    return session.get(UserRow, user_id)


def count_active_admins(*, session: Session, lock: bool = False) -> int:
    """How many active admin accounts there are.

    Args:
        session: open session.
        lock: lock their rows until the transaction ends (``FOR UPDATE`` where the
            database has it), so a concurrent check waits for this transaction.
    """
    query = select(UserRow.id).where(UserRow.role == "admin", UserRow.is_active)
    if lock:
        query = query.with_for_update()
    return len(session.scalars(query).all())


def find_user_by_email(*, session: Session, email: str) -> UserRow | None:
    """The user with this (normalised) email, if any."""
    return session.scalar(select(UserRow).where(UserRow.email == email))


def list_users(
    *, session: Session, limit: int, offset: int, organisation_id: uuid.UUID | None = None
) -> list[UserRow]:
    """Users by email, optionally of one organisation."""
    query = select(UserRow).order_by(UserRow.email).limit(limit).offset(offset)
    if organisation_id is not None:
        query = query.where(UserRow.organisation_id == organisation_id)
    return list(session.scalars(query))


def count_users(*, session: Session) -> int:
    """How many users the store holds."""
    return session.scalar(select(func.count()).select_from(UserRow)) or 0


def delete_user(*, session: Session, user: UserRow) -> None:
    """Delete a user and everything that hangs from it (profile, resume, file, scores)."""
    session.delete(user)
    session.flush()
