"""Identity-blind text: personal details never reach the role scorer."""

from __future__ import annotations

import pytest

from matcher.scoring.identity import IdentityFilter
from matcher.taxonomy.role_model_schema import IdentityCues

CUES = IdentityCues(
    line_labels=("date of birth", "gender", "personal details"),
    sentence_words=("mother", "married"),
    words=("she", "her", "him", "ms"),
)


@pytest.fixture(scope="module")
def blind() -> IdentityFilter:
    return IdentityFilter.from_cues(CUES)


def test_blind_drops_detail_lines_family_sentences_and_pronouns(blind: IdentityFilter) -> None:
    text = (
        "Ms. Ana Lee\nana@example.org | Boston, MA\nSUMMARY\n"
        "Coder for the HIM department. She trained her team. Mother of two.\n"
        "PERSONAL DETAILS\nGender: Female\nDate of birth: 1 May 1990\n"
    )
    out = blind.blind(
        text, personal_lines=("Ms. Ana Lee", "ana@example.org"), head_lines=("Boston",)
    )
    assert out == "SUMMARY\nCoder for the HIM department. trained team."


def test_blind_keeps_all_capital_acronyms_that_look_like_pronouns(blind: IdentityFilter) -> None:
    assert blind.blind("HIM analyst; worked with him") == "HIM analyst; worked with"


def test_blind_drops_the_city_only_in_the_contact_header(blind: IdentityFilter) -> None:
    text = "Ana Lee\nSpringfield, IL\n\n\n\n\n\nTrainer, Clinic, Springfield, IL 2020-2024"
    out = blind.blind(text, personal_lines=("Ana Lee",), head_lines=("Springfield",))
    assert out == "Trainer, Clinic, Springfield, IL 2020-2024"


def test_blind_removes_name_parts_as_whole_words_only(blind: IdentityFilter) -> None:
    out = blind.blind("Ruby Chen wrote Ruby scripts; Chennai office", personal=("Ruby", "Chen"))
    assert out == "wrote scripts; Chennai office"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("She led the go-live.", "They led the go-live."),
        ("Led the go-live. Mother of two.", "Led the go-live."),
    ],
)
def test_blind_makes_identity_variants_identical(blind: IdentityFilter, a: str, b: str) -> None:
    cues = IdentityCues(line_labels=(), sentence_words=("mother",), words=("she", "they"))
    f = IdentityFilter.from_cues(cues)
    assert f.blind(a) == f.blind(b)


def test_empty_cues_change_only_whitespace() -> None:
    f = IdentityFilter.from_cues(IdentityCues())
    assert f.blind("  Epic   analyst \n\n\n HL7 ") == "Epic analyst\nHL7"
