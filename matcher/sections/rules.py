"""``sections.yaml`` -> a header matcher: which line opens which section category."""

from __future__ import annotations

import re
from dataclasses import dataclass

from matcher.taxonomy.schema import SectionsFile

__all__ = ["HeaderMatch", "HeaderRules", "compile_rules", "header_key"]

_PUNCT = re.compile(r"[^\w\s/+#]+")
_LEADING_NUMBER = re.compile(r"^(?:\d{1,2}|[ivx]{1,4})[.)]\s+", re.IGNORECASE)
_INLINE_MAX_WORDS = 4


def header_key(line: str) -> str:
    """Normalise a candidate header: lower case, ``&`` -> ``and``, punctuation dropped."""
    text = _LEADING_NUMBER.sub("", line.strip().lstrip("•").strip())
    text = text.lower().replace("&", " and ")
    text = _PUNCT.sub(" ", text).replace("/", " and ")
    return " ".join(text.split())


@dataclass(frozen=True)
class HeaderMatch:
    """A header found on a line.

    Attributes:
        category: the section category it opens.
        header_end: offset, within the line, where the header text ends (the whole line
            unless it is an inline header such as ``"Skills: Python, SQL"``).
    """

    category: str
    header_end: int


@dataclass(frozen=True)
class HeaderRules:
    """Compiled header rules (see :func:`compile_rules`)."""

    literals: dict[str, str]
    patterns: tuple[tuple[re.Pattern[str], str], ...]
    max_words: int

    def _category(self, line: str, *, strict_form: bool) -> str | None:
        key = header_key(line)
        if not key:
            return None
        if key in self.literals:
            return self.literals[key]
        if any(ch.isdigit() for ch in line) or not strict_form:
            return None
        # A pattern only counts on a line shaped like a header (capitalised or a colon),
        # so "5 years of experience." in a paragraph is not a header.
        stripped = line.strip().rstrip(":").strip()
        shaped = stripped.isupper() or stripped.istitle() or line.rstrip().endswith(":")
        if not shaped:
            return None
        for pattern, category in self.patterns:
            if pattern.fullmatch(key):
                return category
        return None

    def match(self, line: str) -> HeaderMatch | None:
        """The header on ``line``, if the line is (or starts with) a section header."""
        stripped = line.strip()
        if not stripped or stripped.endswith((".", ",", ";")):
            return None
        # At most max_words + 1 pieces: a long line is not split to its end.
        words = stripped.split(None, self.max_words)
        if len(words) <= self.max_words and "," not in stripped:
            category = self._category(stripped, strict_form=True)
            if category is not None:
                return HeaderMatch(category, len(line.rstrip()))
        head, colon, _rest = line.partition(":")
        if colon and 0 < len(head.split(None, _INLINE_MAX_WORDS)) <= _INLINE_MAX_WORDS:
            category = self._category(head, strict_form=False)
            if category is not None:
                return HeaderMatch(category, len(head) + 1)
        return None


def compile_rules(sections: SectionsFile) -> HeaderRules:
    """Compile the header literals and patterns of ``sections.yaml``."""
    literals: dict[str, str] = {}
    patterns: list[tuple[re.Pattern[str], str]] = []
    for category in sections.categories:
        for header in category.headers:
            literals.setdefault(header_key(header), category.id)
        patterns.extend((re.compile(p), category.id) for p in category.patterns)
    return HeaderRules(
        literals=literals, patterns=tuple(patterns), max_words=sections.max_header_words
    )
