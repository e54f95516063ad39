"""File -> :class:`~matcher.domain.RawDocument`: PDF, DOCX, ODT, RTF, HTML and text.

:func:`read_document` sniffs the format from the content (:mod:`._registry`), runs
that format's reader under the configured limits (bytes, pages, expanded size, entry
count, a per-document deadline) and normalises the result (:mod:`.normalise`); the
normalised text is the one every character offset in the engine refers to. Every
problem with the file is an :class:`~matcher.errors.InputError` subclass whose message
tells the graduate what is wrong and what to do.
"""

from __future__ import annotations

import logging

from matcher.config import get_settings
from matcher.domain import RawDocument
from matcher.errors import (
    CorruptDocumentError,
    DocumentTooLargeError,
    EmptyDocumentError,
    InputError,
)
from matcher.ingest._limits import Deadline, IngestLimits, out_of_memory
from matcher.ingest._registry import FORMATS, MEDIA_TYPES, sniff_format
from matcher.ingest._types import Extracted
from matcher.ingest.docx import read_docx
from matcher.ingest.html import read_html
from matcher.ingest.normalise import normalise_pages, normalise_text
from matcher.ingest.odt import read_odt
from matcher.ingest.pdf import read_pdf
from matcher.ingest.rtf import read_rtf
from matcher.ingest.text import decode_text

__all__ = [
    "FORMATS",
    "MEDIA_TYPES",
    "SUPPORTED_SUFFIXES",
    "IngestLimits",
    "normalise_text",
    "read_document",
    "sniff_format",
]

SUPPORTED_SUFFIXES = tuple(s for suffixes in FORMATS.values() for s in suffixes)

log = logging.getLogger(__name__)


def _extract(fmt: str, data: bytes, limits: IngestLimits, deadline: Deadline) -> Extracted:
    if fmt == "pdf":
        return read_pdf(data, limits=limits, deadline=deadline)
    if fmt == "docx":
        return read_docx(data, limits=limits, deadline=deadline)
    if fmt == "odt":
        return read_odt(data, limits=limits, deadline=deadline)
    if fmt == "rtf":
        return read_rtf(data)
    text = decode_text(data)
    if fmt == "html":
        return read_html(text, deadline=deadline)
    return Extracted(pages=[text])


def read_document(
    data: bytes, *, filename: str | None, limits: IngestLimits | None = None
) -> RawDocument:
    """Turn a submitted file into normalised text.

    Args:
        data: the file's bytes.
        filename: the name it was submitted under (a hint; the content decides).
        limits: size, page and time limits (default: from the process settings).

    Returns:
        The document's normalised text, its detected format, page count and warnings.

    Raises:
        InputError: a subclass saying what is wrong with the file (empty, too large,
            corrupt, encrypted, scanned without text, unsupported, too slow to read).
    """
    limits = limits or IngestLimits.from_settings(get_settings())
    if len(data) > limits.max_bytes:
        raise DocumentTooLargeError(
            f"the file is {len(data):,} bytes; the limit is {limits.max_bytes:,} bytes. "
            "Upload a smaller file (remove embedded images, or export as plain PDF)."
        )
    if not data.strip():
        raise EmptyDocumentError("the file contains no text: check that you chose the right file.")
    fmt = sniff_format(data, filename)
    try:
        extracted = _extract(fmt, data, limits, Deadline(limits.timeout_seconds))
    except InputError:
        raise
    except MemoryError as exc:
        raise out_of_memory() from exc
    except Exception as exc:  # noqa: BLE001 - a hostile file may break a parser anywhere
        # The type only: a parser's message may quote the document.
        log.warning("the %s reader failed on a file: %s", fmt, type(exc).__name__)
        raise CorruptDocumentError(
            f"this {fmt.upper()} file could not be read: it is damaged or uses a feature "
            "we cannot read. Save it again from your word processor, or upload a PDF."
        ) from exc
    text = normalise_pages(extracted.pages, paged=extracted.paged)
    if len(text) > limits.max_chars:
        raise DocumentTooLargeError(
            f"this file's text has {len(text):,} characters; the limit is "
            f"{limits.max_chars:,}, far more than a resume needs. Upload your resume itself "
            "(a few pages)."
        )
    if not text.strip():
        raise EmptyDocumentError("the file contains no text: check that you chose the right file.")
    return RawDocument(
        text=text,
        source_format=fmt,
        filename=filename,
        pages=len(extracted.pages) if extracted.paged else None,
        warnings=tuple(extracted.warnings),
    )
