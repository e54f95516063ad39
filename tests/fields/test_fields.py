from __future__ import annotations

from datetime import date

import pytest

from matcher.domain import ExperienceEntry, SkillMention
from matcher.fields import extract_fields, find_date_ranges, skill_experience
from matcher.sections import compile_rules, segment_sections
from matcher.taxonomy import DataBundle

TODAY = date(2024, 6, 15)

RESUME = """Jane Q. Example
Springfield, IL 62701 | (217) 555-0142 | jane.example@example.org
linkedin.com/in/jane-example

EXPERIENCE
EHR Trainer
Example Regional Hospital - Springfield, IL
March 2021 - Present
• Trained clinicians on Epic and SQL reporting.

Health Information Technician | Example Clinic Inc | 06/2018 - 02/2021
• Coded charts; SQL queries.

EDUCATION
A.A.S. in Health Information Technology
Lincoln Land Community College, 2018
Bachelor of Science in Health Informatics - Example State University - 2020

CERTIFICATIONS
RHIA (AHIMA), 2019
Certified Phlebotomy Technician
"""


@pytest.fixture(scope="module")
def fields(toy_bundle: DataBundle):
    sections_file = toy_bundle.sections
    assert sections_file is not None
    rules = compile_rules(sections_file)
    spans = segment_sections(RESUME, rules)
    return extract_fields(
        RESUME, spans, rules=rules, cues=sections_file.cues, today=TODAY, bundle=toy_bundle
    )


def test_contact_fields(fields) -> None:
    contact = fields.contact
    assert contact.name == "Jane Q. Example"
    assert contact.emails == ("jane.example@example.org",)
    assert contact.phones == ("(217) 555-0142",)
    assert (contact.city, contact.state) == ("Springfield", "IL")
    assert contact.links == ("linkedin.com/in/jane-example",)


def test_experience_entries_with_months_and_present(fields) -> None:
    jobs = [
        (e.title, e.employer, e.start_date, e.end_date, e.current, e.months)
        for e in fields.experience
    ]
    assert jobs == [
        ("EHR Trainer", "Example Regional Hospital", date(2021, 3, 1), date(2024, 6, 1), True, 40),
        (
            "Health Information Technician",
            "Example Clinic Inc",
            date(2018, 6, 1),
            date(2021, 2, 1),
            False,
            33,
        ),
    ]
    first = fields.experience[0]
    assert RESUME[first.start : first.end].startswith("EHR Trainer")
    assert "SQL reporting" in RESUME[first.start : first.end]


def test_education_entries(fields) -> None:
    got = [(e.degree, e.field, e.institution, e.year) for e in fields.education]
    assert got == [
        (
            "A.A.S. in Health Information Technology",
            "Health Information Technology",
            "Lincoln Land Community College",
            2018,
        ),
        (
            "Bachelor of Science in Health Informatics",
            "Health Informatics",
            "Example State University",
            2020,
        ),
    ]


def test_certifications_linked_to_taxonomy(fields) -> None:
    certs = [(c.name, c.skill_id) for c in fields.certifications]
    assert certs == [("RHIA (AHIMA), 2019", "rhia"), ("Certified Phlebotomy Technician", None)]
    assert all(RESUME[c.start : c.end] == c.name for c in fields.certifications)


@pytest.mark.parametrize(
    ("phone_line", "expected"),
    [
        ("+44 20 7946 0958", "+44 20 7946 0958"),
        ("+91-98450-12345", "+91-98450-12345"),
        ("+1 (555) 010-0199", "+1 (555) 010-0199"),
        ("555.010.0199", "555.010.0199"),
        ("+49 30 123456", "+49 30 123456"),
    ],
)
def test_phones_in_international_formats(
    toy_bundle: DataBundle, phone_line: str, expected: str
) -> None:
    assert toy_bundle.sections is not None
    rules = compile_rules(toy_bundle.sections)
    text = f"Alex Example\n{phone_line}\n\nSKILLS\nSQL 2019-2021"
    fields = extract_fields(
        text, segment_sections(text, rules), rules=rules, cues=toy_bundle.sections.cues, today=TODAY
    )
    assert fields.contact.phones == (expected,)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("July 2016 to Present", (date(2016, 7, 1), date(2024, 6, 1), True, 96)),
        ("Jan. 2019 – Mar 2019", (date(2019, 1, 1), date(2019, 3, 1), False, 3)),
        ("2015 - 2017", (date(2015, 1, 1), date(2017, 12, 1), False, 36)),
        ("08/2015 - 05/2017", (date(2015, 8, 1), date(2017, 5, 1), False, 22)),
        ("Sept 2022 - current", (date(2022, 9, 1), date(2024, 6, 1), True, 22)),
    ],
)
def test_date_ranges(text: str, expected: tuple[date, date, bool, int]) -> None:
    (found,) = find_date_ranges(text, today=TODAY)
    assert (found.start_date, found.end_date, found.current, found.months) == expected


