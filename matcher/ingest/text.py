"""Plain-text documents: decode bytes with the encoding they most plausibly use."""

from __future__ import annotations

import codecs
import unicodedata

from matcher.errors import InputError

__all__ = ["decode_text", "normalise_text"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Bytes that never occur in text files of the encodings we read.
_BINARY_MARKERS = (b"\x00",)


def decode_text(data: bytes) -> str:
    """Decode a text file: BOM first, then UTF-8, then Windows-1252.

    Raises:
        InputError: the bytes are not text (they contain NUL bytes without a UTF-16 BOM).
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding)
    if any(marker in data for marker in _BINARY_MARKERS):
        raise InputError("the file is not plain text (it contains binary data)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # cp1252 maps every byte but five; those five are replaced, not fatal.
        return data.decode("cp1252", errors="replace")


def normalise_text(text: str) -> str:
    """Unicode NFC, Unix newlines, no trailing spaces; offsets refer to the result."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")
