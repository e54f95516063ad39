"""The service's start: settings checks, then the store, migrated."""

from __future__ import annotations

from matcher.config import MIN_SECRET_CHARS, Settings
from matcher.errors import ConfigurationError
from matcher.store import Store
from matcher.store import open_store as _open_store

__all__ = ["Store", "check_service_settings", "open_store"]


def check_service_settings(settings: Settings) -> None:
    """Refuse settings the service must not run with.

    Raises:
        ConfigurationError: outside development mode, no secret key (or a short one), or
            demo data asked for.
    """
    if settings.development:
        return
    secret = settings.secret_key.get_secret_value() if settings.secret_key else ""
    if len(secret) < MIN_SECRET_CHARS:
        raise ConfigurationError(
            f"MATCHER_SECRET_KEY must be set to at least {MIN_SECRET_CHARS} random characters "
            "outside development mode (e.g. python -c 'import secrets; "
            "print(secrets.token_urlsafe(48))')"
        )
    if settings.demo_data:
        raise ConfigurationError(
            "MATCHER_DEMO_DATA=true is refused outside development mode: the demo accounts "
            "have published passwords"
        )


def open_store(settings: Settings, *, migrate: bool = True) -> Store:
    """Open the configured database (``settings.store_url``), migrated to the newest schema."""
    return _open_store(settings.store_url, migrate=migrate)
