"""SkillContext: what the text says about each skill mention.

For every span in ``doc.spans[skills_key]`` sets (see :mod:`matcher.skills.extensions`):
``section`` (from ``doc.spans[sections_key]``), ``negated``, ``hypothetical``,
``field_of_study``, ``part_of_name`` (the next word is a title or organisation head such
as "Scientist" or "Association") and ``requirement``. Rules come from ``data/extraction.yaml`` at
:meth:`SkillContext.initialize` and are saved with the pipeline.

A cue's scope is its clause: a "before" cue ("no experience with") covers the rest of its
clause to the right, an "after" cue ("is a plus") the part of its clause to its left.
Clauses end at the configured break characters and at line ends. ``requirement`` comes
from a clause cue when there is one, else from the block a short header line opened
("Preferred qualifications:" ... until the next header-like line).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from matcher.component_state import JsonState
from matcher.doctext import doc_text

__all__ = ["SkillContext"]

_FLAGS = ("negation", "hypothetical", "field_of_study")


_BULLET = re.compile(r"^\s*(?:[-*•·▪◦]|\d+[.)])\s")


def _header_like(line: str, max_chars: int) -> bool:
    """A short line that opens a block: markdown heading, "Label:", CAPS or Title Case."""
    if _BULLET.match(line):
        return False
    core = line.strip().strip("#*_ ")
    if not core or len(core) > max_chars:
        return False
    if line.lstrip().startswith("#") or core.endswith(":") or core.isupper():
        return True
    words = core.split()
    return (
        len(words) <= 5
        and not re.search(r"[.,;]", core)
        and all(w[:1].isupper() for w in words if w[:1].isalpha() and len(w) > 3)
    )


class SkillContext(JsonState):
    """spaCy component: context attributes of skill spans.

    Args:
        nlp: the pipeline (for its vocabulary and tokenizer).
        name: component name.
        skills_key: ``doc.spans`` key of the skill spans.
        sections_key: ``doc.spans`` key of the section spans (may be absent).
    """

    state_file = "rules.json"
    state_argument = "rules"

    def __init__(self, nlp: Language, name: str, *, skills_key: str, sections_key: str) -> None:
        self.nlp = nlp
        self.name = name
        self.skills_key = skills_key
        self.sections_key = sections_key
        self._rules: dict[str, Any] = {}
        self._matcher: PhraseMatcher | None = None

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        rules: dict[str, Any] | None = None,
    ) -> None:
        """Compile the cue phrases of ``rules`` (an ``ExtractionRules`` dump)."""
        self._rules = dict(rules or {})
        matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        kinds = {name: self._rules.get(name, {}) for name in _FLAGS}
        requirement = self._rules.get("requirement", {})
        kinds["required"] = requirement.get("required", {})
        kinds["preferred"] = requirement.get("preferred", {})
        for kind, cues in kinds.items():
            for direction in ("before", "after"):
                phrases = cues.get(direction, ())
                if phrases:
                    matcher.add(f"{kind}|{direction}", [self.nlp.make_doc(p) for p in phrases])
        self._matcher = matcher
        breaks = self._rules.get("clause_breaks", ".;!?")
        # A full stop inside a word or number ("v2.5.1", "Node.js") does not end a clause.
        self._break_re = re.compile(r"\n|[" + re.escape(breaks.replace(".", "")) + r"]|\.(?!\w)")
        self._required_headers = [h.lower() for h in requirement.get("required_headers", ())]
        self._preferred_headers = [h.lower() for h in requirement.get("preferred_headers", ())]
        self._max_header = int(self._rules.get("max_header_chars", 60))
        self._name_heads = frozenset(h.lower() for h in self._rules.get("name_heads", ()))

    def __call__(self, doc: Doc) -> Doc:
        """Set the context attributes of every skill span."""
        spans = list(doc.spans.get(self.skills_key, []))
        if not spans or self._matcher is None:
            return doc
        # Work in character offsets: clause breaks come from the text, not a token walk.
        text = doc_text(doc)
        cues = [
            (doc.vocab.strings[m_id].split("|"), doc[s].idx, doc[e - 1].idx + len(doc[e - 1]))
            for m_id, s, e in self._matcher(doc)
        ]
        sections = sorted(
            (s.start_char, s.end_char, s.label_) for s in doc.spans.get(self.sections_key, [])
        )
        section_starts = [start for start, _, _ in sections]
        breaks = [m.start() for m in self._break_re.finditer(text)]
        blocks = self._requirement_blocks(text)
        for span in spans:
            first, last = span.start_char, span.end_char
            lo, hi = self._clause(breaks, first, last, len(text))
            found: dict[str, int] = {}
            for (kind, direction), start, end in cues:
                if direction == "before" and lo <= start and end <= first:
                    distance = first - end
                elif direction == "after" and last <= start and end <= hi:
                    distance = start - last
                else:
                    continue
                if kind not in found or distance < found[kind]:
                    found[kind] = distance
            span._.negated = "negation" in found
            span._.hypothetical = "hypothetical" in found
            span._.field_of_study = "field_of_study" in found
            span._.part_of_name = span.end < len(doc) and doc[span.end].lower_ in self._name_heads
            span._.requirement = self._requirement(found, blocks, span.start_char)
            at = bisect_right(section_starts, first) - 1
            if at >= 0 and first < sections[at][1]:
                span._.section = sections[at][2]
        return doc

    @staticmethod
    def _requirement(
        found: dict[str, int], blocks: list[tuple[int, str | None]], at: int
    ) -> str | None:
        clause = [(d, k) for k, d in found.items() if k in ("required", "preferred")]
        if clause:
            return min(clause)[1]
        current: str | None = None
        for start, kind in blocks:
            if start > at:
                break
            current = kind
        return current

    @staticmethod
    def _clause(breaks: list[int], start: int, end: int, length: int) -> tuple[int, int]:
        """Character range of the clause around [start, end), given sorted break offsets."""
        left = bisect_left(breaks, start)
        lo = breaks[left - 1] + 1 if left > 0 else 0
        right = bisect_left(breaks, end)
        hi = breaks[right] if right < len(breaks) else length
        return lo, hi

    def _requirement_blocks(self, text: str) -> list[tuple[int, str | None]]:
        """(start offset, kind) for each header-like line, in text order."""
        blocks: list[tuple[int, str | None]] = []
        offset = 0
        for line in text.split("\n"):
            if _header_like(line, self._max_header):
                lowered = line.lower()
                kind: str | None = None
                if any(re.search(rf"\b{re.escape(h)}\b", lowered) for h in self._preferred_headers):
                    kind = "preferred"
                elif any(
                    re.search(rf"\b{re.escape(h)}\b", lowered) for h in self._required_headers
                ):
                    kind = "required"
                blocks.append((offset, kind))
            offset += len(line) + 1
        return blocks

    def state(self) -> Any:
        """The data given to :meth:`initialize` (saved by ``to_disk``)."""
        return self._rules
