"""Path and query parameters shared by the routers, each with a description and an example.

``openapi_examples`` puts the example on the parameter itself, where Swagger UI shows it
(and fills it in with "Try it out"); the values are synthetic.
"""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import Path
from fastapi.openapi.models import Example

from matcher.api.schemas._common import (
    EXAMPLE_CANDIDATE_ID,
    EXAMPLE_JOB_ID,
    EXAMPLE_REQUEST_ID,
    EXAMPLE_USER_ID,
)

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
        openapi_examples=example(EXAMPLE_CANDIDATE_ID, "a candidate id"),
    ),
]
JobIdPath = Annotated[
    uuid.UUID,
    Path(
        description="A job's id, as `POST /api/v1/jobs` returned it.",
        openapi_examples=example(EXAMPLE_JOB_ID, "a job id"),
    ),
]
RequestIdPath = Annotated[
    uuid.UUID,
    Path(
        description="A contact request's id (`GET /api/v1/me/contact-requests` lists them).",
        openapi_examples=example(EXAMPLE_REQUEST_ID, "a contact request id"),
    ),
]
UserIdPath = Annotated[
    uuid.UUID,
    Path(
        description="An account's id (`GET /api/v1/admin/users` lists them).",
        openapi_examples=example(EXAMPLE_USER_ID, "an account id"),
    ),
]
