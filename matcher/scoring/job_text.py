"""Years of experience and education requirements in job text (plain text rules, no spaCy).

A duration is a number (digits or an English number word, "five (5)", a range "2-5",
"two to five", an open bound "3+", "3 or more") followed by a unit (years, yrs,
months). It counts as an experience requirement by the rules in
``data/extraction.yaml`` (``job_requirements``): see
:class:`matcher.taxonomy.schema.JobRequirementRules`. It is attached to the skills
named after it in its clause (until the next duration), "3+ years of experience with
Epic or Cerner", or, when it stands in brackets or after a colon, to the skill just before
it, "SQL (2+ years)"; otherwise it is about the job overall.

Whether a duration or a degree is required or preferred is read, in this order, from
the skill mentions it is attached to, from a skill mention in the same clause, from the
clause's requirement cues, then from the block opened by the nearest header line (the
same cues and headers the skill context component uses).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from matcher.domain import EducationRequirement, SkillMention, YearsRequirement
from matcher.taxonomy.schema import ExtractionRules, JobRequirementRules

__all__ = ["JobTextRules", "find_education", "find_years"]

# English number words are grammar, not domain vocabulary.
_NUMBER_WORDS = {
    word: n
    for n, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
_NUM = r"(?:\d{1,2}(?:\.\d{1,2})?|" + "|".join(_NUMBER_WORDS) + r")"
_PAREN = r"(?:\s*\(\s*\d{1,2}\s*\+?\s*\))?"
_DURATION = re.compile(
    rf"(?<![\w.$])(?P<low>{_NUM}){_PAREN}\s*(?P<plus>\+|plus\b)?"
    rf"(?:\s*(?:-|–|—|to|or)\s*(?P<high>{_NUM}){_PAREN}\s*(?P<plus2>\+)?)?"
    rf"(?:\s*(?P<more>or more|or greater|or longer))?"
    rf"[\s-]*(?P<unit>years?|yrs?|months?|mos?)\b['’]?",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*(?:[-*•·▪◦]|\d+[.)])\s")
_BULLET_START = re.compile(r"^\s*(?:[-*•·▪◦]|\d+[.)])\s*$")
_REQUIRED, _PREFERRED = "required", "preferred"
#: how far after a duration, in characters, its skills may be named (text run together
#: without line breaks must not pull in a whole section).
_SCOPE_CHARS = 120


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
    required_headers: re.Pattern[str] | None
    preferred_headers: re.Pattern[str] | None
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
            required_headers=_phrases(req.required_headers),
            preferred_headers=_phrases(req.preferred_headers),
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

    def clause(self, text: str, start: int, end: int) -> tuple[int, int]:
        """Character range of the clause around ``text[start:end]``."""
        lo = 0
        for found in self.breaks.finditer(text, 0, start):
            lo = found.end()
        after = self.breaks.search(text, end)
        return lo, after.start() if after else len(text)


def _value(word: str) -> float:
    lowered = word.lower()
    return float(_NUMBER_WORDS[lowered]) if lowered in _NUMBER_WORDS else float(lowered)


def _ends_with(pattern: re.Pattern[str] | None, text: str) -> bool:
    if pattern is None:
        return False
    tail = " ".join(text.lower().split()[-4:])
    return any(m.end() == len(tail) for m in pattern.finditer(tail))


def _starts_with(pattern: re.Pattern[str] | None, text: str) -> bool:
    if pattern is None:
        return False
    head = " ".join(re.sub(r"^[\W_]+", "", text.lower()).split()[:4])
    found = pattern.match(head)
    return found is not None


def _is_experience(rules: JobTextRules, before: str, after: str) -> bool:
    if _ends_with(rules.reject_before, before) or _starts_with(rules.reject_after, after):
        return False
    if before.rstrip().endswith(("(", ":")):
        return True  # "SQL (2+ years)", "Epic: 3-5 years"
    if _BULLET_START.match(before.rsplit("\n", 1)[-1]):
        return True  # "- 2+ years outpatient coding"
    window = " ".join(after.lower().split()[: rules.job.window_words])
    if rules.experience is not None and rules.experience.search(window):
        return True
    return _ends_with(rules.lead, before) or _starts_with(rules.link, after)


def find_years(
    text: str, mentions: Sequence[SkillMention], rules: JobTextRules
) -> tuple[YearsRequirement, ...]:
    """Durations of experience a job text asks for, in text order.

    Args:
        text: the job text the mentions' offsets refer to.
        mentions: its skill mentions (held ones are attached; fields of study are not).
        rules: compiled rules.

    Returns:
        One requirement per duration read as experience; years >= 0.
    """
    found = list(_DURATION.finditer(text))
    results: list[YearsRequirement] = []
    for n, match in enumerate(found):
        lo, hi = rules.clause(text, match.start(), match.end())
        if not _is_experience(rules, text[lo : match.start()], text[match.end() : hi]):
            continue
        low = _value(match["low"])
        high = _value(match["high"]) if match["high"] else None
        if high is not None and high < low:
            low, high = high, low
        scale = 1.0 if match["unit"].lower().startswith("y") else 1 / 12
        if low * scale > rules.job.max_years:
            continue  # "our 75+ years of growth": no one is asked for that
        scope_end = min(
            hi, match.end() + _SCOPE_CHARS, found[n + 1].start() if n + 1 < len(found) else hi
        )
        attached = _attached(text, mentions, lo, match.start(), match.end(), scope_end)
        results.append(
            YearsRequirement(
                min_years=round(low * scale, 2),
                max_years=round(high * scale, 2) if high is not None else None,
                skill_ids=tuple(dict.fromkeys(m.skill_id for m in attached)),
                requirement=requirement_of(text, mentions, attached, match.start(), rules),
                text=match.group(0).rstrip("'’ -"),
                start=match.start(),
                end=match.start() + len(match.group(0).rstrip("'’ -")),
            )
        )
    return tuple(results)


def _attached(
    text: str, mentions: Sequence[SkillMention], lo: int, start: int, end: int, scope_end: int
) -> list[SkillMention]:
    usable = [m for m in mentions if m.held and not m.field_of_study]
    before = [m for m in usable if lo <= m.start and m.end <= start][-1:]
    lead = text[lo:start].rstrip()
    if lead.endswith("(") and before:
        return before  # "SQL (2+ years), Tableau"
    after = [m for m in usable if end <= m.start < scope_end]
    if after:
        return after
    return before if lead.endswith((":", "-", "–")) else []


def requirement_of(
    text: str,
    mentions: Sequence[SkillMention],
    attached: Sequence[SkillMention],
    at: int,
    rules: JobTextRules,
) -> str | None:
    """``required``, ``preferred`` or None for a phrase at offset ``at`` (module docstring)."""
    kinds = {m.requirement for m in attached}
    if not kinds - {None}:
        lo, hi = rules.clause(text, at, at)
        kinds = {m.requirement for m in mentions if lo <= m.start < hi and m.held}
    if _REQUIRED in kinds:
        return _REQUIRED
    if _PREFERRED in kinds:
        return _PREFERRED
    lo, hi = rules.clause(text, at, at)
    clause = text[lo:hi].lower()
    if rules.preferred is not None and rules.preferred.search(clause):
        return _PREFERRED
    if rules.required is not None and rules.required.search(clause):
        return _REQUIRED
    return _block_kind(text, at, rules)


def _header_like(line: str, max_chars: int) -> bool:
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


def _block_kind(text: str, at: int, rules: JobTextRules) -> str | None:
    """The kind of the block opened by the last header-like line before ``at``."""
    line_start = text.rfind("\n", 0, at) + 1
    for line in reversed(text[:line_start].split("\n")):
        if not _header_like(line, rules.max_header_chars):
            continue
        lowered = line.lower()
        if rules.preferred_headers is not None and rules.preferred_headers.search(lowered):
            return _PREFERRED
        if rules.required_headers is not None and rules.required_headers.search(lowered):
            return _REQUIRED
        return None
    return None


def find_education(
    text: str,
    mentions: Sequence[SkillMention],
    rules: JobTextRules,
    *,
    degree_categories: frozenset[str] = frozenset(),
) -> tuple[EducationRequirement, ...]:
    """Levels of education a job text names, in text order (one per level and clause).

    Args:
        text: the job text the mentions' offsets refer to.
        mentions: its skill mentions (fields of study come from them).
        rules: compiled rules.
        degree_categories: taxonomy categories of degrees ("MS Health Informatics"),
            whose mentions from the degree on count as its field.
    """
    hits: list[tuple[int, int, str, int]] = []
    for level, rank, pattern in rules.degrees:
        hits.extend((m.start(), m.end(), level, rank) for m in pattern.finditer(text))
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    results: list[EducationRequirement] = []
    seen: set[tuple[str, int]] = set()
    last_end = -1
    for start, end, level, rank in hits:
        if start < last_end:
            continue
        last_end = end
        lo, hi = rules.clause(text, start, end)
        if (level, lo) in seen:
            continue
        seen.add((level, lo))
        fields = [
            m
            for m in mentions
            if m.held
            and start <= m.start < min(hi, end + _SCOPE_CHARS)
            and (m.field_of_study or m.category in degree_categories)
        ]
        results.append(
            EducationRequirement(
                level=level,
                rank=rank,
                field_skill_ids=tuple(dict.fromkeys(m.skill_id for m in fields)),
                or_equivalent=re.search(r"(?<!\w)equivalent(?!\w)", text[lo:hi], re.I) is not None,
                requirement=requirement_of(text, mentions, fields, start, rules),
                text=text[start:end],
                start=start,
                end=end,
            )
        )
    return tuple(results)
