"""Compiled job-text rules and whether a phrase in job text is required or preferred.

Whether a duration or a degree is required or preferred is read, in this order, from
the skill mentions it is attached to, from a skill mention in the same clause, from the
clause's requirement cues, then from the block opened by the nearest header line (the
same cues and headers as the skill context component, ``data/extraction.yaml``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from matcher.domain import SkillMention
from matcher.skills.clauses import (
    PREFERRED,
    REQUIRED,
    BlockHeaders,
    block_requirement,
    requirement_blocks,
)
from matcher.taxonomy.schema import ExtractionRules, JobRequirementRules

__all__ = ["HeaderBlocks", "JobTextRules", "requirement_of"]

#: A text's header blocks, (start offset, kind) each, and their start offsets.
HeaderBlocks = tuple[list[tuple[int, str | None]], list[int]]


def _phrases(words: Sequence[str]) -> re.Pattern[str] | None:
    if not words:
        return None
    alternatives = "|".join(re.escape(w.lower()) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


@dataclass(frozen=True)
class JobTextRules:
    """Compiled job-text rules (build once per bundle with :meth:`from_rules`)."""

    job: JobRequirementRules
    breaks: re.Pattern[str]
    experience: re.Pattern[str] | None
    lead: re.Pattern[str] | None
    reject_before: re.Pattern[str] | None
    reject_after: re.Pattern[str] | None
    link: re.Pattern[str] | None
    required: re.Pattern[str] | None
    preferred: re.Pattern[str] | None
    not_cues: re.Pattern[str] | None
    headers: BlockHeaders
    max_header_chars: int
    degrees: tuple[tuple[str, int, re.Pattern[str]], ...]

    @classmethod
    def from_rules(cls, rules: ExtractionRules) -> JobTextRules:
        """Compile the ``extraction.yaml`` rules."""
        job = rules.job_requirements
        req = rules.requirement
        breaks = rules.clause_breaks.replace(".", "")
        return cls(
            job=job,
            # A full stop inside a word or number ("1.5", "Node.js") does not end a clause.
            breaks=re.compile(r"\n|[" + re.escape(breaks) + r"]|\.(?!\w)"),
            experience=_phrases(job.experience_words),
            lead=_phrases(job.lead_cues),
            reject_before=_phrases(job.reject_before),
            reject_after=_phrases(job.reject_after),
            link=_phrases(job.link_words),
            required=_phrases([*req.required.before, *req.required.after]),
            preferred=_phrases([*req.preferred.before, *req.preferred.after]),
            not_cues=_phrases(req.not_cues),
            headers=BlockHeaders.from_words(
                preferred=req.preferred_headers,
                required=req.required_headers,
                employer=rules.employer_blocks.headers,
                about_not_employer=rules.employer_blocks.about_not_employer,
            ),
            max_header_chars=rules.max_header_chars,
            degrees=tuple(
                (
                    level.level,
                    level.rank,
                    re.compile(r"(?<!\w)(?:" + "|".join(level.patterns) + ")", re.IGNORECASE),
                )
                for level in job.degree_levels
            ),
        )

    def header_blocks(self, text: str) -> HeaderBlocks:
        """The blocks the text's header lines open, read once per text."""
        blocks = requirement_blocks(
            text, max_header_chars=self.max_header_chars, headers=self.headers
        )
        return blocks, [start for start, _ in blocks]

    def clause(self, text: str, start: int, end: int) -> tuple[int, int]:
        """Character range of the clause around ``text[start:end]``."""
        lo = 0
        for found in self.breaks.finditer(text, 0, start):
            lo = found.end()
        after = self.breaks.search(text, end)
        return lo, after.start() if after else len(text)


def requirement_of(
    text: str,
    mentions: Sequence[SkillMention],
    attached: Sequence[SkillMention],
    at: int,
    rules: JobTextRules,
    blocks: HeaderBlocks,
) -> str | None:
    """``required``, ``preferred`` or None for a phrase at offset ``at`` (module docstring).

    ``blocks`` are the text's :meth:`JobTextRules.header_blocks`.
    """
    kinds = {m.requirement for m in attached}
    if not kinds - {None}:
        lo, hi = rules.clause(text, at, at)
        kinds = {m.requirement for m in mentions if lo <= m.start < hi and m.held}
    if REQUIRED in kinds:
        return REQUIRED
    if PREFERRED in kinds:
        return PREFERRED
    lo, hi = rules.clause(text, at, at)
    clause = text[lo:hi].lower()
    if rules.not_cues is not None:
        clause = rules.not_cues.sub(" ", clause)  # "the required data" is no cue
    if rules.preferred is not None and rules.preferred.search(clause):
        return PREFERRED
    if rules.required is not None and rules.required.search(clause):
        return REQUIRED
    return block_requirement(*blocks, at)
