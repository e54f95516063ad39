"""The sign-in limit over time, on a real store (SQLite and PostgreSQL)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from matcher.errors import AuthenticationError, TooManySignInFailuresError
from matcher.store import Store
from matcher.store.orm import SignInFailureRow
from matcher.usecases import register_graduate
from matcher.usecases.sign_in import SignInPolicy, sign_in

POLICY = SignInPolicy(max_failures=3, window_seconds=600)
KEY = "k" * 48
T0 = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
PASSWORD = "correct horse battery"


@pytest.fixture
def account(store: Store) -> str:
    with store.sessions() as session:
        register_graduate(
            session=session, email="pat@example.org", password=PASSWORD, display_name="Pat"
        )
        session.commit()
    return "pat@example.org"


def _try(store: Store, password: str, at: datetime, email: str = "pat@example.org") -> str:
    try:
        sign_in(store=store, email=email, password=password, policy=POLICY, key=KEY, now=at)
    except TooManySignInFailuresError as exc:
        return f"locked {exc.retry_after}"
    except AuthenticationError:
        return "wrong"
    return "ok"


def test_sign_in_lock_lasts_until_the_oldest_failure_leaves_the_window(
    store: Store, account: str
) -> None:
    for minute in (0, 1, 2):
        assert _try(store, "nope", T0 + timedelta(minutes=minute)) == "wrong"
    assert _try(store, PASSWORD, T0 + timedelta(minutes=3)) == "locked 420"
    assert _try(store, PASSWORD, T0 + timedelta(minutes=9, seconds=59)) == "locked 1"
    assert _try(store, PASSWORD, T0 + timedelta(minutes=10, seconds=1)) == "ok"


def test_sign_in_refused_attempts_do_not_extend_the_lock(store: Store, account: str) -> None:
    for minute in (0, 1, 2):
        _try(store, "nope", T0 + timedelta(minutes=minute))
    for minute in range(3, 10):
        assert _try(store, "nope", T0 + timedelta(minutes=minute)).startswith("locked")
    # the failure of minute 0 has left the window: one more guess is allowed, and fails
    assert _try(store, "nope", T0 + timedelta(minutes=10, seconds=1)) == "wrong"
    assert _try(store, PASSWORD, T0 + timedelta(minutes=10, seconds=2)).startswith("locked")


def test_sign_in_failures_are_forgotten_and_hold_no_email(store: Store, account: str) -> None:
    _try(store, "nope", T0)
    _try(store, "nope", T0, email="someone.else@example.org")
    _try(store, "nope", T0 + timedelta(hours=1), email="third@example.org")
    with store.sessions() as session:
        keys = list(session.scalars(select(SignInFailureRow.account_key)))
        assert len(keys) == 1  # the two older failures were pruned
        assert all("@" not in k and len(k) == 64 for k in keys)
    _try(store, PASSWORD, T0 + timedelta(hours=1))
    with store.sessions() as session:
        count = session.scalar(select(func.count()).select_from(SignInFailureRow))
        assert count == 1


def _try_from(store: Store, client: str, email: str, password: str, at: datetime) -> str:
    policy = SignInPolicy(max_failures=3, window_seconds=600, max_client_failures=4)
    try:
        sign_in(
            store=store,
            email=email,
            password=password,
            policy=policy,
            key=KEY,
            client=client,
            now=at,
        )
    except TooManySignInFailuresError as exc:
        return f"locked {exc.retry_after} {exc}"
    except AuthenticationError:
        return "wrong"
    return "ok"


def test_one_address_trying_many_accounts_is_limited(store: Store, account: str) -> None:
    spray = [f"user{i}@example.org" for i in range(4)]
    for i, email in enumerate(spray):  # one guess per account: no account is locked
        assert _try_from(store, "203.0.113.9", email, "Winter2026!", T0 + timedelta(seconds=i)) == (
            "wrong"
        )
    refused = _try_from(store, "203.0.113.9", account, PASSWORD, T0 + timedelta(minutes=1))
    assert refused.startswith("locked 540 ") and "network address" in refused
    # another address signs in to the same account; its success does not reset the first
    assert _try_from(store, "198.51.100.7", account, PASSWORD, T0 + timedelta(minutes=1)) == "ok"
    assert _try_from(store, "203.0.113.9", account, PASSWORD, T0 + timedelta(minutes=2)).startswith(
        "locked"
    )
    assert _try_from(store, "203.0.113.9", account, PASSWORD, T0 + timedelta(minutes=11)) == "ok"
    with store.sessions() as session:
        keys = set(session.scalars(select(SignInFailureRow.account_key)))
    assert not [k for k in keys if "203.0.113.9" in k or "@" in k]


def test_a_success_clears_the_account_but_not_the_address(store: Store, account: str) -> None:
    for minute in (0, 1):
        assert _try_from(store, "203.0.113.9", account, "nope", T0 + timedelta(minutes=minute)) == (
            "wrong"
        )
    assert _try_from(store, "203.0.113.9", account, PASSWORD, T0 + timedelta(minutes=2)) == "ok"
    # the account's two failures are gone; the address's stay: two more failures lock it
    for minute in (3, 4):
        assert _try_from(store, "203.0.113.9", account, "nope", T0 + timedelta(minutes=minute)) == (
            "wrong"
        )
    locked = _try_from(store, "203.0.113.9", account, PASSWORD, T0 + timedelta(minutes=5))
    assert "network address" in locked


def test_parallel_wrong_passwords_reach_the_password_check_at_most_limit_times(
    store: Store, account: str
) -> None:
    # Each attempt is counted before its password is checked, so requests that arrive
    # together cannot all slip under the limit.
    with ThreadPoolExecutor(max_workers=12) as pool:
        answers = list(pool.map(lambda _: _try(store, "wrong password!", T0), range(24)))
    checked = answers.count("wrong")
    assert checked <= POLICY.max_failures
    assert all(a == "wrong" or a.startswith("locked") for a in answers)
    # Attempts refused while others were in flight leave nothing behind: only the checked
    # ones count towards the lock.
    with store.sessions() as session:
        assert session.scalar(select(func.count()).select_from(SignInFailureRow)) == checked
