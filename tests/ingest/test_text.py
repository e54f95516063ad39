from __future__ import annotations

import codecs

import pytest

from matcher.errors import (
    DocumentTooLargeError,
    EmptyDocumentError,
    InputError,
    UnsupportedFormatError,
)
from matcher.ingest import IngestLimits, read_document

LIMITS = IngestLimits(
    max_bytes=10_000, max_pages=3, timeout_seconds=10, max_expanded_bytes=10**6, max_zip_entries=50
)


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("Café — HL7 résumé".encode(), "Café — HL7 résumé"),
        (codecs.BOM_UTF8 + "naïve".encode(), "naïve"),
        (codecs.BOM_UTF16_LE + "Epic Ambulatory".encode("utf-16-le"), "Epic Ambulatory"),
        ("Epic Ambulatory trainer".encode("utf-16-le"), "Epic Ambulatory trainer"),
        ("Café “quoted”".encode("cp1252"), "Café “quoted”"),
        (b"line one\r\nline two   \r\n\r\n", "line one\nline two"),
        (
            "Медицинская информатика и электронные медицинские карты".encode("cp1251"),
            "Медицинская информатика и электронные медицинские карты",
        ),
    ],
)
def test_read_document_decodes_common_encodings(data: bytes, text: str) -> None:
    doc = read_document(data, filename="resume.txt", limits=LIMITS)
    assert doc.text == text
    assert doc.source_format == "txt" and doc.filename == "resume.txt"


@pytest.mark.parametrize(
    ("data", "filename", "error", "message"),
    [
        (b"", "resume.txt", EmptyDocumentError, "contains no text"),
        (b"  \n\t\n", "resume.txt", EmptyDocumentError, "contains no text"),
        (b"\x00\x01\x02PK", "resume.txt", UnsupportedFormatError, "not plain text"),
        (b"x" * 10_001, "resume.txt", DocumentTooLargeError, "the limit is 10,000 bytes"),
    ],
)
def test_read_document_rejects_bad_input_clearly(
    data: bytes, filename: str, error: type[InputError], message: str
) -> None:
    with pytest.raises(error, match=message):
        read_document(data, filename=filename, limits=LIMITS)
