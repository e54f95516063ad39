from __future__ import annotations

from datetime import date

import pytest

from matcher.fields import extract_fields
from matcher.fields.jobs import JobHeading, read_heading
from matcher.sections import compile_rules, segment_sections
from matcher.taxonomy import DataBundle

TODAY = date(2024, 6, 15)


def _experience(bundle: DataBundle, text: str) -> list[tuple[str | None, str | None, int]]:
    assert bundle.sections is not None
    rules = compile_rules(bundle.sections)
    fields = extract_fields(
        text, segment_sections(text, rules), rules=rules, cues=bundle.sections.cues, today=TODAY
    )
    return [(e.title, e.employer, e.months) for e in fields.experience]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # "X ,Y -Z" without the usual spacing still splits at the comma and the dash.
        (["Devops Engineer ,Cloud Engineer -Example Corp"], ("Devops Engineer", "Example Corp")),
        # a bulleted "Working as X in Y, City" sentence.
        (
            ["• Working as Build Engineer in Example Corp, Pune    to till date."],
            ("Build Engineer", "Example Corp"),
        ),
        # employer first: "Worked with Y, City as X".
        (["Worked with Example Bank, Pune as Data Analyst"], ("Data Analyst", "Example Bank")),
        # the "Employer -" line names the employer even when the title has organisation cues.
        (
            ["Microsoft Azure Administration", "Example Traders - Pune, Maharashtra -"],
            ("Microsoft Azure Administration", "Example Traders"),
        ),
        # ... and a lone "Employer -" line is an employer, not a title.
        (["Example Traders - Pune, Maharashtra -"], (None, "Example Traders")),
        # "Title at Employer" wins over a client or division on the "-" line.
        (
            ["Support Executive at Example Soft", "Development - Chennai, Tamil Nadu -"],
            ("Support Executive", "Example Soft"),
        ),
    ],
)
def test_read_heading_layouts(toy_bundle: DataBundle, lines: list[str], expected) -> None:
    assert toy_bundle.sections is not None
    assert read_heading(lines, cues=toy_bundle.sections.cues) == JobHeading(*expected)


def test_date_line_repeating_the_job_above_is_not_a_new_job(toy_bundle: DataBundle) -> None:
    text = (
        "Alex Example\n\nWORK EXPERIENCE\n\nData Analyst\n\nExample Bank - Pune, Maharashtra -\n\n"
        "June 2015 to May 2017\n\nPune, since June 2015 to May 2017.\n\nReports in SQL.\n"
    )
    assert _experience(toy_bundle, text) == [("Data Analyst", "Example Bank", 24)]


def test_undated_job_above_short_body_lines(toy_bundle: DataBundle) -> None:
    text = (
        "Alex Example\n\nWORK EXPERIENCE\n\nConsultant\n\nExample Soft Ltd @ Example Client\n\n"
        "Test automation\nRegression suites\n\nEDUCATION\nB.Tech\n"
    )
    # four short lines: the first two are the job; "@" between words is no e-mail.
    assert _experience(toy_bundle, text) == [("Consultant", "Example Soft Ltd", 0)]
