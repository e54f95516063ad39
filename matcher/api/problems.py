"""Errors as ``application/problem+json`` (RFC 9457), one mapping from error class to status.

Bodies carry ``type``, ``title``, ``status``, ``detail`` (what is wrong, what to do),
``instance`` (the path) and ``request_id``; validation errors add ``errors`` with each
field's location and message (never the value sent).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException
from starlette.responses import Response

from matcher.api.logs import current_request_id
from matcher.errors import (
    AccessDeniedError,
    ArtifactError,
    AuthenticationError,
    ConfigurationError,
    ConflictError,
    DocumentTimeoutError,
    DocumentTooLargeError,
    InputError,
    MatcherError,
    NotFoundError,
    ServiceBusyError,
    TooManySignInFailuresError,
    UnknownRoleError,
    UnsupportedFormatError,
)

__all__ = ["PROBLEM_JSON", "install_problem_handlers", "problem_response", "status_of"]

log = logging.getLogger(__name__)

PROBLEM_JSON = "application/problem+json"

#: most specific first; the first class an error is an instance of decides.
_STATUS: tuple[tuple[type[MatcherError], int, str], ...] = (
    (TooManySignInFailuresError, 429, "Too many requests"),
    (ServiceBusyError, 503, "Service busy"),
    (AuthenticationError, 401, "Not authenticated"),
    (AccessDeniedError, 403, "Forbidden"),
    (NotFoundError, 404, "Not found"),
    (UnknownRoleError, 404, "Unknown role"),
    (ConflictError, 409, "Conflict"),
    (DocumentTooLargeError, 413, "Document too large"),
    (UnsupportedFormatError, 415, "Unsupported document format"),
    (DocumentTimeoutError, 422, "Document took too long to read"),
    (InputError, 422, "Unprocessable input"),
    (ArtifactError, 503, "Model unavailable"),
    (ConfigurationError, 500, "Server misconfigured"),
    (MatcherError, 500, "Internal error"),
)


def status_of(error: MatcherError) -> tuple[int, str]:
    """The HTTP status and title an error class maps to."""
    for cls, status, title in _STATUS:
        if isinstance(error, cls):
            return status, title
    return 500, "Internal error"


def problem_response(
    request: Request,
    status: int,
    title: str,
    detail: str,
    *,
    extra: dict[str, object] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    """A problem+json response."""
    body: dict[str, object] = {
        "type": "about:blank",
        "title": title,
        "status": status,
        "detail": detail,
        "instance": request.url.path,
        "request_id": current_request_id(),
        **(extra or {}),
    }
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


async def _matcher_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, MatcherError)
    status, title = status_of(exc)
    if status >= 500 and not isinstance(exc, ServiceBusyError):
        log.error("%s while serving the request", type(exc).__name__)
        detail = "the server cannot do this now; the request id identifies it in the logs"
    else:
        detail = str(exc)
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    if isinstance(exc, TooManySignInFailuresError | ServiceBusyError):
        headers = {"Retry-After": str(exc.retry_after)}
    return problem_response(request, status, title, detail, headers=headers)


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    detail = exc.detail if isinstance(exc.detail, str) else "request refused"
    return problem_response(
        request,
        exc.status_code,
        _title(exc.status_code),
        detail,
        headers=dict(exc.headers) if exc.headers else None,
    )


def _title(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [
        {"loc": [str(part) for part in err.get("loc", ())], "msg": str(err.get("msg", ""))}
        for err in exc.errors()
    ]
    where = "; ".join(f"{'.'.join(e['loc'])}: {e['msg']}" for e in errors[:5])
    return problem_response(
        request,
        422,
        "Invalid request",
        f"the request does not have the expected shape: {where}",
        extra={"errors": errors},
    )


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    # The exception's message may quote user data: log only its type.
    log.error("unexpected %s while serving the request", type(exc).__name__)
    return problem_response(
        request,
        500,
        "Internal error",
        "an unexpected error occurred; the request id identifies it in the logs",
    )


async def unexpected_error_middleware(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    """Answer an unexpected exception with a 500 problem, inside the access log.

    Starlette's own handler for ``Exception`` runs outside every middleware (no request
    id) and re-raises, so the server would print the traceback, whose database errors
    can quote personal data. Caught here, the error is logged by its type alone and the
    response carries the request id like any other.
    """
    try:
        return await call_next(request)
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        return await _unexpected(request, exc)


def install_problem_handlers(app: FastAPI) -> None:
    """Route every error to a problem+json response."""
    app.add_exception_handler(MatcherError, _matcher_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _unexpected)
