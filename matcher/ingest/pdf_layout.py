"""Glyph boxes of one PDF page -> lines of text in reading order.

1. Glyphs are grouped into lines by their vertical centres, and each line is split into
   segments where the horizontal gap is wider than about one em; inside a segment a gap
   wider than an eighth of the line height becomes a space (many PDFs position words
   without space characters).
2. Columns: the page is searched for a vertical gutter (an x position between 20% and
   80% of the width that no segment crosses, or very few do). The page is read as two
   columns when at most 15% of segments cross it, both sides hold at least 15% of the
   characters and three segments, and the sides run side by side. Segments crossing
   the gutter (a full-width name or section rule) split the page into bands; each band
   is read left column first, then right column.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median

__all__ = ["Glyph", "page_lines"]

_SEGMENT_GAP = 1.1  # x gap, in glyph heights, that splits a line into segments
_SPACE_GAP = 0.12  # x gap, in glyph heights, that counts as a space
_MAX_CROSSING = 0.15
_MIN_SIDE_SHARE = 0.15


@dataclass(frozen=True)
class Glyph:
    """One character and its box (PDF points, y grows upwards)."""

    char: str
    x0: float
    y0: float
    x1: float
    y1: float
    space_before: bool = False


@dataclass
class _Segment:
    line: int
    x0: float
    x1: float
    y0: float
    y1: float
    text: str


def _lines(glyphs: list[Glyph]) -> list[list[Glyph]]:
    height = median(g.y1 - g.y0 for g in glyphs) or 1.0
    ordered = sorted(glyphs, key=lambda g: -(g.y0 + g.y1) / 2)
    lines: list[list[Glyph]] = []
    centre = None
    for glyph in ordered:
        c = (glyph.y0 + glyph.y1) / 2
        if centre is None or abs(c - centre) > 0.5 * height:
            lines.append([])
            centre = c
        lines[-1].append(glyph)
    return [sorted(line, key=lambda g: g.x0) for line in lines]


def _segment(number: int, glyphs: list[Glyph], chars: list[str]) -> _Segment:
    return _Segment(
        line=number,
        x0=min(g.x0 for g in glyphs),
        x1=max(g.x1 for g in glyphs),
        y0=min(g.y0 for g in glyphs),
        y1=max(g.y1 for g in glyphs),
        text="".join(chars).strip(),
    )


def _segments(lines: list[list[Glyph]]) -> list[_Segment]:
    segments: list[_Segment] = []
    for number, line in enumerate(lines):
        height = median(g.y1 - g.y0 for g in line) or 1.0
        current: list[Glyph] = []
        chars: list[str] = []
        for glyph in line:
            if current:
                gap = glyph.x0 - current[-1].x1
                if gap > _SEGMENT_GAP * height:
                    segments.append(_segment(number, current, chars))
                    current, chars = [], []
                elif glyph.space_before or gap > _SPACE_GAP * height:
                    chars.append(" ")
            current.append(glyph)
            chars.append(glyph.char)
        if current:
            segments.append(_segment(number, current, chars))
    return [s for s in segments if s.text]


def _gutter(segments: list[_Segment], width: float) -> float | None:
    """The x of a column gutter, or None for a single-column page."""
    best: tuple[int, int, float] | None = None  # (crossing, -run length, x)
    run_start, run_crossing = None, -1
    x = 0.2 * width
    step = max(width / 200, 1.0)
    candidates: list[tuple[float, int]] = []
    while x <= 0.8 * width:
        candidates.append((x, sum(1 for s in segments if s.x0 < x < s.x1)))
        x += step
    for i, (_x, crossing) in enumerate(candidates + [(0.0, -1)]):
        if crossing != run_crossing:
            if run_start is not None and run_crossing >= 0:
                xs = [c[0] for c in candidates[run_start:i]]
                key = (run_crossing, -len(xs), (xs[0] + xs[-1]) / 2)
                best = key if best is None or key < best else best
            run_start, run_crossing = i, crossing
    if best is None or best[0] > _MAX_CROSSING * len(segments):
        return None
    gutter = best[2]
    left = [s for s in segments if s.x1 <= gutter]
    right = [s for s in segments if s.x0 >= gutter]
    total = sum(len(s.text) for s in segments)
    if (
        min(len(left), len(right)) < 3
        or min(sum(len(s.text) for s in left), sum(len(s.text) for s in right))
        < _MIN_SIDE_SHARE * total
    ):
        return None
    top = min(max(s.y1 for s in left), max(s.y1 for s in right))
    bottom = max(min(s.y0 for s in left), min(s.y0 for s in right))
    shorter = min(max(s.y1 for s in side) - min(s.y0 for s in side) for side in (left, right))
    return gutter if top - bottom >= 0.5 * shorter else None


def _join(segments: list[_Segment]) -> list[str]:
    out: list[str] = []
    last_line = None
    for seg in segments:
        if seg.line == last_line:
            out[-1] += " " + seg.text
        else:
            out.append(seg.text)
        last_line = seg.line
    return out


def page_lines(glyphs: list[Glyph], *, width: float) -> list[str]:
    """Lines of one page in reading order (see the module docstring).

    Args:
        glyphs: the page's visible characters with their boxes.
        width: the page width, in the glyphs' units.
    """
    if not glyphs:
        return []
    segments = _segments(_lines(glyphs))
    gutter = _gutter(segments, width)
    if gutter is None:
        return _join(segments)
    ordered: list[_Segment] = []
    band: list[_Segment] = []

    def flush_band() -> None:
        ordered.extend(s for s in band if s.x1 <= gutter)
        ordered.extend(s for s in band if s.x1 > gutter)

    for seg in segments:  # already top to bottom, left to right
        if seg.x0 < gutter < seg.x1:
            flush_band()
            band = []
            ordered.append(seg)
        else:
            band.append(seg)
    flush_band()
    return _join(ordered)
