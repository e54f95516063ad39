from __future__ import annotations

import pytest

from matcher.sections import compile_rules, segment_sections
from matcher.taxonomy import DataBundle

RESUME = """Jane Example
Springfield, IL | jane@example.org

PROFESSIONAL SUMMARY
Health IT graduate.

Work Experience:
EHR Trainer - Example Clinic
• Trained 40 staff on Epic.

education & training
A.A.S. Health Information Technology

Certifications/Licenses
RHIT

Skills: SQL, Epic, HL7
"""


@pytest.fixture(scope="module")
def rules(toy_bundle: DataBundle):
    assert toy_bundle.sections is not None
    return compile_rules(toy_bundle.sections)


def test_segment_sections_finds_each_category_in_order(rules) -> None:
    spans = segment_sections(RESUME, rules)
    assert [s.category for s in spans] == [
        "contact",
        "summary",
        "experience",
        "education",
        "certifications",
        "skills",
    ]
    assert [s.header for s in spans][1:] == [
        "PROFESSIONAL SUMMARY",
        "Work Experience",
        "education & training",
        "Certifications/Licenses",
        "Skills",
    ]
    skills = spans[-1]
    assert RESUME[skills.content_start : skills.end].strip() == "SQL, Epic, HL7"
    experience = spans[2]
    assert RESUME[experience.start : experience.end].endswith("Trained 40 staff on Epic.")
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:], strict=False))


@pytest.mark.parametrize(
    ("line", "category"),
    [
        ("EXPERIENCE", "experience"),
        ("Employment History", "experience"),
        ("1. Education", "education"),
        ("LICENSES & CERTIFICATIONS", "certifications"),
        ("Volunteer Experience", "volunteer"),
        ("Academic Projects", "projects"),
        ("Technical Skills:", "skills"),
        ("Hobbies and Interests", "other"),
    ],
)
def test_header_rules_tolerate_case_punctuation_and_variants(
    rules, line: str, category: str
) -> None:
    found = rules.match(line)
    assert found is not None and found.category == category


@pytest.mark.parametrize(
    "line",
    [
        "Led the experience redesign for the clinic.",
        "5 years of clinical experience",
        "Project Manager, Example Health",
        "",
    ],
)
def test_header_rules_ignore_sentences(rules, line: str) -> None:
    assert rules.match(line) is None


def test_text_without_headers_is_one_contact_section(rules) -> None:
    text = "Jane Example\nNothing else"
    spans = segment_sections(text, rules)
    assert [(s.category, s.start, s.end) for s in spans] == [("contact", 0, len(text))]


@pytest.mark.parametrize("title", ["Volunteer Coordinator", "Volunteer", "Software"])
def test_header_like_job_title_above_employer_line_stays_in_experience(rules, title: str) -> None:
    text = (
        f"Jane Example\n\nWORK EXPERIENCE\n\n{title}\n\nExample Food Bank - Pune, Maharashtra -\n\n"
        "2019 to Present\n\n• Ran the weekly drive.\n\nEDUCATION\nB.Sc\n"
    )
    assert rules.match(title) is not None  # a header on its own
    spans = segment_sections(text, rules)
    assert [s.category for s in spans] == ["contact", "experience", "education"]


def test_experience_header_above_employer_line_is_still_a_header(rules) -> None:
    text = (
        "Jane Example\n\nWORK EXPERIENCE\n\nExample Org -\n\n2016 to 2017\n\n"
        "Volunteer\nFood drives\n"
    )
    spans = segment_sections(text, rules)
    assert [s.category for s in spans] == ["contact", "experience", "volunteer"]
