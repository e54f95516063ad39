"""Contact fields: name, e-mail, phone (US and international), city/state, links.

- Name: the first line of the leading contact block that looks like a personal name
  (1-5 words of letters, no digits or ``@``, not a header or a document title such as
  "Resume"), or the part of such a line before a separator (``Jane Doe | RHIT``). A
  line with a job-title word (``HEALTH INFORMATION TECHNICIAN``, data/sections.yaml
  ``title_words`` except those that are also surnames) or a joining word (``of``,
  ``and``) is a headline, not a name: a resume without a name has none, and its title
  words are not hidden from the role scorer as if they were the name.
- E-mail and links are found anywhere; phones in the contact block and the first lines
  of the text (dates and ids elsewhere look like numbers). A phone has 7 to 15 digits,
  an optional ``+country`` prefix, and separators among spaces, dots, dashes, brackets.
- Location: in the contact block, ``City, ST`` / ``City, State`` with a US state; else
  the first short ``Place, Region`` pair (international).
"""

from __future__ import annotations

import re

from matcher.domain import ContactInfo, SectionSpan
from matcher.fields._lines import Line, clean_value, region_lines
from matcher.sections import HeaderRules
from matcher.taxonomy.schema import FieldCues

__all__ = ["extract_contact", "head_lines", "is_contact_line", "name_line"]

_EMAIL = re.compile(r"\b[\w.+%-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")
_URL = re.compile(
    r"\b(?:https?://|www\.)[^\s<>()\"']+|\b(?:linkedin\.com|github\.com|gitlab\.com|"
    r"indeed\.com|behance\.net|stackoverflow\.com)/[^\s<>()\"']+",
    re.IGNORECASE,
)
_PHONE = re.compile(
    r"(?<![\w+])(?:\+\s?\d{1,3}[\s.-]?)?(?:\(\d{1,5}\)[\s.-]?)?\d[\d\s.-]{5,16}\d(?!\w)"
)
_NAME_WORD = re.compile(r"^[A-Za-z][A-Za-z.'’-]*$")
_NOT_NAMES = {"resume", "résumé", "curriculum", "vitae", "cv", "profile", "biodata"}
_JOINING_WORDS = {"of", "and", "in", "for", "at", "the", "to", "with", "on"}
_SEPARATORS = re.compile(r"\s+[|•·–—-]\s+|\s{2,}|\t")
_PLACE = re.compile(
    r"^([A-Z][A-Za-z.'-]*(?: [A-Z][A-Za-z.'-]*){0,3}),\s*([A-Za-z][A-Za-z .]{1,30})$"
)
_HEAD_LINES = 8


def _phones(lines: list[Line]) -> tuple[str, ...]:
    found: list[str] = []
    for line in lines:
        for match in _PHONE.finditer(line.text):
            value = match.group().strip(" .-")
            digits = re.sub(r"\D", "", value)
            if not 7 <= len(digits) <= 15:
                continue
            if re.fullmatch(r"(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}", value):
                continue  # a year range
            if value not in found:
                found.append(value)
    return tuple(found)


def _looks_like_name(candidate: str, rules: HeaderRules, headline_words: frozenset[str]) -> bool:
    words = candidate.split()
    if not 1 <= len(words) <= 5 or rules.match(candidate) is not None:
        return False
    lowered = {w.lower().strip(".") for w in words}
    if lowered & (_NOT_NAMES | _JOINING_WORDS | headline_words):
        return False
    return all(_NAME_WORD.match(w) for w in words) and any(len(w) > 1 for w in words)


def name_line(lines: list[Line], rules: HeaderRules, cues: FieldCues) -> tuple[int, str] | None:
    """Index (in ``lines``) of the line holding the name, and the name."""
    headline_words = cues.headline_words()
    for index, line in enumerate(lines[:_HEAD_LINES]):
        if _EMAIL.search(line.text) or _URL.search(line.text):
            head = _SEPARATORS.split(line.text)[0]
        else:
            head = line.text
        for candidate in (clean_value(head), clean_value(_SEPARATORS.split(head)[0])):
            if _looks_like_name(candidate, rules, headline_words):
                return index, candidate
    return None


def is_contact_line(text: str) -> bool:
    """Whether a line holds an e-mail address, a link or a phone number."""
    if _EMAIL.search(text) or _URL.search(text) or "email me" in text.lower():
        return True
    return any(7 <= len(re.sub(r"\D", "", m.group())) <= 15 for m in _PHONE.finditer(text))


def head_lines(text: str, sections: tuple[SectionSpan, ...]) -> list[Line]:
    """Lines of the leading contact block, else the first lines of the text."""
    head = next((s for s in sections if s.category == "contact" and s.start == 0), None)
    if head is not None and head.end:
        return region_lines(text, 0, head.end)
    return region_lines(text, 0, len(text))[:_HEAD_LINES]


def _location(lines: list[Line], cues: FieldCues) -> tuple[str | None, str | None]:
    states = {s.abbr.lower(): s.abbr for s in cues.us_states}
    states.update({s.name.lower(): s.name for s in cues.us_states})
    fallback: tuple[str | None, str | None] = (None, None)
    for line in lines[:_HEAD_LINES]:
        for piece in _SEPARATORS.split(line.text):
            piece = _EMAIL.sub("", _URL.sub("", piece))
            piece = re.sub(r"\b\d{5}(?:-\d{4})?\b", "", clean_value(piece)).strip(" ,")
            match = _PLACE.match(piece)
            if not match or any(ch.isdigit() for ch in piece):
                continue
            city, region = match.group(1).strip(), match.group(2).strip()
            if region.lower() in states:
                return city, states[region.lower()]
            if fallback == (None, None) and len(region.split()) <= 3:
                fallback = (city, region)
    return fallback


def extract_contact(
    text: str, sections: tuple[SectionSpan, ...], *, rules: HeaderRules, cues: FieldCues
) -> ContactInfo:
    """Contact fields of a resume (see the module docstring).

    Args:
        text: the normalised text.
        sections: its sections.
        rules: header rules (a header line is never a name).
        cues: title words (a line with one is not a name) and the US state list for
            locations.
    """
    lines = head_lines(text, sections)
    contact_lines = [
        ln for s in sections if s.category == "contact" for ln in region_lines(text, s.start, s.end)
    ]
    emails = tuple(dict.fromkeys(m.group() for m in _EMAIL.finditer(text)))
    links = tuple(
        dict.fromkeys(m.group().rstrip(".,;") for m in _URL.finditer(text) if "@" not in m.group())
    )
    city, state = _location(lines, cues)
    found = name_line(lines, rules, cues)
    top_lines = region_lines(text, 0, len(text))[:_HEAD_LINES]
    return ContactInfo(
        name=found[1] if found is not None else None,
        emails=emails,
        phones=_phones(contact_lines or top_lines),
        city=city,
        state=state,
        links=links,
    )
