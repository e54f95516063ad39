"""Education entries: degree, field, institution, year, from the education sections.

Lines are read in order and cut into pieces at ``,``, `` - ``, ``|``, `` from `` and
`` at`` (a trailing `` - City, Region`` is dropped first). A piece holding a degree
(``degree_patterns`` in ``sections.yaml``) is the degree, a piece holding an
institution word (``university``, ``college`` ...) the institution; a piece such as
``Example Higher Secondary School`` or ``MS University`` (an institution word after
the degree word) is a school's name.

A degree opens a new entry unless the open entry has no degree yet; an institution
opens one unless the open entry has no institution yet. Lines that hold only dates
(``2012 to 2016``) mark the entry layout: when the section starts with a date, each
date line opens an entry (date first); otherwise each date line closes the open entry
(date last, the usual job-site layout ``degree / school / dates``).

Lines without a cue word are read by position: a short line that starts an entry and
is followed by a school line (or by a line without cues that ends the entry) is the
degree (``Electrical Engineering / Example College``); a short line right after a
degree, in an entry with no school yet, is the school.

``school_level_patterns`` are school-leaving certificates (``SSC``, ``12th``); beside a
higher degree such a certificate is dropped (its school and year are kept), because
annotated resumes mark it as a degree about a third of the time, so listing it costs
more precision than it brings recall.

Every year on an entry's lines belongs to it; its graduation year is the latest one
(the end of ``2012 to 2016``). The field of study is what follows `` in `` (else
`` of ``) in the degree text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from matcher.domain import EducationEntry, SectionSpan
from matcher.fields._lines import Line, clean_value, is_bullet, section_lines
from matcher.taxonomy.schema import FieldCues

__all__ = ["extract_education"]

_SPLIT = re.compile(r"\s+[-–—|]\s+|\s*\|\s*|,\s+|\s+from\s+|\s+at\s+|\t|\s{2,}|\s+-\s*$")
_PLACE_SUFFIX = re.compile(r"\s+[-–—]\s+[A-Z][\w.' ]{1,30},\s*[A-Z][\w.' ]{1,30}\s*-?$")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_FIELD_IN = re.compile(r"\bin\s+(.+)$", re.IGNORECASE)
_FIELD_OF = re.compile(r"\bof\s+(.+)$", re.IGNORECASE)
_MAX_LINE = 160
_MAX_BARE_WORDS = 8
_BOARD = re.compile(r"\bboard\b|^(?:[A-Z][a-z]+ )?state$", re.IGNORECASE)
_DATE_WORDS = re.compile(
    r"\b(?:to|till|until|present|current|now|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?"
    r"|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b",
    re.IGNORECASE,
)
_DANGLING = re.compile(r"\s+(?:in|of|from|at|and|with)$", re.IGNORECASE)
_JOINING = frozenset({"of", "and", "for", "the", "&", "in"})
_URLISH = re.compile(r"https?://|www\.|@|\.com/", re.IGNORECASE)


@dataclass
class _Draft:
    start: int
    end: int
    degree: str | None = None
    institution: str | None = None
    years: list[int] = field(default_factory=list)
    closed: bool = False


@dataclass(frozen=True)
class _Read:
    """One line read: its years, pieces, and the degree and school pieces found."""

    line: Line
    years: list[int]
    pieces: list[str]
    degree: str | None
    school: str | None
    bare: str | None

    @property
    def dates_only(self) -> bool:
        return bool(self.years) and not self.pieces


def _any_of(patterns: list[str] | tuple[str, ...]) -> re.Pattern[str]:
    joined = "|".join(f"(?:{p})" for p in patterns) or r"(?!)"
    return re.compile(rf"(?<![\w.])(?:{joined})(?!\w)", re.IGNORECASE)


class _Reader:
    """Degree and institution patterns compiled from the cues."""

    def __init__(self, cues: FieldCues) -> None:
        self.title_words = frozenset(w.lower() for w in cues.title_words)
        self.degree_re = _any_of([*cues.degree_patterns, *cues.school_level_patterns])
        self.school_level_re = _any_of(cues.school_level_patterns)
        self.higher_re = _any_of(cues.degree_patterns)
        words = sorted(cues.institution_words, key=len, reverse=True)
        alternatives = "|".join(re.escape(w) for w in words)
        self.institution_re = re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)

    def is_school_name(self, piece: str) -> bool:
        """``X Higher Secondary School``, ``MS University``: an institution word after a degree."""
        degree = self.degree_re.search(piece)
        school = self.institution_re.search(piece)
        if degree is None or school is None or school.start() <= degree.start():
            return False
        return degree.start() > 0 or school.end() == len(piece)

    def is_school_level(self, degree: str) -> bool:
        """A school-leaving certificate (``SSC``, ``12th``), not a degree of higher education."""
        return bool(self.school_level_re.search(degree)) and not self.higher_re.search(degree)

    def reads_as_title(self, piece: str) -> bool:
        """Whether a piece holds a job-title word (``Tech Lead``): not a degree or a school."""
        return bool(self.title_words.intersection(re.findall(r"[a-z]+", piece.lower())))

    def read(self, line: Line) -> _Read:
        years = [int(y) for y in _YEAR.findall(line.text)]
        bare = _PLACE_SUFFIX.sub("", _YEAR.sub(" ", line.text))
        if years:
            bare = _DATE_WORDS.sub(" ", bare)
        found = (clean_value(_DANGLING.sub("", clean_value(p))) for p in _SPLIT.split(bare))
        pieces = [p for p in found if len(re.findall(r"[A-Za-z]", p)) >= 2 and not _BOARD.search(p)]
        degree = next(
            (
                p
                for p in pieces
                if self.degree_re.search(p) and len(p.split()) <= 12 and not self.is_school_name(p)
            ),
            None,
        )
        school = next(
            (p for p in pieces if p is not degree and self.institution_re.search(p)), None
        )
        return _Read(
            line, years, pieces, degree, school, self._bare(line, years, pieces, degree, school)
        )

    def _bare(
        self,
        line: Line,
        years: list[int],
        pieces: list[str],
        degree: str | None,
        school: str | None,
    ) -> str | None:
        """The line's one piece when it holds no cue, no year, no title word and is short."""
        if degree or school or years or len(pieces) != 1 or is_bullet(line.text):
            return None
        piece = pieces[0]
        if line.text.endswith((".", ":", ";")) or len(piece.split()) > _MAX_BARE_WORDS:
            return None
        return None if self.reads_as_title(piece) else piece


