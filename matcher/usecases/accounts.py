"""Accounts: graduates sign up, admins create organisations and employers, everyone signs in."""

from __future__ import annotations

import uuid

from matcher.errors import AuthenticationError, ConflictError, InputError, NotFoundError
from matcher.passwords import (
    MAX_PASSWORD_CHARS,
    MIN_PASSWORD_CHARS,
    dummy_verify,
    hash_password,
    verify_password,
)
from matcher.store import Session
from matcher.store import accounts as repo
from matcher.store.orm import OrganisationRow, UserRow
from matcher.usecases.common import Principal, require_role

__all__ = [
    "admin_delete_user",
    "authenticate",
    "create_organisation",
    "create_user",
    "current_user",
    "delete_account",
    "ensure_organisation",
    "list_organisations",
    "list_users",
    "normalise_email",
    "principal_of",
    "register_graduate",
]

ROLES = ("graduate", "employer", "admin")


def normalise_email(email: str) -> str:
    """Trim and lower-case an email (sign-in compares this form).

    Raises:
        InputError: not of the form ``name@domain``.
    """
    cleaned = email.strip().lower()
    local, _, domain = cleaned.partition("@")
    if (
        not local
        or "." not in domain
        or len(cleaned) > 320
        or any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in cleaned)
    ):
        raise InputError("the email must look like name@example.org")
    return cleaned


def _check_password(password: str) -> None:
    if not MIN_PASSWORD_CHARS <= len(password) <= MAX_PASSWORD_CHARS:
        raise InputError(
            f"the password must have {MIN_PASSWORD_CHARS} to {MAX_PASSWORD_CHARS} characters"
        )


def principal_of(user: UserRow) -> Principal:
    """The caller's identity as the use cases see it."""
    return Principal(user_id=user.id, role=user.role, organisation_id=user.organisation_id)


def _add_user(
    session: Session,
    *,
    email: str,
    password: str,
    role: str,
    display_name: str,
    organisation_id: uuid.UUID | None,
) -> UserRow:
    email = normalise_email(email)
    _check_password(password)
    if role not in ROLES:
        raise InputError(f"role must be one of {', '.join(ROLES)}, got {role!r}")
    if (role == "employer") != (organisation_id is not None):
        raise InputError("an employer needs an organisation, and only employers have one")
    if (
        organisation_id is not None
        and repo.find_organisation(session=session, organisation_id=organisation_id) is None
    ):
        raise NotFoundError(f"no organisation with id {organisation_id}")
    if repo.find_user_by_email(session=session, email=email) is not None:
        raise ConflictError("an account with this email already exists")
    return repo.add_user(
        session=session,
        email=email,
        password_hash=hash_password(password),
        role=role,
        display_name=display_name.strip() or email.partition("@")[0],
        organisation_id=organisation_id,
    )


def register_graduate(*, session: Session, email: str, password: str, display_name: str) -> UserRow:
    """Sign a graduate up (anyone may); the profile starts unsearchable.

    Raises:
        InputError: a malformed email or a password outside the length policy.
        ConflictError: the email is already registered.
    """
    return _add_user(
        session,
        email=email,
        password=password,
        role="graduate",
        display_name=display_name,
        organisation_id=None,
    )


def create_user(
    *,
    session: Session,
    caller: Principal | None,
    email: str,
    password: str,
    role: str,
    display_name: str,
    organisation_id: uuid.UUID | None = None,
) -> UserRow:
    """Create any kind of account (admins only; ``caller=None`` is the operator's CLI).

    Raises:
        AccessDeniedError: the caller is not an admin.
        InputError, ConflictError, NotFoundError: bad fields, taken email, no organisation.
    """
    if caller is not None:
        require_role(caller, "admin")
    return _add_user(
        session,
        email=email,
        password=password,
        role=role,
        display_name=display_name,
        organisation_id=organisation_id,
    )


