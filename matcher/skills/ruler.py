"""SkillRuler: alias phrases -> candidate skill spans, with two phrase matchers.

spaCy's ``span_ruler`` allows one phrase-matcher attribute; case-sensitive aliases
("R", "Epic", "Access") then need token patterns, whose matcher is far slower on long
resumes. This component keeps two :class:`~spacy.matcher.PhraseMatcher` instances, one
on ``LOWER`` (case-insensitive aliases) and one on ``ORTH`` (case-sensitive ones), and
writes every match to ``doc.spans[spans_key]`` with the pattern's label (skill id) and
id (category and context flag).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from matcher.component_state import JsonState

__all__ = ["SkillRuler"]

_SEP = "\x1f"  # between label and id in a match key; never in a skill id


class SkillRuler(JsonState):
    """spaCy component: phrase patterns -> candidate skill spans.

    Args:
        nlp: the pipeline (vocabulary and tokenizer).
        name: component name.
        spans_key: ``doc.spans`` key to write the candidates to.
    """

    state_file = "patterns.json"
    state_argument = "patterns"

    def __init__(self, nlp: Language, name: str, *, spans_key: str) -> None:
        self.nlp = nlp
        self.name = name
        self.spans_key = spans_key
        self._patterns: list[dict[str, Any]] = []
        self._lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._exact = PhraseMatcher(nlp.vocab, attr="ORTH")

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        patterns: Iterable[dict[str, Any]] = (),
    ) -> None:
        """Compile ``{"label", "pattern", "id", "case_sensitive"}`` phrase patterns."""
        self._patterns = [dict(p) for p in patterns]
        self._lower = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self._exact = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        groups: dict[tuple[str, bool], list[str]] = {}
        for p in self._patterns:
            group = (f"{p['label']}{_SEP}{p['id']}", bool(p["case_sensitive"]))
            groups.setdefault(group, []).append(p["pattern"])
        for (match_key, exact), texts in groups.items():
            docs = [self.nlp.make_doc(text) for text in texts]
            (self._exact if exact else self._lower).add(match_key, docs)

    def __call__(self, doc: Doc) -> Doc:
        """Write one candidate span per match."""
        strings = doc.vocab.strings
        spans = []
        for matcher in (self._lower, self._exact):
            for match_id, start, end in matcher(doc):
                label, ident = strings[match_id].split(_SEP, 1)
                spans.append(Span(doc, start, end, label=label, span_id=ident))
        doc.spans[self.spans_key] = spans
        return doc

    def state(self) -> Any:
        """The data given to :meth:`initialize` (saved by ``to_disk``)."""
        return self._patterns
