"""Lines of a text region with their offsets, and small text helpers."""

from __future__ import annotations

import re
from dataclasses import dataclass

from matcher.domain import SectionSpan
from matcher.ingest.normalise import BULLET

__all__ = ["Line", "clean_value", "is_bullet", "region_lines", "section_lines"]

_EDGE_PUNCT = re.compile(r"^[\s\-–—|,;:•*~]+|[\s\-–—|,;:•*~]+$")


@dataclass(frozen=True)
class Line:
    """One non-blank line: its text (stripped) and offsets in the document."""

    text: str
    start: int
    end: int


def region_lines(text: str, start: int, end: int) -> list[Line]:
    """Non-blank lines of ``text[start:end]`` with document offsets."""
    lines: list[Line] = []
    offset = start
    for raw in text[start:end].split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            lines.append(Line(stripped, offset + lead, offset + lead + len(stripped)))
        offset += len(raw) + 1
    return lines


def section_lines(text: str, sections: tuple[SectionSpan, ...], category: str) -> list[Line]:
    """Content lines of every section of one category, in text order."""
    found: list[Line] = []
    for span in sections:
        if span.category == category:
            found.extend(region_lines(text, span.content_start, span.end))
    return found


def is_bullet(line: str) -> bool:
    """Whether a line is a bullet point."""
    return line.startswith(BULLET)


def clean_value(value: str) -> str:
    """Strip separators and bullets from both ends and collapse spaces."""
    return " ".join(_EDGE_PUNCT.sub("", value).split())