def create_organisation(
    *, session: Session, caller: Principal | None, name: str
) -> OrganisationRow:
    """Create an employer organisation (admins only; ``caller=None`` is the operator's CLI).

    Raises:
        AccessDeniedError: the caller is not an admin.
        ConflictError: the name is taken.
    """
    if caller is not None:
        require_role(caller, "admin")
    name = name.strip()
    if not name:
        raise InputError("the organisation needs a name")
    if repo.find_organisation_by_name(session=session, name=name) is not None:
        raise ConflictError("an organisation with this name already exists")
    return repo.add_organisation(session=session, name=name)


def list_organisations(
    *, session: Session, caller: Principal, limit: int, offset: int
) -> list[OrganisationRow]:
    """Every organisation (admins only)."""
    require_role(caller, "admin")
    return repo.list_organisations(session=session, limit=limit, offset=offset)


def list_users(*, session: Session, caller: Principal, limit: int, offset: int) -> list[UserRow]:
    """Every account (admins only)."""
    require_role(caller, "admin")
    return repo.list_users(session=session, limit=limit, offset=offset)


def authenticate(*, session: Session, email: str, password: str) -> UserRow:
    """The active user with these credentials.

    Raises:
        AuthenticationError: unknown email, wrong password or a disabled account (one
            message for all three, and the same time spent).
    """
    try:
        email = normalise_email(email)
    except InputError:
        email = ""
    user = repo.find_user_by_email(session=session, email=email) if email else None
    if user is None:
        dummy_verify(password)
        raise AuthenticationError("wrong email or password")
    if not verify_password(user.password_hash, password) or not user.is_active:
        raise AuthenticationError("wrong email or password")
    return user


def current_user(*, session: Session, user_id: uuid.UUID) -> UserRow:
    """The active user a token names.

    Raises:
        AuthenticationError: the user no longer exists or is disabled.
    """
    user = repo.find_user(session=session, user_id=user_id)
    if user is None or not user.is_active:
        raise AuthenticationError("the account of this token no longer exists")
    return user


def delete_account(*, session: Session, caller: Principal, user_id: uuid.UUID) -> None:
    """Delete an account and all its data (rows, resume file, scores, contact requests).

    A user may delete their own account; an admin any account, except the last active
    admin's (the service would have nobody left to manage it).

    Raises:
        NotFoundError: no such user, or one the caller may not delete.
        ConflictError: the account is the last active admin.
    """
    if caller.user_id != user_id and caller.role != "admin":
        raise NotFoundError(f"no user with id {user_id}")
    user = repo.find_user(session=session, user_id=user_id)
    if user is None:
        raise NotFoundError(f"no user with id {user_id}")
    last_admin = ConflictError(
        "this is the only active admin account: create another admin before deleting it"
    )
    is_admin = user.role == "admin" and user.is_active
    # Locked (PostgreSQL) so that two admins deleting themselves at once are serialised.
    if is_admin and repo.count_active_admins(session=session, lock=True) <= 1:
        raise last_admin
    repo.delete_user(session=session, user=user)
    # SQLite takes its write lock at the delete: count again, now that no other deletion
    # can be in flight (the caller's rollback undoes this one).
    if is_admin and repo.count_active_admins(session=session) < 1:
        raise last_admin


def admin_delete_user(*, session: Session, caller: Principal, user_id: uuid.UUID) -> None:
    """Delete any account and all its data (admins only).

    Raises:
        AccessDeniedError: the caller is not an admin.
        NotFoundError: no such user.
    """
    require_role(caller, "admin")
    delete_account(session=session, caller=caller, user_id=user_id)


def ensure_organisation(*, session: Session, name: str) -> OrganisationRow:
    """The organisation with this name, created if new (the operator's CLI only)."""
    existing = repo.find_organisation_by_name(session=session, name=name.strip())
    return existing or create_organisation(session=session, caller=None, name=name)
