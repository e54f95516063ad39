"""Header blocks of job text: required, preferred, about the employer, stacked headers."""

from __future__ import annotations

import pytest

from matcher.skills.clauses import (
    EMPLOYER,
    PREFERRED,
    REQUIRED,
    BlockHeaders,
    block_kind,
    requirement_blocks,
)

HEADERS = BlockHeaders.from_words(
    preferred=["preferred", "nice to have"],
    required=["requirements", "qualifications", "who we are looking for"],
    employer=["about us", "benefits", "who we are"],
    about_not_employer=["the", "you"],
)


def _kind_at(text: str, marker: str) -> str | None:
    blocks = requirement_blocks(text, max_header_chars=60, headers=HEADERS)
    return block_kind(blocks, [start for start, _ in blocks], text.index(marker))


@pytest.mark.parametrize(
    ("header", "kind"),
    [
        ("### About Us:", EMPLOYER),
        ("**BENEFITS**", EMPLOYER),
        ("About Acme Health", EMPLOYER),  # "About <employer>"
        ("### About the Role", None),
        ("About You", None),
        ("Who we are looking for:", REQUIRED),  # required words win over "who we are"
        ("Nice to have qualifications", PREFERRED),  # preferred words win
        ("### What you'll do", None),
    ],
)
def test_header_kinds(header: str, kind: str | None) -> None:
    assert HEADERS.kind(header) == kind


def test_an_employer_block_ends_at_the_next_header() -> None:
    text = (
        "### About Us\nAcme builds clinic software.\n\n"
        "### About the Role\nYou will build interfaces.\n\n"
        "### Benefits\n- Wellness programs\n"
    )
    assert _kind_at(text, "Acme builds") == EMPLOYER
    assert _kind_at(text, "You will build") is None
    assert _kind_at(text, "Wellness") == EMPLOYER


def test_a_stacked_header_continues_the_block_above_it() -> None:
    text = (
        "### Qualifications\n\n### What your background looks like:\n- SQL\n\n"
        "### Responsibilities\nWrite reports.\n\n### Day to day\n- Meetings\n"
    )
    assert _kind_at(text, "SQL") == REQUIRED
    # a header with no kind after body text ends the block; the next one stacks on it
    assert _kind_at(text, "Write reports") is None
    assert _kind_at(text, "Meetings") is None


def test_no_headers_no_blocks() -> None:
    assert requirement_blocks("Plain text. More text.", max_header_chars=60, headers=HEADERS) == []
    assert block_kind([], [], 3) is None
