"""Shared building blocks of the data-file schemas: ids, non-empty strings, frozen models."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

__all__ = ["NonEmpty", "Slug", "FrozenModel"]

_SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _check_slug(value: str) -> str:
    if not _SLUG_RE.match(value):
        raise ValueError(
            f"{value!r} is not a valid id: use lowercase letters, digits and single hyphens"
        )
    return value


Slug = Annotated[str, AfterValidator(_check_slug)]
NonEmpty = Annotated[str, Field(min_length=1)]


class FrozenModel(BaseModel):
    """A data-file model: unknown keys are errors, instances are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)
