"""Repository functions for failed sign-ins (the brute-force limit's memory).

Rows name an account by a keyed hash only (see :class:`~matcher.store.orm.SignInFailureRow`)
and are deleted once they fall out of the window, or when the account signs in.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from matcher.store.orm import SignInFailureRow

__all__ = [
    "clear_sign_in_failures",
    "forget_sign_in_failures",
    "recent_sign_in_failures",
    "record_sign_in_failure",
]


def recent_sign_in_failures(
    *, session: Session, account_key: str, since: datetime, excluding: Collection[int] = ()
) -> list[datetime]:
    """When the account's failed sign-ins after ``since`` happened, oldest first.

    Args:
        session: open session.
        account_key: the keyed hash naming the account or address.
        since: failures at or before this time no longer count.
        excluding: ids of failures not to count (the attempt being checked).
    """
    query = (
        select(SignInFailureRow.failed_at)
        .where(SignInFailureRow.account_key == account_key, SignInFailureRow.failed_at > since)
        .order_by(SignInFailureRow.failed_at, SignInFailureRow.id)
    )
    if excluding:
        query = query.where(SignInFailureRow.id.not_in(list(excluding)))
    return list(session.scalars(query))


def record_sign_in_failure(
    *, session: Session, account_key: str, at: datetime, forget_before: datetime
) -> int:
    """Remember a failed sign-in, and forget every account's failures before ``forget_before``.

    Returns:
        The failure's id (to forget it if the attempt turns out not to count).
    """
    session.execute(delete(SignInFailureRow).where(SignInFailureRow.failed_at <= forget_before))
    row = SignInFailureRow(account_key=account_key, failed_at=at)
    session.add(row)
    session.flush()
    return row.id


def forget_sign_in_failures(*, session: Session, ids: Collection[int]) -> None:
    """Forget the failures with these ids."""
    if ids:
        session.execute(delete(SignInFailureRow).where(SignInFailureRow.id.in_(list(ids))))


def clear_sign_in_failures(*, session: Session, account_key: str) -> None:
    """Forget the account's failed sign-ins (it just signed in)."""
    session.execute(delete(SignInFailureRow).where(SignInFailureRow.account_key == account_key))
