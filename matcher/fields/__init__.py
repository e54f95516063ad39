"""Structured resume fields, in pure Python (no spaCy).

Contact, education, certifications, experience, the current position (titles and
employers, :mod:`matcher.fields.positions`), and years of experience per skill.

:func:`extract_fields` is the entry point: normalised text + its sections -> a
:class:`~matcher.domain.ResumeFields`, every offset into the same text.
"""

from __future__ import annotations

from datetime import date

from matcher.domain import ResumeFields, SectionSpan
from matcher.fields.certifications import extract_certifications
from matcher.fields.contact import extract_contact
from matcher.fields.dates import DateRange, find_date_ranges, months_between
from matcher.fields.education import extract_education
from matcher.fields.experience import extract_experience
from matcher.fields.headline import Headline, find_headline
from matcher.fields.positions import current_positions
from matcher.fields.skill_experience import skill_experience
from matcher.sections import HeaderRules
from matcher.taxonomy import DataBundle
from matcher.taxonomy.schema import FieldCues

__all__ = [
    "DateRange",
    "Headline",
    "current_positions",
    "extract_certifications",
    "extract_contact",
    "extract_education",
    "extract_experience",
    "extract_fields",
    "find_headline",
    "find_date_ranges",
    "months_between",
    "skill_experience",
]


def extract_fields(
    text: str,
    sections: tuple[SectionSpan, ...],
    *,
    rules: HeaderRules,
    cues: FieldCues,
    today: date,
    bundle: DataBundle | None = None,
) -> ResumeFields:
    """Every structured field of a resume, with the current position it reports.

    Args:
        text: the normalised text (``RawDocument.text``).
        sections: its sections (:func:`matcher.sections.segment_sections`).
        rules: the header rules the sections came from.
        cues: field cues from ``sections.yaml``.
        today: reference date for "present" (inject it for reproducible results).
        bundle: the data bundle, to link certifications to taxonomy ids (optional).

    Returns:
        The fields, offsets into ``text``; ``current_titles`` and ``current_employers``
        hold the current position (most recent job and headline,
        :mod:`matcher.fields.positions`).
    """
    headline = find_headline(text, sections, rules=rules, cues=cues)
    experience = extract_experience(text, sections, cues=cues, today=today, headline=headline)
    titles, employers = current_positions(experience, headline)
    return ResumeFields(
        contact=extract_contact(text, sections, rules=rules, cues=cues),
        education=extract_education(text, sections, cues=cues),
        certifications=extract_certifications(text, sections, bundle=bundle),
        experience=experience,
        current_titles=titles,
        current_employers=employers,
    )
