"""Personal identity details must not move any score.

Each variant of a resume changes only who the person is (name, pronouns, honorific,
e-mail, phone, city, gendered words, a "personal details" block with gender, marital
status, nationality and date of birth) and nothing they did: dates of jobs and degrees stay
as they are, since they legitimately change years of experience. Every role score (every
field of every ``RoleScore``, whichever scorers are loaded, so the learned model's
probabilities too), every competency level, the skill list and the parsed jobs and degrees
must come out the same.
"""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from matcher.config import Settings
from matcher.service import Analysis, MatchingEngine, load_engine

pytestmark = pytest.mark.slow

EXAMPLE = Path(__file__).parent.parent / "data" / "examples" / "graduate_resume.txt"

#: Keys holding character offsets or the text as written: they move with a longer name.
_POSITIONAL = frozenset({"start", "end", "content_start", "surface", "mentions"})

SYNTHETIC = """{name}
{city}, {state} | {email} | {phone}
{pronouns}

SUMMARY
Health information technician with coding and release-of-information work in a community
hospital. {subject} led the move to electronic chart completion and trained {possessive}
colleagues on Epic HIM workflows. {family}

EXPERIENCE
HIM Technician, Lakeside Community Hospital, Peoria, IL                01/2020 - 06/2024
- Coded inpatient and outpatient records with ICD-10-CM, ICD-10-PCS and CPT.
- Processed release of information requests under the HIPAA Privacy Rule.
- Wrote SQL queries and Microsoft Excel reports on chart completion and data quality.

Patient Access Representative, Lakeside Community Hospital, Peoria, IL  03/2017 - 12/2019
- Registered patients, verified insurance and scheduled visits in Epic Cadence.

EDUCATION
A.A.S., Health Information Technology, Illinois Central College, 2019

CERTIFICATIONS
RHIT

SKILLS
Medical terminology, HIPAA, teamwork, customer service, attention to detail
{personal}"""

#: Identity details only; the "base" variant is the reference.
PEOPLE: dict[str, dict[str, str]] = {
    "base": {
        "name": "Jordan Rivera",
        "city": "Springfield",
        "state": "IL",
        "email": "jordan.rivera@example.org",
        "phone": "(555) 010-2334",
        "pronouns": "",
        "subject": "They",
        "possessive": "their",
        "family": "",
        "personal": "",
    },
    "woman-pronouns-honorific": {
        "name": "Ms. Emily Walsh",
        "city": "Boston",
        "state": "MA",
        "email": "emily.walsh@example.com",
        "phone": "617-555-0142",
        "pronouns": "Pronouns: she/her",
        "subject": "She",
        "possessive": "her",
        "family": "Proud mother of two.",
        "personal": "",
    },
    "man-pronouns": {
        "name": "DeShawn Washington",
        "city": "Atlanta",
        "state": "GA",
        "email": "deshawn.washington@example.net",
        "phone": "+1 404 555 0199",
        "pronouns": "Pronouns: he/him",
        "subject": "He",
        "possessive": "his",
        "family": "Father of three.",
        "personal": "",
    },
    "vietnamese-name-diacritics": {
        "name": "Nguyễn Thị Mai",
        "city": "Houston",
        "state": "TX",
        "email": "mai.nguyen@example.org",
        "phone": "(713) 555-0107",
        "pronouns": "",
        "subject": "She",
        "possessive": "her",
        "family": "",
        "personal": "",
    },
    "arabic-name": {
        "name": "Mohammed Al-Hassan",
        "city": "Dearborn",
        "state": "MI",
        "email": "m.alhassan@example.com",
        "phone": "313.555.0123",
        "pronouns": "",
        "subject": "He",
        "possessive": "his",
        "family": "",
        "personal": "",
    },
    "hispanic-name-accents": {
        "name": "José Hernández-García",
        "city": "El Paso",
        "state": "TX",
        "email": "jose.hernandez@example.org",
        "phone": "(915) 555-0170",
        "pronouns": "",
        "subject": "He",
        "possessive": "his",
        "family": "",
        "personal": "",
    },
    "personal-details-block": {
        "name": "Priya Venkataraman",
        "city": "Edison",
        "state": "NJ",
        "email": "priya.v@example.com",
        "phone": "732-555-0188",
        "pronouns": "",
        "subject": "She",
        "possessive": "her",
        "family": "",
        "personal": (
            "\nPERSONAL DETAILS\nGender: Female\nMarital status: Married\n"
            "Nationality: Indian\nDate of birth: 14 March 1988\n"
        ),
    },
    "nonbinary-honorific": {
        "name": "Mx. Alex Kowalski",
        "city": "Milwaukee",
        "state": "WI",
        "email": "alex.kowalski@example.org",
        "phone": "(414) 555-0111",
        "pronouns": "Pronouns: they/them",
        "subject": "They",
        "possessive": "their",
        "family": "",
        "personal": "",
    },
    # Given names that are also skill names elsewhere (programming languages).
    "name-ruby": {
        "name": "Ruby Chen",
        "city": "Oakland",
        "state": "CA",
        "email": "ruby.chen@example.com",
        "phone": "(510) 555-0136",
        "pronouns": "",
        "subject": "She",
        "possessive": "her",
        "family": "",
        "personal": "",
    },
    "name-julia-middle-initial-r": {
        "name": "Julia R. Okafor",
        "city": "Columbus",
        "state": "OH",
        "email": "julia.okafor@example.net",
        "phone": "(614) 555-0154",
        "pronouns": "",
        "subject": "She",
        "possessive": "her",
        "family": "",
        "personal": "",
    },
}


