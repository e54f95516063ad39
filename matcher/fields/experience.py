"""Experience entries: title, employer, dates and months, from the experience sections.

Jobs are found in two ways:

- each date range in an experience section anchors one job. Its heading is the text on
  the date's own line (the date removed) plus the short lines just above it that are
  not bullets, sentences or lists (at most two that are not places). A line ending in
  ``Ltd.``, ``Inc.`` ... is not a sentence; a line with four commas or more, or the end
  of a line cut after a comma, is a list. When there are none (layouts that put the
  date first), the two lines below it are used. A date line without heading lines that
  repeats the previous job's range (``Duration: ...``) belongs to that job;
- a job without dates (often the current one in job-site exports) is a run of two or
  three such short lines, not taken by a dated job, that starts the section or follows
  body text, and reads as a title and an employer (a title cue word, an employer cue
  word or an ``Employer -`` line).

The heading's lines give the title and the employer (:mod:`matcher.fields.jobs`). When
the section yields no job, the headline under the name (``Analyst - Example Corp``)
stands for the current job, without dates; otherwise it fills a title or an employer
the first job lacks. A title that reads as a wish (``searching for ...``, ``looking
for ...``) is dropped. A job runs from its heading to the next job's heading. Jobs keep
the order they are written in (most recent first, as a rule).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from matcher.domain import ExperienceEntry, SectionSpan
from matcher.fields._lines import Line, clean_value, is_bullet, section_lines
from matcher.fields.dates import DateRange, find_date_ranges
from matcher.fields.headline import Headline
from matcher.fields.jobs import JobHeading, cue_words, read_heading
from matcher.taxonomy.schema import FieldCues

__all__ = ["extract_experience"]

_MAX_HEADING_LINE = 90
_MAX_DATE_LINE = 180
_HEADING_LINES = 2
_PLACE_LINE = re.compile(r"^[A-Z][\w.' ]{1,30}(?:,\s*[A-Z][\w. ]{1,25}){1,2}\s*-?$")
_URLISH = re.compile(r"https?://|www\.|\S@\S|\.com/", re.IGNORECASE)
_DATE_WORDS = re.compile(
    r"\b(?:since|from|duration|period|tenure|dates?|\d+\s+(?:years?|months?))\b\s*:?",
    re.IGNORECASE,
)
_EMPLOYER_LINE = re.compile(r"\S\s*-\s*$|\S\s+-\s+[A-Z][\w. ]+,\s*[A-Z][\w. ]+\s*-?$")
_UNDATED_LINES = (2, 3)
_NOT_TITLE = re.compile(r"\b(?:searching|seeking|looking|salary)\b", re.IGNORECASE)
_LIST_COMMAS = 4
_ABBREVIATION_END = re.compile(r"\b(?:ltd|inc|corp|co|pvt|llc|plc|llp)\.$", re.IGNORECASE)


@dataclass(frozen=True)
class _Job:
    first: int
    last: int
    heading: JobHeading
    dates: DateRange | None


def _is_heading_line(line: Line) -> bool:
    text = line.text
    return (
        not is_bullet(text)
        and len(text) <= _MAX_HEADING_LINE
        and (not text.endswith((".", ";", ":")) or bool(_ABBREVIATION_END.search(text)))
        and ":" not in text
        and text.count(",") < _LIST_COMMAS
        and not _URLISH.search(text)
    )


def _continues_list(lines: list[Line], index: int) -> bool:
    """Whether line ``index`` ends a list wrapped after a comma on the line just above."""
    if index == 0 or not lines[index - 1].text.endswith(","):
        return False
    return lines[index].start - lines[index - 1].end <= 1  # no blank line between


def _heading_above(
    lines: list[Line], index: int, floor: int, today: date
) -> tuple[list[Line], int]:
    """Heading lines above line ``index`` (not above ``floor``), and the first index."""
    picked: list[Line] = []
    named = 0
    i = index - 1
    while i >= floor and named < _HEADING_LINES and _is_heading_line(lines[i]):
        if find_date_ranges(lines[i].text, today=today):
            break
        if i > floor and _continues_list(lines, i):
            break
        picked.insert(0, lines[i])
        named += not _PLACE_LINE.match(lines[i].text)
        i -= 1
    return picked, i + 1


def _reads_as_job(run: list[Line], heading: JobHeading, cues: FieldCues) -> bool:
    if heading.title is None or heading.employer is None:
        return False
    title_hit = bool(cue_words(heading.title) & set(cues.title_words))
    employer_hit = bool(cue_words(heading.employer) & set(cues.employer_words))
    employer_line = any(_EMPLOYER_LINE.search(line.text) for line in run[1:])
    return title_hit or employer_hit or employer_line


def _same_dates(a: DateRange | None, b: DateRange) -> bool:
    return a is not None and (a.start_date, a.end_date) == (b.start_date, b.end_date)


def _dated_jobs(lines: list[Line], *, cues: FieldCues, places: set[str], today: date) -> list[_Job]:
    jobs: list[_Job] = []
    floor = 0
    for i, line in enumerate(lines):
        ranges = find_date_ranges(line.text, today=today)
        if not ranges or len(line.text) > _MAX_DATE_LINE or i < floor:
            continue
        found = ranges[0]
        above, first = _heading_above(lines, i, floor, today)
        if not above and jobs and _same_dates(jobs[-1].dates, found):
            floor = i + 1  # "Duration: ..." repeating the job above is not a new job
            continue
        own = _DATE_WORDS.sub("  ", line.text[: found.start] + "  " + line.text[found.end :])
        heading = [ln.text for ln in above] + [own]
        last = i
        if not above and not clean_value(own):
            below = [ln for ln in lines[i + 1 : i + 3] if _is_heading_line(ln)]
            if below and not find_date_ranges(below[0].text, today=today):
                heading = [ln.text for ln in below[:2]]
                last = i + len(below[:2])
            first = i
        jobs.append(_Job(first, last, read_heading(heading, cues=cues, places=places), found))
        floor = last + 1
    return jobs


def _undated_jobs(
    lines: list[Line], taken: set[int], *, cues: FieldCues, places: set[str]
) -> list[_Job]:
    jobs: list[_Job] = []
    i = 0
    while i < len(lines):
        if i in taken or not _is_heading_line(lines[i]) or _continues_list(lines, i):
            i += 1
            continue
        j = i
        while j < len(lines) and j not in taken and _is_heading_line(lines[j]):
            j += 1
        run = lines[i:j]
        starts_block = i == 0 or (i - 1) not in taken
        if len(run) > max(_UNDATED_LINES):
            run = run[: min(_UNDATED_LINES)]  # a title and an employer above short body lines
        if starts_block and len(run) in _UNDATED_LINES:
            heading = read_heading([ln.text for ln in run], cues=cues, places=places)
            if _reads_as_job(run, heading, cues):
                jobs.append(_Job(i, i + len(run) - 1, heading, None))
        i = j
    return jobs


def _title(value: str | None) -> str | None:
    """A title, or None for a wish in its place (``Searching for a good job``)."""
    return None if value is None or _NOT_TITLE.search(value) else value


def _from_headline(headline: Headline) -> ExperienceEntry:
    return ExperienceEntry(
        title=headline.heading.title,
        employer=headline.heading.employer,
        start=headline.start,
        end=headline.end,
    )


def _filled_from_headline(job: ExperienceEntry, heading: JobHeading) -> ExperienceEntry:
    """The first job with a missing title or employer taken from the headline."""
    if job.title is not None and job.employer is not None:
        return job
    return job.model_copy(
        update={"title": job.title or heading.title, "employer": job.employer or heading.employer}
    )


def extract_experience(
    text: str,
    sections: tuple[SectionSpan, ...],
    *,
    cues: FieldCues,
    today: date,
    headline: Headline | None = None,
) -> tuple[ExperienceEntry, ...]:
    """Jobs in the experience sections (see the module docstring).

    Args:
        text: the normalised text.
        sections: its sections.
        cues: title and employer words.
        today: the reference date for "present".
        headline: the headline under the name, the current job when no other is found.
    """
    lines = section_lines(text, sections, "experience")
    places = {s.name.lower() for s in cues.us_states} | {s.abbr.lower() for s in cues.us_states}
    dated = _dated_jobs(lines, cues=cues, places=places, today=today)
    taken = {n for job in dated for n in range(job.first, job.last + 1)}
    jobs = sorted(
        dated + _undated_jobs(lines, taken, cues=cues, places=places), key=lambda j: j.first
    )
    result: list[ExperienceEntry] = []
    for n, job in enumerate(jobs):
        next_first = jobs[n + 1].first if n + 1 < len(jobs) else len(lines)
        end_line = lines[max(job.last, next_first - 1)]
        found = job.dates
        result.append(
            ExperienceEntry(
                title=_title(job.heading.title),
                employer=job.heading.employer,
                start_date=found.start_date if found else None,
                end_date=found.end_date if found else None,
                current=found.current if found else False,
                months=found.months if found else 0,
                start=lines[job.first].start,
                end=end_line.end,
            )
        )
    if not result and headline is not None:
        result.append(_from_headline(headline))
    elif result and headline is not None:
        result[0] = _filled_from_headline(result[0], headline.heading)
    return tuple(result)
