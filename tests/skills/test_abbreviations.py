"""Abbreviations the text defines in brackets after a skill."""

from __future__ import annotations

import pytest

from matcher.service import MatchingEngine
from matcher.skills.abbreviations import spells_initials


@pytest.mark.parametrize(
    ("abbreviation", "phrase", "spelled"),
    [
        ("MDM", "Master Data Management", True),
        ("PIRs", "post-incident reviews", True),  # hyphenated words, plural
        ("GTM", "Go-to-Market", True),  # a joining word with its initial
        ("IAM", "Identity and Access Management", True),  # ... or without it
        ("PoC", "Proof of Concept", True),
        ("ABAC", "Access Control", False),  # more letters than words
        ("AAA", "Auditing", False),  # one word
        ("Cloud", "Terraform Cloud", False),  # a word, not an abbreviation
        ("CR", "Data Quality", False),
    ],
)
def test_spells_initials(abbreviation: str, phrase: str, spelled: bool) -> None:
    assert spells_initials(abbreviation, phrase) is spelled


@pytest.mark.slow
def test_a_defined_abbreviation_is_a_mention_of_the_same_skill(
    real_engine: MatchingEngine,
) -> None:
    text = "Led Master Data Management (MDM) and post-incident reviews (PIRs); Terraform (TF)."
    found = [(m.surface, m.skill_id) for m in real_engine.extract(text).mentions]
    assert ("MDM", "master-data-management") in found
    assert ("PIRs", "security-incident-review") in found
    assert "TF" not in [surface for surface, _ in found]  # one word cannot spell "TF"
    mdm = next(m for m in real_engine.extract(text).mentions if m.surface == "MDM")
    assert text[mdm.start : mdm.end] == "MDM"
