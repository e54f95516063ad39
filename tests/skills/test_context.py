"""Context rules of skill mentions: fields of study, employer voice, names and clauses."""

from __future__ import annotations

import pytest

from matcher.domain import SkillMention
from matcher.pipeline import extract_profile
from matcher.taxonomy import DataBundle
from tests.test_pipeline import Pipeline


def _mentions(nlp: Pipeline, bundle: DataBundle, text: str) -> dict[str, SkillMention]:
    profile = extract_profile(nlp, bundle, text, max_chars=100_000)
    return {m.skill_id: m for m in profile.mentions}


def test_field_of_study_reaches_only_the_subject_after_its_cue(
    toy_nlp: Pipeline, toy_bundle: DataBundle
) -> None:
    text = "Degree in health informatics, then ten years building reports with Python"
    found = _mentions(toy_nlp, toy_bundle, text)
    assert found["health-informatics"].field_of_study
    assert not found["python"].field_of_study


def test_field_of_study_covers_a_list_of_subjects(
    toy_nlp: Pipeline, toy_bundle: DataBundle
) -> None:
    found = _mentions(toy_nlp, toy_bundle, "Courses in health informatics, Python and SQL")
    assert all(m.field_of_study for m in found.values()) and len(found) == 3


def test_a_subject_written_again_in_its_education_entry_is_still_the_subject(
    toy_nlp: Pipeline, toy_bundle: DataBundle
) -> None:
    # Job-site exports repeat the field after the school and its place.
    text = (
        "EDUCATION\nPython tutor, Example College\nDegree in health informatics Example "
        "College Springfield, IL health informatics\n\nSKILLS\nhealth informatics, Python\n"
    )
    profile = extract_profile(toy_nlp, toy_bundle, text, max_chars=100_000)
    subject = [m for m in profile.mentions if m.skill_id == "health-informatics"]
    assert [(m.section, m.field_of_study) for m in subject] == [
        ("education", True),
        ("education", True),
        ("skills", False),
    ]
    python = [m for m in profile.mentions if m.skill_id == "python"]
    assert [(m.section, m.field_of_study) for m in python] == [
        ("education", False),
        ("skills", False),
    ]


def test_a_full_stop_glued_to_the_next_sentence_ends_the_clause(
    toy_nlp: Pipeline, toy_bundle: DataBundle
) -> None:
    text = "Master's degree in health informatics required.Python and SQL daily"
    found = _mentions(toy_nlp, toy_bundle, text)
    assert found["health-informatics"].field_of_study
    assert not found["python"].field_of_study
    assert not found["sql"].field_of_study


@pytest.mark.parametrize(
    ("text", "in_blurb"),
    [
        ("We use Python to build products for rural clinics.", True),
        ("Our platform runs on Python and serves 300 hospitals.", True),
        ("At Acme, we build clinic software in Python.", True),
        ("Acme Health is a leading provider of Python tools for clinics.", True),
        ("Acme is proud to be an equal opportunity employer using Python.", True),
        ("Acme Health was founded to bring Python to rural clinics.", True),
        ("Python is a plus.", False),
        ("Python is a programming language you will use daily.", False),
        ("We are looking for an engineer who writes Python.", False),
        ("We expect experience with Python.", False),
        ("You will use Python every day.", False),
        ("Built our reporting tools in Python.", False),
        # the people in the job: the work the candidate will do
        ("Our data engineers build clinic tools in Python.", False),
        ("Our developers and designers use Python daily.", False),
    ],
)
def test_employer_describing_itself_is_not_a_skill_claim(
    toy_nlp: Pipeline, toy_bundle: DataBundle, text: str, in_blurb: bool
) -> None:
    assert _mentions(toy_nlp, toy_bundle, text)["python"].part_of_name is in_blurb


