"""SkillLinker: ambiguous aliases need support, and never count inside a heading."""

from __future__ import annotations

import pytest

from matcher.pipeline import extract_profile
from matcher.taxonomy import DataBundle
from tests.test_pipeline import Pipeline


def _ids(nlp: Pipeline, bundle: DataBundle, text: str) -> set[str]:
    return {m.skill_id for m in extract_profile(nlp, bundle, text, max_chars=10_000).mentions}


@pytest.mark.parametrize(
    "text",
    [
        "## Python, SQL and R\nBuilt reports.",
        "**Python, SQL and R**\nBuilt reports.",
        "Tools we use, Python, SQL and R:\nBuilt reports.",
    ],
)
def test_ambiguous_alias_in_a_heading_is_dropped(
    toy_nlp: Pipeline, toy_bundle: DataBundle, text: str
) -> None:
    found = _ids(toy_nlp, toy_bundle, text)
    assert {"python", "sql"} <= found
    assert "r-language" not in found


def test_ambiguous_alias_in_a_list_line_is_kept(toy_nlp: Pipeline, toy_bundle: DataBundle) -> None:
    assert "r-language" in _ids(toy_nlp, toy_bundle, "Languages: Python, SQL and R\n")


def test_ambiguous_alias_in_a_skills_section_needs_no_neighbour(
    toy_nlp: Pipeline, toy_bundle: DataBundle
) -> None:
    text = "Jordan Example\n\nEXPERIENCE\nClinic aide, 2020\n\nSKILLS\nSpanish\nR\n"
    assert "r-language" in _ids(toy_nlp, toy_bundle, text)
    assert "r-language" not in _ids(toy_nlp, toy_bundle, "Jordan Example\nGrade R\n")


def test_lone_lower_case_list_item_does_not_inherit_a_prefix(
    toy_nlp: Pipeline, toy_bundle: DataBundle
) -> None:
    assert "epic-inpatient" in _ids(toy_nlp, toy_bundle, "Epic Ambulatory and Inpatient")
    assert "epic-inpatient" not in _ids(toy_nlp, toy_bundle, "Epic Ambulatory and inpatient")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Built an Access database for the front desk", True),
        ("Trained nurses on Epic medical software", True),
        ("Improved access to care for rural patients", False),
        ("Access was granted to the building", False),
    ],
)
def test_product_noun_supports_a_capitalised_ambiguous_name(
    toy_nlp: Pipeline, toy_bundle: DataBundle, text: str, kept: bool
) -> None:
    found = _ids(toy_nlp, toy_bundle, text)
    assert bool({"microsoft-access", "epic"} & found) is kept


def test_a_product_noun_supports_only_a_product_name(
    toy_nlp: Pipeline, toy_bundle: DataBundle
) -> None:
    # "Hypercare" (go-live support) is a practice, not a product: "Hypercare Tracking
    # system" is a kind of system
    found = _ids(toy_nlp, toy_bundle, "Maintain the Hypercare Tracking system")
    assert "go-live-support" not in found
