"""UnknownSkillDetector: a skills section's list ends at the next Markdown heading."""

from __future__ import annotations

from matcher.pipeline import extract_profile
from matcher.taxonomy import DataBundle
from tests.test_pipeline import Pipeline


def _phrases(nlp: Pipeline, bundle: DataBundle, text: str) -> list[str]:
    return [u.phrase for u in extract_profile(nlp, bundle, text, max_chars=10_000).unknown_skills]


def test_skills_list_stops_at_the_next_heading(toy_nlp: Pipeline, toy_bundle: DataBundle) -> None:
    text = (
        "Jordan Example\n\nSKILLS\nPython, Kubernetes, Snowflake\n\n"
        "### Benefits\n\n  * dental, vision, parental leave\n"
    )
    phrases = _phrases(toy_nlp, toy_bundle, text)
    assert "Kubernetes" in phrases and "Snowflake" in phrases
    assert not {"dental", "vision", "parental leave"} & set(phrases)
