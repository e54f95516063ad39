"""Raw extracted text -> the normalised text every offset in the engine refers to.

Steps, in order (each is deterministic, and running the whole on its own output changes
nothing, so offsets computed on the result stay valid):

1. Paged documents: lines repeated at the top or bottom of most pages (running headers
   and footers, page digits ignored) and page-number lines (``3``, ``Page 2 of 4``, ``- 5 -``)
   are dropped, and pages are joined so a section may run across a page break.
2. Mojibake repaired: UTF-8 text once decoded as Windows-1252 (``â€¢`` for ``•``,
   ``â€“`` for ``–``, ``Ã©`` for ``é``, ``ï¼š`` for a full-width colon), common in
   resumes exported through job sites, is decoded again (ftfy's ``fix_encoding``,
   which leaves text that is not mojibake alone). Then Unicode NFKC (ligatures such as
   ``ﬁ`` become ``fi``), Unix newlines; soft hyphens, zero-width and control
   characters removed; tabs and odd spaces become one space.
3. Bullets: any common bullet glyph (``•``, ``▪``, ``❖``, ``➢``, Wingdings code points,
   ``-``/``*`` followed by a space ...) at the start of a line becomes ``"• "``; a bullet
   alone on its line is joined to the next line.
4. Hyphenation: a word broken with a hyphen at a line end (``manage-`` / ``ment``) is
   joined when the next line starts in lower case. Glued words: the space many resume
   PDFs lose after "of" and "from" before a capitalised word ("Bachelor ofScience",
   "knowledge ofHIPAA", "fromSSO"; in 50 of 60 corpus resume PDFs sampled) is put back.
5. Whitespace: lines stripped, runs of spaces collapsed, at most one blank line in a row.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from ftfy import fix_encoding

__all__ = ["BULLET", "normalise_pages", "normalise_text"]

BULLET = "•"
_EDGE_LINES = 2  # lines looked at on each page's top and bottom
_BULLET_CHARS = (
    "•●▪■□◦○◆◇♦❖➢➣➤►▶▷▸▹‣⁃∙·✓✔✗☐☑➔→⇒"
    "\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8\uf0e0\uf0f0\uf0d2\uf06e\uf0be\uf02d\uf0a9\uf071"
)
_LEADING_BULLET = re.compile(
    rf"^(?:[{re.escape(_BULLET_CHARS)}]+\s*|[-*–—](?=\s)\s*|o(?=\s+[A-Z])\s+)"
)
_ONLY_BULLET = re.compile(rf"^[{re.escape(_BULLET_CHARS)}\-*–—]$")
_PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?[-–(]?\s*\d{1,3}\s*[-–)]?(?:\s*(?:of|/)\s*\d{1,3})?$", re.IGNORECASE
)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_REMOVED = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff\x00-\x08\x0b-\x1f\x7f]")
_HYPHEN_BREAK = re.compile(r"(?<=[a-z]{2})-\n(?=[a-z])")
_GLUED = re.compile(r"(?<![A-Za-z])(of|from)(?=[A-Z])")
_BLANKS = re.compile(r"\n{3,}")


def _edge_key(line: str) -> str:
    key = " ".join(line.lower().split())
    # Digits vary only in page numbering ("Jane Doe - Page 2"); other lines must repeat.
    return re.sub(r"\d+", "#", key) if "page" in key else key


def _strip_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Drop page numbers and lines repeated at the top or bottom of most pages."""
    edges: Counter[str] = Counter()
    for lines in pages:
        body = [ln for ln in lines if ln.strip()]
        keys = {_edge_key(ln) for ln in body[:_EDGE_LINES] + body[-_EDGE_LINES:]}
        edges.update(keys)
    threshold = max(2, (len(pages) + 1) // 2)
    running = {k for k, n in edges.items() if n >= threshold} if len(pages) > 1 else set()
    cleaned: list[list[str]] = []
    for lines in pages:
        nonblank = [i for i, ln in enumerate(lines) if ln.strip()]
        edge_idx = set(nonblank[:_EDGE_LINES] + nonblank[-_EDGE_LINES:])
        cleaned.append(
            [
                ln
                for i, ln in enumerate(lines)
                if not (
                    i in edge_idx and (_edge_key(ln) in running or _PAGE_NUMBER.match(ln.strip()))
                )
            ]
        )
    return cleaned


def _clean_line(line: str) -> str:
    line = _SPACES.sub(" ", _REMOVED.sub("", line)).strip()
    match = _LEADING_BULLET.match(line)
    if match and len(line) > match.end():
        line = f"{BULLET} {line[match.end() :]}"
    elif _ONLY_BULLET.match(line):
        line = BULLET
    return line


def normalise_text(text: str) -> str:
    """Normalise one block of text (steps 2-5 of the module docstring)."""
    text = unicodedata.normalize("NFKC", fix_encoding(text))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n").replace("\f", "\n")
    lines = [_clean_line(ln) for ln in text.split("\n")]
    merged: list[str] = []
    pending_bullet = False
    for line in lines:
        if line == BULLET:
            pending_bullet = True
            continue
        if pending_bullet and line:
            line = line if line.startswith(BULLET) else f"{BULLET} {line}"
            pending_bullet = False
        merged.append(line)
    text = _GLUED.sub(r"\1 ", _HYPHEN_BREAK.sub("", "\n".join(merged)))
    return _BLANKS.sub("\n\n", text).strip("\n")


def normalise_pages(pages: list[str], *, paged: bool) -> str:
    """Normalise a document's pages into one text (all steps of the module docstring).

    Args:
        pages: each page's raw text.
        paged: whether these are real pages with running headers and footers.

    Returns:
        The normalised text.
    """
    if paged:
        split = [p.replace("\r\n", "\n").split("\n") for p in pages]
        pages = ["\n".join(lines) for lines in _strip_running_lines(split)]
    return normalise_text("\n".join(pages))
