"""Refuse request bodies over the size limit before they are read or spooled."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import Response

from matcher.api.problems import problem_response

__all__ = ["MULTIPART_OVERHEAD_BYTES", "body_limit_middleware"]

#: room for the multipart envelope (boundaries, headers) around the largest file accepted.
MULTIPART_OVERHEAD_BYTES = 64 * 1024


async def body_limit_middleware(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    """413 for a declared ``Content-Length`` over ``max_file_bytes`` plus the envelope.

    Bodies sent without a length (chunked) are still bounded: the upload route stops
    reading a file just past the limit.
    """
    declared = request.headers.get("content-length", "")
    limit = request.app.state.settings.max_file_bytes + MULTIPART_OVERHEAD_BYTES
    if declared.isdigit() and int(declared) > limit:
        return problem_response(
            request,
            413,
            "Request too large",
            f"the request body is {int(declared):,} bytes; the limit is {limit:,} bytes "
            "(MATCHER_MAX_FILE_BYTES plus the multipart envelope). Upload a smaller file.",
        )
    return await call_next(request)
