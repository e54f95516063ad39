"""Years of experience and education requirements in job text (plain text rules, no spaCy).

A duration is a number (digits or an English number word, "five (5)", a range "2-5",
"two to five", an open bound "3+", "3 or more") followed by a unit (years, yrs,
months). It counts as an experience requirement by the rules in
``data/extraction.yaml`` (``job_requirements``): see
:class:`matcher.taxonomy.schema.JobRequirementRules`. It is attached to the skills
named after it in its clause (until the next duration), "3+ years of experience with
Epic or Cerner", or, when it stands in brackets or after a colon, to the skill just before
it, "SQL (2+ years)"; otherwise it is about the job overall.

Whether each is required or preferred: :func:`matcher.scoring.job_rules.requirement_of`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from matcher.domain import EducationRequirement, SkillMention, YearsRequirement
from matcher.scoring.job_rules import JobTextRules, requirement_of

__all__ = ["find_education", "find_years"]

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
_BULLET_START = re.compile(r"^\s*(?:[-*•·▪◦]|\d+[.)])\s*$")
#: how far after a duration, in characters, its skills may be named (text run together
#: without line breaks must not pull in a whole section).
_SCOPE_CHARS = 120


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
    blocks = rules.header_blocks(text) if found else ([], [])
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
                requirement=requirement_of(text, mentions, attached, match.start(), rules, blocks),
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
    blocks = rules.header_blocks(text) if hits else ([], [])
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
                requirement=requirement_of(text, mentions, fields, start, rules, blocks),
                text=text[start:end],
                start=start,
                end=end,
            )
        )
    return tuple(results)
