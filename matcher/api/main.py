"""The FastAPI application: ``create_app()``; ``matcher serve`` runs it with uvicorn.

The lifespan checks the settings (a secret outside development), opens the store
(migrating it), loads the engine once, and in development loads the demo data into an
empty database. Every error leaves as ``application/problem+json``
(:mod:`matcher.api.problems`); every log line carries the request id
(:mod:`matcher.api.logs`).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from matcher import __version__
from matcher.api.limits import BodyLimitMiddleware
from matcher.api.logs import access_log_middleware
from matcher.api.openapi import install_problem_openapi
from matcher.api.problems import install_problem_handlers, unexpected_error_middleware
from matcher.api.routes import admin, auth, candidates, health, jobs, me, roles
from matcher.api.security import signing_key
from matcher.config import Settings, get_settings
from matcher.demo import load_demo_data
from matcher.service import MatchingEngine, load_engine
from matcher.usecases import check_service_settings, open_store

__all__ = ["create_app"]

log = logging.getLogger(__name__)

_DESCRIPTION = """
Resume-to-role matching for graduates of US health IT workforce programs.

* **Graduates** sign up (`POST /api/v1/auth/register`), upload a resume
  (`POST /api/v1/me/resume`) and read their skills with evidence, their fit for the twelve
  roles, their competency profile and the gap analysis for a role; they choose whether
  employers may find them (`PATCH /api/v1/me/profile`) and can delete everything
  (`DELETE /api/v1/me`).
* **Employers** rank opted-in candidates for a role, a skill search or a posted job
  description, blind (no names or contact details) until a candidate accepts their
  contact request.
* **Admins** create organisations and accounts.

Sign in with the **Authorize** button (OAuth2 password flow; the username is the email).
Errors are `application/problem+json`; every response carries an `X-Request-ID`.
"""

_TAGS = [
    {"name": "accounts", "description": "Sign up, sign in, who am I."},
    {"name": "graduates", "description": "A graduate's own resume, results and choices."},
    {"name": "roles", "description": "Roles, skills, and ranking candidates for a role."},
    {"name": "employers", "description": "Skill searches, candidates, contact requests."},
    {"name": "jobs", "description": "Job descriptions and ranking candidates for them."},
    {"name": "admin", "description": "Organisations and accounts."},
    {"name": "health", "description": "Liveness."},
]


def create_app(
    settings: Settings | None = None, *, engine: MatchingEngine | None = None
) -> FastAPI:
    """Build the application (nothing is loaded until the lifespan starts).

    Args:
        settings: configuration (default: :func:`~matcher.config.get_settings`).
        engine: an already loaded engine (tests share one); default: loaded at start.
    """
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        check_service_settings(settings)
        store = open_store(settings)
        app.state.settings = settings
        app.state.store = store
        app.state.engine = engine or load_engine(settings)
        app.state.signing_key = signing_key(settings)
        if settings.load_demo_data:
            load_demo_data(store=store, engine=app.state.engine, settings=settings)
        try:
            yield
        finally:
            store.close()

    app = FastAPI(
        title="healthit-matcher",
        version=__version__,
        description=_DESCRIPTION,
        openapi_tags=_TAGS,
        lifespan=lifespan,
    )
    # the last added runs first: request id and access log around unexpected errors,
    # around the size check
    app.add_middleware(BodyLimitMiddleware)
    app.middleware("http")(unexpected_error_middleware)
    app.middleware("http")(access_log_middleware)
    install_problem_handlers(app)
    install_problem_openapi(app)
    for module in (health, auth, me, roles, candidates, jobs, admin):
        app.include_router(module.router)
    return app
