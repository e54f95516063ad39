"""The text of a spaCy ``Doc`` without rebuilding it from its tokens.

``Doc.text`` joins every token each time it is read, which on a long resume costs more
than tokenising it. The pipeline's caller leaves the original text in
``doc.user_data[TEXT_KEY]``; components read it with :func:`doc_text`. No spaCy import
here (the object is used through its public attributes), so any layer may use it.
"""

from __future__ import annotations

from typing import Any

__all__ = ["TEXT_KEY", "doc_text"]

TEXT_KEY = "matcher_text"


def doc_text(doc: Any) -> str:
    """The document's text: the cached copy when it fits the doc, else ``doc.text``."""
    text = doc.user_data.get(TEXT_KEY)
    if isinstance(text, str):
        end = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
        if len(text) == end:
            return text
    return str(doc.text)