def test_skill_experience_unions_overlapping_jobs_and_finds_last_use() -> None:
    jobs = [
        ExperienceEntry(
            start_date=date(2020, 1, 1), end_date=date(2020, 12, 1), months=12, start=0, end=100
        ),
        ExperienceEntry(
            start_date=date(2020, 7, 1), end_date=date(2021, 6, 1), months=12, start=100, end=200
        ),
        ExperienceEntry(start=200, end=300),
    ]

    def mention(skill: str, at: int) -> SkillMention:
        return SkillMention(
            skill_id=skill, label=skill, category="tool", start=at, end=at + 3, surface="x"
        )

    result = skill_experience([mention("sql", 10), mention("sql", 150), mention("epic", 250)], jobs)
    assert set(result) == {"sql"}
    assert result["sql"].years == 1.5 and result["sql"].entries == 2
    assert result["sql"].last_used == date(2021, 6, 1)


def _fields_of(bundle: DataBundle, text: str):
    assert bundle.sections is not None
    rules = compile_rules(bundle.sections)
    return extract_fields(
        text, segment_sections(text, rules), rules=rules, cues=bundle.sections.cues, today=TODAY
    )


@pytest.mark.parametrize(
    "email",
    [
        "jane.example@example.co.uk",
        "first.last+jobs@example.com.au",
        "m.beispiel@beispiel-firma.de",
        "sam_o@example.in",
    ],
)
def test_emails_in_international_formats(toy_bundle: DataBundle, email: str) -> None:
    fields = _fields_of(toy_bundle, f"Alex Example\nE-mail: {email}, Tel. +33 1 23 45 67 89\n")
    assert fields.contact.emails == (email,)
    assert fields.contact.phones == ("+33 1 23 45 67 89",)


def test_undated_current_job_and_dated_job_are_both_listed(toy_bundle: DataBundle) -> None:
    text = (
        "Alex Example\n\nWORK EXPERIENCE\n\nSoftware Engineer\n\n"
        "Example Systems -  Pune, Maharashtra -\n\n"
        "Built reporting services for the billing team.\n\nData Analyst\n\nExample Bank -\n\n"
        "June 2015 to May 2017\n\nReports in SQL.\n"
    )
    jobs = [(e.title, e.employer, e.months) for e in _fields_of(toy_bundle, text).experience]
    assert jobs == [
        ("Software Engineer", "Example Systems", 0),
        ("Data Analyst", "Example Bank", 24),
    ]


def test_headline_stands_for_the_current_job_when_no_section_lists_jobs(
    toy_bundle: DataBundle,
) -> None:
    text = "Alex Example\nWorking as Support Engineer with Example Tech Ltd.\n\nSKILLS\nSQL\n"
    (job,) = _fields_of(toy_bundle, text).experience
    assert (job.title, job.employer, job.start_date) == (
        "Support Engineer",
        "Example Tech Ltd",
        None,
    )
    assert text[job.start : job.end].startswith("Working as")


def test_headline_that_is_a_sentence_is_not_a_job(toy_bundle: DataBundle) -> None:
    text = "Alex Example\nSeeking a developer role with 3 years of experience.\n\nSKILLS\nSQL\n"
    assert _fields_of(toy_bundle, text).experience == ()


def test_education_keeps_schools_apart_from_degrees_and_drops_boards(
    toy_bundle: DataBundle,
) -> None:
    text = (
        "Alex Example\n\nEDUCATION\nB.Tech in Computer Science\nExample Institute of Technology\n"
        "2012 to 2016\nHSC\nExample Higher Secondary School - State Board\n2012\n"
    )
    got = [(e.degree, e.institution, e.year) for e in _fields_of(toy_bundle, text).education]
    assert got == [
        ("B.Tech in Computer Science", "Example Institute of Technology", 2016),
        ("HSC", "Example Higher Secondary School", 2012),
    ]


@pytest.mark.parametrize(
    ("first_line", "name"),
    [
        ("Jordan Head", "Jordan Head"),  # a title word that is also a surname
        ("Maria Lopez Jr.", "Maria Lopez Jr."),
        ("HEALTH INFORMATION TECHNICIAN", None),
        ("Registered Nurse", None),
        ("VP OF FINANCE", None),  # a joining word
        ("TEACHER AND READING TEACHER", None),
    ],
)
def test_a_headline_is_not_read_as_the_name(
    real_bundle: DataBundle, first_line: str, name: str | None
) -> None:
    # Anonymised resumes (and the public corpus) start with the job title, not a name.
    text = f"{first_line}\nSUMMARY\nCoded inpatient charts in ICD-10-CM for six years.\n"
    assert _fields_of(real_bundle, text).contact.name == name


def test_data_refuses_a_name_exception_that_is_not_a_title_word(real_bundle: DataBundle) -> None:
    assert real_bundle.sections is not None
    cues = real_bundle.sections.cues.model_dump()
    cues["title_words_in_names"] = ["head", "smith"]
    with pytest.raises(ValueError, match="title_words_in_names are not title_words: smith"):
        type(real_bundle.sections.cues).model_validate(cues)
