"""UnknownSkillDetector: phrases outside the taxonomy that read as skills.

Grammar patterns, from ``data/extraction.yaml`` (``unknown_skills``): the list items of a
resume's skills section (up to the next Markdown heading), and the list items that follow
a cue such as "experience with" or "proficiency in" up to the end of the clause. An item
is split on list separators, trimmed of filler words at both ends ("strong", "skills"),
and proposed when it is 1..N word tokens long and overlaps no taxonomy skill. Proposals
go to ``doc.spans[output_key]`` (label ``UNKNOWN_SKILL``), apart from taxonomy skills, for
employers' free-text search and for growing the taxonomy.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from spacy.attrs import IDX, IS_ALPHA, IS_PUNCT, IS_SPACE, LENGTH, LOWER, ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from matcher.component_state import JsonState
from matcher.doctext import doc_text
from matcher.skills.tokens import column, hashes

__all__ = ["UNKNOWN_LABEL", "UnknownSkillDetector"]

UNKNOWN_LABEL = "UNKNOWN_SKILL"
_HEADING = re.compile(r"\n[ \t]*#{1,6}[ \t]")
_ITEM_BREAKS = frozenset({",", ";", "|", "•", "/", "(", ")", ":", "and", "or", "&"})
_CLAUSE_ENDS = frozenset({".", ";", "!", "?"})
_ITEM_SYMBOLS = frozenset({"+", "#", "."})


class UnknownSkillDetector(JsonState):
    """spaCy component: proposed skill phrases not in the taxonomy.

    Args:
        nlp: the pipeline (vocabulary and tokenizer).
        name: component name.
        skills_key: ``doc.spans`` key of the taxonomy skills (never overlapped).
        sections_key: ``doc.spans`` key of the resume sections.
        output_key: ``doc.spans`` key to write the proposals to.
    """

    state_file = "unknown.json"
    state_argument = "rules"

    def __init__(
        self, nlp: Language, name: str, *, skills_key: str, sections_key: str, output_key: str
    ) -> None:
        self.nlp = nlp
        self.name = name
        self.skills_key = skills_key
        self.sections_key = sections_key
        self.output_key = output_key
        self._rules: dict[str, Any] = {}
        self._cues: PhraseMatcher | None = None
        self._strip: frozenset[str] = frozenset()
        self._sections: frozenset[str] = frozenset()
        self._max_tokens = 5
        self._min_chars = 3
        # Hash values compared with the LOWER/ORTH token columns.
        self._item_breaks = hashes(_ITEM_BREAKS)
        self._clause_ends = hashes(_CLAUSE_ENDS)
        self._item_symbols = hashes(_ITEM_SYMBOLS)
        self._strip_hashes: frozenset[int] = frozenset()

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        rules: dict[str, Any] | None = None,
    ) -> None:
        """Compile the rules (an ``UnknownSkillRules`` dump)."""
        self._rules = dict(rules or {})
        self._cues = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        cues = self._rules.get("cues", ())
        if cues:
            self._cues.add("cue", [self.nlp.make_doc(c) for c in cues])
        self._strip = frozenset(w.lower() for w in self._rules.get("strip_words", ()))
        self._strip_hashes = hashes(self._strip)
        self._sections = frozenset(self._rules.get("sections", ()))
        self._max_tokens = int(self._rules.get("max_tokens", 5))
        self._min_chars = int(self._rules.get("min_chars", 3))

    def __call__(self, doc: Doc) -> Doc:
        """Write the proposed phrases."""
        taken = {i for s in doc.spans.get(self.skills_key, []) for i in range(s.start, s.end)}
        text = doc_text(doc)
        regions: list[tuple[int, int]] = [
            (s.start, self._before_next_heading(doc, text, s.start_char, s.end_char, s.end))
            for s in doc.spans.get(self.sections_key, [])
            if s.label_ in self._sections
        ]
        if self._cues is not None:
            for _, _start, end in self._cues(doc):
                regions.append((end, self._clause_end(doc, text, end)))
        found: dict[tuple[int, int], None] = {}
        for lo, hi in regions:
            for start, end in self._items(doc, text, lo, hi):
                if (start, end) in found or any(i in taken for i in range(start, end)):
                    continue
                # The item's text runs from its first token to the end of its last one.
                first, last = self._token_chars(doc, text, start, end)
                if last - first >= self._min_chars:
                    found[(start, end)] = None
        doc.spans[self.output_key] = [
            Span(doc, start, end, label=UNKNOWN_LABEL)
            for start, end in sorted(found, key=lambda k: k[0])
        ]
        return doc

    @staticmethod
    def _token_chars(doc: Doc, text: str, start: int, end: int) -> tuple[int, int]:
        """Character offsets of tokens [start, end): first token's start, last one's end."""
        idx = column(doc, IDX)
        length = column(doc, LENGTH)
        return idx[start], idx[end - 1] + length[end - 1]

    @staticmethod
    def _before_next_heading(doc: Doc, text: str, start: int, end: int, end_token: int) -> int:
        """Token end of a section cut at its next Markdown heading ("### Benefits").

        A posting's "Preferred Skills" heading opens a skills section that the resume
        section rules do not close; the next heading of any kind ends the list.
        """
        found = _HEADING.search(text, start + 1, end)
        if found is None:
            return end_token
        span = doc.char_span(found.start(), end, alignment_mode="expand")
        return span.start if span is not None else end_token

    def _clause_end(self, doc: Doc, text: str, start: int) -> int:
        orth = column(doc, ORTH)
        idx = column(doc, IDX)
        length = column(doc, LENGTH)
        ends = self._clause_ends
        i = start
        while (
            i < len(orth) and orth[i] not in ends and "\n" not in text[idx[i] : idx[i] + length[i]]
        ):
            i += 1
        return i

    def _items(self, doc: Doc, text: str, lo: int, hi: int) -> Iterator[tuple[int, int]]:
        """Token ranges of the trimmed list items in [lo, hi)."""
        lower = column(doc, LOWER)
        orth = column(doc, ORTH)
        space = column(doc, IS_SPACE)
        punct = column(doc, IS_PUNCT)
        alpha = column(doc, IS_ALPHA)
        idx = column(doc, IDX)
        length = column(doc, LENGTH)
        breaks, strip, symbols = self._item_breaks, self._strip_hashes, self._item_symbols
        start = lo
        for i in range(lo, hi + 1):
            at_break = i == hi or lower[i] in breaks or space[i]
            if not at_break:
                continue
            s, e = start, i
            while s < e and (lower[s] in strip or punct[s]):
                s += 1
            while e > s and (lower[e - 1] in strip or punct[e - 1]):
                e -= 1
            if 0 < e - s <= self._max_tokens and all(
                alpha[k] or orth[k] in symbols or "-" in text[idx[k] : idx[k] + length[k]]
                for k in range(s, e)
            ):
                yield s, e
            start = i + 1

    def state(self) -> Any:
        """The data given to :meth:`initialize` (saved by ``to_disk``)."""
        return self._rules
