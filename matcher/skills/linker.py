"""SkillLinker: turns the span ruler's candidate spans into accepted skill mentions.

Candidates come from ``doc.spans[candidates_key]`` (label = skill id, id = category and
context flag, see :mod:`matcher.skills.patterns`). The linker

1. keeps unambiguous candidates, resolving overlaps (longest span wins);
2. accepts an ambiguous candidate ("R", "Access", bare "Epic") only with support: an
   accepted unambiguous mention of the same category within ``window`` tokens, the same
   skill named unambiguously elsewhere in the document, or an accepted skill right next
   to it in a list ("Agile/Scrum", "Python, R and SQL");
3. adds list items that share a matched span's prefix ("Epic Ambulatory, Inpatient and
   Cadence"; "ICD-10-CM/PCS"), using the alias table given at :meth:`initialize`;
4. writes the result, in text order, to ``doc.spans[output_key]``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import srsly
from spacy.language import Language
from spacy.tokens import Doc, Span

from matcher.skills.coordination import expand_lists
from matcher.skills.patterns import CONTEXT_FLAG
from matcher.taxonomy.index import alias_key

__all__ = ["AliasEntry", "SkillLinker"]

#: (alias text, skill id, pattern id, case sensitive)
AliasEntry = tuple[str, str, str, bool]
_TABLE_FILE = "aliases.json"


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
        separators: list separator tokens (lower case).
        max_list_item_tokens: longest list item that inherits a prefix.
    """

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        candidates_key: str,
        output_key: str,
        window: int,
        separators: Iterable[str] = (",", "/", "and", "&", "or"),
        max_list_item_tokens: int = 3,
    ) -> None:
        self.name = name
        self.candidates_key = candidates_key
        self.output_key = output_key
        self.window = window
        self.separators = frozenset(s.lower() for s in separators)
        self.max_list_item_tokens = max_list_item_tokens
        self._table: dict[str, AliasEntry] = {}

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        aliases: Iterable[AliasEntry] = (),
    ) -> None:
        """Load the alias table used for list expansion.

        Args:
            get_examples: unused (no training).
            nlp: unused.
            aliases: (alias text, skill id, pattern id, case sensitive) rows.
        """
        self._table = {alias_key(entry[0]): tuple(entry) for entry in aliases}  # type: ignore[misc]

    def __call__(self, doc: Doc) -> Doc:
        """Select the accepted skill spans of ``doc``."""
        candidates = list(doc.spans.get(self.candidates_key, []))
        clear = _without_overlaps(s for s in candidates if not _needs_context(s))
        clear_skills = {s.label_ for s in clear}
        supported = [
            s
            for s in candidates
            if _needs_context(s) and self._has_context(doc, s, clear, clear_skills)
        ]
        accepted = _without_overlaps([*clear, *supported])
        expanded = expand_lists(
            doc,
            accepted,
            self._lookup,
            separators=self.separators,
            max_tokens=self.max_list_item_tokens,
        )
        for span in expanded:
            span._.expanded = True
        doc.spans[self.output_key] = sorted([*accepted, *expanded], key=lambda s: s.start)
        return doc

    def _lookup(self, text: str) -> tuple[str, str] | None:
        entry = self._table.get(alias_key(text))
        if entry is None:
            return None
        alias, skill_id, ident, case_sensitive = entry
        if case_sensitive and " ".join(alias.split()) != " ".join(text.split()):
            return None
        return skill_id, ident

    def _has_context(self, doc: Doc, span: Span, clear: list[Span], clear_skills: set[str]) -> bool:
        if span.label_ in clear_skills:
            return True
        category = _category(span)
        lo, hi = span.start - self.window, span.end + self.window
        for other in clear:
            if _category(other) == category and other.end > lo and other.start < hi:
                return True
            if self._adjacent_in_list(doc, span, other):
                return True
        return False

    def _adjacent_in_list(self, doc: Doc, a: Span, b: Span) -> bool:
        """True when only list separators stand between ``a`` and ``b``."""
        left, right = (a, b) if a.end <= b.start else (b, a)
        between = doc[left.end : right.start]
        return 0 < len(between) <= 2 and all(t.lower_ in self.separators for t in between)

    def to_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the alias table."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / _TABLE_FILE, list(self._table.values()))

    def from_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> SkillLinker:
        """Load the alias table saved by :meth:`to_disk`."""
        rows = srsly.read_json(Path(path) / _TABLE_FILE)
        self.initialize(aliases=[tuple(row) for row in rows])
        return self
