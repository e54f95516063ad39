"""Signing in with a brute-force limit.

After ``Settings.sign_in_max_failures`` failed sign-ins for one account within
``Settings.sign_in_window_seconds``, further attempts for that account are refused
(:class:`TooManySignInFailuresError`, HTTP 429 with ``Retry-After``) until the oldest
failure leaves the window; the right password is refused too, so guessing cannot go on.
Refused attempts are not counted, so the lock ends on time; a successful sign-in clears
the account's failures. Unknown emails are limited alike (the answer does not reveal
whether an account exists). Failures are kept in the store, so every worker process
shares them, under a keyed hash of the normalised email, never the email itself.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from matcher.config import Settings
from matcher.errors import AuthenticationError, InputError, TooManySignInFailuresError
from matcher.store import Store
from matcher.store.orm import UserRow, utcnow
from matcher.store.sign_in import (
    clear_sign_in_failures,
    recent_sign_in_failures,
    record_sign_in_failure,
)
from matcher.usecases.accounts import authenticate, normalise_email

__all__ = ["SignInPolicy", "sign_in"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SignInPolicy:
    """How many failed sign-ins per account a window allows.

    Attributes:
        max_failures: failures that lock the account's sign-in (>= 1).
        window_seconds: how long a failure counts.
    """

    max_failures: int
    window_seconds: int

    @classmethod
    def from_settings(cls, settings: Settings) -> SignInPolicy:
        """The policy the settings name."""
        return cls(
            max_failures=settings.sign_in_max_failures,
            window_seconds=settings.sign_in_window_seconds,
        )


def sign_in(
    *,
    store: Store,
    email: str,
    password: str,
    policy: SignInPolicy,
    key: str,
    now: datetime | None = None,
) -> UserRow:
    """The active user with these credentials, unless the account's sign-in is locked.

    Runs its own transactions: a failure is recorded even though the request fails.

    Args:
        store: the open store.
        email: the email given (any case).
        password: the password given.
        policy: the brute-force limit.
        key: secret key of the account hash (the service's signing key).
        now: the current time (tests).

    Raises:
        TooManySignInFailuresError: too many failures for this account in the window.
        AuthenticationError: wrong email or password, or a disabled account.
    """
    now = now or utcnow()
    account = _account_key(email, key)
    since = now - timedelta(seconds=policy.window_seconds)
    with store.sessions() as session:
        failures = recent_sign_in_failures(session=session, account_key=account, since=since)
        if len(failures) >= policy.max_failures:
            unlocks = failures[len(failures) - policy.max_failures] + timedelta(
                seconds=policy.window_seconds
            )
            log.warning("sign-in refused: too many failed attempts for one account")
            raise TooManySignInFailuresError(max(1, math.ceil((unlocks - now).total_seconds())))
        try:
            user = authenticate(session=session, email=email, password=password)
        except AuthenticationError:
            record_sign_in_failure(
                session=session, account_key=account, at=now, forget_before=since
            )
            session.commit()
            raise
        if failures:
            clear_sign_in_failures(session=session, account_key=account)
            session.commit()
        return user


def _account_key(email: str, key: str) -> str:
    try:
        normalised = normalise_email(email)
    except InputError:
        normalised = email.strip().lower()
    digest = hmac.new(key.encode(), b"sign-in:" + normalised.encode(), hashlib.sha256)
    return digest.hexdigest()
