from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from matcher.skills import build_patterns, surface_variants
from matcher.taxonomy import DataBundle, load_bundle


@pytest.mark.parametrize(
    ("alias", "expected"),
    [
        ("e-prescribing", {"e-prescribing", "e prescribing", "eprescribing"}),
        ("workflow analysis", {"workflow analysis", "workflow analyses", "workflow-analysis"}),
        ("EHR", {"EHR", "EHRs"}),
        ("health technology", {"health technologies"}),
        ("CIPP/US", {"CIPP/US", "CIPP US", "CIPPUS"}),
    ],
)
def test_surface_variants_cover_real_spellings(alias: str, expected: set[str]) -> None:
    variants = surface_variants(alias)
    assert variants[0] == alias
    assert expected <= set(variants)
    assert len(variants) == len(set(variants))


@pytest.mark.parametrize("alias", ["HL7 v2.5.1", "C++", "ICD-10"])
def test_surface_variants_add_no_plural_to_codes(alias: str) -> None:
    assert not any(v.endswith("s") and not alias.endswith("s") for v in surface_variants(alias))


def test_build_patterns_mark_case_sensitive_aliases(toy_bundle: DataBundle) -> None:
    patterns = build_patterns(toy_bundle)
    r_patterns = [p for p in patterns if p["label"] == "r-language" and p["case_sensitive"]]
    assert r_patterns == [
        {
            "label": "r-language",
            "pattern": "R",
            "id": "programming-data|ctx",
            "case_sensitive": True,
        }
    ]
    python = [p for p in patterns if p["label"] == "python"]
    assert {
        "label": "python",
        "pattern": "Python",
        "id": "programming-data|",
        "case_sensitive": False,
    } in python
    keys = [(p["label"], p["pattern"], p["id"]) for p in patterns]
    assert len(keys) == len(set(keys))


def test_case_sensitive_aliases_also_match_in_capitals(toy_bundle: DataBundle) -> None:
    epic = {p["pattern"] for p in build_patterns(toy_bundle) if p["label"] == "epic"}
    assert {"Epic", "EPIC"} <= epic


def test_capitals_only_for_the_alias_as_written(editable_data: Callable[[], Path]) -> None:
    data = editable_data()
    with (data / "taxonomy" / "skills" / "method.csv").open("a") as handle:
        handle.write("medi-cal,Medi-Cal,,A state program.\n")
    with (data / "taxonomy" / "aliases" / "method.csv").open("a") as handle:
        handle.write("medi-cal,Medi-Cal,true,true\n")
    forms = {p["pattern"] for p in build_patterns(load_bundle(data)) if p["label"] == "medi-cal"}
    assert "MEDI-CAL" in forms and "MediCal" in forms
    assert "MEDICAL" not in forms


def test_generated_variants_never_take_another_skills_alias(
    editable_data: Callable[[], Path],
) -> None:
    data = editable_data()
    with (data / "taxonomy" / "skills" / "certification.csv").open("a") as handle:
        handle.write("ccs-p,CCS-P,,A coding credential.\nccsp,CCSP,,A cloud security credential.\n")
    bundle = load_bundle(data)
    patterns = build_patterns(bundle)
    ccsp_owners = {p["label"] for p in patterns if p["pattern"] == "CCSP"}
    assert ccsp_owners == {"ccsp"}
    assert {p["pattern"] for p in patterns if p["label"] == "ccs-p"} >= {"CCS-P", "CCS P"}


def test_three_word_aliases_get_each_hyphenated_pair() -> None:
    variants = set(surface_variants("service oriented architecture"))
    assert {"service-oriented architecture", "service oriented-architecture"} <= variants
    assert "service-oriented-architecture" in variants


def test_one_word_context_aliases_get_no_plural(toy_bundle: DataBundle) -> None:
    patterns = {p["pattern"] for p in build_patterns(toy_bundle)}
    assert "Epic" in patterns and "Epics" not in patterns
    assert "Access" in patterns and "Accesses" not in patterns


def test_surface_variants_without_plurals() -> None:
    assert surface_variants("initiative", plurals=False) == ["initiative"]
