"""Token attributes of a ``Doc`` as plain lists, read once and shared by the components.

``doc[i]`` builds a ``Token`` object on every call, and ``token.lower_`` looks a string
up; over every token of a long resume, in several components, that costs more than the
rules themselves. :func:`column` reads one attribute for the whole document with
``Doc.to_array`` (hash values for string attributes, 0/1 for flags) and keeps it in
``doc.user_data`` for the next component. :func:`hashes` turns a set of strings into the
matching hash values once, when a component is set up.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.strings import get_string_id
from spacy.tokens import Doc

__all__ = ["column", "hashes"]

_KEY = "matcher_token_columns"


def column(doc: Doc, attr: int) -> list[int]:
    """Attribute ``attr`` (a ``spacy.attrs`` id) of every token of ``doc``, in order.

    The columns are cached per document and dropped when the token count changes
    (a retokenised document).
    """
    cache: tuple[int, dict[int, list[int]]] | None = doc.user_data.get(_KEY)
    if cache is None or cache[0] != len(doc):
        cache = (len(doc), {})
        doc.user_data[_KEY] = cache
    columns = cache[1]
    values = columns.get(attr)
    if values is None:
        values = doc.to_array(attr).tolist() if len(doc) else []
        columns[attr] = values
    return values


def hashes(words: Iterable[str]) -> frozenset[int]:
    """The hash values of ``words`` (as ``LOWER``/``ORTH`` columns hold them)."""
    return frozenset(get_string_id(word) for word in words)
