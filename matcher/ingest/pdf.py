"""PDF documents: the text layer, read with PDFium (pypdfium2), in reading order.

Every character's box is read and laid out by :mod:`matcher.ingest.pdf_layout`
(spaces restored from gaps, two-column pages read column by column). A page with no
text but with images is a scan: if every page is, :class:`NoTextLayerError` says so;
if only some are, a warning does.

Limits: the deadline is checked between pages and every few thousand characters; a
document whose pages hold more characters than ``limits.max_chars`` is refused as soon
as a page's count shows it, before its characters are laid out. PDFium itself is native
code that cannot be interrupted while it parses a page: a small file can hide a huge
compressed content stream, so the service reads uploads in a separate process that is
killed at the deadline (:mod:`matcher.ingest.isolated`).
"""

from __future__ import annotations

import ctypes

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from matcher.errors import (
    CorruptDocumentError,
    DocumentTooLargeError,
    EmptyDocumentError,
    EncryptedDocumentError,
    NoTextLayerError,
)
from matcher.ingest._limits import Deadline, IngestLimits
from matcher.ingest._types import Extracted
from matcher.ingest.pdf_layout import Glyph, page_lines

__all__ = ["read_pdf"]

_PASSWORD_ERROR = 4  # FPDF_ERR_PASSWORD
_LINE_END_HYPHEN = 2


_CHECK_EVERY = 4096  # characters between deadline checks


def _glyphs(textpage: pdfium.PdfTextPage, count: int, deadline: Deadline) -> list[Glyph]:
    glyphs: list[Glyph] = []
    space = False
    for start in range(0, count, _CHECK_EVERY):
        deadline.check()
        space = _read_glyphs(textpage.raw, start, min(count, start + _CHECK_EVERY), glyphs, space)
    return glyphs


def _read_glyphs(raw: object, start: int, stop: int, glyphs: list[Glyph], space: bool) -> bool:
    # Characters start..stop-1 appended to ``glyphs``; returns whether a space is pending.
    box = pdfium_c.FS_RECTF()
    for i in range(start, stop):
        code = pdfium_c.FPDFText_GetUnicode(raw, i)
        if code in (0, 0xFFFE, 0xFFFF) or 0xD800 <= code <= 0xDFFF:
            continue
        # PDFium reports a hyphen that ends a line as U+0002.
        char = "-" if code == _LINE_END_HYPHEN else chr(code)
        if char.isspace():
            space = space or not pdfium_c.FPDFText_IsGenerated(raw, i)
            continue
        # Loose boxes (advance width x font ascent/descent) share one height per line,
        # unlike tight glyph boxes, so commas and "i"s stay on their line.
        if not pdfium_c.FPDFText_GetLooseCharBox(raw, i, ctypes.byref(box)):
            continue
        glyphs.append(Glyph(char, box.left, box.bottom, box.right, box.top, space))
        space = False
    return space


def _too_many_chars(limit: int) -> DocumentTooLargeError:
    return DocumentTooLargeError(
        f"this PDF holds more than {limit:,} characters of text, far more than a resume; "
        "it was not read. Upload your resume itself (a few pages), exported again as PDF "
        "or DOCX."
    )


def _has_images(page: pdfium.PdfPage) -> bool:
    return any(True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2))


def _open(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == _PASSWORD_ERROR or "password" in str(exc).lower():
            raise EncryptedDocumentError(
                "this PDF is protected by a password, so its text cannot be read. Save or "
                "export it again without a password (or 'print to PDF') and re-upload it."
            ) from exc
        raise CorruptDocumentError(
            "this PDF is damaged or incomplete (it may have been cut off while uploading "
            "or downloading). Export it again from your resume tool and re-upload it."
        ) from exc


def read_pdf(data: bytes, *, limits: IngestLimits, deadline: Deadline) -> Extracted:
    """Extract the text layer of a PDF, page by page.

    Raises:
        CorruptDocumentError: the file is damaged.
        EncryptedDocumentError: the file needs a password.
        DocumentTooLargeError: more pages than ``limits.max_pages``.
        NoTextLayerError: every page is an image (a scan).
        EmptyDocumentError: no page holds text or images.
        DocumentTimeoutError: reading took longer than the time limit.
    """
    pdf = _open(data)
    try:
        n_pages = len(pdf)
        if n_pages > limits.max_pages:
            raise DocumentTooLargeError(
                f"this PDF has {n_pages} pages; resumes over {limits.max_pages} pages are "
                "not accepted. Upload a shorter version of your resume."
            )
        pages: list[str] = []
        scanned: list[int] = []
        chars = 0
        for number in range(n_pages):
            deadline.check()
            page = pdf[number]
            try:
                textpage = page.get_textpage()
                try:
                    count = textpage.count_chars()
                    chars += count
                    if chars > limits.max_chars:
                        raise _too_many_chars(limits.max_chars)
                    glyphs = _glyphs(textpage, count, deadline)
                finally:
                    textpage.close()
                deadline.check()
                lines = page_lines(glyphs, width=page.get_width())
                if not lines and _has_images(page):
                    scanned.append(number + 1)
            finally:
                page.close()
            pages.append("\n".join(lines))
    except pdfium.PdfiumError as exc:
        raise CorruptDocumentError(
            "part of this PDF is damaged and cannot be read. Export it again from your "
            "resume tool and re-upload it."
        ) from exc
    finally:
        pdf.close()
    if not any(p.strip() for p in pages):
        if scanned:
            raise NoTextLayerError(
                "this PDF is a scanned image with no text layer, so its words cannot be "
                "read. Upload the original document (DOCX or a PDF exported from your word "
                "processor), or run it through OCR first."
            )
        raise EmptyDocumentError("this PDF has no text. Check that you chose the right file.")
    warnings = [
        f"page {n} is a scanned image without text; its content was not read" for n in scanned
    ]
    return Extracted(pages=pages, paged=True, warnings=warnings)
