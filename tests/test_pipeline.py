from __future__ import annotations

import pytest
import spacy

from matcher.errors import InputError
from matcher.pipeline import Pipeline, extract_profile
from matcher.taxonomy import DataBundle


def _found(nlp: Pipeline, bundle: DataBundle, text: str) -> list[tuple[str, str]]:
    profile = extract_profile(nlp, bundle, text, max_chars=100_000)
    for m in profile.mentions:
        assert text[m.start : m.end] == m.surface
    return [(m.skill_id, m.surface) for m in profile.mentions]


def test_factory_names_are_registered() -> None:
    import matcher.pipeline  # noqa: F401  (registers the factories)

    names = {n for n in spacy.registry.factories.get_all() if n.startswith("matcher_")}
    assert names == {"matcher_skill_linker"}


def test_pipeline_components(toy_nlp: Pipeline) -> None:
    assert toy_nlp.pipe_names == ["matcher_skill_ruler", "matcher_skill_linker"]


def test_extract_profile_offsets_point_at_the_surface(
    toy_nlp: Pipeline, toy_bundle: DataBundle
) -> None:
    text = "Led go-live support for EpicCare Ambulatory.\nWrote SQL and Python."
    found = _found(toy_nlp, toy_bundle, text)
    assert found == [
        ("go-live-support", "go-live support"),
        ("epic-ambulatory", "EpicCare Ambulatory"),
        ("sql", "SQL"),
        ("python", "Python"),
    ]


@pytest.mark.parametrize(
    ("text", "skill", "surface"),
    [
        ("did WORKFLOW ANALYSIS daily", "workflow-analysis", "WORKFLOW ANALYSIS"),
        ("several workflow analyses", "workflow-analysis", "workflow analyses"),
        ("eprescribing rollout", "e-prescribing", "eprescribing"),
        ("e prescribing rollout", "e-prescribing", "e prescribing"),
        ("HL7v2 feeds", "hl7-v2", "HL7v2"),
        ("HL7 v2.x feeds", "hl7-v2", "HL7 v2.x"),
    ],
)
def test_extract_profile_survives_spelling_variants(
    toy_nlp: Pipeline, toy_bundle: DataBundle, text: str, skill: str, surface: str
) -> None:
    assert (skill, surface) in _found(toy_nlp, toy_bundle, text)


def test_longest_match_wins(toy_nlp: Pipeline, toy_bundle: DataBundle) -> None:
    assert _found(toy_nlp, toy_bundle, "Epic Cadence scheduling") == [
        ("epic-cadence", "Epic Cadence")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "It was an epic effort.",
        "Epic effort all round.",
        "Grade R of the scale.",
        "Gave staff Access to the building.",
        "access control lists",
    ],
)
def test_ambiguous_aliases_without_context_are_dropped(
    toy_nlp: Pipeline, toy_bundle: DataBundle, text: str
) -> None:
    assert _found(toy_nlp, toy_bundle, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Languages: Python, R, SQL", ("r-language", "R")),
        ("EHRs: Cerner and Epic", ("epic", "Epic")),
        ("Tools: Excel, Access, ServiceNow", ("microsoft-access", "Access")),
        ("Built Epic Cadence templates; Epic certified", ("epic", "Epic")),
    ],
)
def test_ambiguous_aliases_with_context_are_kept(
    toy_nlp: Pipeline, toy_bundle: DataBundle, text: str, expected: tuple[str, str]
) -> None:
    assert expected in _found(toy_nlp, toy_bundle, text)


def test_extract_profile_rejects_text_over_the_limit(
    toy_nlp: Pipeline, toy_bundle: DataBundle
) -> None:
    with pytest.raises(InputError, match="the limit is 10"):
        extract_profile(toy_nlp, toy_bundle, "x" * 11, max_chars=10)


def test_pipeline_round_trips_through_disk(
    toy_nlp: Pipeline, toy_bundle: DataBundle, tmp_path: pytest.TempPathFactory
) -> None:
    toy_nlp.to_disk(tmp_path)  # type: ignore[arg-type]
    restored = spacy.load(tmp_path)  # type: ignore[arg-type]
    text = "Skills: Python, R, Epic Cadence"
    assert _found(restored, toy_bundle, text) == _found(toy_nlp, toy_bundle, text)
