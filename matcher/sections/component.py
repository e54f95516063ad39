"""Sectionizer: the section segmenter as a spaCy component (``doc.spans["sections"]``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from matcher.component_state import JsonState
from matcher.doctext import doc_text
from matcher.sections.rules import HeaderRules, compile_rules
from matcher.sections.segmenter import segment_sections
from matcher.taxonomy.schema import SectionsFile

__all__ = ["Sectionizer"]


class Sectionizer(JsonState):
    """spaCy component: resume sections from header rules.

    Args:
        nlp: the pipeline (unused).
        name: component name.
        spans_key: ``doc.spans`` key to write the section spans to (label = category).
    """

    state_file = "sections.json"
    state_argument = "sections"

    def __init__(self, nlp: Language, name: str, *, spans_key: str) -> None:
        self.name = name
        self.spans_key = spans_key
        self._raw: dict[str, Any] = {}
        self._rules: HeaderRules | None = None

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        sections: dict[str, Any] | None = None,
    ) -> None:
        """Compile the header rules (a ``SectionsFile`` dump)."""
        self._raw = dict(sections or {})
        self._rules = compile_rules(SectionsFile.model_validate(self._raw)) if self._raw else None

    def __call__(self, doc: Doc) -> Doc:
        """Write one span per section."""
        spans = []
        if self._rules is not None:
            for section in segment_sections(doc_text(doc), self._rules):
                span = doc.char_span(
                    section.start, section.end, label=section.category, alignment_mode="expand"
                )
                if span is not None and len(span):
                    spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc

    def state(self) -> Any:
        """The data given to :meth:`initialize` (saved by ``to_disk``)."""
        return self._raw
