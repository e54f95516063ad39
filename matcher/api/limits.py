"""Refuse request bodies over the size limit, declared or streamed, before they are kept.

A body that declares its length (``Content-Length``) over the limit is refused before a
byte of it is read. A body sent without one (chunked) is counted as it arrives, and
reading stops with a 413 as soon as it passes the limit, before the rest is read or
spooled to disk.
"""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from matcher.api.problems import problem_response

__all__ = ["MULTIPART_OVERHEAD_BYTES", "BodyLimitMiddleware"]

#: room for the multipart envelope (boundaries, headers) around the largest file accepted.
MULTIPART_OVERHEAD_BYTES = 64 * 1024


def _message(size: int, limit: int) -> str:
    return (
        f"the request body is {size:,} bytes; the limit is {limit:,} bytes "
        "(MATCHER_MAX_FILE_BYTES plus the multipart envelope). Upload a smaller file."
    )


class BodyLimitMiddleware:
    """413 for a body over ``max_file_bytes`` plus the multipart envelope (ASGI)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Check the declared length, then count the body as the app reads it."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        limit = request.app.state.settings.max_file_bytes + MULTIPART_OVERHEAD_BYTES
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            response = problem_response(
                request, 413, "Request too large", _message(int(declared), limit)
            )
            await response(scope, receive, send)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise HTTPException(413, _message(received, limit) + " (sent without a length)")
            return message

        await self.app(scope, counted, send)
