"""The headline under the name: the position the candidate holds now.

A resume without a name (anonymised, or a name the reader did not recognise) may start
with its headline; there the first line counts only when it holds a title word.

Many resumes (job-site exports in particular) put the current position right under the
name: ``Systems Engineer - Example Corp``, ``Analyst at Example Bank``, ``Working as
Developer with Example Ltd``. The headline is the first one or two lines after the name
line that hold no contact detail (e-mail, link, phone), no place (``City, Region``) and
no header, and are not a sentence (a line with a title word is not a place even when it
reads ``X at Example, City``). It is cut like a job heading; it counts only when a
part reads as a title (a title cue word) or the line names an employer after
`` - ``/`` at ``/``@``/``,``.

What is not a position is left out:

- the name written again (``Jane Example``, ``Jane Example - B.Sc - ...``): the name is
  cut off, and a part holding a degree is dropped;
- a wish or a summary: ``looking for ... roles``, ``need a job``, ``6+ yrs exp in ...``,
  or the first line of a paragraph without a title word (the next line follows without
  a blank line and speaks of years of experience);
- a list of keywords (more than three comma-separated parts): only its title is kept;
- an employer written all in lower case (``Engineer - mainframe``), which names a
  domain, not an organisation, and a title without a title word that lists things
  with ``/`` (``BI / Big Data / Cloud``).

Of two parts, the one ending in a title word (``... Billing Operator - Example Foods``)
is the title.

A headline may list two or three titles (``Devops Engineer, Cloud Engineer``): each part
ending in a title word is a title. ``Employer as a Title`` and ``Title with Employer`` (a
title word before ``with``) are read as employer and title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from matcher.domain import SectionSpan
from matcher.fields._lines import Line, clean_value
from matcher.fields.contact import head_lines, is_contact_line, name_line
from matcher.fields.jobs import JobHeading, cue_words, read_heading
from matcher.sections import HeaderRules
from matcher.taxonomy.schema import FieldCues

__all__ = ["Headline", "find_headline"]

_MAX_LINES = 2
_MAX_CHARS = 140
_PLACE = re.compile(r"^[A-Z][\w.' ]{1,40}(?:,\s*[A-Za-z][\w. ]{1,30}){1,3}\s*[-–—]?$")
_SENTENCE = re.compile(
    r"\b(?:years?|yrs?|months?)\s+of\s+(?:experience|exp)\b|\d+\s*\+?\s*(?:yrs?|years?)\b"
    r"|\bexp\b",
    re.I,
)
_WISH = re.compile(
    r"\b(?:seeking|looking|searching|needs?|needed|urgent(?:ly)?|salary|anymore)\b", re.I
)
_WITH_EXPERIENCE = re.compile(
    r"\s+with\s+(?:\d|over|around|more|a\s+total|(?:an?\s+)?(?:experience|expertise)\b).*$", re.I
)
_AS_A = re.compile(r"^(?P<employer>[^,]+?)\s+as\s+an?\s+(?P<title>.+)$", re.I)
_MAX_LIST_PARTS = 3
_WITH_EMPLOYER = re.compile(r"^(?P<title>[^-|:]+?)\s+with\s+(?P<employer>[A-Z][^-|:]+)$")
_TITLE_LIST = re.compile(r"\s*,\s*|\s+[-–—|]\s*|\s*[-–—](?=[A-Z])")
_PARTS = re.compile(r"\s+[-–—|]\s+|\s*:\s+|\s+:\s*")


@dataclass(frozen=True)
class Headline:
    """A headline: title and employer (either may be missing) and its offsets.

    ``other_titles`` holds further titles the headline lists beside the first
    (``Devops Engineer, Cloud Engineer - Example Corp``).
    """

    heading: JobHeading
    start: int
    end: int
    other_titles: tuple[str, ...] = ()


def find_headline(
    text: str, sections: tuple[SectionSpan, ...], *, rules: HeaderRules, cues: FieldCues
) -> Headline | None:
    """The headline under the name, if there is one (see the module docstring)."""
    lines = head_lines(text, sections)
    found = name_line(lines, rules, cues)
    title_words = set(cues.title_words)
    after = found[0] + 1 if found is not None else 0  # no name: the headline comes first
    picked: list[Line] = []
    for line in lines[after : after + _MAX_LINES]:
        value = line.text
        place = _PLACE.match(value) and not cue_words(value) & title_words
        if is_contact_line(value) or place or rules.match(value) is not None:
            break
        picked.append(line)
        if not value.endswith(("-", ",", "&", "/", "(")):
            break  # a second line only continues a line cut after a separator
    if not picked:
        return None
    joined = " ".join(line.text for line in picked)
    if found is not None:
        joined = _without_name(joined, found[1])
    elif not cue_words(joined) & title_words:
        return None  # without a name above it, a first line must name a title
    if _WISH.search(joined):
        return None
    joined = _WITH_EXPERIENCE.sub("", joined.rstrip(". "))
    if not joined or len(joined) > _MAX_CHARS or joined.endswith(".") or _SENTENCE.search(joined):
        return None
    heading = _read(clean_value(joined), cues)
    if heading.title is None and heading.employer is None:
        return None
    if _starts_paragraph(text, picked[-1]) and not cue_words(joined) & title_words:
        return None
    return Headline(
        heading=heading,
        start=picked[0].start,
        end=picked[-1].end,
        other_titles=_other_titles(clean_value(joined), heading, title_words),
    )


def _other_titles(value: str, heading: JobHeading, title_words: set[str]) -> tuple[str, ...]:
    """Titles listed after the first, each ending in a title word (at most three parts)."""
    title = heading.title
    parts = [clean_value(p) for p in _TITLE_LIST.split(value)]
    if title is None or _last_word(title) not in title_words or len(parts) > _MAX_LIST_PARTS:
        return ()
    employer = heading.employer or "\0"
    return tuple(
        p for p in parts if p and p != title and employer not in p and _last_word(p) in title_words
    )


def _starts_paragraph(text: str, last: Line) -> bool:
    """Whether the next line follows without a blank line and reads as a summary."""
    following = text[last.end :].lstrip(" \t")
    if not following.startswith("\n") or following[1:2] == "\n":
        return False
    return bool(_SENTENCE.search(following[1:].split("\n", 1)[0]))


def _without_name(value: str, name: str) -> str:
    """The headline without the name written again at its start."""
    if value.lower().startswith(name.lower()):
        return value[len(name) :].lstrip(" -–—|,:")
    return value


def _has_degree(part: str, degree: re.Pattern[str]) -> bool:
    """A degree written with a capital (``BE``, ``B.Tech``; not the word ``as``)."""
    return any(re.search(r"[A-Z]", m.group()) for m in degree.finditer(part))


def _read(value: str, cues: FieldCues) -> JobHeading:
    joined = "|".join(f"(?:{p})" for p in cues.degree_patterns) or r"(?!)"
    degree = re.compile(rf"(?<![\w.])(?:{joined})(?!\w)", re.I)
    title_words = set(cues.title_words)
    as_a = _AS_A.match(value)
    if as_a is not None and not _PARTS.search(value):
        value = f"{as_a.group('title')} - {as_a.group('employer')}"
    with_employer = _WITH_EMPLOYER.match(value)
    if with_employer is not None and cue_words(with_employer.group("title")) & title_words:
        value = f"{with_employer.group('title')} - {with_employer.group('employer')}"
    parts = [p for p in _PARTS.split(value) if not _has_degree(p, degree)]
    if not parts:
        return JobHeading(None, None)
    if len(re.split(r"\s*,\s*", value)) > _MAX_LIST_PARTS:
        first = next(
            (p for p in re.split(r"\s*[,/]\s*", value) if cue_words(p) & title_words), None
        )
        return JobHeading(clean_value(first) if first else None, None)
    heading = read_heading([" - ".join(parts)], cues=cues)
    title, employer = heading.title, heading.employer
    if len(parts) == 2 and title is not None and employer is not None:
        ends = [_last_word(p) in title_words for p in map(clean_value, parts)]
        named, other = (clean_value(p) for p in (parts if ends[0] else parts[::-1]))
        if ends.count(True) == 1 and title not in named:  # the part ending in a title word
            title, employer = named, other
    if title is not None and "/" in title and not cue_words(title) & title_words:
        title = None  # "BI / Big Data / Cloud": a list of skills
    if employer is not None and not re.search(r"[A-Z0-9]", employer):
        employer = None
    return JobHeading(title, employer)


def _last_word(part: str) -> str:
    words = re.findall(r"[a-z0-9&/+#]+", part.lower())
    return words[-1] if words else ""
