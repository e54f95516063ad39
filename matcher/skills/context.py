"""SkillContext: what the text says about each skill mention.

For every span in ``doc.spans[skills_key]`` sets (see :mod:`matcher.skills.extensions`):
``section`` (from ``doc.spans[sections_key]``), ``negated``, ``hypothetical``,
``field_of_study`` (the subject right after a cue such as "degree in", or a list of
subjects), ``part_of_name`` (the next word, or the one after a capitalised word, is a title
or organisation head such as "Scientist" or "Association"; or the clause is the employer
speaking of itself: "We use ...", "Our platform ..."; or it lies in a block of job text
about the employer, under "About us" or "Benefits", with no required or preferred cue)
and ``requirement``. Rules come from ``data/extraction.yaml`` at
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

from spacy.attrs import IS_TITLE, LOWER, ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc

from matcher.component_state import JsonState
from matcher.doctext import doc_text
from matcher.skills.clauses import (
    EMPLOYER,
    BlockHeaders,
    block_kind,
    clause_around,
    employer_voice,
    requirement_blocks,
    requirement_of,
)
from matcher.skills.tokens import column, hashes

__all__ = ["SkillContext"]

_FLAGS = ("negation", "hypothetical", "field_of_study")
_NOT_A_CUE = "not_a_cue"


# "the data science team": a determiner right before the skill and a team word right
# after it make the phrase a team's name ("Agile teams", "the Epic Go-Live team" stay).
# The determiner may also open a list of teams that the skill ends: "our product,
# engineering and data science teams" (a few words apart, with a comma or "and"/"or"
# before the skill and no clause end or preposition between: in "works with various IT
# and eCW team members" the determiner is too far away).
_DETERMINERS = frozenset({"the", "our", "their", "your"})
_TEAM_WORDS = frozenset({"team", "teams", "group", "department"})
_TEAM_LIST_JOINS = frozenset({",", "and", "or", "&"})
_LIST_STOPS = frozenset(
    {".", ";", ":", "(", ")", "!", "?", "with", "to", "for", "of", "in", "on", "at", "from", "by"}
)
_TEAM_LIST_REACH = 10
# A document that opens with a line of capitals ("SENIOR ANALYST DATA QUALITY &
# GOVERNANCE Professional Background ...", "MEDICAL BILLING SPECIALIST") opens with its
# title: the skill names in it are part of a job title. Up to twelve words with no
# lower-case letter, on the first line, before any colon.
_OPENING_TITLE = re.compile(r"\s*(?:(?=[^\sa-z:]*[A-Z])[^\sa-z:]+(?:[ \t]+[&/,-])*[ \t]+){1,12}")
# Words inside a web address ("(https://.../apply/provider-network-development-manager)")
# are part of a name. (The tokenizer keeps a bare address or e-mail in one token.)
_LINK = re.compile(r"(?:https?://|www\.)[^\s)>\]]+", re.I)
# A degree's subject follows its cue closely ("degree in Health Informatics", "Bachelor of
# Science: Health Information Management") and may be a list ("Coursework in Python, SQL
# and workflow analysis"). Further on, the clause talks about something else; one-line
# resumes run a whole page without a full stop.
_FIELD_REACH_CHARS = 40
# A degree's subject written again further on in the same education entry ("Bachelor of
# Science : Nursing Example College City, State Nursing") is still the subject.
_FIELD_REPEAT_CHARS = 200
_FIELD_LIST_GAP = re.compile(r"^[\s,;/&+()-]*(?:(?:and|or|as well as)\b[\s,;/&+()-]*)?$", re.I)


def _outermost(cues: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """Drop the cues that lie inside a longer one: "required" in "not required"."""
    kept: list[tuple[int, int, str, str]] = []
    for cue in cues:
        inside = False
        for other in reversed(kept):
            if other[1] <= cue[0]:
                # kept cues never nest, so their ends rise with their starts: the earlier
                # ones end before this cue starts too
                break
            if other[0] <= cue[0] and cue[1] <= other[1] and other[:2] != cue[:2]:
                inside = True
                break
        if inside:
            continue
        # A longer cue starting at the same place comes later in start order.
        while kept and kept[-1][0] >= cue[0] and kept[-1][1] <= cue[1] and kept[-1][:2] != cue[:2]:
            kept.pop()
        kept.append(cue)
    return kept


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
        self._block_headers = BlockHeaders()
        # Hash values of the grammar words, compared with the LOWER/ORTH token columns.
        self._determiners = hashes(_DETERMINERS)
        self._team_words = hashes(_TEAM_WORDS)
        self._list_joins = hashes(_TEAM_LIST_JOINS)
        self._list_stops = hashes(_LIST_STOPS)
        self._the, self._of = hashes(["the"]), hashes(["of"])
        self._open, self._close = hashes(["("]), hashes([")"])
        self._name_heads: frozenset[int] = frozenset()
        self._heading_phrases: frozenset[tuple[int, int]] = frozenset()
        self._role_words: frozenset[str] = frozenset()

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
        # A phrase that holds a cue word without being a cue ("the required data") is
        # matched as a cue of no kind, so the cue inside it is dropped (``_outermost``).
        not_cues = requirement.get("not_cues", ())
        if not_cues:
            matcher.add(f"{_NOT_A_CUE}|before", [self.nlp.make_doc(p) for p in not_cues])
        self._matcher = matcher
        breaks = self._rules.get("clause_breaks", ".;!?")
        # A full stop inside a word or number ("v2.5.1", "Node.js") does not end a clause,
        # but one glued to the next sentence ("...end-user support.Three years") does.
        # Every branch starts with its character, so the search skips other text fast.
        self._break_re = re.compile(
            r"\n|["
            + re.escape(breaks.replace(".", ""))
            + r"]|\.(?:(?!\w)|(?<=[a-z)]\.)(?=[A-Z][a-z]))"
        )
        employer = self._rules.get("employer_blocks", {})
        self._block_headers = BlockHeaders.from_words(
            preferred=requirement.get("preferred_headers", ()),
            required=requirement.get("required_headers", ()),
            employer=employer.get("headers", ()),
            about_not_employer=employer.get("about_not_employer", ()),
        )
        self._max_header = int(self._rules.get("max_header_chars", 60))
        self._name_heads = hashes(h.lower() for h in self._rules.get("name_heads", ()))
        # Plural job words: "Our engineers build ..." is about the job, not the employer.
        self._role_words = frozenset(
            h.lower() for h in self._rules.get("name_heads", ()) if h.lower().endswith("s")
        )
        self._heading_phrases = frozenset(
            (get_string_id(head), get_string_id(word))
            for head, word in (p.lower().split() for p in self._rules.get("heading_phrases", ()))
        )
        unknown = self._rules.get("unknown_skills", {})
        self._skill_cues = tuple(c.lower() for c in unknown.get("cues", ()))

    def __call__(self, doc: Doc) -> Doc:
        """Set the context attributes of every skill span."""
        spans = list(doc.spans.get(self.skills_key, []))
        if not spans or self._matcher is None:
            return doc
        # Work in character offsets: clause breaks come from the text, not a token walk.
        text = doc_text(doc)
        strings = doc.vocab.strings
        cues: list[tuple[int, int, str, str]] = []
        for m_id, s, e in self._matcher(doc):
            kind, direction = strings[m_id].split("|")
            cues.append((doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), kind, direction))
        cues = _outermost(sorted(cues))
        cue_starts = [cue[0] for cue in cues]
        sections = sorted(
            (s.start_char, s.end_char, s.label_) for s in doc.spans.get(self.sections_key, [])
        )
        section_starts = [start for start, _, _ in sections]
        breaks = [m.start() for m in self._break_re.finditer(text)]
        blocks = requirement_blocks(
            text, max_header_chars=self._max_header, headers=self._block_headers
        )
        block_starts = [start for start, _ in blocks]
        links = [(m.start(), m.end()) for m in _LINK.finditer(text)]
        opening = _OPENING_TITLE.match(text)
        title_end = opening.end() if opening else 0
        rows = sorted(
            ((span.start_char, span.end_char, span.start, span.end, span) for span in spans),
            key=lambda row: row[0],
        )
        covered = {i for row in rows for i in range(row[2], row[3])}
        columns = (column(doc, LOWER), column(doc, ORTH), column(doc, IS_TITLE))
        field_end = -1  # end of the last field-of-study span, for lists of subjects
        subjects: dict[str, int] = {}  # a field of study (lower case) -> where it ended
        voices: dict[int, bool] = {}  # clause start -> employer voice
        for first, last, token_start, token_end, span in rows:
            attributes = span._
            lo, hi = clause_around(breaks, first, last, len(text))
            found: dict[str, int] = {}
            # Only the cues that start inside the clause can reach the span.
            for start, end, kind, direction in cues[
                bisect_left(cue_starts, lo) : bisect_right(cue_starts, hi)
            ]:
                if direction == "before" and lo <= start and end <= first:
                    distance = first - end
                elif direction == "after" and last <= start and end <= hi:
                    distance = start - last
                else:
                    continue
                if kind not in found or distance < found[kind]:
                    found[kind] = distance
            at = bisect_right(section_starts, first) - 1
            if at >= 0 and first < sections[at][1]:
                attributes.section = sections[at][2]
            # The attributes default to False/None: setting only the others saves time on
            # long documents (a ``._`` write costs more than the rule that decides it).
            if "negation" in found:
                attributes.negated = True
            if "hypothetical" in found:
                attributes.hypothetical = True
            in_education = attributes.section == "education"
            surface = text[first:last].lower() if in_education else ""
            if (
                "field_of_study" in found
                and (
                    found["field_of_study"] <= _FIELD_REACH_CHARS
                    or (
                        field_end >= lo and _FIELD_LIST_GAP.match(text[field_end:first]) is not None
                    )
                )
            ) or (
                in_education
                and first - subjects.get(surface, first - _FIELD_REPEAT_CHARS) < _FIELD_REPEAT_CHARS
            ):
                attributes.field_of_study = True
                field_end = last
                if in_education:
                    subjects[surface] = last
            if (
                self._before_name_head(columns, token_end, covered)
                or self._after_name_head(columns, token_start)
                or self._team_name(columns[0], token_start, token_end)
                or last <= title_end
                or (bool(links) and any(a <= first and last <= b for a, b in links))
                or (
                    "required" not in found
                    and "preferred" not in found
                    and (
                        block_kind(blocks, block_starts, first) == EMPLOYER
                        or self._employer_voice_cached(voices, text, lo, hi)
                    )
                )
            ):
                attributes.part_of_name = True
            requirement = requirement_of(found, blocks, block_starts, first)
            if requirement is not None:
                attributes.requirement = requirement
        return doc

    def _before_name_head(
        self, columns: tuple[list[int], list[int], list[int]], end: int, covered: set[int]
    ) -> bool:
        """A title or organisation head follows, directly or after one capitalised word.

        ``columns`` are the document's ``LOWER``, ``ORTH`` and ``IS_TITLE`` columns.
        ``covered`` holds the tokens of skill spans: "Medi-Cal Medical Manager" is two
        products, not a title.
        """
        lower, orth, title = columns
        n = len(lower)
        # "Health Information Management (HIM) Section": skip an abbreviation in brackets.
        if end + 2 < n and orth[end] in self._open and orth[end + 2] in self._close:
            end += 3
        elif end < n and orth[end] in self._close:
            end += 1
        if end < n and lower[end] in self._name_heads:
            # "ICD-10 coding Professional Experience": a section heading, not a title.
            return not (
                end + 1 < n
                and title[end]
                and title[end + 1]
                and (lower[end], lower[end + 1]) in self._heading_phrases
            )
        # "EHR Application Analyst", "Product Development Business Analyst"
        return bool(
            end + 1 < n
            and end not in covered
            and end + 1 not in covered
            and title[end]
            and title[end + 1]
            and lower[end + 1] in self._name_heads
        )

    def _team_name(self, lower: list[int], start: int, end: int) -> bool:
        """A team's name, not a skill: "the data science team", "our Product team".

        Also the last item of a list of teams: "our product, operations and data
        science teams". ``lower`` is the document's ``LOWER`` column.
        """
        if start < 1 or end >= len(lower) or lower[end] not in self._team_words:
            return False
        if lower[start - 1] in self._determiners:
            return True
        if lower[start - 1] not in self._list_joins:
            return False
        for i in range(start - 2, max(start - 2 - _TEAM_LIST_REACH, -1), -1):
            if lower[i] in self._list_stops:
                return False
            if lower[i] in self._determiners:
                return True
        return False

    def _after_name_head(self, columns: tuple[list[int], list[int], list[int]], start: int) -> bool:
        """A capitalised title or organisation head and "of" come first.

        "Director of Home Care", "Manager of the Project Management Office".
        """
        lower, _, title = columns
        i = start - 1
        if i >= 0 and lower[i] in self._the:
            i -= 1
        return bool(
            i >= 1 and lower[i] in self._of and title[i - 1] and lower[i - 1] in self._name_heads
        )

    def _employer_voice_cached(self, cache: dict[int, bool], text: str, lo: int, hi: int) -> bool:
        if lo not in cache:
            cache[lo] = employer_voice(text[lo:hi], self._skill_cues, self._role_words)
        return cache[lo]

    def state(self) -> Any:
        """The data given to :meth:`initialize` (saved by ``to_disk``)."""
        return self._rules