@pytest.mark.parametrize(
    ("text", "part_of_name"),
    [
        ("Hired as a Python Application Developer in 2020", True),
        ("Senior SQL Reporting Analyst, Acme Health", True),
        ("Wrote Python Scripts for the lab", False),
    ],
)
def test_title_heads_after_one_capitalised_word(
    toy_nlp: Pipeline, toy_bundle: DataBundle, text: str, part_of_name: bool
) -> None:
    skill = "python" if "Python" in text else "sql"
    assert _mentions(toy_nlp, toy_bundle, text)[skill].part_of_name is part_of_name


@pytest.mark.parametrize(
    ("text", "part_of_name"),
    [
        ("Click to [APPLY](https://jobs.example.org/apply/python-developer-role)", True),
        ("Member of the Python Institute since 2019", True),
        ("Wrote Python at https://example.org", False),
    ],
)
def test_links_and_organisation_units_are_names(
    toy_nlp: Pipeline, toy_bundle: DataBundle, text: str, part_of_name: bool
) -> None:
    assert _mentions(toy_nlp, toy_bundle, text)["python"].part_of_name is part_of_name


@pytest.mark.parametrize(
    ("text", "part_of_name"),
    [
        ("Served as Director of Health Informatics for a county clinic", True),
        ("Manager of the Python platform group", True),
        ("Member of the Python Institute", True),
        ("Works in the SQL (DB) Institute", True),
        ("Wrote most of the Python code", False),
    ],
)
def test_titles_and_organisations_before_the_skill(
    toy_nlp: Pipeline, toy_bundle: DataBundle, text: str, part_of_name: bool
) -> None:
    found = _mentions(toy_nlp, toy_bundle, text)
    mention = found.get("python") or found.get("sql") or found["health-informatics"]
    assert mention.part_of_name is part_of_name


@pytest.mark.parametrize(
    ("text", "part_of_name"),
    [
        # the opening line of capitals is the document's title
        ("SENIOR SQL ANALYST & LEAD Professional Summary Wrote SQL daily", True),
        ("SQL REPORTING LEAD\nWrote reports", True),
        # a lone word line, a header with a colon, or a later line is not
        ("SQL\nWrote SQL daily", False),
        ("SKILLS: SQL, Python", False),
        ("Summary\nSQL, PYTHON AND MORE ", False),
    ],
)
def test_an_opening_line_of_capitals_is_a_title(
    toy_nlp: Pipeline, toy_bundle: DataBundle, text: str, part_of_name: bool
) -> None:
    mention = next(
        m
        for m in extract_profile(toy_nlp, toy_bundle, text, max_chars=100_000).mentions
        if m.skill_id == "sql"
    )
    assert mention.part_of_name is part_of_name


@pytest.mark.parametrize(
    ("text", "part_of_name"),
    [
        # a resume flattened to one line: the heading follows the last skill
        ("Skills SQL Professional Experience 2019 to 2021 Analyst", False),
        ("Skills SQL Professional Summary Analyst", False),
        # a title, not a heading
        ("Worked as a SQL Professional for years", True),
        ("Five years of SQL professional experience", True),
    ],
)
def test_a_heading_after_a_skill_is_not_a_name(
    toy_nlp: Pipeline, toy_bundle: DataBundle, text: str, part_of_name: bool
) -> None:
    assert _mentions(toy_nlp, toy_bundle, text)["sql"].part_of_name is part_of_name


@pytest.mark.parametrize(
    ("text", "part_of_name"),
    [
        ("Partnered with the Python team on releases", True),
        ("Reported to our SQL group weekly", True),
        ("Worked on Python teams for years", False),
        # the last item of a list of teams that a determiner opens
        ("Partnered with our design, research and Python teams on releases", True),
        # ... but not when a preposition stands between: the list is not the teams'
        ("The lead works with various staff and Python team members", False),
    ],
)
def test_team_names_are_names(
    toy_nlp: Pipeline, toy_bundle: DataBundle, text: str, part_of_name: bool
) -> None:
    found = _mentions(toy_nlp, toy_bundle, text)
    assert (found.get("python") or found["sql"]).part_of_name is part_of_name
