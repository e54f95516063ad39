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
        # the space a PDF lost after "of"/"from" before a capital is put back
        (
            "Bachelor ofScience, knowledge ofHIPAA, fromSSO",
            "Bachelor of Science, knowledge of HIPAA, from SSO",
        ),
        ("often Offered; proofOf; ofthe", "often Offered; proofOf; ofthe"),
    ],
)
def test_normalise_text_cleans_bullets_hyphens_and_spaces(raw: str, expected: str) -> None:
    assert normalise_text(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # UTF-8 read as Windows-1252 by an export: decoded again, then a bullet like any other
        ("â€¢ Managed accounts â€“ 2019, Ã©cole", "• Managed accounts – 2019, école"),
        ("Epic Â® certified", "Epic ® certified"),
        # text that only looks odd is left alone
        ("SÃO PAULO, Brazil", "SÃO PAULO, Brazil"),
        ("naïve café résumé – “quoted”", "naïve café résumé – “quoted”"),
    ],
)
def test_normalise_text_repairs_mojibake_only(raw: str, expected: str) -> None:
    assert normalise_text(raw) == expected


def test_normalise_is_idempotent_so_offsets_stay_valid() -> None:
    raw = "Name\n❖ one\n\n\n- two-\nthree   four\n•\nfive\nâ€¢ six â€“ Ã©cole ofHIPAA"
    once = normalise_text(raw)
    assert normalise_text(once) == once


def test_running_headers_and_page_numbers_removed_only_on_paged_documents() -> None:
    pages = ["Jane Example CV\nEXPERIENCE\nAnalyst\n1", "Jane Example CV\nTrainer\nPage 2 of 2"]
    assert normalise_pages(pages, paged=True) == "EXPERIENCE\nAnalyst\nTrainer"
    assert normalise_pages(["Jane Example CV\n1"], paged=False) == "Jane Example CV\n1"
