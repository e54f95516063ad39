"""Limits on what a submitted file may cost to read, and a per-document deadline."""

from __future__ import annotations

import time
from dataclasses import dataclass

from matcher.config import Settings
from matcher.errors import DocumentTimeoutError, DocumentTooLargeError

__all__ = ["Deadline", "IngestLimits", "out_of_memory", "timed_out"]


def timed_out(seconds: float) -> DocumentTimeoutError:
    """The error for a document whose reading took longer than ``seconds``."""
    return DocumentTimeoutError(
        f"reading this file took longer than {seconds:g} seconds, so it was stopped. The "
        "file may be unusually complex: save it again as a simple PDF or DOCX, or upload "
        "it as plain text."
    )


def out_of_memory(*, crashed: bool = False) -> DocumentTooLargeError:
    """The error for a document whose reading ran out of memory (or crashed, if known)."""
    what = (
        "reading this file ran out of the memory allowed, or crashed"
        if crashed
        else "reading this file needed far more memory than a resume does"
    )
    return DocumentTooLargeError(
        f"{what}, so it was stopped (the file may be damaged or deliberately oversized). "
        "Save your resume again from your word processor as PDF or DOCX, or upload it as "
        "plain text."
    )


@dataclass(frozen=True)
class IngestLimits:
    """How much one document may cost (see :class:`~matcher.config.Settings`).

    Attributes:
        max_bytes: largest file, in bytes.
        max_pages: most pages of a paged document.
        timeout_seconds: wall-clock budget for reading one document.
        max_expanded_bytes: largest total uncompressed size of a zipped document.
        max_zip_entries: most members of a zipped document.
        max_chars: most characters a document's text may have (the pipeline's limit);
            readers that can tell early (a PDF page's character count) stop there.
    """

    max_bytes: int
    max_pages: int
    timeout_seconds: float
    max_expanded_bytes: int
    max_zip_entries: int
    max_chars: int = 500_000

    @classmethod
    def from_settings(cls, settings: Settings) -> IngestLimits:
        """The limits configured in ``settings``."""
        return cls(
            max_bytes=settings.max_file_bytes,
            max_pages=settings.max_pages,
            timeout_seconds=settings.parse_timeout_seconds,
            max_expanded_bytes=settings.max_expanded_bytes,
            max_zip_entries=settings.max_zip_entries,
            max_chars=settings.max_text_chars,
        )


class Deadline:
    """A wall-clock budget, checked by readers between pages and blocks.

    Args:
        seconds: the budget from now.
    """

    def __init__(self, seconds: float) -> None:
        self._seconds = seconds
        self._until = time.monotonic() + seconds

    def check(self) -> None:
        """Raise when the budget is spent.

        Raises:
            DocumentTimeoutError: the document took longer than the budget.
        """
        if time.monotonic() > self._until:
            raise timed_out(self._seconds)
