"""Signing in with a brute-force limit, per account and per network address.

After ``Settings.sign_in_max_failures`` failed sign-ins for one account within
``Settings.sign_in_window_seconds``, further attempts for that account are refused
(:class:`TooManySignInFailuresError`, HTTP 429 with ``Retry-After``) until the oldest
failure leaves the window; the right password is refused too, so guessing cannot go on.
Refused attempts are not counted, so the lock ends on time; a successful sign-in clears
the account's failures. Unknown emails are limited alike (the answer does not reveal
whether an account exists).

The same holds per network address with ``Settings.sign_in_max_failures_per_client``
failures over any accounts (a few passwords tried on many accounts), except that a
successful sign-in does not clear them: one known password must not reset the count.

Failures are kept in the store, so every worker process shares them, under a keyed hash
of the normalised email or of the address, never the email or the address itself.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from matcher.config import Settings
from matcher.errors import InputError, TooManySignInFailuresError
from matcher.store import Store
from matcher.store.orm import UserRow, utcnow
from matcher.store.sign_in import (
    clear_sign_in_failures,
    forget_sign_in_failures,
    recent_sign_in_failures,
    record_sign_in_failure,
)
from matcher.usecases.accounts import authenticate, normalise_email

__all__ = ["SignInPolicy", "sign_in"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SignInPolicy:
    """How many failed sign-ins per account and per network address a window allows.

    Attributes:
        max_failures: failures that lock the account's sign-in (>= 1).
        window_seconds: how long a failure counts.
        max_client_failures: failures from one address, over any accounts, that lock
            sign-ins from it (>= 1).
    """

    max_failures: int
    window_seconds: int
    max_client_failures: int = 50

    @classmethod
    def from_settings(cls, settings: Settings) -> SignInPolicy:
        """The policy the settings name."""
        return cls(
            max_failures=settings.sign_in_max_failures,
            window_seconds=settings.sign_in_window_seconds,
            max_client_failures=settings.sign_in_max_failures_per_client,
        )


def sign_in(
    *,
    store: Store,
    email: str,
    password: str,
    policy: SignInPolicy,
    key: str,
    client: str | None = None,
    now: datetime | None = None,
) -> UserRow:
    """The active user with these credentials, unless the account's or address's sign-in is locked.

    Runs its own transactions: a failure is recorded even though the request fails.

    Args:
        store: the open store.
        email: the email given (any case).
        password: the password given.
        policy: the brute-force limit.
        key: secret key of the account hash (the service's signing key).
        client: the network address the attempt comes from (None: not known, only the
            account is limited).
        now: the current time (tests).

    Raises:
        TooManySignInFailuresError: too many failures for this account, or from this
            address, in the window.
        AuthenticationError: wrong email or password, or a disabled account.
    """
    now = now or utcnow()
    account = _account_key(email, key)
    limited = [(account, policy.max_failures, "this account")]
    if client is not None:
        limited.append((_client_key(client, key), policy.max_client_failures, _ADDRESS))
    since = now - timedelta(seconds=policy.window_seconds)
    # The attempt is recorded as a failure before anything is checked, in its own
    # transaction: concurrent attempts each count the others, so no more than the limit
    # ever reach the (slow) password check, however many arrive at once.
    with store.sessions() as session:
        pending = [
            record_sign_in_failure(session=session, account_key=who, at=now, forget_before=since)
            for who, _, _ in limited
        ]
        session.commit()
    with store.sessions() as session:
        for who, limit, source in limited:
            recent = recent_sign_in_failures(
                session=session, account_key=who, since=since, excluding=pending
            )
            if len(recent) >= limit:
                # Refused attempts are not counted: the lock ends on time.
                forget_sign_in_failures(session=session, ids=pending)
                session.commit()
                unlocks = recent[len(recent) - limit] + timedelta(seconds=policy.window_seconds)
                log.warning("sign-in refused: too many failed attempts for %s", source)
                wait = max(1, math.ceil((unlocks - now).total_seconds()))
                raise TooManySignInFailuresError(wait, source)
        user = authenticate(session=session, email=email, password=password)
        # Signed in: this attempt was no failure, and the account's failures are forgiven
        # (the address's are not: one known password must not reset its count).
        forget_sign_in_failures(session=session, ids=pending)
        clear_sign_in_failures(session=session, account_key=account)
        session.commit()
        return user


_ADDRESS = "this network address"


def _account_key(email: str, key: str) -> str:
    try:
        normalised = normalise_email(email)
    except InputError:
        normalised = email.strip().lower()
    digest = hmac.new(key.encode(), b"sign-in:" + normalised.encode(), hashlib.sha256)
    return digest.hexdigest()


def _client_key(client: str, key: str) -> str:
    digest = hmac.new(key.encode(), b"sign-in-client:" + client.encode(), hashlib.sha256)
    return digest.hexdigest()
