"""SkillLinker: turns the span ruler's candidate spans into accepted skill mentions.

Candidates come from ``doc.spans[candidates_key]`` (label = skill id, id = category and
context flag, see :mod:`matcher.skills.patterns`). The linker

1. keeps unambiguous candidates, resolving overlaps (longest span wins); a name with an
   other reading (``other_readings``) takes it where that reading's family (its parent
   product or a sibling) is named nearby and the first reading's is not ("AWS (S3, EMR,
   EC2)": Amazon EMR, not the medical record);
2. accepts an ambiguous candidate ("R", "Access", bare "Epic") only with support: a
   place in a resume's skills section (``list_sections``); a product noun right after a
   capitalised product name (``product_categories``: "Epic medical software", "Access
   database"); an accepted unambiguous mention of the same category within ``window``
   tokens; a mention of a category that supports it (``related_categories``)
   introducing it as an example ("EHRs like Epic", "EHR systems such as Epic",
   ``example_cues``); the same skill named unambiguously elsewhere in the document; an
   accepted skill of the same kind (soft skill or not, ``soft_categories``; for a health
   name, health vocabulary, ``health_categories``) right next to it in a list
   ("Agile/Scrum", "Python, R and SQL", "EHR, Excel, Access"; not "medical, dental,
   vision", nor "high throughput and low latency"); or a skill cue right before a
   capitalised candidate ("experience with Epic", ``support_cues``). Never inside a
   heading ("## Education and Training", "Skills, Experience & Training:"), where a
   generic word names a part of the document;
3. adds list items that share a matched span's prefix ("Epic Ambulatory, Inpatient and
   Cadence"; "ICD-10-CM/PCS"), using the alias table given at :meth:`initialize`, and
   the abbreviations the text defines in brackets after a skill ("Master Data Management
   (MDM)", :mod:`matcher.skills.abbreviations`);
4. writes the result, in text order, to ``doc.spans[output_key]``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from spacy.attrs import IS_TITLE, LOWER
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from matcher.component_state import JsonState
from matcher.doctext import doc_text
from matcher.skills.abbreviations import defined_abbreviations
from matcher.skills.coordination import expand_lists
from matcher.skills.patterns import CONTEXT_FLAG
from matcher.skills.tokens import column, hashes
from matcher.taxonomy.index import alias_key

__all__ = ["AliasEntry", "SkillLinker"]

#: (alias text, skill id, pattern id, case sensitive, parent skill id or None)
AliasEntry = tuple[str, str, str, bool, str | None]
#: A candidate row: (start, end, needs context, span).
_Row = tuple[int, int, bool, Span]
_SEPARATORS = re.compile(r"[\s\-_/]+")
# A Markdown heading, a line in bold or italics, or a short line ending in a colon.
# Nouns after an ambiguous alias that show it names a product ("Epic software").
_PRODUCT_NOUNS = frozenset(
    {
        "software",
        "system",
        "systems",
        "application",
        "applications",
        "platform",
        "ehr",
        "emr",
        "database",
        "databases",
        "module",
        "modules",
    }
)
_MAX_HEADING_CHARS = 100
_HEADING = re.compile(r"^\s*(?:#{1,6}\s.*|[*_]{1,3}[^*_\n]{1,80}[*_:]{1,4}\s*|[^\n.;]{1,80}:\s*)$")


# Most tokens between a mention and the example it introduces ("systems such as").
_MAX_EXAMPLE_GAP = 5


def _example_link(cues: Iterable[str], nouns: Iterable[str]) -> re.Pattern[str] | None:
    """The whole gap between a kind and its example: [")"] [kind noun] [","] cue."""
    cue_list = sorted(cues, key=len, reverse=True)
    if not cue_list:
        return None
    cue = "|".join(re.escape(c) for c in cue_list)
    noun = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
    kind = rf"(?:\s+(?:{noun}))?" if noun else ""
    return re.compile(rf"\)?{kind}\s*,?\s*(?:{cue})\s*", re.IGNORECASE)


def _word_hashes(phrase: str) -> tuple[int, ...]:
    """A phrase's words (split on spaces, lower case) as ``LOWER`` hash values."""
    return tuple(get_string_id(w) for w in phrase.lower().split())


