"""Repository functions for failed sign-ins (the brute-force limit's memory).

Rows name an account by a keyed hash only (see :class:`~matcher.store.orm.SignInFailureRow`)
and are deleted once they fall out of the window, or when the account signs in.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from matcher.store.orm import SignInFailureRow

__all__ = ["clear_sign_in_failures", "recent_sign_in_failures", "record_sign_in_failure"]


def recent_sign_in_failures(
    *, session: Session, account_key: str, since: datetime
) -> list[datetime]:
    """When the account's failed sign-ins after ``since`` happened, oldest first."""
    query = (
        select(SignInFailureRow.failed_at)
        .where(SignInFailureRow.account_key == account_key, SignInFailureRow.failed_at > since)
        .order_by(SignInFailureRow.failed_at)
    )
    return list(session.scalars(query))


def record_sign_in_failure(
    *, session: Session, account_key: str, at: datetime, forget_before: datetime
) -> None:
    """Remember a failed sign-in, and forget every account's failures before ``forget_before``."""
    session.execute(delete(SignInFailureRow).where(SignInFailureRow.failed_at <= forget_before))
    session.add(SignInFailureRow(account_key=account_key, failed_at=at))
    session.flush()


def clear_sign_in_failures(*, session: Session, account_key: str) -> None:
    """Forget the account's failed sign-ins (it just signed in)."""
    session.execute(delete(SignInFailureRow).where(SignInFailureRow.account_key == account_key))
