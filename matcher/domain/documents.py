"""Documents and the structure read from them: text, sections, resume fields."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from matcher.domain._base import ValueObject

__all__ = [
    "CertificationEntry",
    "ContactInfo",
    "EducationEntry",
    "ExperienceEntry",
    "RawDocument",
    "ResumeFields",
    "SectionSpan",
    "SkillExperience",
]


class RawDocument(ValueObject):
    """A document turned into text, before any analysis.

    Attributes:
        text: the normalised text; every character offset in the engine refers to it.
        source_format: the detected format (``txt`` ...).
        filename: the name the file was submitted under, if any.
    """

    text: str
    source_format: str
    filename: str | None = None
    pages: int | None = Field(default=None, ge=0)
    warnings: tuple[str, ...] = ()


class SectionSpan(ValueObject):
    """One section of a resume.

    Attributes:
        category: section category id from ``data/sections.yaml`` (``experience`` ...),
            ``contact`` for the text before the first header.
        header: the header line as written (empty for the leading contact block).
        start: offset of the header's first character (of the section's, if no header).
        content_start: offset of the first character after the header line.
        end: offset one past the section's last character.
    """

    category: str
    header: str
    start: int = Field(ge=0)
    content_start: int = Field(ge=0)
    end: int = Field(ge=0)


class ContactInfo(ValueObject):
    """Who the resume belongs to and how to reach them (all optional)."""

    name: str | None = None
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    city: str | None = None
    state: str | None = None
    links: tuple[str, ...] = ()


class EducationEntry(ValueObject):
    """One degree or school.

    Attributes:
        degree: the degree as written (``B.S.``, ``Associate of Applied Science``).
        field: the field of study, if given.
        institution: school or university.
        year: graduation (or last) year, if given.
        start: offset of the entry's first line; end: one past its last line.
    """

    degree: str | None = None
    field: str | None = None
    institution: str | None = None
    year: int | None = None
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class CertificationEntry(ValueObject):
    """A certification or licence named in the resume.

    Attributes:
        name: as written.
        skill_id: the taxonomy certification skill it names, if it is in the taxonomy.
        start: offset of ``name``; end: one past it.
    """

    name: str
    skill_id: str | None = None
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class ExperienceEntry(ValueObject):
    """One job.

    Attributes:
        title: job title, if found.
        employer: organisation, if found.
        start_date: first month (day 1), if a start date was given.
        end_date: last month (day 1); the reference month when ``current``.
        current: the job runs to the present.
        months: length in months, both ends inclusive (0 if unknown).
        start: offset of the entry's first line; end: one past its last character.
    """

    title: str | None = None
    employer: str | None = None
    start_date: date | None = None
    end_date: date | None = None
    current: bool = False
    months: int = Field(default=0, ge=0)
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class SkillExperience(ValueObject):
    """How long and how recently a skill was used, from the jobs that mention it.

    Attributes:
        skill_id: taxonomy skill id.
        years: months covered by those jobs (overlaps counted once) / 12.
        last_used: the latest end month of those jobs (None: no dated job mentions it).
        entries: how many jobs mention it.
    """

    skill_id: str
    years: float = Field(ge=0)
    last_used: date | None = None
    entries: int = Field(ge=0)


class ResumeFields(ValueObject):
    """The structured fields of a resume; offsets refer to the normalised text.

    Attributes:
        contact: name, e-mails, phones, links, city.
        education: degrees and schools, as written.
        certifications: certifications, linked to taxonomy ids where known.
        experience: jobs, most recent first.
        current_titles: the current position's titles: the most recent job's and the
            headline's under the name, deduplicated (:mod:`matcher.fields.positions`).
        current_employers: the current position's employers, read the same way.
    """

    contact: ContactInfo
    education: tuple[EducationEntry, ...] = ()
    certifications: tuple[CertificationEntry, ...] = ()
    experience: tuple[ExperienceEntry, ...] = ()
    current_titles: tuple[str, ...] = ()
    current_employers: tuple[str, ...] = ()

    @property
    def months_of_experience(self) -> int:
        """Sum of job lengths in months (overlapping jobs counted twice)."""
        return sum(e.months for e in self.experience)
