"""A job heading (a few short lines, or a headline) -> title and employer.

The heading is cut into parts at `` - ``, ``|``, `` at ``, ``@``, tabs, runs of spaces
and commas (``X, Y`` and ``X ,Y``); a phrase such as ``Working as X in Y`` (also after a
bullet) gives the parts ``X`` and ``Y``, and ``Worked with Y as X`` the parts ``X``, ``Y``.
Parts that are places (``City, ST``, a US state), work modes (``Remote``), without
letters or longer than ten words are dropped. With two or more parts, the part with
more title cues (``analyst``, ``engineer`` ...) than organisation cues is the title and
a remaining part with more organisation cues (``ltd``, ``hospital`` ...), or the first
remaining part, the employer; ties keep the written order title, employer.

In a heading of several lines, a line written ``Employer -`` or ``Employer - City,
Region -`` (the job-site export layout) names the employer: its first part is the
employer whatever its cues, and the title comes from the other lines. A line
``Title at Employer`` (a title word before `` at ``/``@``) names both, whatever the
other lines say. A role in brackets after the employer (``Example Ltd (Team Lead)``) is
dropped from it, and an employer that names none (``Self employed``, ``Freelance``, a
template's ``Company Name``) is no employer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from matcher.fields._lines import clean_value
from matcher.ingest.normalise import BULLET
from matcher.taxonomy.schema import FieldCues

__all__ = ["JobHeading", "cue_words", "read_heading"]

_SPLIT = re.compile(
    r"\s+[-–—|]\s+|\s*\|\s*|\s+at\s+|\s*@\s*|\t|\s{2,}|\s+-\s*$|^\s*-\s+|\s+[-–—]\s*(?=[A-Z])"
)
_COMMA = re.compile(r"\s*,\s+|\s+,\s*")
_LEAD = re.compile(rf"^[\s{BULLET}]+")
_EMPLOYER_LINE = re.compile(r"\S\s+[-–—]$")
_PLACE = re.compile(r"^[A-Z][\w.' ]{1,30},\s*[A-Z][\w. ]{1,25}$")
_REMOTE = re.compile(r"^(?:remote|hybrid|onsite|on-site|india|usa|us|uk)$", re.IGNORECASE)
_MAX_PART_WORDS = 10
_NOT_EMPLOYER = re.compile(
    r"^(?:self[\s-]*employed|freelanc\w*|company\s+name|employer\s+name|confidential|n/?a)\W*$",
    re.IGNORECASE,
)
_NOTE = re.compile(r"\s*\(([^()]*)\)?\s*$")
_AT = re.compile(r"^[\s\W]*([A-Za-z][^@|]{1,60}?)\s+(?:at|@)\s+([A-Z][^|]{1,60}?)[\s.,-]*$")
_WORKING_AS = re.compile(
    r"^(?:i\s+am\s+)?(?:currently\s+)?(?:work(?:ed|ing)|employed|serv(?:ed|ing)|job)\s+"
    r"(?:as\s+(?:an?\s+)?)?(?P<title>.+?)\s+(?:in|at|with|for|@)\s+(?P<employer>.+)$",
    re.IGNORECASE,
)
_WORKED_WITH = re.compile(
    r"^(?:i\s+(?:am|was)\s+)?(?:currently\s+)?(?:work(?:ed|ing)|employed|serv(?:ed|ing))\s+"
    r"(?:with|at|for|in)\s+(?P<employer>.+?)\s+as\s+(?:an?\s+)?(?P<title>.+)$",
    re.IGNORECASE,
)
_AS_ONLY = re.compile(
    r"^(?:i\s+am\s+)?(?:currently\s+)?(?:work(?:ed|ing)|serv(?:ed|ing))\s+as\s+(?:an?\s+)?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class JobHeading:
    """Title and employer read from a heading (either may be missing)."""

    title: str | None
    employer: str | None


def cue_words(text: str) -> set[str]:
    """Lower-cased words of ``text`` (letters, digits, ``&/+#``)."""
    return {w for w in re.split(r"[^a-z0-9&/+#]+", text.lower()) if w}


def _pieces(line: str, *, phrases: bool = True) -> list[str]:
    line = _LEAD.sub("", line).strip()
    found = (_WORKED_WITH.match(line) or _WORKING_AS.match(line)) if phrases else None
    if found is not None:
        return [found.group("title"), *_SPLIT.split(found.group("employer"))]
    return _SPLIT.split(_AS_ONLY.sub("", line))


def _keep(value: str, places: set[str]) -> bool:
    if not value or _REMOTE.match(value) or value.lower() in places:
        return False
    return bool(re.search(r"[A-Za-z]", value)) and len(value.split()) <= _MAX_PART_WORDS


def _parts(
    heading: Iterable[str], places: set[str], cue_set: set[str], *, phrases: bool = True
) -> list[str]:
    parts: list[str] = []
    for line in heading:
        for piece in _pieces(line, phrases=phrases):
            piece = clean_value(piece)
            if _PLACE.match(piece) and not cue_words(piece) & cue_set:
                continue  # "City, Region" is one place, not two parts
            parts.extend(v for v in map(clean_value, _COMMA.split(piece)) if _keep(v, places))
    return parts


def read_heading(
    heading: Iterable[str], *, cues: FieldCues, places: set[str] | None = None
) -> JobHeading:
    """Title and employer of a job heading (see the module docstring).

    Args:
        heading: the heading's lines, in order.
        cues: title and employer words.
        places: lower-cased place names to drop (US states ...).
    """
    found = _read_heading(heading, cues=cues, places=places)
    if found.employer is not None and _NOT_EMPLOYER.match(found.employer):
        return JobHeading(found.title, None)
    return found


def _read_heading(
    heading: Iterable[str], *, cues: FieldCues, places: set[str] | None = None
) -> JobHeading:
    lines = [line.strip() for line in heading if line.strip()]
    places = places or set()
    title_words, employer_words = set(cues.title_words), set(cues.employer_words)
    cue_set = title_words | employer_words

    def title_score(p: str) -> int:
        return len(cue_words(p) & title_words)

    def employer_score(p: str) -> int:
        return len(cue_words(p) & employer_words)

    explicit = next((m for m in map(_AT.match, lines) if m and title_score(m.group(1))), None)
    named = _parts([explicit.group(2)], places, cue_set, phrases=False) if explicit else []
    if explicit is not None and named:
        return JobHeading(clean_value(explicit.group(1)), _without_role_note(named[0], title_words))
    marked = [i for i, line in enumerate(lines) if _EMPLOYER_LINE.search(line)]
    if marked:
        at = marked[-1]
        named = _parts([lines[at]], places, cue_set, phrases=False)
        others = _parts(lines[:at] + lines[at + 1 :], places, cue_set)
        if named and len(others) < 2 and (others or not title_score(named[0])):
            return JobHeading(
                others[0] if others else None, _without_role_note(named[0], title_words)
            )
    parts = _parts(lines, places, cue_set)
    if not parts:
        return JobHeading(None, None)
    if len(parts) == 1:
        only = parts[0]
        if title_score(only) >= employer_score(only):
            return JobHeading(only, None)
        return JobHeading(None, only)
    title = max(parts, key=lambda p: (title_score(p) - employer_score(p), -parts.index(p)))
    rest = [p for p in parts if p is not title]
    employer = max(rest, key=lambda p: (employer_score(p) - title_score(p), -rest.index(p)))
    return JobHeading(title, _without_role_note(employer, title_words))


def _without_role_note(employer: str, title_words: set[str]) -> str:
    """``Example Ltd (Team Lead)`` -> ``Example Ltd``: a role in brackets is not the name."""
    note = _NOTE.search(employer)
    if note is None or not cue_words(note.group(1)) & title_words:
        return employer
    return clean_value(employer[: note.start()]) or employer
