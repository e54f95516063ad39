"""Plain-text documents: decode bytes with the encoding they most plausibly use."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from matcher.errors import UnsupportedFormatError

__all__ = ["decode_text", "looks_binary"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = frozenset(range(0, 32)) - {9, 10, 12, 13}
_SAMPLE = 64 * 1024
_MAX_NON_ASCII_SHARE = 0.3
# Encodings charset-normalizer may pick for short Western text that Windows-1252 reads
# as well; resumes in the US are far more often cp1252 than any of these.
_WESTERN = {"cp1252", "windows-1252", "latin_1", "iso8859_1", "iso8859_15", "cp1250", "mac_roman"}


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM: every other byte is NUL in ASCII-heavy text."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:_SAMPLE]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    encoding = "utf-16-le" if odd > 0.4 * half and even == 0 else None
    encoding = "utf-16-be" if even > 0.4 * half and odd == 0 else encoding
    if encoding is None:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def looks_binary(data: bytes) -> bool:
    """Whether bytes without a BOM are unlikely to be text (NULs or many control bytes)."""
    sample = data[:_SAMPLE]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b in _CONTROL)
    return controls > 0.05 * len(sample)


def _plausible_cp1252(data: bytes) -> bool:
    """Western text: few of its letters are non-ASCII (accents, smart quotes)."""
    sample = data[:_SAMPLE].decode("cp1252", errors="replace")
    letters = [ch for ch in sample if ch.isalpha()]
    non_ascii = sum(1 for ch in letters if ord(ch) > 127)
    return bool(letters) and non_ascii <= _MAX_NON_ASCII_SHARE * len(letters)


def decode_text(data: bytes) -> str:
    """Decode a text file: BOM, UTF-16 without BOM, UTF-8, then the detected charset.

    Text that is not UTF-8 is read as Windows-1252 when that gives mostly ASCII letters
    (the common case for US resumes); otherwise charset-normalizer picks the encoding,
    falling back to Windows-1252 (undecodable bytes replaced) when it is unsure.

    Raises:
        UnsupportedFormatError: the bytes are not text.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    if looks_binary(data):
        raise UnsupportedFormatError(
            "the file is not plain text (it contains binary data) and is not a format we "
            "read. Upload your resume as PDF, DOCX, RTF, HTML, ODT or plain text."
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _plausible_cp1252(data):
        return data.decode("cp1252", errors="replace")
    best = from_bytes(data[:_SAMPLE]).best()
    if best is not None and best.encoding.replace("-", "_") not in _WESTERN:
        try:
            return data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            pass
    # cp1252 maps every byte but five; those five are replaced, not fatal.
    return data.decode("cp1252", errors="replace")
