"""Lists that share a prefix ("Epic Ambulatory, Inpatient and Cadence") or a head.

Prefixes: "Epic Ambulatory, Inpatient and Cadence", "ICD-10-CM/PCS". After a matched
multi-token skill span, each following list item (1..N tokens, after a separator such
as ``,``, ``/``, ``and``) is tried with the span's prefix (every token but the last):
"Epic" + "Inpatient" -> "Epic Inpatient". When that string is an alias of a skill, the
item becomes a mention of that skill. A lone lower-case word is an ordinary noun the
list shares ("security frameworks and standards"), not a named item, and is left alone,
unless commas stand on both sides of it ("data interpretation, cleaning, modeling, and
visualization": data cleaning, data modeling).

Heads: "unit, integration and regression testing". Before the span, each preceding list
item is tried with the span's head (every token but the first): "unit" + "testing" ->
"unit testing", "project" + "management" -> "project management" in "project/program
management". Here the items are usually lower-case modifiers, so they are taken whenever
item and head together are an alias, and the item next to the head is joined to it by a
conjunction ("and", "or", "/", "&"), not by a comma alone ("operations, threat research"
lists two things). The list is one phrase naming several skills, so each of them (the
span's own skill too) points at the whole phrase, from the first item to the head, as
the labelling guide keeps "written and verbal communication" whole.
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


def _item_start(
    doc: Doc, end: int, separators: frozenset[int], lower: list[int], max_tokens: int
) -> int:
    """Start of the longest run of word tokens ending at ``end`` (at most ``max_tokens``).

    A hyphen inside a word ("front-end") belongs to the item.
    """
    punct = column(doc, IS_PUNCT)
    space = column(doc, IS_SPACE)
    k = end
    while k > 0 and end - k < max_tokens:
        if not _inner_hyphen(doc, k) and (
            lower[k - 1] in separators or punct[k - 1] or space[k - 1]
        ):
            break
        k -= 1
    return k


def _inner_hyphen(doc: Doc, k: int) -> bool:
    """Whether token ``k - 1`` is a hyphen inside a word ("front-end"), spaces on no side."""
    return (
        k >= 2
        and k <= len(doc)
        and doc[k - 1].text == "-"
        and not doc[k - 2].whitespace_
        and not doc[k - 1].whitespace_
    )


def _inside_comma_list(doc: Doc, before: int, start: int, end: int) -> bool:
    """Whether the item ``doc[start:end]`` follows a lone comma and a comma follows it."""
    return (
        start - before == 1 and doc[before].text == "," and end < len(doc) and doc[end].text == ","
    )


def _shared_head_start(
    doc: Doc,
    span: Span,
    lookup: Callable[[str], tuple[str, str] | None],
    separator_hashes: frozenset[int],
    lower: list[int],
    taken: set[int],
    max_tokens: int,
) -> tuple[int, list[tuple[str, str]]]:
    """Where the list sharing ``span``'s head starts, and the skills of its items.

    Returns:
        The first item's start (``span.start`` when no item shares the head) and
        (skill id, pattern id) per item, nearest first.
    """
    hits: list[tuple[str, str]] = []
    # The head follows the first word, a hyphenated one included ("front-end development").
    first = span.start + 1
    while first + 1 < span.end and _inner_hyphen(doc, first + 1):
        first += 2
    if first >= span.end:
        return span.start, hits
    head = doc[first : span.end].text
    i = span.start
    while True:
        j = i
        while j > 0 and lower[j - 1] in separator_hashes:
            j -= 1
        if j == i or j == 0:
            break
        # "operations, threat research" is a list of two things: the item next to the
        # head is joined by a conjunction ("and", "or", "/", "&"), not by a comma alone.
        if i == span.start and all(doc[k].text == "," for k in range(j, i)):
            break
        earliest = _item_start(doc, j, separator_hashes, lower, max_tokens)
        hit = None
        # The longest item that is an alias with the head wins; "with unit" is not one.
        for start in range(earliest, j):
            hit = lookup(f"{doc[start:j].text} {head}")
            if hit is not None:
                break
        # An item naming the span's own skill ("Vendor and Third-Party Risk Management")
        # adds no skill: the span keeps its own extent.
        if hit is None or hit[0] == span.label_ or any(t in taken for t in range(start, j)):
            break
        hits.append(hit)
        taken.update(range(start, j))
        i = start
    return i, hits


def expand_lists(
    doc: Doc,
    spans: Sequence[Span],
    lookup: Callable[[str], tuple[str, str] | None],
    *,
    separators: frozenset[str],
    max_tokens: int,
) -> tuple[list[Span], list[Span]]:
    """Skill spans for list items that share a span's prefix or head.

    Args:
        doc: the document.
        spans: accepted skill spans, in text order.
        lookup: text -> (skill id, pattern id) when the text is an alias, else None.
        separators: lower-cased separator tokens.
        max_tokens: longest item, in tokens.

    Returns:
        The spans, those whose head a list shares widened to the whole list, and the
        new spans (over list items not already covered, or over a whole list that shares
        a head), labelled with their skill.
    """
    taken = {i for span in spans for i in range(span.start, span.end)}
    kept: list[Span] = []
    found: list[Span] = []
    lower = column(doc, LOWER)
    n = len(lower)
    separator_hashes = hashes(separators)
    for span in spans:
        start, stop = span.start, span.end
        if stop - start < 2:
            kept.append(span)
            continue
        first, hits = _shared_head_start(
            doc, span, lookup, separator_hashes, lower, taken, max_tokens
        )
        if hits:
            span = Span(doc, first, stop, label=span.label, span_id=span.id)
            found += [Span(doc, first, stop, label=skill, span_id=ident) for skill, ident in hits]
        kept.append(span)
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
            # shared by the list, not a product line or code set ("Inpatient", "PCS"),
            # unless it sits inside a comma list that goes on after it ("data
            # interpretation, cleaning, modeling, and visualization").
            if end - j == 1 and doc[j].is_lower and not _inside_comma_list(doc, i, j, end):
                break
            skill_id, ident = hit
            found.append(Span(doc, j, end, label=skill_id, span_id=ident))
            taken.update(range(j, end))
            i = end
    return kept, found
