from __future__ import annotations

import pytest

from matcher.ingest.normalise import normalise_pages, normalise_text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("❖ Epic go-live\n➢ Training\n\uf0b7 SQL", "• Epic go-live\n• Training\n• SQL"),
        ("- HL7 interfaces\n* FHIR", "• HL7 interfaces\n• FHIR"),
        ("•\nWorkflow analysis", "• Workflow analysis"),
        ("data manage-\nment and coding", "data management and coding"),
        ("HL7-\nFHIR", "HL7-\nFHIR"),
        ("ﬁnance  and\tﬂow\u00a0team", "finance and flow team"),
        ("a\n\n\n\nb\u00ad", "a\n\nb"),
    ],
)
def test_normalise_text_cleans_bullets_hyphens_and_spaces(raw: str, expected: str) -> None:
    assert normalise_text(raw) == expected


def test_normalise_is_idempotent_so_offsets_stay_valid() -> None:
    raw = "Name\n❖ one\n\n\n- two-\nthree   four\n•\nfive"
    once = normalise_text(raw)
    assert normalise_text(once) == once


def test_running_headers_and_page_numbers_removed_only_on_paged_documents() -> None:
    pages = ["Jane Example CV\nEXPERIENCE\nAnalyst\n1", "Jane Example CV\nTrainer\nPage 2 of 2"]
    assert normalise_pages(pages, paged=True) == "EXPERIENCE\nAnalyst\nTrainer"
    assert normalise_pages(["Jane Example CV\n1"], paged=False) == "Jane Example CV\n1"
