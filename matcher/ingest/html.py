"""HTML documents (stdlib :mod:`html.parser`): visible text with block structure kept.

Block elements start new lines, list items get a bullet, table cells are separated;
``script``, ``style``, ``head`` and similar invisible content is dropped.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from matcher.ingest._limits import Deadline
from matcher.ingest._types import Extracted
from matcher.ingest.normalise import BULLET

__all__ = ["read_html"]

_BLOCK = {
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "footer",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
    "pre", "section", "table", "tr", "ul", "td", "th",
}  # fmt: skip
_BLANK_RUNS = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")
_HIDDEN = {"script", "style", "head", "title", "noscript", "template", "svg"}


class _TextCollector(HTMLParser):
    def __init__(self, deadline: Deadline) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0
        self._deadline = deadline

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._deadline.check()
        if tag in _HIDDEN:
            self._hidden += 1
        elif tag in _BLOCK:
            self.parts.append("\n")
            if tag == "li":
                self.parts.append(f"{BULLET} ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(" ".join(data.split("\n")))


def read_html(text: str, *, deadline: Deadline) -> Extracted:
    """Extract the visible text of an HTML document (already decoded)."""
    parser = _TextCollector(deadline)
    parser.feed(text)
    parser.close()
    # Block boundaries add newlines on both sides; one line break between blocks is enough.
    return Extracted(pages=[_BLANK_RUNS.sub("\n", "".join(parser.parts))])
