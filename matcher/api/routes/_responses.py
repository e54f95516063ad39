"""Problem responses documented on every router (OpenAPI)."""

from __future__ import annotations

from typing import Any

from matcher.api.problems import PROBLEM_JSON
from matcher.api.schemas import Problem

__all__ = ["problems"]

_TEXT = {
    400: "The multipart body is malformed (no boundary, a broken part).",
    401: "Not signed in, or the token expired.",
    403: "Signed in, but this account's role may not do this.",
    404: "No such record, or not one you may see.",
    409: "Clashes with stored data.",
    413: "The uploaded file is over the size limit.",
    415: "Not a document format the engine reads.",
    422: "The request or the document cannot be processed (the detail says why).",
    429: "Too many failed sign-ins for this account: wait `Retry-After` seconds.",
    503: "The server is busy with other requests: retry after `Retry-After` seconds.",
}


def problems(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` entries for these statuses, as problem+json."""
    return {
        code: {"model": Problem, "description": _TEXT[code], "content": {PROBLEM_JSON: {}}}
        for code in codes
    }
