"""Extraction speed next to a blank spaCy tokenizer pass over the same texts.

The benchmark times, on one core and in one process, (a) the full text -> skills path
(:func:`matcher.pipeline.extract_profile`) and (b) ``spacy.blank("en")``'s tokenizer over
the same texts, after one warm-up pass of each. It reports documents per second for both
and their ratio (the target is >= 0.75). Texts are prepared before timing (PDF reading is
measured by ``matcher evaluate ingest``).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

__all__ = ["SpeedReport", "measure_speed"]


@dataclass(frozen=True)
class SpeedReport:
    """Documents per second of the pipeline and of the tokenizer alone."""

    n_docs: int
    n_chars: int
    pipeline_seconds: float
    tokenizer_seconds: float

    @property
    def pipeline_docs_per_second(self) -> float:
        """Text -> skills rate."""
        return self.n_docs / self.pipeline_seconds if self.pipeline_seconds else 0.0

    @property
    def tokenizer_docs_per_second(self) -> float:
        """Blank tokenizer rate."""
        return self.n_docs / self.tokenizer_seconds if self.tokenizer_seconds else 0.0

    @property
    def ratio(self) -> float:
        """Pipeline rate / tokenizer rate (1.0 = as fast as tokenizing)."""
        tok = self.tokenizer_docs_per_second
        return self.pipeline_docs_per_second / tok if tok else 0.0

    def as_dict(self) -> dict[str, float | int]:
        """Rounded numbers, for JSON."""
        return {
            "n_docs": self.n_docs,
            "n_chars": self.n_chars,
            "pipeline_docs_per_second": round(self.pipeline_docs_per_second, 1),
            "tokenizer_docs_per_second": round(self.tokenizer_docs_per_second, 1),
            "ratio": round(self.ratio, 3),
        }


def _time(run: Callable[[str], object], texts: Sequence[str], repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        for text in texts:
            run(text)
        best = min(best, time.perf_counter() - started)
    return best


def measure_speed(
    texts: Sequence[str],
    extract: Callable[[str], object],
    tokenize: Callable[[str], object],
    *,
    repeats: int = 3,
) -> SpeedReport:
    """Time ``extract`` and ``tokenize`` over ``texts`` (best of ``repeats`` passes).

    Args:
        texts: the documents.
        extract: the full text -> skills function.
        tokenize: the baseline tokenizer.
        repeats: timed passes of each; the fastest counts.

    Returns:
        The report.
    """
    for text in texts[:5]:
        extract(text)
        tokenize(text)
    return SpeedReport(
        n_docs=len(texts),
        n_chars=sum(len(t) for t in texts),
        pipeline_seconds=_time(extract, texts, repeats),
        tokenizer_seconds=_time(tokenize, texts, repeats),
    )
