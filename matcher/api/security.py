"""Who is calling: OAuth2 password flow, signed expiring tokens (JWT, HS256).

A token names the user (``sub``) and expires after ``Settings.token_minutes``; each
request re-reads the user, so a deleted or disabled account loses access at once and a
role comes from the store, never from the token. What each role may see is checked by
the use cases (:mod:`matcher.usecases`), on every request.
"""

from __future__ import annotations

import logging
import secrets
import uuid
from datetime import UTC, datetime, timedelta

import jwt

from matcher.config import Settings
from matcher.errors import AuthenticationError

__all__ = ["ALGORITHM", "TOKEN_URL", "decode_token", "issue_token", "signing_key"]

log = logging.getLogger(__name__)

ALGORITHM = "HS256"
TOKEN_URL = "/api/v1/auth/token"


def signing_key(settings: Settings) -> str:
    """The key tokens are signed with.

    Outside development the configured secret (checked at start by
    :func:`matcher.usecases.check_service_settings`); in development without one, a random
    key for this process (tokens do not survive a restart).
    """
    if settings.secret_key is not None:
        return settings.secret_key.get_secret_value()
    if not settings.development:
        from matcher.errors import ConfigurationError

        raise ConfigurationError("MATCHER_SECRET_KEY is required outside development mode")
    log.warning("development mode: tokens are signed with a random per-process key")
    return secrets.token_urlsafe(48)


def issue_token(*, user_id: uuid.UUID, key: str, minutes: int) -> tuple[str, int]:
    """A signed access token for a user.

    Returns:
        The token and its lifetime in seconds.
    """
    now = datetime.now(UTC)
    claims = {"sub": str(user_id), "iat": now, "exp": now + timedelta(minutes=minutes)}
    return jwt.encode(claims, key, algorithm=ALGORITHM), minutes * 60


def decode_token(token: str, *, key: str) -> uuid.UUID:
    """The user id a valid, unexpired token names.

    Raises:
        AuthenticationError: expired, tampered with, or not one of ours.
    """
    try:
        claims = jwt.decode(token, key, algorithms=[ALGORITHM], options={"require": ["exp", "sub"]})
        return uuid.UUID(str(claims["sub"]))
    except jwt.ExpiredSignatureError as exc:
        raise AuthenticationError("the access token has expired: sign in again") from exc
    except (jwt.InvalidTokenError, ValueError) as exc:
        raise AuthenticationError("the access token is not valid: sign in again") from exc
