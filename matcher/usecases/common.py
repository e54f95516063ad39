"""Shapes every use case shares: the caller and a page of results."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from matcher.errors import AccessDeniedError

__all__ = ["Page", "Principal", "require_role"]

T = TypeVar("T")


@dataclass(frozen=True)
class Principal:
    """Who is calling.

    Attributes:
        user_id: the user's id.
        role: ``graduate``, ``employer`` or ``admin``.
        organisation_id: the employer's organisation (None for the others).
    """

    user_id: uuid.UUID
    role: str
    organisation_id: uuid.UUID | None = None


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a longer list.

    Attributes:
        items: this page's items.
        total: how many items the whole list has.
        limit: page size asked for; offset: items skipped before this page.
    """

    items: Sequence[T]
    total: int
    limit: int
    offset: int


def require_role(principal: Principal, *roles: str) -> None:
    """Raise unless the caller has one of ``roles``.

    Raises:
        AccessDeniedError: the caller's role is not among ``roles``.
    """
    if principal.role not in roles:
        wanted = " or ".join(roles)
        article = "an" if wanted[0] in "aeiou" else "a"
        raise AccessDeniedError(
            f"this needs {article} {wanted} account; you are signed in as {principal.role}"
        )


def organisation_of(principal: Principal) -> uuid.UUID:
    """The employer's organisation.

    Raises:
        AccessDeniedError: the caller is not an employer of an organisation.
    """
    require_role(principal, "employer")
    if principal.organisation_id is None:
        raise AccessDeniedError("this employer account belongs to no organisation")
    return principal.organisation_id
