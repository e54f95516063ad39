"""Date ranges in resumes (``July 2016 to Present``, ``08/2015 - 05/2017``, ``2014-2016``).

A month-precision date is the first of its month. A year alone means January when it
starts a range and December when it ends one, so ``2015 - 2017`` covers 36 months.
"Present", "current", "now", "till date" and "ongoing" end a range at the reference
month (injected, so results are reproducible).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

__all__ = ["DateRange", "find_date_ranges", "months_between"]

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE = rf"(?:{_MONTH},?\s*'?(?:19|20)\d{{2}}|\d{{1,2}}[/.-](?:19|20)\d{{2}}|(?:19|20)\d{{2}})"
_NOW = r"(?:present|current(?:ly)?|now|till\s+date|to\s+date|date|ongoing|today)"
_SEP = r"\s*(?:-|–|—|to|until|till|through|thru|~)\s*"
_RANGE = re.compile(rf"(?P<start>{_DATE}){_SEP}(?P<end>{_DATE}|{_NOW})\b", re.IGNORECASE)
_SINCE = re.compile(rf"\b(?:since|from)\s+(?P<start>{_DATE})\b", re.IGNORECASE)


@dataclass(frozen=True)
class DateRange:
    """A date range found in text; offsets refer to the searched string."""

    start_date: date
    end_date: date
    current: bool
    start: int
    end: int

    @property
    def months(self) -> int:
        """Length in months, both ends inclusive."""
        return months_between(self.start_date, self.end_date)


def months_between(first: date, last: date) -> int:
    """Months from ``first`` to ``last``, both inclusive (0 if ``last`` is earlier)."""
    return max(0, (last.year - first.year) * 12 + last.month - first.month + 1)


def _parse(value: str, *, is_end: bool) -> date | None:
    value = value.strip().lower()
    year_match = re.search(r"(19|20)\d{2}", value)
    if year_match is None:
        return None
    year = int(year_match.group())
    word = re.match(r"[a-z]+", value)
    if word and word.group()[:4].rstrip(".") in _MONTHS:
        return date(year, _MONTHS[word.group()[:4].rstrip(".")], 1)
    if word and word.group()[:3] in _MONTHS:
        return date(year, _MONTHS[word.group()[:3]], 1)
    numeric = re.match(r"(\d{1,2})[/.-]", value)
    if numeric and 1 <= int(numeric.group(1)) <= 12:
        return date(year, int(numeric.group(1)), 1)
    return date(year, 12 if is_end else 1, 1)


def find_date_ranges(text: str, *, today: date) -> list[DateRange]:
    """Every date range in ``text``, in order.

    Args:
        text: the text to search.
        today: the reference date for "present".
    """
    now = date(today.year, today.month, 1)
    found: list[DateRange] = []
    for match in _RANGE.finditer(text):
        start = _parse(match.group("start"), is_end=False)
        end_text = match.group("end")
        current = re.fullmatch(_NOW, end_text.strip(), re.IGNORECASE) is not None
        end = now if current else _parse(end_text, is_end=True)
        if start is None or end is None or end < start or start > now:
            continue
        found.append(DateRange(start, end, current, match.start(), match.end()))
    if not found:
        for match in _SINCE.finditer(text):
            start = _parse(match.group("start"), is_end=False)
            if start is not None and start <= now:
                found.append(DateRange(start, now, True, match.start(), match.end()))
    return found
