"""Shared parts of the wire models: the strict base, example ids, problems, health."""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

__all__ = ["MAX_JOB_CHARS", "Health", "InputModel", "Problem", "WireModel"]

MAX_JOB_CHARS = 50_000

# synthetic ids and times used by the examples
EXAMPLE_USER_ID = "6f1c2a9e-3b7d-4e8a-9c0f-1d2e3f4a5b6c"
EXAMPLE_ORG_ID = "0b9e8d7c-6a5f-4e3d-8c2b-1a0f9e8d7c6b"
EXAMPLE_CANDIDATE_ID = "a3c5e7f9-1b2d-4f6a-8c0e-2d4f6a8c0e1b"
EXAMPLE_RESUME_ID = "d4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f70"
EXAMPLE_JOB_ID = "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b"
EXAMPLE_REQUEST_ID = "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f"
EXAMPLE_WHEN = "2026-03-02T15:04:05Z"
EXAMPLE_DATA_VERSION = "0.3.2+5436db8cb381"
EXAMPLE_MODEL_VERSION = "1.8.0"


class WireModel(BaseModel):
    """Base of every wire model: unknown fields are errors."""

    model_config = ConfigDict(extra="forbid")


#: control characters (tab, line feed and carriage return are text), C1 controls and the
#: direction overrides that can make a name or title read as something else
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


class InputModel(WireModel):
    """Base of every request body: no control characters in its text fields.

    A NUL or other control character is never part of a name, an email, a title or a
    job text; it is refused with a 422 naming the field (PostgreSQL would refuse NUL
    anyway, as a server error).
    """

    @field_validator("*", mode="after")
    @classmethod
    def _no_control_characters(cls, value: Any) -> Any:
        if isinstance(value, str) and _CONTROL.search(value):
            raise ValueError(
                "must not contain control characters (such as NUL) or direction overrides"
            )
        return value


class Problem(WireModel):
    """An error (``application/problem+json``)."""

    model_config = ConfigDict(
        extra="allow",
        json_schema_extra={
            "examples": [
                {
                    "type": "about:blank",
                    "title": "Forbidden",
                    "status": 403,
                    "detail": "this needs an employer account; you are signed in as graduate",
                    "instance": "/api/v1/roles/trainer/candidates",
                    "request_id": "5f0c8a3e9b0d4c1e8f7a6b5c4d3e2f1a",
                }
            ]
        },
    )

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    instance: str
    request_id: str


class Health(WireModel):
    """Liveness and what is loaded."""

    status: Literal["ok"] = "ok"
    data_version: str = Field(examples=[EXAMPLE_DATA_VERSION])
    store: str = Field(examples=["sqlite"])
    roles: int = Field(examples=[12])
