"""The current position a resume reports (designations, companies) and the headline."""

from __future__ import annotations

from datetime import date

import pytest

from matcher.domain import ContactInfo, ExperienceEntry, ResumeFields
from matcher.fields import Headline, current_positions, extract_fields
from matcher.fields.jobs import JobHeading, read_heading
from matcher.sections import compile_rules, segment_sections
from matcher.taxonomy import DataBundle

TODAY = date(2024, 6, 15)


def _fields(bundle: DataBundle, text: str) -> ResumeFields:
    assert bundle.sections is not None
    rules = compile_rules(bundle.sections)
    return extract_fields(
        text, segment_sections(text, rules), rules=rules, cues=bundle.sections.cues, today=TODAY
    )


def _job(title: str | None, employer: str | None, n: int = 0) -> ExperienceEntry:
    return ExperienceEntry(title=title, employer=employer, start=n, end=n + 1)


def _headline(title: str | None, employer: str | None) -> Headline:
    return Headline(heading=JobHeading(title, employer), start=0, end=1)


EXPERIENCE_TEXT = (
    "Alex Example\nReporting Lead - Example Health Ltd\n\nPune, Maharashtra\n\n"
    "WORK EXPERIENCE\n\nData Analyst\n\nExample Bank - Pune, Maharashtra -\n\n"
    "June 2019 to Present\n\nReports in SQL.\n\nBilling Clerk\n\nExample Traders -\n\n"
    "June 2015 to May 2017\n\nBilling.\n"
)


def test_extract_fields_reports_most_recent_job_and_headline_not_older_jobs(
    toy_bundle: DataBundle,
) -> None:
    fields = _fields(toy_bundle, EXPERIENCE_TEXT)
    assert [e.title for e in fields.experience] == ["Data Analyst", "Billing Clerk"]
    assert fields.current_titles == ("Data Analyst", "Reporting Lead")
    assert fields.current_employers == ("Example Bank", "Example Health Ltd")


@pytest.mark.parametrize(
    ("jobs", "headline", "designations", "companies"),
    [
        # the headline repeats the first job, contained in it or spelt a letter apart.
        (
            [_job("Senior Systems Engineer", "Example Corp")],
            _headline("Seniors Systems Engineer", "Example Corp Ltd"),
            ("Senior Systems Engineer",),
            ("Example Corp",),
        ),
        # a second job is never reported, even when it differs.
        (
            [_job("Analyst", "Example Bank"), _job("Clerk", "Example Traders", 2)],
            None,
            ("Analyst",),
            ("Example Bank",),
        ),
        # a first job without a title: the headline alone.
        ([_job(None, "Example Bank")], _headline("Analyst", None), ("Analyst",), ("Example Bank",)),
        ([], None, (), ()),
        # the headline's title is the job's employer (and back): the job's reading wins.
        (
            [_job("Assisting Example Partners", "Online Office Suite")],
            _headline("Online Office Suite", "Assisting Example Partners"),
            ("Assisting Example Partners",),
            ("Online Office Suite",),
        ),
    ],
)
def test_current_positions_deduplicates(jobs, headline, designations, companies) -> None:
    assert current_positions(tuple(jobs), headline) == (designations, companies)


def test_fields_without_a_current_position_report_none() -> None:
    fields = ResumeFields(contact=ContactInfo(), experience=(_job("Analyst", "Example Bank"),))
    assert (fields.current_titles, fields.current_employers) == ((), ())


