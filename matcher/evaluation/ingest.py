"""Robustness and speed of ingestion on a folder of real documents.

Every supported file under the folder (recursively, sorted, optionally the first
``limit``) is read with :func:`~matcher.ingest.read_document` and split into sections.
The report gives the share read without error, errors by type, the number of section
categories found per document (mean and distribution, the leading contact block not
counted), and documents per second (wall clock of reading + sectioning, one process).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from matcher.domain import RawDocument, SectionSpan
from matcher.errors import InputError

__all__ = ["IngestReport", "measure_ingest"]


@dataclass
class IngestReport:
    """What reading a corpus showed."""

    files: int = 0
    parsed: int = 0
    seconds: float = 0.0
    errors: Counter[str] = field(default_factory=Counter)
    sections_per_doc: Counter[int] = field(default_factory=Counter)
    categories: Counter[str] = field(default_factory=Counter)

    @property
    def share_parsed(self) -> float:
        """Documents read without error / documents (0..1)."""
        return self.parsed / self.files if self.files else 0.0

    @property
    def docs_per_second(self) -> float:
        """Documents processed per second of wall-clock time."""
        return self.files / self.seconds if self.seconds else 0.0

    @property
    def mean_sections(self) -> float:
        """Mean number of distinct section categories per parsed document."""
        total = sum(n * c for n, c in self.sections_per_doc.items())
        return total / self.parsed if self.parsed else 0.0

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready summary."""
        return {
            "files": self.files,
            "parsed": self.parsed,
            "share_parsed": round(self.share_parsed, 4),
            "errors_by_type": dict(self.errors.most_common()),
            "sections_per_doc_mean": round(self.mean_sections, 2),
            "sections_per_doc_distribution": {
                str(k): v for k, v in sorted(self.sections_per_doc.items())
            },
            "docs_with_category": dict(self.categories.most_common()),
            "seconds": round(self.seconds, 2),
            "docs_per_second": round(self.docs_per_second, 1),
        }


def measure_ingest(
    corpus: Path,
    *,
    read: Callable[[bytes, str], RawDocument],
    segment: Callable[[str], tuple[SectionSpan, ...]],
    suffixes: tuple[str, ...],
    limit: int | None = None,
) -> IngestReport:
    """Read every document of a corpus folder.

    Args:
        corpus: the folder.
        read: bytes + file name -> document (raises InputError subclasses).
        segment: text -> sections.
        suffixes: file suffixes to read (lower case, with dot).
        limit: read at most this many files.

    Raises:
        InputError: the folder does not exist.
    """
    if not corpus.is_dir():
        raise InputError(f"{corpus} is not a folder")
    paths = sorted(p for p in corpus.rglob("*") if p.is_file() and p.suffix.lower() in suffixes)
    if limit is not None:
        paths = paths[:limit]
    report = IngestReport()
    started = time.perf_counter()
    for path in paths:
        report.files += 1
        try:
            document = read(path.read_bytes(), path.name)
        except InputError as exc:
            report.errors[type(exc).__name__] += 1
            continue
        report.parsed += 1
        found = {s.category for s in segment(document.text) if s.header}
        report.sections_per_doc[len(found)] += 1
        report.categories.update(found)
    report.seconds = time.perf_counter() - started
    return report
