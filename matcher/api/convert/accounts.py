"""Accounts and organisations on the wire."""

from __future__ import annotations

from matcher.api import schemas as s
from matcher.store.orm import OrganisationRow, UserRow

__all__ = ["organisation_out", "user_out"]


def user_out(user: UserRow) -> s.UserOut:
    """An account on the wire (never its password hash)."""
    return s.UserOut(
        id=user.id,
        email=user.email,
        role=user.role,
        display_name=user.display_name,
        organisation_id=user.organisation_id,
        created_at=user.created_at,
    )


def organisation_out(org: OrganisationRow) -> s.OrganisationOut:
    """An organisation on the wire."""
    return s.OrganisationOut(id=org.id, name=org.name, created_at=org.created_at)