def _category(span: Span) -> str:
    return span.id_.split("|", 1)[0]


def _start(span: Span) -> int:
    return span.start


def _needs_context(span: Span) -> bool:
    return span.id_.endswith("|" + CONTEXT_FLAG)


def _without_overlaps(spans: Iterable[tuple[int, int, bool, Span]]) -> list[Span]:
    """Longest first; on equal length, unambiguous before ambiguous, then earlier.

    ``spans`` holds (start, end, needs context, span) rows.
    """
    ordered = sorted(spans, key=lambda row: (row[0] - row[1], row[2], row[0]))
    taken: set[int] = set()
    kept: list[tuple[int, Span]] = []
    for start, end, _, span in ordered:
        positions = range(start, end)
        if any(i in taken for i in positions):
            continue
        taken.update(positions)
        kept.append((start, span))
    kept.sort(key=lambda row: row[0])
    return [span for _, span in kept]


class SkillLinker(JsonState):
    """spaCy component: candidate skill spans -> accepted skill spans.

    Args:
        nlp: the pipeline (unused; part of the factory signature).
        name: component name.
        candidates_key: ``doc.spans`` key the span ruler writes to.
        output_key: ``doc.spans`` key to write accepted mentions to.
        window: tokens on each side searched for supporting context.
        separators: list separator tokens (lower case).
        max_list_item_tokens: longest list item that inherits a prefix.
        sections_key: ``doc.spans`` key of the resume sections.
        list_sections: section categories whose items are skills by position.
        soft_categories: categories of soft skills; a list neighbour supports an
            ambiguous candidate only when both are soft skills or neither is.
        health_categories: categories of health vocabulary; a list neighbour supports an
            ambiguous health name only when it is health vocabulary too ("high
            throughput and low latency": no patient flow; "EHR, Excel, Access" stays).
        product_categories: categories of named products; only their ambiguous names are
            supported by a product noun after them ("Access database"; not "Billing
            Processing system").
        support_cues: phrases that, right before an ambiguous candidate, support it
            ("experience with", "knowledge of"; split on spaces, compared lower case).
        related_categories: category -> other categories whose accepted mentions support
            its ambiguous candidates when they introduce them as examples
            (``supported_by`` in ``data/taxonomy/categories.yaml``).
        example_cues: phrases between such a mention and the candidate that make the
            candidate an example of it ("like", "such as", "including", "(").
        kind_nouns: nouns allowed between the mention and the cue ("EHR systems such
            as Epic").
        other_readings: exact alias text -> (skill id, pattern id) of its other reading
            (``other_readings`` in ``data/extraction.yaml``).
        not_skills: phrases in which a skill's name is an ordinary word ("reporting to",
            "access point"); a shorter candidate inside one is dropped (``not_skills`` in
            ``data/extraction.yaml``; split on spaces, compared lower case).
    """

    state_file = "aliases.json"
    state_argument = "aliases"

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
        sections_key: str = "sections",
        list_sections: Iterable[str] = ("skills",),
        soft_categories: Iterable[str] = (),
        health_categories: Iterable[str] = (),
        product_categories: Iterable[str] = (),
        support_cues: Iterable[str] = (),
        related_categories: Mapping[str, Iterable[str]] | None = None,
        example_cues: Iterable[str] = (),
        kind_nouns: Iterable[str] = (),
        other_readings: Mapping[str, Sequence[str]] | None = None,
        not_skills: Iterable[str] = (),
    ) -> None:
        self.name = name
        self.candidates_key = candidates_key
        self.output_key = output_key
        self.window = window
        self.separators = frozenset(s.lower() for s in separators)
        self.max_list_item_tokens = max_list_item_tokens
        self.sections_key = sections_key
        self.list_sections = frozenset(list_sections)
        self.soft_categories = frozenset(soft_categories)
        self.health_categories = frozenset(health_categories)
        self.product_categories = frozenset(product_categories)
        self.support_cues = tuple(support_cues)
        self.related_categories = {
            category: tuple(others) for category, others in (related_categories or {}).items()
        }
        self.example_cues = tuple(example_cues)
        self.kind_nouns = tuple(kind_nouns)
        self._example_link = _example_link(self.example_cues, self.kind_nouns)
        self.other_readings = dict(other_readings or {})
        self._readings = {
            alias: (str(skill_id), str(ident))
            for alias, (skill_id, ident) in self.other_readings.items()
        }
        # each cue as a tuple of LOWER hash values, by length in tokens
        self._cue_tokens: dict[int, frozenset[tuple[int, ...]]] = {}
        for words in map(_word_hashes, self.support_cues):
            self._cue_tokens[len(words)] = self._cue_tokens.get(len(words), frozenset()) | {words}
        self._table: dict[str, AliasEntry] = {}
        self._rows: list[AliasEntry] = []
        self._parents: dict[str, str] = {}
        # skills that own an alias with an other reading: only their candidates are checked
        self._reading_owners: frozenset[str] = frozenset()
        self.not_skills = tuple(not_skills)
        # first word's LOWER hash -> the phrases starting with it, as LOWER hash tuples
        self._not_skill_phrases: dict[int, list[tuple[int, ...]]] = {}
        for words in map(_word_hashes, self.not_skills):
            self._not_skill_phrases.setdefault(words[0], []).append(words)
        self._longest_not_skill = max(
            (len(words) for group in self._not_skill_phrases.values() for words in group),
            default=0,
        )
        self._separator_hashes = hashes(self.separators)
        self._product_hashes = hashes(_PRODUCT_NOUNS)
        # span id (hash of category and context flag) -> needs context, filled as seen.
        self._needs_context: dict[int, bool] = {}

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
            aliases: (alias text, skill id, pattern id, case sensitive, parent skill
                id) rows.
        """
        self._rows = [
            (alias, skill_id, ident, bool(case_sensitive), parent)
            for alias, skill_id, ident, case_sensitive, parent in aliases
        ]
        self._table = {alias_key(row[0]): row for row in self._rows}
        self._parents = {row[1]: row[4] for row in self._rows if row[4]}
        self._reading_owners = frozenset(
            self._table[key][1] for key in map(alias_key, self._readings) if key in self._table
        )

    def __call__(self, doc: Doc) -> Doc:
        """Select the accepted skill spans of ``doc``."""
        flags = self._needs_context
        rows = []
        for s in doc.spans.get(self.candidates_key, []):
            ident = s.id
            flag = flags.get(ident)
            if flag is None:
                flag = flags[ident] = _needs_context(s)
            rows.append((s.start, s.end, flag, s))
        if self._not_skill_phrases and rows:
            rows = self._outside_not_skills(doc, rows)
        if self._readings:
            rows = self._other_readings(doc, rows)
        clear = _without_overlaps(row for row in rows if not row[2])
        ambiguous = [row for row in rows if row[2]]
        supported = self._supported(doc, ambiguous, clear) if ambiguous else []
        accepted = _without_overlaps([*((s.start, s.end, False, s) for s in clear), *supported])
        accepted, expanded = expand_lists(
            doc,
            accepted,
            self._lookup,
            separators=self.separators,
            max_tokens=self.max_list_item_tokens,
        )
        abbreviations = defined_abbreviations(doc, sorted([*accepted, *expanded], key=_start))
        for span in (*expanded, *abbreviations):
            span._.expanded = True
        doc.spans[self.output_key] = sorted([*accepted, *expanded, *abbreviations], key=_start)
        return doc

    def _outside_not_skills(self, doc: Doc, rows: list[_Row]) -> list[_Row]:
        """Drop candidates shorter than a not-skill phrase they lie in ("Wireless Access Point")."""
        lower = column(doc, LOWER)
        return [row for row in rows if not self._in_not_skill(lower, row[0], row[1])]

    def _in_not_skill(self, lower: list[int], start: int, end: int) -> bool:
        """True when a longer not-skill phrase covers tokens [start, end).

        Only the phrase starts that could cover the candidate are tried, not the whole
        document.
        """
        for i in range(max(0, start - self._longest_not_skill + 1), start + 1):
            for phrase in self._not_skill_phrases.get(lower[i], ()):
                stop = i + len(phrase)
                if end <= stop and end - start < stop - i and tuple(lower[i:stop]) == phrase:
                    return True
        return False

    def _other_readings(self, doc: Doc, rows: list[_Row]) -> list[_Row]:
        """Give a candidate its other reading where that reading's family is near.

        "EMR" names the medical record, or Amazon EMR: in "AWS (S3, EMR, EC2)" a sibling
        of Amazon EMR (S3, EC2) or its parent (AWS) stands within ``window`` tokens, and
        nothing of the medical record's family does, so the span becomes Amazon EMR.
        The family is context enough: the other reading is taken as unambiguous.
        """
        readings, owners = self._readings, self._reading_owners
        out = []
        for row in rows:
            start, end, _, span = row
            reading = readings.get(span.text) if span.label_ in owners else None
            if (
                reading is not None
                and reading[0] != span.label_
                and self._family_near(rows, row, reading[0])
                and not self._family_near(rows, row, span.label_)
            ):
                skill_id, ident = reading
                row = (start, end, False, Span(doc, start, end, label=skill_id, span_id=ident))
            out.append(row)
        return out

    def _family_near(self, rows: list[_Row], row: _Row, skill_id: str) -> bool:
        """True when a clear candidate near ``row`` is ``skill_id``'s parent or sibling.

        Near: within ``window`` tokens; a sibling is another child of that parent.
        """
        parent = self._parents.get(skill_id)
        if parent is None:
            return False
        lo, hi = row[0] - self.window, row[1] + self.window
        for start, end, ambiguous, span in rows:
            if ambiguous or (start < row[1] and row[0] < end) or end <= lo or start >= hi:
                continue
            if span.label_ == parent or self._parents.get(span.label_) == parent:
                return True
        return False

    def _supported(
        self, doc: Doc, ambiguous: list[tuple[int, int, bool, Span]], clear: list[Span]
    ) -> list[tuple[int, int, bool, Span]]:
        """The ambiguous candidates that have supporting context (see module docstring).

        ``ambiguous`` and the result hold (start, end, needs context, span) rows.
        """
        clear_skills = {s.label_ for s in clear}
        by_category: dict[str, list[tuple[int, int]]] = {}
        # list-neighbour edges (starts, ends) by kind: soft skills (True) or not (False);
        # a health name's neighbours must be health vocabulary too (see _neighbour_kinds)
        edges: dict[tuple[bool, bool], tuple[set[int], set[int]]] = {
            (soft, health): (set(), set()) for soft in (True, False) for health in (True, False)
        }
        for other in clear:
            start, end = other.start, other.end
            category = _category(other)
            by_category.setdefault(category, []).append((start, end))
            for kind in self._neighbour_kinds(category, accepted=True):
                starts, ends = edges[kind]
                starts.add(start)
                ends.add(end)
        lower = column(doc, LOWER)
        title = column(doc, IS_TITLE)
        products = self._product_hashes
        kept = []
        text = doc_text(doc)
        skill_lists = [
            (s.start, s.end)
            for s in doc.spans.get(self.sections_key, [])
            if s.label_ in self.list_sections
        ]
        for row in ambiguous:
            start, end, _, span = row
            if self._in_heading(text, span.start_char, span.end_char):
                continue
            lo, hi = start - self.window, end + self.window
            if (
                any(a <= start and end <= b for a, b in skill_lists)
                # A product's name, capitalised, and a product noun follows within two
                # words: "Epic medical software", "Access database".
                or (
                    _category(span) in self.product_categories
                    and (title[start] or doc[start].is_upper)
                    and any(h in products for h in lower[end : end + 2])
                )
                or span.label_ in clear_skills
                or any(e > lo and s < hi for s, e in by_category.get(_category(span), ()))
                or self._introduced_as_example(text, span, clear)
                or any(
                    self._list_neighbour(lower, start, end, *edges[kind])
                    for kind in self._neighbour_kinds(_category(span), accepted=False)
                )
                # "experience with Epic": capitalised, as a product's name is written (in
                # "experience in writing unit tests" the cue is about the tests), and not
                # the start of a longer name ("experience with Sales Cloud")
                or (
                    (title[start] or doc[start].is_upper)
                    and not (end < len(title) and title[end])
                    and self._after_cue(lower, start)
                )
            ):
                kept.append(row)
        return kept

    def _neighbour_kinds(self, category: str, *, accepted: bool) -> list[tuple[bool, bool]]:
        """Edge kinds (soft skill?, health only?) an accepted mention marks or a candidate reads.

        A list neighbour supports a candidate of its own kind, soft skill or not; a health
        name ("throughput" as patient flow) only a neighbour that is health vocabulary
        too, while a general name ("Access") may stand next to a health one ("EHR,
        Excel, Access").
        """
        soft = category in self.soft_categories
        health = category in self.health_categories
        if accepted:
            return [(soft, False), (soft, True)] if health else [(soft, False)]
        return [(soft, True)] if health else [(soft, False)]

    def _introduced_as_example(self, text: str, span: Span, clear: list[Span]) -> bool:
        """True when a mention of a supporting category introduces ``span`` as an example.

        "EHRs like Epic": the text between the two is an example cue, after at most one
        kind noun ("EHR systems such as Epic").
        """
        related = self.related_categories.get(_category(span))
        if not related or self._example_link is None:
            return False
        for other in clear:
            if other.end <= span.start and span.start - other.end <= _MAX_EXAMPLE_GAP:
                if _category(other) in related and self._example_link.fullmatch(
                    text, other.end_char, span.start_char
                ):
                    return True
        return False

    @staticmethod
    def _in_heading(text: str, start: int, end: int) -> bool:
        """True when [start, end) lies on a heading line (see ``_HEADING``)."""
        lo = text.rfind("\n", 0, start) + 1
        hi = text.find("\n", end)
        if hi < 0:
            hi = len(text)
        return hi - lo <= _MAX_HEADING_CHARS and _HEADING.match(text[lo:hi]) is not None

    def _after_cue(self, lower: list[int], start: int) -> bool:
        """True when a support cue ends right before token ``start``."""
        return any(
            start >= n and tuple(lower[start - n : start]) in cues
            for n, cues in self._cue_tokens.items()
        )

    def _list_neighbour(
        self, lower: list[int], start: int, end: int, starts: set[int], ends: set[int]
    ) -> bool:
        """True when an accepted span stands next to [start, end) across 1-2 separators.

        ``lower`` is the document's ``LOWER`` column.
        """
        separators = self._separator_hashes
        for gap in (1, 2):
            if (start - gap) in ends and all(
                lower[i] in separators for i in range(start - gap, start)
            ):
                return True
            if (end + gap) in starts and all(lower[i] in separators for i in range(end, end + gap)):
                return True
        return False

    def _lookup(self, text: str) -> tuple[str, str] | None:
        entry = self._table.get(alias_key(text))
        if entry is None:
            return None
        alias, skill_id, ident, case_sensitive, _ = entry
        # A case-sensitive alias must match letter for letter (separators aside).
        if case_sensitive and _SEPARATORS.sub(" ", alias) != _SEPARATORS.sub(" ", text):
            return None
        return skill_id, ident

    def state(self) -> Any:
        """The data given to :meth:`initialize` (saved by ``to_disk``)."""
        return [list(row) for row in self._rows]
