"""Lists that share a prefix: "Epic Ambulatory, Inpatient and Cadence", "ICD-10-CM/PCS".

After a matched multi-token skill span, each following list item (1..N tokens, after a
separator such as ``,``, ``/``, ``and``) is tried with the span's prefix (every token but
the last): "Epic" + "Inpatient" -> "Epic Inpatient". When that string is an alias of a
skill, the item becomes a mention of that skill. A lone lower-case word is an ordinary
noun the list shares ("security frameworks and standards"), not a named item, and is
left alone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.attrs import IS_PUNCT, IS_SPACE, LOWER
from spacy.tokens import Doc, Span

from matcher.skills.tokens import column, hashes

__all__ = ["expand_lists"]


def _item_tokens(
    doc: Doc, start: int, separators: frozenset[int], lower: list[int], max_tokens: int
) -> int:
    """End of the longest run of word tokens from ``start`` (at most ``max_tokens``).

    ``separators`` are hash values, ``lower`` the document's ``LOWER`` column.
    """
    punct = column(doc, IS_PUNCT)
    space = column(doc, IS_SPACE)
    n = len(lower)
    k = start
    while k < n and k - start < max_tokens:
        if lower[k] in separators or punct[k] or space[k]:
            break
        k += 1
    return k


def expand_lists(
    doc: Doc,
    spans: Sequence[Span],
    lookup: Callable[[str], tuple[str, str] | None],
    *,
    separators: frozenset[str],
    max_tokens: int,
) -> list[Span]:
    """New skill spans for list items that share an earlier span's prefix.

    Args:
        doc: the document.
        spans: accepted skill spans, in text order.
        lookup: text -> (skill id, pattern id) when the text is an alias, else None.
        separators: lower-cased separator tokens.
        max_tokens: longest item, in tokens.

    Returns:
        Spans over list items not already covered, labelled with their skill.
    """
    taken = {i for span in spans for i in range(span.start, span.end)}
    found: list[Span] = []
    lower = column(doc, LOWER)
    n = len(lower)
    separator_hashes = hashes(separators)
    for span in spans:
        start, stop = span.start, span.end
        if stop - start < 2:
            continue
        prefix = ""
        i = stop
        while True:
            j = i
            while j < n and lower[j] in separator_hashes:
                j += 1
            if j == i or j >= n:
                break
            if not prefix:
                prefix = doc[start : stop - 1].text
            longest = _item_tokens(doc, j, separator_hashes, lower, max_tokens)
            hit = None
            # The longest item that is an alias with the prefix wins ("PCS" in "PCS daily").
            for end in range(longest, j, -1):
                hit = lookup(f"{prefix} {doc[j:end].text}")
                if hit is not None:
                    break
            if hit is None or any(t in taken for t in range(j, end)):
                break
            # A lone lower-case word ("frameworks and standards") is an ordinary noun
            # shared by the list, not a product line or code set ("Inpatient", "PCS").
            if end - j == 1 and doc[j].is_lower:
                break
            skill_id, ident = hit
            found.append(Span(doc, j, end, label=skill_id, span_id=ident))
            taken.update(range(j, end))
            i = end
    return found
