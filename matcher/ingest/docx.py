"""DOCX documents: paragraphs and tables in document order (python-docx).

Tables are read cell by cell, row by row, so a two-column resume template built as a
table comes out one column cell at a time. Paragraphs in a Word list get a bullet. The
first section's header (where resume templates often put the name and contact line) is
read before the body; footers are skipped.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml.etree import XMLSyntaxError

from matcher.errors import CorruptDocumentError
from matcher.ingest._limits import Deadline, IngestLimits
from matcher.ingest._types import Extracted
from matcher.ingest._zipguard import ZIP_READ_ERRORS, open_zip
from matcher.ingest.normalise import BULLET

__all__ = ["read_docx"]

_P, _TBL = qn("w:p"), qn("w:tbl")
_READ_ERRORS: tuple[type[Exception], ...] = (
    PackageNotFoundError,
    XMLSyntaxError,
    RecursionError,
    *ZIP_READ_ERRORS,
)


def _paragraph_text(paragraph: Paragraph) -> str:
    text = paragraph.text
    ppr = paragraph._p.pPr
    numbered = ppr is not None and ppr.numPr is not None
    style = paragraph.style.name if paragraph.style is not None else ""
    if text.strip() and (numbered or (style or "").startswith("List")):
        return f"{BULLET} {text}"
    return text


def _blocks(parent: Any, owner: Any, deadline: Deadline) -> Iterator[str]:
    for child in parent.iterchildren():
        deadline.check()
        if child.tag == _P:
            yield _paragraph_text(Paragraph(child, owner))
        elif child.tag == _TBL:
            seen: set[int] = set()
            for row in Table(child, owner).rows:
                for cell in row.cells:
                    if id(cell._tc) in seen:  # merged cells repeat
                        continue
                    seen.add(id(cell._tc))
                    yield from _blocks(cell._tc, cell, deadline)


def read_docx(data: bytes, *, limits: IngestLimits, deadline: Deadline) -> Extracted:
    """Extract the text of a DOCX file.

    Raises:
        CorruptDocumentError: the file is not a readable DOCX package.
        DocumentTooLargeError: the package is a zip bomb or over the limits.
    """
    open_zip(data, kind="DOCX", limits=limits).close()
    try:
        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []
        sections = document.sections
        if len(sections) and not sections[0].header.is_linked_to_previous:
            lines.extend(_blocks(sections[0].header._element, sections[0].header, deadline))
        lines.extend(_blocks(document.element.body, document, deadline))
    except _READ_ERRORS as exc:
        raise CorruptDocumentError(
            "this DOCX file is damaged or is not really a Word document. Open it in your "
            "word processor, save it again as .docx and re-upload it, or upload a PDF."
        ) from exc
    return Extracted(pages=["\n".join(lines)])