def _field(degree: str) -> str | None:
    match = _FIELD_IN.search(degree) or _FIELD_OF.search(degree)
    return clean_value(match.group(1)) if match else None


def _opens_entry(drafts: list[_Draft]) -> bool:
    if not drafts:
        return True
    last = drafts[-1]
    return last.closed or (last.degree is not None and last.institution is not None)


def _school_next(reads: list[_Read], n: int) -> bool:
    """Whether line ``n + 1`` names a school (then line ``n`` continues a wrapped degree)."""
    return n + 1 < len(reads) and reads[n + 1].school is not None and reads[n + 1].degree is None


def _ends_entry(reads: list[_Read], n: int) -> bool:
    return n >= len(reads) or reads[n].dates_only or reads[n].degree is not None


def _starts_block(reads: list[_Read], n: int) -> bool:
    """Line ``n`` (no cue) is a degree: one school line (named, or without cue) ends the entry."""
    if n + 1 >= len(reads) or not _ends_entry(reads, n + 2):
        return False
    after = reads[n + 1]
    named = after.school is not None and after.degree is None and _name_like(after.school)
    return named or after.bare is not None


def _name_like(piece: str) -> bool:
    """A name, not a phrase: short, and at most one lower-case word besides joining words."""
    lower = [w for w in piece.split() if w[:1].islower() and w not in _JOINING]
    return len(piece.split()) <= _MAX_BARE_WORDS and len(lower) <= 1


def _read_lines(text: str, sections: tuple[SectionSpan, ...], reader: _Reader) -> list[_Read]:
    reads: list[_Read] = []
    for line in section_lines(text, sections, "education"):
        if len(line.text) > _MAX_LINE or _URLISH.search(line.text):
            continue
        if is_bullet(line.text) and not reads:
            continue
        reads.append(reader.read(line))
    return reads


def extract_education(
    text: str, sections: tuple[SectionSpan, ...], *, cues: FieldCues
) -> tuple[EducationEntry, ...]:
    """Degrees and schools in the education sections (see the module docstring)."""
    reader = _Reader(cues)
    reads = _read_lines(text, sections, reader)
    dates_first = bool(reads) and reads[0].dates_only
    drafts: list[_Draft] = []

    def current(line: Line, *, need: str) -> _Draft:
        if not drafts or drafts[-1].closed or getattr(drafts[-1], need) is not None:
            drafts.append(_Draft(start=line.start, end=line.end))
        drafts[-1].end = line.end
        return drafts[-1]

    for n, read in enumerate(reads):
        line, degree, school = read.line, read.degree, read.school
        if read.dates_only:
            if dates_first or not drafts:
                drafts.append(_Draft(start=line.start, end=line.end, years=list(read.years)))
            else:
                drafts[-1].years.extend(read.years)
                drafts[-1].end = line.end
                drafts[-1].closed = True
            continue
        bare = read.bare
        if bare is not None and drafts and not drafts[-1].closed:
            last = drafts[-1]
            if last.degree is not None and last.institution is None and not _school_next(reads, n):
                school = bare  # a line of its own right after a degree: the school's name
        if bare is not None and school is None and _opens_entry(drafts) and _starts_block(reads, n):
            degree = bare
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
        draft.years.extend(read.years)
    return _entries(drafts, reader)


def _entries(drafts: list[_Draft], reader: _Reader) -> tuple[EducationEntry, ...]:
    """Drafts -> entries; school-level certificates are dropped beside a higher degree."""
    higher = any(d.degree and not reader.is_school_level(d.degree) for d in drafts)
    entries: list[EducationEntry] = []
    for d in drafts:
        degree = d.degree
        if degree is not None and higher and reader.is_school_level(degree):
            degree = None
        if degree is None and d.institution is None and (d.degree is None or not d.years):
            continue
        entries.append(
            EducationEntry(
                degree=degree,
                field=_field(degree) if degree else None,
                institution=d.institution,
                year=max(d.years) if d.years else None,
                start=d.start,
                end=d.end,
            )
        )
    return tuple(entries)
