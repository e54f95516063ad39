"""What the engine reports as a resume's designation(s) and companies.

Product decision: a resume's *designation* and *company* are its current position, not
its whole work history (the history stays in ``experience``). They are read from two
places, in this order:

- the most recent job: the first job written in the experience sections (resumes list
  jobs most recent first);
- the headline under the name (``Senior Analyst - Example Corp``), the position the
  candidate presents first (with every title it lists: ``Devops Engineer, Cloud
  Engineer``).

Earlier jobs are not reported. Annotated public resumes (job-site exports) mark the
headline and the first job consistently and earlier jobs rarely: on the development
set a later job's title or employer that differs from those two was annotated about one
time in five, so listing every job would cost far more precision than it brings recall.

When the headline gives as a title what the most recent job gives as an employer (or the
other way round), the job's reading is kept. Values are deduplicated: a value counts
once when, after lower-casing and replacing punctuation by spaces, it equals, contains
or is contained in a value already reported, or differs from it only by a letter or two
(``Senior`` / ``Seniors``). The first one written is kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from difflib import SequenceMatcher

from matcher.domain import ExperienceEntry
from matcher.fields.headline import Headline
from matcher.fields.jobs import JobHeading

__all__ = ["current_positions"]

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_NEAR = 0.9


def _key(value: str) -> str:
    return _NON_ALNUM.sub(" ", value.lower()).strip()


def _same(a: str, b: str) -> bool:
    if a == b or f" {a} " in f" {b} " or f" {b} " in f" {a} ":
        return True
    return SequenceMatcher(None, a, b).ratio() >= _NEAR


def _distinct(values: Iterable[str | None]) -> tuple[str, ...]:
    kept: list[str] = []
    keys: list[str] = []
    for value in values:
        key = _key(value) if value else ""
        if key and not any(_same(key, k) for k in keys):
            kept.append(value)  # type: ignore[arg-type]
            keys.append(key)
    return tuple(kept)


def _crossed(value: str | None, other: str | None) -> bool:
    """Whether the headline gives as a title what the job gives as an employer (or back)."""
    return bool(value and other and _same(_key(value), _key(other)))


def current_positions(
    experience: tuple[ExperienceEntry, ...], headline: Headline | None
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(titles, employers) of the current position (see the module docstring)."""
    first = experience[0] if experience else None
    head = headline.heading if headline is not None else None
    if head is not None and first is not None:
        head = JobHeading(
            None if _crossed(head.title, first.employer) else head.title,
            None if _crossed(head.employer, first.title) else head.employer,
        )
    others = headline.other_titles if headline is not None else ()
    designations = _distinct(
        [first.title if first else None, head.title if head else None, *others]
    )
    companies = _distinct([first.employer if first else None, head.employer if head else None])
    return designations, companies
