"""Years of use and most recent use of each skill, from the jobs that mention it.

A mention counts for a job when its offset lies in the job's span. A skill's years are
the months covered by the union of its jobs' date ranges (overlapping jobs count once),
divided by 12; its last use is the latest end month among those jobs.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from matcher.domain import ExperienceEntry, SkillExperience, SkillMention

__all__ = ["skill_experience"]


def _month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def skill_experience(
    mentions: Iterable[SkillMention], entries: Iterable[ExperienceEntry]
) -> dict[str, SkillExperience]:
    """Years and last use per skill id (skills in no dated job are left out).

    Args:
        mentions: skill mentions with offsets into the same text as ``entries``.
        entries: the resume's jobs.

    Returns:
        skill id -> its experience, for skills mentioned inside at least one dated job.
    """
    dated = [
        (e.start, e.end, e.start_date, e.end_date)
        for e in entries
        if e.start_date is not None and e.end_date is not None
    ]
    jobs: dict[str, set[int]] = {}
    for mention in mentions:
        for number, (start, end, _first, _last) in enumerate(dated):
            if start <= mention.start < end:
                jobs.setdefault(mention.skill_id, set()).add(number)
    result: dict[str, SkillExperience] = {}
    for skill_id, numbers in jobs.items():
        months: set[int] = set()
        last: date | None = None
        for number in numbers:
            _start, _end, first, final = dated[number]
            months.update(range(_month_index(first), _month_index(final) + 1))
            last = final if last is None or final > last else last
        result[skill_id] = SkillExperience(
            skill_id=skill_id,
            years=round(len(months) / 12, 2),
            last_used=last,
            entries=len(numbers),
        )
    return result
