from __future__ import annotations

import pytest

from matcher.skills import build_patterns, surface_variants
from matcher.taxonomy import DataBundle


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


def test_build_patterns_case_sensitive_aliases_are_token_patterns(toy_bundle: DataBundle) -> None:
    patterns = build_patterns(toy_bundle, lambda text: text.split())
    r_patterns = [
        p for p in patterns if p["label"] == "r-language" and isinstance(p["pattern"], list)
    ]
    assert r_patterns == [
        {"label": "r-language", "pattern": [{"ORTH": "R"}], "id": "programming-data|ctx"}
    ]
    python = [p for p in patterns if p["label"] == "python"]
    assert {"label": "python", "pattern": "Python", "id": "programming-data|"} in python
    keys = [(p["label"], repr(p["pattern"]), p["id"]) for p in patterns]
    assert len(keys) == len(set(keys))
