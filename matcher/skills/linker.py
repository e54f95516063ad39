"""SkillLinker: turns the span ruler's candidate spans into accepted skill mentions.

Candidates come from ``doc.spans[candidates_key]`` (label = skill id, id = category and
context flag, see :mod:`matcher.skills.patterns`). The linker

1. keeps unambiguous candidates, resolving overlaps (longest span wins);
2. accepts an ambiguous candidate ("R", "Access", bare "Epic") only when an accepted
   unambiguous mention of the same category lies within ``window`` tokens, or the same
   skill is named unambiguously elsewhere in the document;
3. writes the result, in text order, to ``doc.spans[output_key]``.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span

from matcher.skills.patterns import CONTEXT_FLAG

__all__ = ["SkillLinker"]


def _category(span: Span) -> str:
    return span.id_.split("|", 1)[0]


def _needs_context(span: Span) -> bool:
    return span.id_.endswith("|" + CONTEXT_FLAG)


def _without_overlaps(spans: Iterable[Span]) -> list[Span]:
    """Longest first; on equal length, unambiguous before ambiguous, then earlier."""
    ordered = sorted(spans, key=lambda s: (-(s.end - s.start), _needs_context(s), s.start))
    taken: set[int] = set()
    kept: list[Span] = []
    for span in ordered:
        positions = range(span.start, span.end)
        if any(i in taken for i in positions):
            continue
        taken.update(positions)
        kept.append(span)
    return sorted(kept, key=lambda s: s.start)


class SkillLinker:
    """spaCy component: candidate skill spans -> accepted skill spans.

    Args:
        nlp: the pipeline (unused; part of the factory signature).
        name: component name.
        candidates_key: ``doc.spans`` key the span ruler writes to.
        output_key: ``doc.spans`` key to write accepted mentions to.
        window: tokens on each side searched for supporting context.
    """

    def __init__(
        self, nlp: Language, name: str, *, candidates_key: str, output_key: str, window: int
    ) -> None:
        self.name = name
        self.candidates_key = candidates_key
        self.output_key = output_key
        self.window = window

    def __call__(self, doc: Doc) -> Doc:
        """Select the accepted skill spans of ``doc``."""
        candidates = list(doc.spans.get(self.candidates_key, []))
        clear = _without_overlaps(s for s in candidates if not _needs_context(s))
        clear_skills = {s.label_ for s in clear}
        supported = [
            s for s in candidates if _needs_context(s) and self._has_context(s, clear, clear_skills)
        ]
        doc.spans[self.output_key] = _without_overlaps([*clear, *supported])
        return doc

    def _has_context(self, span: Span, clear: list[Span], clear_skills: set[str]) -> bool:
        if span.label_ in clear_skills:
            return True
        category = _category(span)
        lo, hi = span.start - self.window, span.end + self.window
        return any(
            _category(other) == category and other.end > lo and other.start < hi for other in clear
        )
