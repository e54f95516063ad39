"""Precision, recall and F1 with the counts behind them, shared by every evaluation."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["PRF"]


@dataclass(frozen=True)
class PRF:
    """Precision, recall and F1 (0..1) with the counts behind them."""

    tp_pred: int
    n_pred: int
    tp_gold: int
    n_gold: int

    @property
    def precision(self) -> float:
        """Matched predictions / predictions."""
        return self.tp_pred / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        """Matched gold items / gold items."""
        return self.tp_gold / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: PRF) -> PRF:
        """Counts summed (micro-averaging over documents)."""
        return PRF(
            self.tp_pred + other.tp_pred,
            self.n_pred + other.n_pred,
            self.tp_gold + other.tp_gold,
            self.n_gold + other.n_gold,
        )

    def as_dict(self) -> dict[str, float | int]:
        """Rounded numbers and counts, for JSON."""
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "n_pred": self.n_pred,
            "n_gold": self.n_gold,
        }
