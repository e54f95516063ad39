"""SkillRuler: glued words are split before matching; earlier spans keep their text."""

from __future__ import annotations

import pytest

from matcher.pipeline import extract_profile
from matcher.taxonomy import DataBundle
from tests.test_pipeline import Pipeline


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Built reporting toolsPython was the main language", "python"),
        ("Kept the clinic databases(SQL Server) tidy", "sql"),
        ("Tickets in ServiceNow every day", "servicenow"),
    ],
)
def test_glued_words_are_split_before_matching(
    toy_nlp: Pipeline, toy_bundle: DataBundle, text: str, skill: str
) -> None:
    profile = extract_profile(toy_nlp, toy_bundle, text, max_chars=10_000)
    assert skill in profile.skill_ids
    for m in profile.mentions:
        assert text[m.start : m.end] == m.surface


def test_sections_survive_the_split(toy_nlp: Pipeline, toy_bundle: DataBundle) -> None:
    text = (
        "Jordan Example\n\nEXPERIENCE\nAnalyst, 2020\nWrote specsUsing Epic Cadence daily.\n\n"
        "SKILLS\nPython, SQL\n"
    )
    found = {
        m.skill_id: m for m in extract_profile(toy_nlp, toy_bundle, text, max_chars=10_000).mentions
    }
    assert found["epic-cadence"].section == "experience"
    assert found["python"].section == "skills"
