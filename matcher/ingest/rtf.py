r"""RTF documents (striprtf): control words removed, ``\'xx`` escapes decoded as cp1252."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from striprtf.striprtf import rtf_to_text as _untyped_rtf_to_text

from matcher.errors import CorruptDocumentError
from matcher.ingest._types import Extracted

__all__ = ["read_rtf"]

_rtf_to_text = cast(Callable[..., str], _untyped_rtf_to_text)


def read_rtf(data: bytes) -> Extracted:
    """Extract the text of an RTF file.

    Raises:
        CorruptDocumentError: the RTF cannot be parsed.
    """
    # RTF is 7-bit ASCII with escapes; latin-1 maps any stray byte without failing.
    source = data.decode("latin-1")
    try:
        text = _rtf_to_text(source, errors="replace")
    except (ValueError, IndexError, LookupError, OverflowError, RecursionError) as exc:
        raise CorruptDocumentError(
            "this RTF file is damaged and cannot be read. Save it again from your word "
            "processor, or upload it as PDF or DOCX."
        ) from exc
    return Extracted(pages=[text])
