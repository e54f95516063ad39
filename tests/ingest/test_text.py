from __future__ import annotations

import codecs

import pytest

from matcher.errors import InputError, UnsupportedFormatError
from matcher.ingest import read_document

LIMIT = 10_000


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("Café — HL7 résumé".encode(), "Café — HL7 résumé"),
        (codecs.BOM_UTF8 + "naïve".encode(), "naïve"),
        (codecs.BOM_UTF16_LE + "Epic Ambulatory".encode("utf-16-le"), "Epic Ambulatory"),
        ("Café “quoted”".encode("cp1252"), "Café “quoted”"),
        (b"line one\r\nline two   \r\n\r\n", "line one\nline two"),
    ],
)
def test_read_document_decodes_common_encodings(data: bytes, text: str) -> None:
    doc = read_document(data, filename="resume.txt", max_bytes=LIMIT)
    assert doc.text == text
    assert doc.source_format == "txt" and doc.filename == "resume.txt"


@pytest.mark.parametrize(
    ("data", "filename", "error", "message"),
    [
        (b"", "resume.txt", InputError, "contains no text"),
        (b"  \n\t\n", "resume.txt", InputError, "contains no text"),
        (b"\x00\x01\x02PK", "resume.txt", InputError, "not plain text"),
        (b"x" * (LIMIT + 1), "resume.txt", InputError, "the limit is 10,000 bytes"),
        (b"%PDF-1.7", "resume.pdf", UnsupportedFormatError, "'.pdf' are not supported yet"),
    ],
)
def test_read_document_rejects_bad_input_clearly(
    data: bytes, filename: str, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        read_document(data, filename=filename, max_bytes=LIMIT)
