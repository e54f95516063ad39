"""The headline under the name: the position the candidate holds now.

Many resumes (job-site exports in particular) put the current position right under the
name: ``Systems Engineer - Example Corp``, ``Analyst at Example Bank``, ``Working as
Developer with Example Ltd``. The headline is the first one or two lines after the name
line that hold no contact detail (e-mail, link, phone), no place (``City, Region``) and
no header, and are not a sentence. It is cut like a job heading; it counts only when a
part reads as a title (a title cue word) or the line names an employer after
`` - ``/`` at ``/``@``/``,``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from matcher.domain import SectionSpan
from matcher.fields._lines import clean_value
from matcher.fields.contact import head_lines, is_contact_line, name_line
from matcher.fields.jobs import JobHeading, read_heading
from matcher.sections import HeaderRules
from matcher.taxonomy.schema import FieldCues

__all__ = ["Headline", "find_headline"]

_MAX_LINES = 2
_MAX_CHARS = 140
_PLACE = re.compile(r"^[A-Z][\w.' ]{1,40}(?:,\s*[A-Za-z][\w. ]{1,30}){1,3}\s*[-–—]?$")
_SENTENCE = re.compile(r"\b(?:years?|months?)\s+of\s+experience\b|\bseeking\b|\blooking\b", re.I)
_WITH_EXPERIENCE = re.compile(r"\s+with\s+(?:\d|over|around|more|a\s+total).*$", re.I)


@dataclass(frozen=True)
class Headline:
    """A headline: title and employer (either may be missing) and its offsets."""

    heading: JobHeading
    start: int
    end: int


def find_headline(
    text: str, sections: tuple[SectionSpan, ...], *, rules: HeaderRules, cues: FieldCues
) -> Headline | None:
    """The headline under the name, if there is one (see the module docstring)."""
    lines = head_lines(text, sections)
    found = name_line(lines, rules)
    if found is None:
        return None
    picked = []
    for line in lines[found[0] + 1 : found[0] + 1 + _MAX_LINES]:
        value = line.text
        if is_contact_line(value) or _PLACE.match(value) or rules.match(value) is not None:
            break
        picked.append(line)
        if not value.endswith(("-", ",", "&", "/", "(")):
            break  # a second line only continues a line cut after a separator
    if not picked:
        return None
    joined = " ".join(line.text for line in picked)
    joined = _WITH_EXPERIENCE.sub("", joined.rstrip(". "))
    if len(joined) > _MAX_CHARS or _SENTENCE.search(joined) or joined.endswith("."):
        return None
    heading = read_heading([clean_value(joined)], cues=cues)
    if heading.title is None and heading.employer is None:
        return None
    return Headline(heading=heading, start=picked[0].start, end=picked[-1].end)
