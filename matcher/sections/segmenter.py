"""Normalised text -> :class:`~matcher.domain.SectionSpan` list (pure Python, no spaCy).

Each line that :class:`~matcher.sections.rules.HeaderRules` recognises opens a section
that runs to the next header. Text before the first header is the ``contact`` section
(name, contact line, often a headline). Consecutive headers of the same category merge
(a "Skills" header repeated after a page break continues the section).

A header-like line of any category but ``experience`` is a job title, not a header, when
the next non-blank line is an employer line of the job-site layout (``Employer -`` or
``Employer - City, Region -``) and the line after that holds a year: ``Volunteer`` or
``Software`` above ``Example Org -`` and ``2018 to Present`` heads a job.
"""

from __future__ import annotations

import re

from matcher.domain import SectionSpan
from matcher.sections.rules import HeaderRules

__all__ = ["CONTACT", "segment_sections"]

CONTACT = "contact"
_EXPERIENCE = "experience"
_EMPLOYER_LINE = re.compile(r"\S\s+[-–—]$")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def _heads_a_job(lines: list[str], index: int) -> bool:
    """Whether line ``index`` is followed by an ``Employer -`` line and a dated line."""
    following = [line.strip() for line in lines[index + 1 :] if line.strip()][:2]
    return (
        len(following) == 2
        and bool(_EMPLOYER_LINE.search(following[0]))
        and bool(_YEAR.search(following[1]))
    )


def segment_sections(text: str, rules: HeaderRules) -> tuple[SectionSpan, ...]:
    """Split a text into sections.

    Args:
        text: the normalised document text.
        rules: compiled header rules.

    Returns:
        Sections in text order, covering the text from the first non-blank character;
        offsets refer to ``text``.
    """
    spans: list[SectionSpan] = []
    offset = 0
    lines = text.split("\n")
    for index, line in enumerate(lines):
        found = rules.match(line)
        if found is not None and found.category != _EXPERIENCE and _heads_a_job(lines, index):
            found = None
        if found is not None:
            if (
                spans
                and spans[-1].category == found.category
                and not text[spans[-1].content_start : offset].strip()
            ):
                offset += len(line) + 1
                continue
            if not spans and text[:offset].strip():
                spans.append(_span(text, CONTACT, "", 0, 0, offset))
            elif spans:
                spans[-1] = spans[-1].model_copy(update={"end": offset})
            spans.append(
                _span(
                    text,
                    found.category,
                    line[: found.header_end],
                    offset,
                    offset + found.header_end,
                    len(text),
                )
            )
        offset += len(line) + 1
    if not spans and text.strip():
        spans.append(_span(text, CONTACT, "", 0, 0, len(text)))
    return tuple(s.model_copy(update={"end": _trim_end(text, s)}) for s in spans)


def _span(
    text: str, category: str, header: str, start: int, content_start: int, end: int
) -> SectionSpan:
    return SectionSpan(
        category=category,
        header=header.strip().rstrip(":").strip(),
        start=start,
        content_start=content_start,
        end=end,
    )


def _trim_end(text: str, span: SectionSpan) -> int:
    end = min(span.end, len(text))
    while end > span.content_start and text[end - 1].isspace():
        end -= 1
    return end
