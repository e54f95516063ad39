"""Request ids in every log line, and an access log without personal data.

Every request gets an id (the client's ``X-Request-ID`` when it is a plain token, else a
new one), returned in the ``X-Request-ID`` header and in error bodies. The access log
names the method, the route template (``/api/v1/roles/{role_id}/candidates``, never the
query string or the client's address), the status and the time taken.
"""

from __future__ import annotations

import contextvars
import logging
import re
import time
import uuid
from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import Response

__all__ = ["RequestIdFilter", "access_log_middleware", "current_request_id"]

log = logging.getLogger("matcher.api.access")

_REQUEST_ID: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")
_CLIENT_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
HEADER = "X-Request-ID"


def current_request_id() -> str:
    """The id of the request being served (``-`` outside a request)."""
    return _REQUEST_ID.get()


class RequestIdFilter(logging.Filter):
    """Adds ``request_id`` to every record, so formats can print it."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Set ``record.request_id``; never drops a record."""
        record.request_id = _REQUEST_ID.get()
        return True


def _route_template(request: Request) -> str:
    route = request.scope.get("route")
    path = getattr(route, "path", None)
    return path if isinstance(path, str) else "(no route)"


async def access_log_middleware(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    """Assign the request id, log one access line, echo the id in the response."""
    supplied = request.headers.get(HEADER, "")
    request_id = supplied if _CLIENT_ID.match(supplied) else uuid.uuid4().hex
    token = _REQUEST_ID.set(request_id)
    started = time.perf_counter()
    try:
        response = await call_next(request)
        response.headers[HEADER] = request_id
        log.info(
            "%s %s -> %d in %.0f ms",
            request.method,
            _route_template(request),
            response.status_code,
            1000 * (time.perf_counter() - started),
        )
        return response
    finally:
        _REQUEST_ID.reset(token)
