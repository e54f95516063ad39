"""What a format reader returns before normalisation."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Extracted"]


@dataclass
class Extracted:
    r"""Raw text of a document, page by page (one page for unpaged formats).

    Attributes:
        pages: each page's text, lines separated by ``\n``, in reading order.
        paged: whether the pages are real pages (headers, footers and page numbers
            are then looked for at their tops and bottoms).
        warnings: problems that did not stop reading, in words a graduate understands.
    """

    pages: list[str]
    paged: bool = False
    warnings: list[str] = field(default_factory=list)