def _headline_of(bundle: DataBundle, line: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    fields = _fields(bundle, f"Alex Example\n{line}\n\nPune, Maharashtra\n\nSKILLS\nSQL\n")
    return fields.current_titles, fields.current_employers


@pytest.mark.parametrize(
    ("line", "designations", "companies"),
    [
        ("Alex Example", (), ()),  # the name written again
        ("Alex Example - B.Tech - Support Engineer", ("Support Engineer",), ()),
        ("Need a job urgently", (), ()),
        ("Data Analyst looking for Team Lead roles", (), ()),
        ("6+ yrs exp in banking operations", (), ()),
        ("Example Foods as a Billing Clerk", ("Billing Clerk",), ("Example Foods",)),
        ("Support Engineer with Example Tech Ltd", ("Support Engineer",), ("Example Tech Ltd",)),
        ("Data Analyst with experience in SQL and reporting", ("Data Analyst",), ()),
        ("Systems Engineer - mainframe", ("Systems Engineer",), ()),  # a domain, not a company
        ("BI / Big Data / Cloud", (), ()),  # a list of skills
        ("Program Manager, Product Owner, Agile, Data Warehouse", ("Program Manager",), ()),
        # the part ending in a title word is the title, whatever cues the other part holds
        (
            "Example Software Billing Operator - Example Foods",
            ("Example Software Billing Operator",),
            ("Example Foods",),
        ),
        # "X at Employer, City" is a position, not a place
        ("Test Analyst at Example Labs, Pune", ("Test Analyst",), ("Example Labs",)),
        # a headline listing two titles reports both
        (
            "Devops Engineer, Cloud Engineer - Example Corp",
            ("Devops Engineer", "Cloud Engineer"),
            ("Example Corp",),
        ),
        ("Data Analyst - Self employed", ("Data Analyst",), ()),
    ],
)
def test_headline_readings(toy_bundle: DataBundle, line: str, designations, companies) -> None:
    assert _headline_of(toy_bundle, line) == (designations, companies)


def test_headline_starting_a_summary_paragraph_is_not_a_position(toy_bundle: DataBundle) -> None:
    text = (
        "Alex Example\nDecisive, data driven and results-oriented professional offering\n"
        "12 years of experience in software delivery.\n\nSKILLS\nSQL\n"
    )
    assert (
        _fields(toy_bundle, text).current_titles,
        _fields(toy_bundle, text).current_employers,
    ) == (
        (),
        (),
    )


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # a role in brackets after the employer is not part of its name
        (["Support Lead - Example Soft Ltd (Team Lead)"], ("Support Lead", "Example Soft Ltd")),
        # "Title at Employer." names both, over a domain on the "Employer -" line
        (
            ["Technical Lead at Example Soft Ltd.", "Life Sciences Solutions Domain -"],
            ("Technical Lead", "Example Soft Ltd"),
        ),
    ],
)
def test_read_heading_employer_cleanup(toy_bundle: DataBundle, lines, expected) -> None:
    assert toy_bundle.sections is not None
    assert read_heading(lines, cues=toy_bundle.sections.cues) == JobHeading(*expected)


def test_heading_line_ending_in_ltd_dot_is_not_a_sentence(toy_bundle: DataBundle) -> None:
    text = (
        "Alex Example\n\nWORK EXPERIENCE\n\nTechnical Lead at Example Soft Ltd.\n\n"
        "Life Sciences Solutions Domain -\n\nMay 2017 to Present\n\nData marts.\n"
    )
    (job,) = _fields(toy_bundle, text).experience
    assert (job.title, job.employer) == ("Technical Lead", "Example Soft Ltd")


def test_job_title_that_is_a_wish_is_dropped(toy_bundle: DataBundle) -> None:
    text = (
        "Alex Example\n\nWORK EXPERIENCE\n\nSearching for a good salary\n\nExample Traders -\n\n"
        "2017 to Present\n\nSales.\n"
    )
    (job,) = _fields(toy_bundle, text).experience
    assert (job.title, job.employer) == (None, "Example Traders")


def test_list_wrapped_after_a_comma_is_not_a_job_heading(toy_bundle: DataBundle) -> None:
    text = (
        "Alex Example\n\nWORK EXPERIENCE\n\nSpreadsheets, Slides, Word Processing, Filing,\n"
        "Internet Use and Typing\n\nExample Traders - Pune, Maharashtra -\n\n"
        "June 2015 to May 2017\n\nBilling.\n"
    )
    jobs = [(e.title, e.employer) for e in _fields(toy_bundle, text).experience]
    assert jobs == [(None, "Example Traders")]
