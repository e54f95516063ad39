"""OpenDocument text (ODT): paragraphs, headings, lists and tables from ``content.xml``."""

from __future__ import annotations

from xml.etree import ElementTree

from matcher.errors import CorruptDocumentError
from matcher.ingest._limits import Deadline, IngestLimits
from matcher.ingest._types import Extracted
from matcher.ingest._zipguard import ZIP_READ_ERRORS, open_zip

__all__ = ["read_odt"]

_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_BLOCKS = {f"{_TEXT}p", f"{_TEXT}h"}
_READ_ERRORS: tuple[type[Exception], ...] = (ElementTree.ParseError, *ZIP_READ_ERRORS)
#: Most spaces one ``<text:s text:c="N"/>`` stands for (a layout never needs more).
_MAX_SPACES = 100


def _spaces(count: str | None) -> str:
    try:
        return " " * min(max(int(count or "1"), 1), _MAX_SPACES)
    except ValueError:
        return " "


def _inline(element: ElementTree.Element) -> str:
    parts = [element.text or ""]
    for child in element:
        if child.tag == f"{_TEXT}s":
            parts.append(_spaces(child.get(f"{_TEXT}c")))
        elif child.tag in (f"{_TEXT}tab", f"{_TEXT}line-break"):
            parts.append(" " if child.tag.endswith("tab") else "\n")
        elif child.tag not in _BLOCKS:
            parts.append(_inline(child))
        parts.append(child.tail or "")
    return "".join(parts)


def read_odt(data: bytes, *, limits: IngestLimits, deadline: Deadline) -> Extracted:
    """Extract the text of an ODT file.

    Raises:
        CorruptDocumentError: the file is not a readable ODT package.
        DocumentTooLargeError: the package is a zip bomb or over the limits.
    """
    with open_zip(data, kind="ODT", limits=limits) as archive:
        try:
            root = ElementTree.fromstring(archive.read("content.xml"))
        except _READ_ERRORS as exc:
            raise _damaged() from exc
    lines: list[str] = []
    try:
        for element in root.iter():
            if element.tag in _BLOCKS:
                deadline.check()
                lines.append(_inline(element))
    except RecursionError as exc:  # spans nested thousands deep
        raise _damaged() from exc
    return Extracted(pages=["\n".join(lines)])


def _damaged() -> CorruptDocumentError:
    return CorruptDocumentError(
        "this ODT file is damaged or incomplete. Open it in your word processor, "
        "save it again and re-upload it, or upload a PDF."
    )
