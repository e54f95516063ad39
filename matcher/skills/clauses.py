"""Clause- and line-level rules of :class:`~matcher.skills.context.SkillContext` (plain text).

* :func:`clause_around`: the clause a mention sits in, from sorted break offsets;
* :func:`employer_voice`: a clause in which the employer speaks of itself ("We use AI to
  ...", "Our platform ...", "Acme is a leading provider of ..."): it names the business,
  not a skill asked of the candidate, unless it addresses the candidate, carries a
  skill cue or speaks of the people in the job ("Our engineers build ..."). Pronouns,
  hiring verbs and an organisation's self-descriptions ("is proud to", "was founded")
  are grammar, not vocabulary, so they live here, not in ``data/``;
* :func:`requirement_blocks`: the blocks that short header lines open ("Preferred
  qualifications:" ... until the next header-like line) and whether each is required,
  preferred or about the employer ("About us", "Benefits"; :class:`BlockHeaders`);
  :func:`requirement_of` picks a mention's requirement from its clause cues or its block.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = [
    "EMPLOYER",
    "PREFERRED",
    "REQUIRED",
    "BlockHeaders",
    "any_word",
    "block_kind",
    "block_requirement",
    "clause_around",
    "employer_voice",
    "header_like",
    "requirement_blocks",
    "requirement_of",
]

_BULLET = re.compile(r"^\s*(?:[-*•·▪◦]|\d+[.)])\s")
_WORD = re.compile(r"[a-z0-9][a-z0-9'’+#-]*")
_EMPLOYER_WORDS = frozenset({"we", "our", "us", "we're", "we’re", "we've", "we’ve", "ours"})
_CANDIDATE_WORDS = frozenset(
    {
        "you",
        "your",
        "you'll",
        "you’ll",
        "you're",
        "you’re",
        "candidate",
        "candidates",
        "seeking",
        "looking",
        "hiring",
        "join",
        "need",
        "needs",
        "require",
        "requires",
        "must",
    }
)
_AT_EMPLOYER = re.compile(r"\W*at\b[^,]{1,60},\s*(?:we|our)\b", re.I)
# "GitLab is proud to be ...", "Magic Media is a pioneering media group ...": a named
# organisation (one to four capitalised words) opening a sentence about itself.
_NAMED_EMPLOYER = re.compile(
    r"\W*(?:[A-Z][\w&.'’-]*\s+){1,4}(?:"
    r"(?:is|are)\s+(?:proud|committed|dedicated|headquartered|backed|"
    r"an\s+equal|on\s+a\s+mission|"
    r"(?:a|an|the)\s+(?:leading|leader|global|pioneering|premier|fast-growing|growing|"
    r"rapidly\s+growing|innovative|trusted|award-winning|venture-backed|mission-driven)\b)"
    r"|was\s+founded|has\s+been\s+recognized)\b"
)
_EMPLOYER_CLAUSE_CHARS = 400


def any_word(phrases: list[str]) -> re.Pattern[str] | None:
    """One pattern matching any of ``phrases`` as whole words (None for no phrases)."""
    if not phrases:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b")


def clause_around(breaks: list[int], start: int, end: int, length: int) -> tuple[int, int]:
    """Character range of the clause around [start, end), given sorted break offsets."""
    left = bisect_left(breaks, start)
    lo = breaks[left - 1] + 1 if left > 0 else 0
    right = bisect_left(breaks, end)
    hi = breaks[right] if right < len(breaks) else length
    return lo, hi


def employer_voice(
    clause: str, skill_cues: tuple[str, ...], role_words: frozenset[str] = frozenset()
) -> bool:
    """The clause is the employer talking about itself, not asking for a skill.

    "We use machine learning to ...", "At Acme, we ...", "Our mission is to make
    healthcare ...", "Acme is proud to be ...": a sentence-length clause opened in the
    first person plural or by a named organisation describing itself, with no word
    addressed to the candidate and none of ``skill_cues`` ("experience with"; lower case).
    A clause about the people in a job ("Our Program Managers deliver ...", "Our data
    engineers build ...": "our", up to two words, then one of ``role_words``) describes
    the work the candidate will do, so it is not the employer's voice.
    """
    if len(clause) > _EMPLOYER_CLAUSE_CHARS:
        return False
    words = _WORD.findall(clause.lower())
    if words[:1] == ["our"] and set(words[1:4]) & role_words:
        return False
    if (
        not words
        or (
            words[0] not in _EMPLOYER_WORDS
            and _AT_EMPLOYER.match(clause) is None
            and _NAMED_EMPLOYER.match(clause) is None
        )
        or set(words) & _CANDIDATE_WORDS
    ):
        return False
    joined = f" {' '.join(words)} "
    return not any(f" {cue} " in joined for cue in skill_cues)


def header_like(line: str, max_chars: int) -> bool:
    """A short line that opens a block: markdown heading, "Label:", CAPS or Title Case."""
    core = line.strip().strip("#*_ ")
    if not core or len(core) > max_chars or _BULLET.match(line):
        return False
    if line.lstrip().startswith("#") or core.endswith(":") or core.isupper():
        return True
    words = core.split()
    return (
        len(words) <= 5
        and not re.search(r"[.,;]", core)
        and all(w[:1].isupper() for w in words if w[:1].isalpha() and len(w) > 3)
    )


#: Block kinds: :func:`requirement_blocks` marks each header line with one of these or None.
REQUIRED, PREFERRED, EMPLOYER = "required", "preferred", "employer"


@dataclass(frozen=True)
class BlockHeaders:
    """Which words make a short header line open which kind of block.

    Attributes:
        preferred: matches a header opening a "preferred" block.
        required: matches a header opening a "required" block.
        employer: matches a header opening a block about the employer (company,
            benefits, notices).
        about_not_employer: words that, right after a header's leading "About", make it
            about the job or the candidate ("About the role", "About you"); any other
            "About X" header is about the employer X.
    """

    preferred: re.Pattern[str] | None = None
    required: re.Pattern[str] | None = None
    employer: re.Pattern[str] | None = None
    about_not_employer: frozenset[str] = frozenset()

    @classmethod
    def from_words(
        cls,
        *,
        preferred: Iterable[str] = (),
        required: Iterable[str] = (),
        employer: Iterable[str] = (),
        about_not_employer: Iterable[str] = (),
    ) -> BlockHeaders:
        """Compile the header words (``data/extraction.yaml``), case-insensitively."""
        return cls(
            preferred=any_word([w.lower() for w in preferred]),
            required=any_word([w.lower() for w in required]),
            employer=any_word([w.lower() for w in employer]),
            about_not_employer=frozenset(w.lower() for w in about_not_employer),
        )

    def kind(self, line: str) -> str | None:
        """The kind of block the (header-like) ``line`` opens, or None."""
        lowered = line.lower()
        if self.preferred is not None and self.preferred.search(lowered):
            return PREFERRED
        if self.required is not None and self.required.search(lowered):
            return REQUIRED
        if self.employer is not None and self.employer.search(lowered):
            return EMPLOYER
        words = _WORD.findall(lowered)
        if len(words) >= 2 and words[0] == "about" and words[1] not in self.about_not_employer:
            return EMPLOYER
        return None


def requirement_blocks(
    text: str, *, max_header_chars: int, headers: BlockHeaders
) -> list[tuple[int, str | None]]:
    """(start offset, kind) for each header-like line, in text order.

    The kind is the one :meth:`BlockHeaders.kind` gives the line; a header line with no
    kind of its own right under another header, with only blank lines between them,
    continues that header's block ("### Qualifications" then "### What your background
    looks like"). A header with no kind ends the previous block.
    """
    blocks: list[tuple[int, str | None]] = []
    offset = 0
    previous_end = -1  # where the last header line ended
    for line in text.split("\n"):
        if header_like(line, max_header_chars):
            kind = headers.kind(line)
            if kind is None and blocks and not text[previous_end:offset].strip():
                kind = blocks[-1][1]
            blocks.append((offset, kind))
            previous_end = offset + len(line)
        offset += len(line) + 1
    return blocks


def block_kind(
    blocks: list[tuple[int, str | None]], block_starts: list[int], at: int
) -> str | None:
    """The kind of the block that offset ``at`` lies in (None outside any kind)."""
    last = bisect_right(block_starts, at) - 1
    return blocks[last][1] if last >= 0 else None


def block_requirement(
    blocks: list[tuple[int, str | None]], block_starts: list[int], at: int
) -> str | None:
    """``required`` or ``preferred`` when offset ``at`` lies in a block a header opened so."""
    kind = block_kind(blocks, block_starts, at)
    return kind if kind in (REQUIRED, PREFERRED) else None


def requirement_of(
    found: dict[str, int],
    blocks: list[tuple[int, str | None]],
    block_starts: list[int],
    at: int,
) -> str | None:
    """A mention's requirement: the nearest clause cue, else the kind of its block.

    Args:
        found: cue kind -> distance in characters of the nearest cue in the clause.
        blocks: :func:`requirement_blocks` of the text.
        block_starts: their start offsets (sorted).
        at: the mention's start offset.
    """
    clause = [(d, k) for k, d in found.items() if k in (REQUIRED, PREFERRED)]
    if clause:
        return min(clause)[1]
    return block_requirement(blocks, block_starts, at)
