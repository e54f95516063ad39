"""The OpenAPI document says what errors really look like: problem+json.

FastAPI documents a request-validation error on every operation as ``application/json``
with its own ``HTTPValidationError`` shape, and a ``responses=`` model under
``application/json`` too; this service answers every error as
``application/problem+json`` with :class:`~matcher.api.schemas.Problem` (a string
``detail``, plus ``errors`` for a validation error). The document is rewritten once to
say so.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from matcher.api.problems import PROBLEM_JSON

__all__ = ["install_problem_openapi"]

_PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}
_FASTAPI_ERROR_SCHEMAS = ("HTTPValidationError", "ValidationError")
_VALIDATION = "The request does not have the expected shape (the detail names the field)."
_TOO_LARGE = "The request body is over the size limit (`MATCHER_MAX_FILE_BYTES` plus room)."


def _problem_document(app: FastAPI) -> dict[str, Any]:
    spec = get_openapi(
        title=app.title,
        version=app.version,
        description=app.description,
        routes=app.routes,
        tags=app.openapi_tags,
    )
    for item in spec.get("paths", {}).values():
        for operation in item.values():
            if "requestBody" in operation:  # every body is bounded (api/limits.py)
                operation.setdefault("responses", {}).setdefault("413", {"description": _TOO_LARGE})
            for code, response in operation.get("responses", {}).items():
                if not str(code).startswith(("4", "5")):
                    continue
                response["content"] = {PROBLEM_JSON: {"schema": dict(_PROBLEM_REF)}}
                if response.get("description") == "Validation Error":
                    response["description"] = _VALIDATION
    schemas = spec.get("components", {}).get("schemas", {})
    for name in _FASTAPI_ERROR_SCHEMAS:
        schemas.pop(name, None)
    return spec


def install_problem_openapi(app: FastAPI) -> None:
    """Serve the rewritten document at ``/openapi.json`` (built once, on first use)."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = _problem_document(app)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
