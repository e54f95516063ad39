"""Certifications and licences, linked to taxonomy certification skills where known.

Every line (or comma/semicolon-separated item) of a certifications section is one
entry; dates and issuers after ``-``, ``|`` or ``,`` stay in the text but the link is
looked up on the whole item, then on each of its parts and bracketed abbreviations
(``Registered Health Information Technician (RHIT)``). Outside that section, any
taxonomy certification alias written in capitals (``CPHIMS``, ``RHIA``) is an entry too.
"""

from __future__ import annotations

import re

from matcher.domain import CertificationEntry, SectionSpan
from matcher.fields._lines import clean_value, section_lines
from matcher.taxonomy import DataBundle
from matcher.taxonomy.schema import MentionType

__all__ = ["extract_certifications"]

_ITEM_SPLIT = re.compile(r";|\s{2,}")
_PART_SPLIT = re.compile(r"[(),|/]|\s+[-–—]\s+|\s+from\s+|\s+by\s+")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9-]{2,11}\b")


def _cert_id(bundle: DataBundle, value: str) -> str | None:
    for candidate in [value, *_PART_SPLIT.split(value)]:
        candidate = clean_value(_YEAR.sub("", candidate))
        if not candidate:
            continue
        alias = bundle.index.lookup(candidate)
        if alias is None:
            continue
        category = bundle.categories.get(bundle.skills[alias.skill_id].category)
        if category is not None and category.mention_type is MentionType.CERT:
            return alias.skill_id
    return None


def extract_certifications(
    text: str, sections: tuple[SectionSpan, ...], *, bundle: DataBundle | None
) -> tuple[CertificationEntry, ...]:
    """Certifications named in the resume (see the module docstring)."""
    entries: list[CertificationEntry] = []
    for line in section_lines(text, sections, "certifications"):
        offset = 0
        for item in _ITEM_SPLIT.split(line.text):
            at = line.text.index(item, offset)
            offset = at + len(item)
            value = clean_value(item)
            if not value:
                continue
            start = line.start + at + item.index(value)
            entries.append(
                CertificationEntry(
                    name=value,
                    skill_id=_cert_id(bundle, value) if bundle is not None else None,
                    start=start,
                    end=start + len(value),
                )
            )
    if bundle is not None:
        linked = {e.skill_id for e in entries if e.skill_id}
        inside = [(s.start, s.end) for s in sections if s.category == "certifications"]
        for match in _ACRONYM.finditer(text):
            if any(a <= match.start() < b for a, b in inside):
                continue
            skill_id = _cert_id(bundle, match.group())
            if skill_id is not None and skill_id not in linked:
                linked.add(skill_id)
                entries.append(
                    CertificationEntry(
                        name=match.group(), skill_id=skill_id, start=match.start(), end=match.end()
                    )
                )
    return tuple(sorted(entries, key=lambda e: e.start))
