"""Education entries: degree, field, institution, year, from the education sections.

Lines are read in order. A line holding a degree (``degree_patterns`` in
``sections.yaml``) opens a new entry unless the open entry has no degree yet; a line
holding an institution word (``university``, ``college`` ...) opens one unless the
open entry has no institution yet. A line may hold both, separated by ``,``, `` - ``,
``|``, `` from `` or `` at ``. The latest year in an entry's lines is its year. The
field of study is what follows `` in `` (else `` of ``) in the degree text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from matcher.domain import EducationEntry, SectionSpan
from matcher.fields._lines import Line, clean_value, is_bullet, section_lines
from matcher.taxonomy.schema import FieldCues

__all__ = ["extract_education"]

_SPLIT = re.compile(r"\s+[-–—|]\s+|\s*\|\s*|,\s+|\s+from\s+|\s+at\s+|\t|\s{2,}|\s+-\s*$")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_FIELD_IN = re.compile(r"\bin\s+(.+)$", re.IGNORECASE)
_FIELD_OF = re.compile(r"\bof\s+(.+)$", re.IGNORECASE)
_MAX_LINE = 160
_BOARD = re.compile(r"\bboard\b|^(?:[A-Z][a-z]+ )?state$", re.IGNORECASE)
_DATE_WORDS = re.compile(
    r"\b(?:to|till|until|present|current|now|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?"
    r"|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b",
    re.IGNORECASE,
)
_DANGLING = re.compile(r"\s+(?:in|of|from|at|and|with)$", re.IGNORECASE)
_URLISH = re.compile(r"https?://|www\.|@|\.com/", re.IGNORECASE)


@dataclass
class _Draft:
    start: int
    end: int
    degree: str | None = None
    institution: str | None = None
    years: list[int] = field(default_factory=list)


def _degree_re(cues: FieldCues) -> re.Pattern[str]:
    joined = "|".join(f"(?:{p})" for p in cues.degree_patterns)
    return re.compile(rf"(?<![\w.])(?:{joined})(?!\w)", re.IGNORECASE)


def _institution_re(cues: FieldCues) -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in sorted(cues.institution_words, key=len, reverse=True))
    return re.compile(rf"\b(?:{words})\b", re.IGNORECASE)


def _pieces(line: str) -> list[str]:
    pieces = (clean_value(_DANGLING.sub("", clean_value(p))) for p in _SPLIT.split(line))
    return [v for v in pieces if len(re.findall(r"[A-Za-z]", v)) >= 2 and not _BOARD.search(v)]


def _is_school_name(
    piece: str, degree_re: re.Pattern[str], institution_re: re.Pattern[str]
) -> bool:
    """A name such as "X Higher Secondary School": an institution word after the degree word."""
    degree = degree_re.search(piece)
    school = institution_re.search(piece)
    return degree is not None and school is not None and school.start() > degree.start() > 0


def _field(degree: str) -> str | None:
    match = _FIELD_IN.search(degree) or _FIELD_OF.search(degree)
    return clean_value(match.group(1)) if match else None


def extract_education(
    text: str, sections: tuple[SectionSpan, ...], *, cues: FieldCues
) -> tuple[EducationEntry, ...]:
    """Degrees and schools in the education sections (see the module docstring)."""
    degree_re, institution_re = _degree_re(cues), _institution_re(cues)
    drafts: list[_Draft] = []

    def current(line: Line, *, need: str) -> _Draft:
        if not drafts or getattr(drafts[-1], need) is not None:
            drafts.append(_Draft(start=line.start, end=line.end))
        drafts[-1].end = line.end
        return drafts[-1]

    for line in section_lines(text, sections, "education"):
        if len(line.text) > _MAX_LINE or _URLISH.search(line.text):
            continue
        if is_bullet(line.text) and not drafts:
            continue
        years = [int(y) for y in _YEAR.findall(line.text)]
        bare = _YEAR.sub(" ", line.text)
        if years:
            bare = _DATE_WORDS.sub(" ", bare)
        pieces = _pieces(bare)
        degree = next(
            (
                p
                for p in pieces
                if degree_re.search(p)
                and len(p.split()) <= 12
                and not _is_school_name(p, degree_re, institution_re)
            ),
            None,
        )
        school = next((p for p in pieces if p is not degree and institution_re.search(p)), None)
        if degree is None and school is None and len(pieces) == 1 and drafts:
            # a line of its own right after a degree, with no cue: the school's name
            last = drafts[-1]
            if last.degree is not None and last.institution is None and not is_bullet(line.text):
                school = pieces[0] if len(pieces[0].split()) <= 10 else None
        if degree is not None:
            draft = current(line, need="degree")
            draft.degree = degree
            if school is not None and draft.institution is None:
                draft.institution = school
        elif school is not None:
            draft = current(line, need="institution")
            draft.institution = school
        elif drafts:
            draft = drafts[-1]
            draft.end = line.end
        else:
            continue
        draft.years.extend(years)
    return tuple(
        EducationEntry(
            degree=d.degree,
            field=_field(d.degree) if d.degree else None,
            institution=d.institution,
            year=max(d.years) if d.years else None,
            start=d.start,
            end=d.end,
        )
        for d in drafts
    )
