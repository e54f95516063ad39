"""Hostile and malformed files: a clear error, bounded time and memory, never a crash."""

from __future__ import annotations

import io
import threading
import time
import tracemalloc
import zipfile
from dataclasses import replace

import pytest

from matcher.errors import (
    CorruptDocumentError,
    DocumentTimeoutError,
    DocumentTooLargeError,
    ServiceBusyError,
)
from matcher.ingest import IngestLimits, read_document, sniff_format
from matcher.ingest.isolated import IsolatedReader
from tests.ingest.builders import make_odt, make_odt_xml, make_pdf, make_text_stream_pdf

LIMITS = IngestLimits(
    max_bytes=5_000_000,
    max_pages=3,
    timeout_seconds=30,
    max_expanded_bytes=5_000_000,
    max_zip_entries=100,
    max_chars=200_000,
)
_MIB = 1024 * 1024


def _zip(members: dict[str, bytes], *, method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=method) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _odt_members() -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(make_odt(["Jane Example"]))) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_odt_space_run_is_capped_and_a_bad_count_is_one_space() -> None:
    body = '<text:p>Python<text:s text:c="1000000000"/>SQL<text:s text:c="abc"/>HL7</text:p>'
    text = read_document(make_odt_xml(body), filename="r.odt", limits=LIMITS).text
    assert text.startswith("Python") and text.endswith("SQL HL7")
    assert len(text) < 200


def test_odt_nested_thousands_deep_is_damaged_not_a_crash() -> None:
    body = "<text:p>" + "<text:span>" * 5000 + "x" + "</text:span>" * 5000 + "</text:p>"
    with pytest.raises(CorruptDocumentError, match="ODT"):
        read_document(make_odt_xml(body), filename="r.odt", limits=LIMITS)


def test_zip_with_unknown_compression_method_is_damaged() -> None:
    data = bytearray(_zip(_odt_members(), method=zipfile.ZIP_STORED))
    # Set every member's compression method (local header and central directory) to 99.
    for signature, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        start = 0
        while (found := data.find(signature, start)) >= 0:
            data[found + offset : found + offset + 2] = (99).to_bytes(2, "little")
            start = found + 4
    with pytest.raises(CorruptDocumentError):
        read_document(bytes(data), filename="r.odt", limits=LIMITS)


def test_zip_member_flagged_encrypted_is_damaged() -> None:
    data = bytearray(_zip(_odt_members()))
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (found := data.find(signature, start)) >= 0:
            data[found + offset] |= 0x01
            start = found + 4
    with pytest.raises(CorruptDocumentError):
        read_document(bytes(data), filename="r.odt", limits=LIMITS)


def test_corrupt_deflated_mimetype_member_is_damaged() -> None:
    members = _odt_members()
    members["mimetype"] = b"application/vnd.oasis.opendocument.text" * 50
    data = bytearray(_zip(members))
    start = data.find(b"PK\x03\x04") + 30 + len("mimetype")
    data[start : start + 20] = b"\xff" * 20  # garbage inside the deflate stream
    with pytest.raises(CorruptDocumentError):
        sniff_format(bytes(data), "r.odt")


def test_sniffing_reads_only_the_start_of_a_huge_mimetype_member() -> None:
    members = _odt_members()
    members["mimetype"] = b"application/vnd.oasis.opendocument.text" + b"\x00" * (200 * _MIB)
    data = _zip(members)
    tracemalloc.start()
    try:
        assert sniff_format(data, "r.odt") == "odt"
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 20 * _MIB


def test_rtf_unicode_escape_out_of_range_is_damaged() -> None:
    with pytest.raises(CorruptDocumentError, match="RTF"):
        read_document(rb"{\rtf1 \u99999999999? Jane}", filename="r.rtf", limits=LIMITS)


def test_pdf_over_the_character_limit_is_refused_before_layout() -> None:
    data = make_text_stream_pdf(20_000)  # 1.3 million characters in a few kilobytes
    assert len(data) < 50_000
    with pytest.raises(DocumentTooLargeError, match="200,000 characters"):
        read_document(data, filename="r.pdf", limits=LIMITS)


def test_text_file_quoting_a_pdf_header_is_read_as_text() -> None:
    data = b"Notes on file formats: every PDF starts with %PDF-1.7 and a binary line.\n"
    assert sniff_format(data, "notes.txt") == "txt"
    assert sniff_format(b"junk\n%PDF-1.4\n", "resume.pdf") == "pdf"
    assert sniff_format(b"%PDF-1.4\n", "notes.txt") == "pdf"


def _reader(**changes: object) -> IsolatedReader:
    limits = replace(LIMITS, **changes)  # type: ignore[arg-type]
    return IsolatedReader(limits, memory_bytes=512 * _MIB, workers=1)


def test_isolated_reader_gives_the_same_document_as_reading_in_process() -> None:
    data = make_pdf([[(20, 20, "Jane Example"), (20, 30, "EXPERIENCE"), (20, 40, "Analyst")]])
    assert _reader().read(data, filename="r.pdf") == read_document(
        data, filename="r.pdf", limits=LIMITS
    )


def test_isolated_reader_passes_errors_about_the_file_back() -> None:
    with pytest.raises(CorruptDocumentError, match="named .pdf"):
        _reader().read(b"just some words", filename="resume.pdf")


def test_isolated_reader_stops_a_memory_bomb_with_a_clear_error() -> None:
    # 8 million characters: PDFium's page text alone needs well over 512 MiB.
    data = make_text_stream_pdf(100_000)
    with pytest.raises(DocumentTooLargeError):
        _reader(max_chars=100_000_000).read(data, filename="r.pdf")


def test_isolated_reader_kills_a_parse_that_outlives_its_deadline() -> None:
    # PDFium lays out the page in native code (seconds for 8 million characters), where no
    # deadline check can run; the reading process is killed instead.
    reader = IsolatedReader(
        replace(LIMITS, max_chars=100_000_000, timeout_seconds=0.2),
        memory_bytes=8 * 1024 * _MIB,
        workers=1,
    )
    started = time.monotonic()
    with pytest.raises(DocumentTimeoutError):
        reader.read(make_text_stream_pdf(100_000), filename="r.pdf")
    assert time.monotonic() - started < 0.2 + 1.0 + 1.0  # deadline + start-up grace + slack


def test_isolated_reader_answers_busy_when_no_slot_frees_in_time() -> None:
    reader = IsolatedReader(
        replace(LIMITS, max_chars=100_000_000, timeout_seconds=0.5),
        memory_bytes=8 * 1024 * _MIB,
        workers=1,
        queue_seconds=0.2,
    )
    slow = threading.Thread(
        target=lambda: pytest.raises(
            DocumentTimeoutError, reader.read, make_text_stream_pdf(100_000), filename="a.pdf"
        )
    )
    slow.start()
    time.sleep(0.1)
    try:
        with pytest.raises(ServiceBusyError, match="try again in 1 second"):
            reader.read(b"Jane Example", filename="b.txt")
    finally:
        slow.join()


def test_text_that_normalises_past_the_character_limit_is_refused() -> None:
    # U+FDFA is one character that normalises to 18: 20,000 of them pass 200,000.
    data = ("\ufdfa" * 20_000).encode("utf-8")
    with pytest.raises(DocumentTooLargeError, match="200,000"):
        read_document(data, filename="r.txt", limits=LIMITS)
