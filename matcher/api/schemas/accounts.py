"""Wire models of accounts: sign-in form and token, registration, users, organisations."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from matcher.api.schemas._common import (
    EXAMPLE_ORG_ID,
    EXAMPLE_USER_ID,
    EXAMPLE_WHEN,
    InputModel,
    WireModel,
)
from matcher.passwords import MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS

__all__ = [
    "OrganisationIn",
    "OrganisationOut",
    "RegisterIn",
    "SignInForm",
    "Token",
    "UserCreateIn",
    "UserOut",
]


class Token(WireModel):
    """An access token (send it as ``Authorization: Bearer <access_token>``)."""

    access_token: str = Field(
        examples=["eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI2ZjFjIn0.c2lnbmF0dXJl"]
    )
    token_type: Literal["bearer"] = "bearer"
    expires_in: int = Field(description="Lifetime in seconds.", examples=[3600])


class SignInForm(BaseModel):
    """The OAuth2 password flow's form (``application/x-www-form-urlencoded``).

    Other fields a client sends with it (``scope``, ``client_id``...) are ignored.
    """

    model_config = ConfigDict(extra="ignore")

    grant_type: Literal["password"] | None = Field(
        default=None, description="``password`` (optional).", examples=["password"]
    )
    username: str = Field(
        max_length=320, description="The account's email.", examples=["avery@demo.example.org"]
    )
    password: str = Field(
        max_length=MAX_PASSWORD_CHARS,
        description="The account's password.",
        examples=["demo-password"],
        json_schema_extra={"format": "password"},
    )


class RegisterIn(InputModel):
    """A graduate signing up."""

    email: str = Field(max_length=320, examples=["avery.demo@example.org"])
    password: str = Field(
        min_length=MIN_PASSWORD_CHARS, max_length=MAX_PASSWORD_CHARS, examples=["a long passphrase"]
    )
    display_name: str = Field(default="", max_length=200, examples=["Avery"])


class UserCreateIn(RegisterIn):
    """An admin creating an account of any role."""

    role: Literal["graduate", "employer", "admin"] = Field(examples=["employer"])
    organisation_id: uuid.UUID | None = Field(
        default=None,
        description="The employer's organisation (employers only).",
        examples=[EXAMPLE_ORG_ID],
    )


class UserOut(WireModel):
    """An account."""

    id: uuid.UUID = Field(examples=[EXAMPLE_USER_ID])
    email: str = Field(examples=["avery.demo@example.org"])
    role: Literal["graduate", "employer", "admin"] = Field(examples=["graduate"])
    display_name: str = Field(examples=["Avery"])
    organisation_id: uuid.UUID | None = Field(default=None, examples=[None])
    created_at: datetime = Field(examples=[EXAMPLE_WHEN])


class OrganisationIn(InputModel):
    """A new employer organisation."""

    name: str = Field(min_length=1, max_length=200, examples=["Prairie Rural Health Clinic"])


class OrganisationOut(WireModel):
    """An employer organisation."""

    id: uuid.UUID = Field(examples=[EXAMPLE_ORG_ID])
    name: str = Field(examples=["Prairie Rural Health Clinic"])
    created_at: datetime = Field(examples=[EXAMPLE_WHEN])
