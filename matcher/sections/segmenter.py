"""Normalised text -> :class:`~matcher.domain.SectionSpan` list (pure Python, no spaCy).

Each line that :class:`~matcher.sections.rules.HeaderRules` recognises opens a section
that runs to the next header. Text before the first header is the ``contact`` section
(name, contact line, often a headline). Consecutive headers of the same category merge
(a "Skills" header repeated after a page break continues the section).
"""

from __future__ import annotations

from matcher.domain import SectionSpan
from matcher.sections.rules import HeaderRules

__all__ = ["CONTACT", "segment_sections"]

CONTACT = "contact"


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
    for line in text.split("\n"):
        found = rules.match(line)
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
