from __future__ import annotations

import pytest

from matcher.taxonomy import DataBundle, alias_key


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("HL7 v2", "hl7 v2"),
        ("hl7-V2", "hl7 v2"),
        ("HL7  /  v2", "hl7 v2"),
        ("C++", "c++"),
        ("C#", "c#"),
    ],
)
def test_alias_key_normalises_case_and_separators(text: str, key: str) -> None:
    assert alias_key(text) == key


def test_index_hierarchy(toy_bundle: DataBundle) -> None:
    index = toy_bundle.index
    assert index.ancestors("epic-cadence") == ("epic",)
    assert set(index.descendants("epic")) == {"epic-ambulatory", "epic-cadence", "epic-inpatient"}
    assert index.ancestors("epic") == ()
    assert "epic" in index and "nonexistent" not in index
    assert len(index) == 26


def test_index_lookup_is_separator_insensitive(toy_bundle: DataBundle) -> None:
    found = toy_bundle.index.lookup("hl7-v2.x")
    assert found is not None and found.skill_id == "hl7-v2"
    assert toy_bundle.index.lookup("no such thing") is None
