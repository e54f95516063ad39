"""Experience entries: title, employer, dates and months, from the experience sections.

Each date range in an experience section anchors one job. Its heading is the text on
the date's own line (the date removed) plus up to three short lines just above it that
are not bullets or sentences; when there are none (layouts that put the date first),
the two lines below it are used. The heading is cut into parts at `` - ``, ``|``,
`` at ``, tabs and commas; parts that are places (``City, ST``) are dropped. With two
or more parts, the part with more title cues (``analyst``, ``nurse`` ...) is the title
and a remaining part with more organisation cues (``hospital``, ``inc`` ...), or the
first remaining part, the employer; ties keep the written order title, employer. A
job runs from its heading to the next job's heading.
"""

from __future__ import annotations

import re
from datetime import date

from matcher.domain import ExperienceEntry, SectionSpan
from matcher.fields._lines import Line, clean_value, is_bullet, section_lines
from matcher.fields.dates import DateRange, find_date_ranges
from matcher.taxonomy.schema import FieldCues

__all__ = ["extract_experience"]

_MAX_HEADING_LINE = 90
_HEADING_LINES = 3
_SPLIT = re.compile(r"\s+[-–—|]\s+|\s*\|\s*|\s+at\s+|\s+@\s+|\t|\s{2,}|\s+-\s*$|^\s*-\s+")
_PLACE = re.compile(r"^[A-Z][\w.' ]{1,30},\s*[A-Z][\w. ]{1,25}$")
_URLISH = re.compile(r"https?://|www\.|@|\.com/", re.IGNORECASE)
_MAX_PART_WORDS = 10
_DATE_WORDS = re.compile(
    r"\b(?:since|from|duration|period|tenure|dates?|\d+\s+(?:years?|months?))\b\s*:?",
    re.IGNORECASE,
)
_REMOTE = re.compile(r"^(?:remote|hybrid|onsite|on-site)$", re.IGNORECASE)


def _words(text: str) -> set[str]:
    return {w for w in re.split(r"[^a-z0-9&/+#]+", text.lower()) if w}


def _is_heading_line(line: Line) -> bool:
    text = line.text
    return (
        not is_bullet(text)
        and len(text) <= _MAX_HEADING_LINE
        and not text.endswith((".", ";", ":"))
        and ":" not in text
        and not _URLISH.search(text)
    )


def _parts(heading: list[str], places: set[str]) -> list[str]:
    parts: list[str] = []
    for piece in heading:
        for part in _SPLIT.split(piece):
            value = clean_value(part)
            if not value or _PLACE.match(value) or _REMOTE.match(value):
                continue
            if value.lower() in places or not re.search(r"[A-Za-z]", value):
                continue
            if len(value.split()) > _MAX_PART_WORDS:
                continue
            parts.append(value)
    return parts


def _assign(parts: list[str], cues: FieldCues) -> tuple[str | None, str | None]:
    if not parts:
        return None, None
    title_words, employer_words = set(cues.title_words), set(cues.employer_words)

    def title_score(p: str) -> int:
        return len(_words(p) & title_words)

    def employer_score(p: str) -> int:
        return len(_words(p) & employer_words)

    if len(parts) == 1:
        only = parts[0]
        return (only, None) if title_score(only) >= employer_score(only) else (None, only)
    title = max(parts, key=lambda p: (title_score(p) - employer_score(p), -parts.index(p)))
    rest = [p for p in parts if p is not title]
    employer = max(rest, key=lambda p: (employer_score(p) - title_score(p), -rest.index(p)))
    return title, employer


def _heading(lines: list[Line], index: int, floor: int) -> tuple[list[Line], int]:
    """Heading lines above line ``index`` (not above ``floor``), and the first index."""
    picked: list[Line] = []
    i = index - 1
    while i >= floor and len(picked) < _HEADING_LINES and _is_heading_line(lines[i]):
        picked.insert(0, lines[i])
        i -= 1
    return picked, i + 1


def extract_experience(
    text: str, sections: tuple[SectionSpan, ...], *, cues: FieldCues, today: date
) -> tuple[ExperienceEntry, ...]:
    """Jobs in the experience sections (see the module docstring).

    Args:
        text: the normalised text.
        sections: its sections.
        cues: title and employer words.
        today: the reference date for "present".
    """
    lines = section_lines(text, sections, "experience")
    places = {s.name.lower() for s in cues.us_states} | {s.abbr.lower() for s in cues.us_states}
    anchors: list[tuple[int, DateRange]] = []
    for i, line in enumerate(lines):
        ranges = find_date_ranges(line.text, today=today)
        if ranges and len(line.text) <= 2 * _MAX_HEADING_LINE:
            anchors.append((i, ranges[0]))
    entries: list[tuple[int, int, str | None, str | None, DateRange]] = []
    floor = 0
    for i, found in anchors:
        own = lines[i].text[: found.start] + "  " + lines[i].text[found.end :]
        own = line_rest = _DATE_WORDS.sub("  ", own)
        above, first = _heading(lines, i, floor)
        heading = [ln.text for ln in above] + [own]
        last = i
        if not above and not clean_value(line_rest):
            below = [ln for ln in lines[i + 1 : i + 3] if _is_heading_line(ln)]
            if below and not find_date_ranges(below[0].text, today=today):
                heading = [ln.text for ln in below[:2]]
                last = i + len(below[:2])
            first = i
        title, employer = _assign(_parts(heading, places), cues)
        entries.append((first, last, title, employer, found))
        floor = last + 1
    result: list[ExperienceEntry] = []
    for n, (first, _last, title, employer, found) in enumerate(entries):
        next_first = entries[n + 1][0] if n + 1 < len(entries) else len(lines)
        end_line = lines[max(first, next_first - 1)]
        result.append(
            ExperienceEntry(
                title=title,
                employer=employer,
                start_date=found.start_date,
                end_date=found.end_date,
                current=found.current,
                months=found.months,
                start=lines[first].start,
                end=end_line.end,
            )
        )
    return tuple(result)
