"""``matcher serve``, ``matcher db-upgrade`` and ``matcher add-user``: the service.

``serve`` runs the API with uvicorn (the app is named by import string, so the CLI does
not import the API layer); logging there carries request ids and no personal data
(uvicorn's own access log, which names client addresses and query strings, is off).
"""

from __future__ import annotations

import getpass
from typing import Annotated, Any

import typer
import uvicorn

from matcher.cli._common import err, fail, out
from matcher.config import get_settings
from matcher.errors import MatcherError
from matcher.store import current_revision
from matcher.usecases import check_service_settings, create_user, open_store
from matcher.usecases.accounts import ensure_organisation

__all__ = ["add_user", "db_upgrade", "serve"]

_LOG_CONFIG: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "matcher.api.logs.RequestIdFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"}
    },
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["stderr"], "level": "INFO"},
    "loggers": {"uvicorn.access": {"level": "WARNING"}},
}


def _safe_url(url: str) -> str:
    from matcher.store import normalise_url

    head, sep, tail = normalise_url(url).rpartition("@")
    return f"{head.split('//')[0]}//***@{tail}" if sep else url


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
) -> None:
    """Run the HTTP API (OpenAPI page at /docs); demo data on first start in development."""
    settings = get_settings()
    try:
        check_service_settings(settings)
    except MatcherError as exc:
        fail(exc)
    err.print(
        f"matcher serve: {settings.environment} mode, store {_safe_url(settings.store_url)}; "
        f"open http://{host}:{port}/docs"
    )
    uvicorn.run(
        "matcher.api.main:create_app",
        factory=True,
        host=host,
        port=port,
        access_log=False,
        log_config=_LOG_CONFIG,
    )


def db_upgrade() -> None:
    """Create or migrate the database schema to the newest revision (MATCHER_DATABASE_URL)."""
    settings = get_settings()
    store = open_store(settings)
    try:
        out.print(f"database at revision {current_revision(store.engine)}")
    finally:
        store.close()


def add_user(
    email: Annotated[str, typer.Argument(help="Sign-in email of the new account.")],
    role: Annotated[str, typer.Option(help="graduate, employer or admin.")] = "admin",
    organisation: Annotated[
        str | None, typer.Option(help="Employer's organisation (created if new).")
    ] = None,
    name: Annotated[str, typer.Option(help="Display name.")] = "",
) -> None:
    """Create an account (the first admin of a production database); asks for a password."""
    password = getpass.getpass("password: ")
    if password != getpass.getpass("again: "):
        err.print("error: the passwords differ")
        raise typer.Exit(code=2)
    store = open_store(get_settings())
    try:
        with store.sessions() as session:
            org_id = None
            if organisation is not None:
                org_id = ensure_organisation(session=session, name=organisation).id
            user = create_user(
                session=session,
                caller=None,
                email=email,
                password=password,
                role=role,
                display_name=name,
                organisation_id=org_id,
            )
            session.commit()
            out.print(f"created {user.role} account {user.id}")
    except MatcherError as exc:
        fail(exc)
    finally:
        store.close()
