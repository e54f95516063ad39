"""File -> :class:`~matcher.domain.RawDocument`.

Plain text for now; PDF, DOCX, RTF and HTML readers plug in here by format.
"""

from __future__ import annotations

from matcher.domain import RawDocument
from matcher.errors import InputError, UnsupportedFormatError
from matcher.ingest.text import decode_text, normalise_text

__all__ = ["SUPPORTED_SUFFIXES", "read_document"]

SUPPORTED_SUFFIXES = (".txt", ".text", ".md")


def read_document(data: bytes, *, filename: str | None, max_bytes: int) -> RawDocument:
    """Turn a submitted file into normalised text.

    Args:
        data: the file's bytes.
        filename: the name it was submitted under (used for its suffix).
        max_bytes: the largest file accepted.

    Returns:
        The document's normalised text.

    Raises:
        InputError: the file is empty, too large or not text.
        UnsupportedFormatError: the file's format is not one we read.
    """
    if len(data) > max_bytes:
        raise InputError(f"the file is {len(data):,} bytes; the limit is {max_bytes:,} bytes")
    suffix = (
        "" if filename is None or "." not in filename else "." + filename.rsplit(".", 1)[1].lower()
    )
    if suffix and suffix not in SUPPORTED_SUFFIXES:
        raise UnsupportedFormatError(
            f"files of type {suffix!r} are not supported yet; "
            f"use one of: {', '.join(SUPPORTED_SUFFIXES)}"
        )
    text = normalise_text(decode_text(data))
    if not text.strip():
        raise InputError("the file contains no text")
    return RawDocument(text=text, source_format="txt", filename=filename)
