from __future__ import annotations

from datetime import date

import pytest

from matcher.fields import extract_education, extract_fields
from matcher.sections import compile_rules, segment_sections
from matcher.taxonomy import DataBundle
from matcher.taxonomy.loader import load_sections
from matcher.taxonomy.schema import FieldCues

TODAY = date(2024, 6, 15)


def _cues(bundle: DataBundle, *school_level: str) -> FieldCues:
    assert bundle.sections is not None
    cues = bundle.sections.cues
    kept = tuple(p for p in cues.degree_patterns if p not in school_level)
    return cues.model_copy(
        update={"degree_patterns": kept, "school_level_patterns": tuple(school_level)}
    )


def _education(bundle: DataBundle, text: str, cues: FieldCues | None = None):
    assert bundle.sections is not None
    rules = compile_rules(bundle.sections)
    spans = segment_sections(text, rules)
    found = extract_education(text, spans, cues=cues or bundle.sections.cues)
    return [(e.degree, e.institution, e.year) for e in found]


def test_education_two_line_block_without_cue_words(toy_bundle: DataBundle) -> None:
    text = (
        "Alex Example\n\nEDUCATION\n\nElectrical Engineering\n\n"
        "Example College - Springfield, IL\n\n2010 to 2014\n\n"
        "Applied Statistics\n\nNorthfield Tech\n"
    )
    assert _education(toy_bundle, text) == [
        ("Electrical Engineering", "Example College", 2014),
        ("Applied Statistics", "Northfield Tech", None),
    ]


def test_education_date_lines_close_entries(toy_bundle: DataBundle) -> None:
    text = (
        "Alex Example\n\nEDUCATION\nExample Institute of Technology\n2016\n"
        "B.Tech in Computing\nExample State University\n2012\n"
    )
    assert _education(toy_bundle, text) == [
        (None, "Example Institute of Technology", 2016),
        ("B.Tech in Computing", "Example State University", 2012),
    ]


def test_education_dates_first_layout_opens_entries(toy_bundle: DataBundle) -> None:
    text = (
        "Alex Example\n\nEDUCATION\n2014 - 2016\nMBA in Finance\nExample Business School\n"
        "2010 - 2014\nB.Sc in Physics\nExample University\n"
    )
    assert _education(toy_bundle, text) == [
        ("MBA in Finance", "Example Business School", 2016),
        ("B.Sc in Physics", "Example University", 2014),
    ]


def test_education_wrapped_degree_line_is_not_a_school(toy_bundle: DataBundle) -> None:
    text = (
        "Alex Example\n\nEDUCATION\nBachelor of Engineering in Electronics and\n"
        "Communication\nExample Engineering College\n2012\n"
    )
    assert _education(toy_bundle, text) == [
        ("Bachelor of Engineering in Electronics", "Example Engineering College", 2012)
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [("Tech Lead", None), ("Project in Data Mining", "Project in Data Mining")],
)
def test_education_bare_line_with_title_word_is_not_a_school(
    toy_bundle: DataBundle, line: str, expected: str | None
) -> None:
    text = f"Alex Example\n\nEDUCATION\nB.Sc in Physics\n{line}\n2012\n"
    assert _education(toy_bundle, text) == [("B.Sc in Physics", expected, 2012)]


def test_education_ms_university_is_a_school_name(toy_bundle: DataBundle) -> None:
    text = "Alex Example\n\nEDUCATION\nB.Sc\nMS University - Springfield, IL\n2006\n"
    assert _education(toy_bundle, text) == [("B.Sc", "MS University", 2006)]


def test_education_school_level_certificate_dropped_beside_a_higher_degree(
    toy_bundle: DataBundle,
) -> None:
    cues = _cues(toy_bundle, "hsc\\b", "10th\\b")
    text = (
        "Alex Example\n\nEDUCATION\nB.Tech in Computing\nExample Institute of Technology\n"
        "2012 to 2016\nHSC\nExample High School\n2012\n"
    )
    assert _education(toy_bundle, text, cues) == [
        ("B.Tech in Computing", "Example Institute of Technology", 2016),
        (None, "Example High School", 2012),
    ]
    only_school = "Alex Example\n\nEDUCATION\n10th\nExample High School\n2012\n"
    assert _education(toy_bundle, only_school, cues) == [("10th", "Example High School", 2012)]


def test_headline_fills_the_missing_employer_of_the_first_job(toy_bundle: DataBundle) -> None:
    assert toy_bundle.sections is not None
    rules = compile_rules(toy_bundle.sections)
    text = (
        "Alex Example\nData Analyst - Example Systems Ltd\n\nEXPERIENCE\n\nData Analyst\n\n"
        "June 2019 to Present\n\nReports in SQL.\n"
    )
    fields = extract_fields(
        text,
        segment_sections(text, rules),
        rules=rules,
        cues=toy_bundle.sections.cues,
        today=TODAY,
    )
    (job,) = fields.experience
    assert (job.title, job.employer, job.months) == ("Data Analyst", "Example Systems Ltd", 61)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("degree", "school_level"),
    [("B-Tech", False), ("P.G.D.C.A", False), ("BBM", False), ("S.S.C", True), ("Class XII", True)],
)
def test_real_degree_patterns(degree: str, school_level: bool) -> None:
    from tests.conftest import REAL_DATA

    cues = load_sections(REAL_DATA).cues
    text = f"Alex Example\n\nEDUCATION\n{degree}\nExample College\n2012\n"
    rules = compile_rules(load_sections(REAL_DATA))
    (entry,) = extract_education(text, segment_sections(text, rules), cues=cues)
    assert entry.degree == degree
    with_higher = f"Alex Example\n\nEDUCATION\nMBA\nExample University\n2016\n{degree}\n2012\n"
    degrees = [
        e.degree
        for e in extract_education(with_higher, segment_sections(with_higher, rules), cues=cues)
    ]
    assert (degree not in degrees) is school_level