def _synthetic(person: str) -> str:
    return SYNTHETIC.format(**PEOPLE[person])


def _example(person: str) -> str:
    """The bundled example resume with its contact lines replaced."""
    details = PEOPLE[person]
    lines = EXAMPLE.read_text(encoding="utf-8").split("\n")
    header = [
        details["name"],
        f"{details['city']}, {details['state']} | {details['email']} | {details['phone']}",
    ]
    if details["pronouns"]:
        header.append(details["pronouns"])
    body = "\n".join(lines[2:])
    return "\n".join(header) + "\n" + body + details["personal"]


@pytest.fixture(scope="module")
def engine() -> MatchingEngine:
    return load_engine(Settings())


def _plain(value: Any) -> Any:
    """Nested plain data with positional keys (offsets, text as written) left out."""
    if isinstance(value, BaseModel):
        value = value.model_dump()
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        value = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if k not in _POSITIONAL}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _differences(a: Any, b: Any, path: str = "") -> list[str]:
    if isinstance(a, float) or isinstance(b, float):
        if isinstance(a, int | float) and isinstance(b, int | float):
            same = math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
            return [] if same else [f"{path}: {a!r} != {b!r}"]
        return [f"{path}: {a!r} != {b!r}"]
    if isinstance(a, dict) and isinstance(b, dict):
        found = [f"{path}.{k}: only on one side" for k in sorted(set(a) ^ set(b))]
        for key in sorted(set(a) & set(b)):
            found.extend(_differences(a[key], b[key], f"{path}.{key}"))
        return found
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return [f"{path}: {len(a)} items != {len(b)} items"]
        return [
            d
            for n, (x, y) in enumerate(zip(a, b, strict=True))
            for d in _differences(x, y, f"{path}[{n}]")
        ]
    return [] if a == b else [f"{path}: {a!r} != {b!r}"]


def _outcome(analysis: Analysis) -> dict[str, Any]:
    """Everything a score or a skill list depends on: all of the analysis but who it is."""
    result = _plain(analysis)
    del result["profile"]
    if result.get("fields") is not None:
        del result["fields"]["contact"]
    result["skills"] = sorted(
        (m.skill_id, m.section, m.requirement, m.negated, m.hypothetical, m.field_of_study)
        for m in analysis.profile.mentions
    )
    result["unknown_skills"] = sorted(u.phrase for u in analysis.profile.unknown_skills)
    return result


VARIANTS = [p for p in PEOPLE if p != "base"]


@pytest.mark.parametrize("person", VARIANTS)
@pytest.mark.parametrize("resume", [_synthetic, _example], ids=["synthetic", "example"])
def test_identity_details_do_not_change_scores(
    engine: MatchingEngine, resume: Any, person: str
) -> None:
    reference = engine.analyse_resume(resume("base"))
    variant = engine.analyse_resume(resume(person))
    assert reference.roles and reference.profile.mentions  # the resume is not empty
    # the variant really differs where identity is written
    assert variant.fields is not None and reference.fields is not None
    assert variant.fields.contact != reference.fields.contact
    assert _differences(_outcome(reference), _outcome(variant)) == []


def test_fairness_comparison_notices_a_real_change(engine: MatchingEngine) -> None:
    """The comparison is not blind: one extra skill shows up as a difference."""
    reference = engine.analyse_resume(_synthetic("base"))
    changed = engine.analyse_resume(_synthetic("base").replace("teamwork", "teamwork, Python"))
    assert _differences(_outcome(reference), _outcome(changed))


def test_an_anonymised_resume_keeps_its_headline_for_the_role_scorer(
    engine: MatchingEngine,
) -> None:
    """A resume without a name starts with its job title, which is not a name to hide.

    Read as the name, "HEALTH INFORMATION TECHNICIAN" would be removed wherever its words
    appear before the role scorer reads the text, and the same resume would score
    differently with and without a name line above it.
    """
    body = _synthetic("base").split("\n", 3)[3]  # no name, city, e-mail or phone
    anonymised = engine.analyse_resume("HEALTH INFORMATION TECHNICIAN\n" + body)
    named = engine.analyse_resume("Jordan Example\nHEALTH INFORMATION TECHNICIAN\n" + body)
    assert anonymised.fields is not None and anonymised.fields.contact.name is None
    assert named.fields is not None and named.fields.contact.name == "Jordan Example"
    assert _differences(_plain(anonymised.roles), _plain(named.roles)) == []
