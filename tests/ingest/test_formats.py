from __future__ import annotations

import pytest

from matcher.errors import (
    CorruptDocumentError,
    DocumentTimeoutError,
    DocumentTooLargeError,
    EncryptedDocumentError,
    InputError,
    NoTextLayerError,
    UnsupportedFormatError,
)
from matcher.ingest import IngestLimits, read_document, sniff_format
from tests.ingest.builders import make_docx, make_image_pdf, make_odt, make_pdf, make_zip_bomb

LIMITS = IngestLimits(
    max_bytes=2_000_000,
    max_pages=3,
    timeout_seconds=30,
    max_expanded_bytes=5_000_000,
    max_zip_entries=100,
)


def test_pdf_single_column_reads_lines_in_order() -> None:
    data = make_pdf([[(20, 20, "Jane Example"), (20, 30, "EXPERIENCE"), (20, 40, "Analyst")]])
    doc = read_document(data, filename="resume.pdf", limits=LIMITS)
    assert doc.source_format == "pdf" and doc.pages == 1
    assert doc.text == "Jane Example\nEXPERIENCE\nAnalyst"


def test_pdf_two_columns_are_not_interleaved() -> None:
    left = [(15, 40 + 6 * i, f"left column line {i} about clinics") for i in range(8)]
    right = [(115, 42 + 6 * i, f"right column line {i} about EHR") for i in range(8)]
    data = make_pdf(
        [[(15, 20, "Jane Example, RHIT - Health Information Technician")] + left + right]
    )
    text = read_document(data, filename="cv.pdf", limits=LIMITS).text
    lines = text.split("\n")
    assert lines[0].startswith("Jane Example")
    assert lines[1:9] == [f"left column line {i} about clinics" for i in range(8)]
    assert lines[9:17] == [f"right column line {i} about EHR" for i in range(8)]


def test_pdf_headers_footers_and_page_numbers_do_not_break_sections() -> None:
    pages = []
    for n in (1, 2):
        body = [(20, 40 + 8 * i, f"Item {n}.{i} of the experience section") for i in range(3)]
        header = (20, 10, "Jane Example - Resume")
        footer = (100, 285, f"Page {n} of 2")
        pages.append([header, *body, footer])
    text = read_document(make_pdf(pages), filename="r.pdf", limits=LIMITS).text
    assert "Page" not in text
    assert text.count("Jane Example - Resume") == 0
    assert "Item 1.2 of the experience section\nItem 2.0 of the experience section" in text


def test_pdf_restores_word_spaces_and_joins_hyphenated_words() -> None:
    data = make_pdf([[(20, 20, "Led the implemen-"), (20, 26, "tation of Epic")]])
    assert read_document(data, filename="r.pdf", limits=LIMITS).text == (
        "Led the implementation of Epic"
    )


@pytest.mark.parametrize(
    ("data", "error", "message"),
    [
        (make_image_pdf(), NoTextLayerError, "no text layer"),
        (make_pdf([[(20, 20, "secret")]], password="pw"), EncryptedDocumentError, "password"),
        (make_pdf([[(20, 20, "text")]])[:300], CorruptDocumentError, "damaged or incomplete"),
        (
            make_pdf([[(20, 20, "page")]] * 4),
            DocumentTooLargeError,
            "4 pages; resumes over 3 pages",
        ),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, UnsupportedFormatError, "an image"),
        (b"%PDF-1.4 junk", CorruptDocumentError, "damaged"),
    ],
)
def test_bad_pdfs_give_typed_errors(data: bytes, error: type[InputError], message: str) -> None:
    with pytest.raises(error, match=message):
        read_document(data, filename="resume.pdf", limits=LIMITS)


def test_random_bytes_named_pdf_are_reported_as_not_a_pdf() -> None:
    junk = bytes(range(256)) * 8
    with pytest.raises(CorruptDocumentError, match=r"named \.pdf but its content is not a PDF"):
        read_document(junk, filename="resume.pdf", limits=LIMITS)


def test_docx_reads_paragraphs_bullets_and_tables_in_order() -> None:
    data = make_docx(
        ["Jane Example", "SKILLS", "* Epic Ambulatory", "* SQL"],
        table=[["Certifications", "RHIT, CPHIMS"]],
    )
    doc = read_document(data, filename="resume.docx", limits=LIMITS)
    assert doc.source_format == "docx"
    assert (
        doc.text == "Jane Example\nSKILLS\n• Epic Ambulatory\n• SQL\nCertifications\nRHIT, CPHIMS"
    )


def test_docx_zip_bomb_is_refused_before_parsing() -> None:
    with pytest.raises(DocumentTooLargeError, match="expands to far more data"):
        read_document(make_zip_bomb(20_000_000), filename="resume.docx", limits=LIMITS)


def test_truncated_docx_is_corrupt() -> None:
    data = make_docx(["Jane Example"])
    with pytest.raises(CorruptDocumentError, match="damaged"):
        read_document(data[: len(data) // 2], filename="resume.docx", limits=LIMITS)


def test_format_comes_from_content_not_name() -> None:
    data = make_docx(["Jane Example"])
    assert sniff_format(data, "resume.pdf") == "docx"
    assert read_document(data, filename="resume.pdf", limits=LIMITS).text == "Jane Example"


def test_odt_rtf_and_html_are_read() -> None:
    odt = read_document(make_odt(["Jane Example", "EDUCATION"]), filename="r.odt", limits=LIMITS)
    assert (odt.source_format, odt.text) == ("odt", "Jane Example\nEDUCATION")
    rtf = rb"{\rtf1\ansi{\fonttbl\f0 Arial;}\f0 Jane Example\par Caf\'e9 \b SKILLS\b0\par}"
    doc = read_document(rtf, filename="r.rtf", limits=LIMITS)
    assert (doc.source_format, doc.text) == ("rtf", "Jane Example\nCafé SKILLS")
    html = (
        b"<html><head><title>x</title><style>p{}</style></head><body><h1>Jane Example</h1>"
        b"<ul><li>Epic</li><li>SQL &amp; Python</li></ul><script>var a;</script></body></html>"
    )
    doc = read_document(html, filename="resume.html", limits=LIMITS)
    assert (doc.source_format, doc.text) == ("html", "Jane Example\n• Epic\n• SQL & Python")


def test_old_doc_and_encrypted_office_files_are_explained() -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100
    with pytest.raises(UnsupportedFormatError, match=r"save it as \.docx"):
        read_document(ole, filename="resume.doc", limits=LIMITS)
    encrypted = ole + "EncryptedPackage".encode("utf-16-le")
    with pytest.raises(EncryptedDocumentError, match="password"):
        read_document(encrypted, filename="resume.docx", limits=LIMITS)


def test_deadline_stops_slow_documents() -> None:
    limits = IngestLimits(
        max_bytes=10**6,
        max_pages=3,
        timeout_seconds=1e-9,
        max_expanded_bytes=10**6,
        max_zip_entries=10,
    )
    with pytest.raises(DocumentTimeoutError, match="longer than"):
        read_document(make_pdf([[(20, 20, "text")]]), filename="r.pdf", limits=limits)
