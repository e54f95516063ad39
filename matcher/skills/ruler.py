"""SkillRuler: alias phrases -> candidate skill spans, with two phrase matchers.

spaCy's ``span_ruler`` allows one phrase-matcher attribute; case-sensitive aliases
("R", "Epic", "Access") then need token patterns, whose matcher is far slower on long
resumes. This component keeps two :class:`~spacy.matcher.PhraseMatcher` instances, one
on ``LOWER`` (case-insensitive aliases) and one on ``ORTH`` (case-sensitive ones), and
writes every match to ``doc.spans[spans_key]`` with the pattern's label (skill id) and
id (category and context flag).

Text that lost its line breaks glues words together ("product roadmapUnderstand the
customer", "Electronic Medical Records(EMR)"). Before matching, in a text whose lines are
long (a sign of lost line breaks), such tokens are split at the seam (a lower-case word
followed by a capitalised one, or a bracket between words) when a part is a pattern word
and the token itself is not ("PowerPoint", "eClinicalWorks").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from matcher.component_state import JsonState
from matcher.doctext import doc_text

__all__ = ["SkillRuler"]

_SEP = "\x1f"  # between label and id in a match key; never in a skill id
# "roadmapUnderstand" -> "roadmap" + "Understand"; "Records(EMR" -> "Records" + "(" + "EMR".
_GLUED = re.compile(r"^([a-z]{3,})([A-Z][a-z]+)$|^([A-Za-z]{2,})(\()([A-Za-z0-9]+)$")
_MIN_CHARS_PER_LINE = 200
_GLUED_IN_TEXT = re.compile(
    r"(?<![\w(])(?:[a-z]{3,}[A-Z][a-z]+|[A-Za-z]{2,}\([A-Za-z0-9]+)(?![\w(])"
)


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
        self._pattern_words: frozenset[str] = frozenset()
        # match id -> (label, id), filled as matches come (the split of the match key).
        self._match_keys: dict[int, tuple[str, str]] = {}

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
        words: set[str] = set()
        for (match_key, exact), texts in groups.items():
            docs = [self.nlp.make_doc(text) for text in texts]
            words.update(t.lower_ for d in docs for t in d)
            (self._exact if exact else self._lower).add(match_key, docs)
        self._pattern_words = frozenset(words)
        self._match_keys = {}

    def __call__(self, doc: Doc) -> Doc:
        """Write one candidate span per match."""
        self._split_glued(doc)
        strings = doc.vocab.strings
        keys = self._match_keys
        spans = []
        for matcher in (self._lower, self._exact):
            for match_id, start, end in matcher(doc):
                key = keys.get(match_id)
                if key is None:
                    label, ident = strings[match_id].split(_SEP, 1)
                    key = keys[match_id] = (label, ident)
                spans.append(Span(doc, start, end, label=key[0], span_id=key[1]))
        doc.spans[self.spans_key] = spans
        return doc

    def _split_glued(self, doc: Doc) -> None:
        """Split tokens that glue two words together (see module docstring)."""
        text = doc_text(doc)
        # Words glue where line breaks were lost: only texts with long lines are searched.
        if text.count("\n") * _MIN_CHARS_PER_LINE >= len(text):
            return
        splits = []
        for found in _GLUED_IN_TEXT.finditer(text):
            span = doc.char_span(found.start(), found.end())
            if span is None or len(span) != 1 or span[0].lower_ in self._pattern_words:
                continue
            match = _GLUED.match(span[0].text)
            if match is None:
                continue
            parts = [part for part in match.groups() if part]
            # Only a split that can complete a pattern is worth its cost.
            if any(part.lower() in self._pattern_words for part in parts if part != "("):
                splits.append((span.start, parts))
        if not splits:
            return
        # Splitting shifts token indices; earlier components' spans (the sections) are
        # rebuilt from their character offsets.
        groups = {
            key: [(sp.start_char, sp.end_char, sp.label_, sp.id_) for sp in group]
            for key, group in doc.spans.items()
        }
        with doc.retokenize() as retokenizer:
            for i, parts in splits:
                token = doc[i]
                heads: list[Token | tuple[Token, int]] = [(token, k) for k in range(len(parts))]
                retokenizer.split(token, parts, heads=heads)
        for key, spans in groups.items():
            rebuilt = []
            for start, end, label, ident in spans:
                span = doc.char_span(start, end, label=label, alignment_mode="expand")
                if span is not None:
                    span.id_ = ident
                    rebuilt.append(span)
            doc.spans[key] = rebuilt

    def state(self) -> Any:
        """The data given to :meth:`initialize` (saved by ``to_disk``)."""
        return self._patterns
