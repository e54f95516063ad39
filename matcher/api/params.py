"""Path and query parameters shared by the routers, each with a description and an example.

``openapi_examples`` puts the example on the parameter itself, where Swagger UI shows it
(and fills it in with "Try it out"); the values are synthetic.
"""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import Path
from fastapi.openapi.models import Example

__all__ = [
    "CandidateIdPath",
    "JobIdPath",
    "RequestIdPath",
    "RoleIdPath",
    "UserIdPath",
    "example",
]


def example(value: Any, summary: str) -> dict[str, Example]:
    """One named OpenAPI example for a parameter."""
    return {"example": Example(summary=summary, value=value)}


RoleIdPath = Annotated[
    str,
    Path(
        description="A role id (`GET /api/v1/roles` lists them).",
        openapi_examples=example("implementation-support-specialist", "a role id"),
    ),
]
CandidateIdPath = Annotated[
    uuid.UUID,
    Path(
        description="A candidate's id, as a ranking or a skill search gives it.",
        openapi_examples=example("a3c5e7f9-1b2d-4f6a-8c0e-2d4f6a8c0e1b", "a candidate id"),
    ),
]
JobIdPath = Annotated[
    uuid.UUID,
    Path(
        description="A job's id, as `POST /api/v1/jobs` returned it.",
        openapi_examples=example("5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b", "a job id"),
    ),
]
RequestIdPath = Annotated[
    uuid.UUID,
    Path(
        description="A contact request's id (`GET /api/v1/me/contact-requests` lists them).",
        openapi_examples=example("c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f", "a contact request id"),
    ),
]
UserIdPath = Annotated[
    uuid.UUID,
    Path(
        description="An account's id (`GET /api/v1/admin/users` lists them).",
        openapi_examples=example("6f1c2a9e-3b7d-4e8a-9c0f-1d2e3f4a5b6c", "an account id"),
    ),
]
