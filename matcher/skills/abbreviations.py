"""Abbreviations defined in the text: "Master Data Management (MDM)", "Point of Sale (POS)".

A writer who names a skill in full and puts its abbreviation in brackets right after it
defines that abbreviation for the document. When the bracketed word is not already a
mention, it becomes one, of the same skill: later uses of "MDM" in the same text are then
read as well (by the linker's "same skill named elsewhere" support when "MDM" is an
ambiguous alias), and the skill's second surface form is reported as written.

The abbreviation must spell the initials of the words of the span before it (upper or
lower case, a plural "s" allowed, the small joining words "of", "and", "the", "for", "to"
and "&" with or without their initial): "post-incident reviews (PIRs)", "Go-to-Market
(GTM)", "Identity and Access Management (IAM)". Anything else in brackets after a skill
("Terraform (Cloud)", "Access Control (ABAC)") is left alone. These are rules of English
abbreviation, not domain vocabulary, so they live here rather than in ``data/``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span

__all__ = ["defined_abbreviations"]

_WORDS = re.compile(r"[A-Za-z0-9]+")
_ABBREVIATION = re.compile(r"[A-Za-z][A-Za-z0-9]{1,7}")
_JOINING = frozenset({"of", "and", "the", "for", "to", "&"})


def _initials(words: list[str], *, keep_joining: bool) -> str:
    return "".join(w[0] for w in words if keep_joining or w.lower() not in _JOINING).lower()


def spells_initials(abbreviation: str, phrase: str) -> bool:
    """Whether ``abbreviation`` is made of the initials of ``phrase``'s words."""
    if sum(ch.isupper() for ch in abbreviation) < 2:
        return False  # "(Cloud)", "(Core)": a word, not an abbreviation
    letters = abbreviation.lower()
    candidates = {letters, letters[:-1] if letters.endswith("s") else letters}
    words = _WORDS.findall(phrase.replace("&", " and "))
    if len(words) < 2:
        return False
    return bool(
        candidates & {_initials(words, keep_joining=True), _initials(words, keep_joining=False)}
    )


def defined_abbreviations(doc: Doc, spans: Sequence[Span]) -> list[Span]:
    """New spans for bracketed abbreviations right after a skill span that they spell.

    Args:
        doc: the document.
        spans: accepted skill spans, in text order.

    Returns:
        Spans over abbreviations not already covered, labelled like the span they follow.
    """
    taken = {i for span in spans for i in range(span.start, span.end)}
    found: list[Span] = []
    n = len(doc)
    for span in spans:
        i = span.end
        if i + 2 >= n or doc[i].text != "(" or doc[i + 2].text != ")" or i + 1 in taken:
            continue
        word = doc[i + 1].text
        if _ABBREVIATION.fullmatch(word) is None or not spells_initials(word, span.text):
            continue
        found.append(Span(doc, i + 1, i + 2, label=span.label_, span_id=span.id_))
        taken.add(i + 1)
    return found
