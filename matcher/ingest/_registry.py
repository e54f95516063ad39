"""Which reader a file needs: sniffed from its first bytes, the file name only a hint.

The content decides: a ``.pdf`` that is really a DOCX is read as DOCX. A name that
promises a binary format (``.pdf``, ``.docx``, ``.odt``, ``.rtf``) on content that is
no known format is reported as damaged; other content is read as text (HTML when it
looks like HTML).
"""

from __future__ import annotations

import io
import zipfile

from matcher.errors import (
    CorruptDocumentError,
    EncryptedDocumentError,
    UnsupportedFormatError,
)
from matcher.ingest._zipguard import ZIP_READ_ERRORS

__all__ = ["BINARY_SUFFIXES", "FORMATS", "MEDIA_TYPES", "sniff_format", "suffix_of"]

#: format name -> accepted file suffixes
FORMATS: dict[str, tuple[str, ...]] = {
    "pdf": (".pdf",),
    "docx": (".docx",),
    "odt": (".odt",),
    "rtf": (".rtf",),
    "html": (".html", ".htm", ".xhtml"),
    "txt": (".txt", ".text", ".md"),
}
#: format name -> the media type a file of that format is served with
MEDIA_TYPES: dict[str, str] = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
    "rtf": "application/rtf",
    "html": "text/html",
    "txt": "text/plain",
}
BINARY_SUFFIXES = {".pdf": "PDF", ".docx": "DOCX", ".odt": "ODT", ".rtf": "RTF"}
_SUPPORTED = "PDF, DOCX, ODT, RTF, HTML or plain text"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_IMAGES = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*")
_HTML_MARKERS = (b"<!doctype html", b"<html", b"<body", b"<head", b"<div", b"<p>")


def suffix_of(filename: str | None) -> str:
    """Lower-case suffix with its dot (``".pdf"``), or ``""``."""
    if not filename or "." not in filename:
        return ""
    return "." + filename.rsplit(".", 1)[1].lower()


def _zip_format(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            mimetype = b""
            if "mimetype" in names:
                # Only its first bytes: a member may claim any size before the zip guard.
                with archive.open("mimetype") as member:
                    mimetype = member.read(100)
    except ZIP_READ_ERRORS as exc:
        raise CorruptDocumentError(
            "this file is a damaged or incomplete archive (DOCX and ODT files are zip "
            "archives). Save it again from your word processor and re-upload it."
        ) from exc
    if "word/document.xml" in names:
        return "docx"
    if mimetype.startswith(b"application/vnd.oasis.opendocument.text"):
        return "odt"
    raise UnsupportedFormatError(
        f"this file is a zip archive, not a resume document. Upload a {_SUPPORTED} file."
    )


def sniff_format(data: bytes, filename: str | None) -> str:
    """The format of a file, from its content (see the module docstring).

    Returns:
        A key of :data:`FORMATS`.

    Raises:
        UnsupportedFormatError: a format we do not read (old .doc, images, archives).
        EncryptedDocumentError: a password-protected Office document.
        CorruptDocumentError: the name promises a format the content is not.
    """
    head = data[:1024]
    suffix = suffix_of(filename)
    # The PDF header may follow up to 1 KB of junk; a text file may quote it.
    if head.startswith(b"%PDF-") or (
        b"%PDF-" in head and suffix not in FORMATS["txt"] + FORMATS["html"]
    ):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_format(data)
    if head.lstrip().startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith(_OLE):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise EncryptedDocumentError(
                "this Word file is protected by a password, so it cannot be read. Remove "
                "the password (or save a copy without one) and re-upload it."
            )
        raise UnsupportedFormatError(
            "this is an old-style Word (.doc) or other Office file, which we do not read. "
            "Open it in your word processor and save it as .docx or PDF."
        )
    if head.startswith(_IMAGES):
        raise UnsupportedFormatError(
            "this file is an image, which has no text we can read. Upload your resume as "
            f"a {_SUPPORTED} file."
        )
    if suffix in BINARY_SUFFIXES:
        raise CorruptDocumentError(
            f"this file is named {suffix} but its content is not a {BINARY_SUFFIXES[suffix]} "
            "document: it may be damaged, incomplete or renamed. Export your resume again "
            "and re-upload it."
        )
    lowered = head.lower().replace(b"\x00", b"")
    if suffix in FORMATS["html"] or any(marker in lowered for marker in _HTML_MARKERS):
        return "html"
    return "txt"
