"""Role detection measured against hand-labelled postings, resumes and titles.

For each item the scorer gives a probability per outcome (twelve roles and ``none``).

* **top-1**: the most probable outcome is the labelled primary role or one of the
  accepted alternates (``also``);
* **top-3**: the labelled primary role is among the three most probable outcomes, as
  the evaluation data's README defines it; ``top3_accepted`` also counts an accepted
  alternate among the three (the top-1 rule, so it is never below top-1);
* **macro-F1**: F1 per outcome averaged over the outcomes that occur as gold primary
  labels; a top-1 prediction that is an accepted alternate counts as that item's label
  (so lenient top-1 and F1 agree);
* **confusion matrix**: rows gold primary, columns top-1 prediction (same leniency);
* **calibration**: items binned by the top-1 probability, with the share correct;
* the same numbers for the TF-IDF cosine baseline (:mod:`matcher.scoring.baseline`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from matcher.evaluation.metrics import PRF
from matcher.evaluation.role_gold import RoleGold
from matcher.scoring.synthetic import NONE_LABEL

__all__ = ["CalibrationBin", "RoleMetrics", "role_metrics"]

_BIN_EDGES = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0001)


@dataclass(frozen=True)
class CalibrationBin:
    """Items whose top-1 probability fell in ``[low, high)``, and how many were right."""

    low: float
    high: float
    n: int
    mean_probability: float
    accuracy: float


@dataclass(frozen=True)
class RoleMetrics:
    """Top-1/top-3 accuracy, macro-F1, per-outcome P/R/F1 and a confusion matrix."""

    n: int
    top1: float
    top3: float
    macro_f1: float
    #: the primary role or an accepted alternate among the three most probable outcomes.
    top3_accepted: float
    per_label: Mapping[str, PRF]
    labels: tuple[str, ...]
    confusion: tuple[tuple[int, ...], ...]
    calibration: tuple[CalibrationBin, ...] = ()
    #: per item: (uid, gold primary, top-1 prediction, its probability, P(none)).
    predictions: tuple[tuple[str, str, str, float, float], ...] = field(default=())

    def as_dict(self, *, with_details: bool = True) -> dict[str, object]:
        """JSON-ready numbers (rounded)."""
        out: dict[str, object] = {
            "n": self.n,
            "top1": round(self.top1, 4),
            "top3": round(self.top3, 4),
            "macro_f1": round(self.macro_f1, 4),
            "top3_accepted": round(self.top3_accepted, 4),
        }
        if with_details:
            out["per_label"] = {k: v.as_dict() for k, v in self.per_label.items()}
            out["confusion"] = {"labels": list(self.labels), "matrix": self.confusion}
            out["calibration"] = [vars(b) for b in self.calibration]
        return out


def _ranked(probabilities: Mapping[str, float]) -> list[str]:
    return sorted(probabilities, key=lambda label: (-probabilities[label], label))


def _calibration(rows: Sequence[tuple[float, bool]]) -> tuple[CalibrationBin, ...]:
    bins = []
    for low, high in zip(_BIN_EDGES, _BIN_EDGES[1:], strict=False):
        inside = [(p, ok) for p, ok in rows if low <= p < high]
        if inside:
            bins.append(
                CalibrationBin(
                    low=low,
                    high=min(high, 1.0),
                    n=len(inside),
                    mean_probability=round(sum(p for p, _ in inside) / len(inside), 4),
                    accuracy=round(sum(ok for _, ok in inside) / len(inside), 4),
                )
            )
    return tuple(bins)


def role_metrics(
    golds: Sequence[RoleGold], probabilities: Sequence[Mapping[str, float]]
) -> RoleMetrics:
    """Score predictions against gold items.

    Args:
        golds: the labelled items.
        probabilities: per item, outcome -> probability (or any score that ranks them).

    Returns:
        The metrics; empty input gives zeros.
    """
    top1 = top3 = top3_accepted = 0
    gold_labels: list[str] = []
    predicted: list[str] = []
    calibration_rows: list[tuple[float, bool]] = []
    rows: list[tuple[str, str, str, float, float]] = []
    for gold, scores in zip(golds, probabilities, strict=True):
        ranked = _ranked(scores)
        best = ranked[0] if ranked else NONE_LABEL
        correct = best in gold.accepted
        top1 += correct
        top3 += gold.primary in ranked[:3]
        top3_accepted += not gold.accepted.isdisjoint(ranked[:3])
        gold_labels.append(gold.primary)
        predicted.append(gold.primary if correct else best)
        calibration_rows.append((scores.get(best, 0.0), correct))
        rows.append(
            (gold.uid, gold.primary, best, scores.get(best, 0.0), scores.get(NONE_LABEL, 0.0))
        )
    labels = tuple(sorted(set(gold_labels) | set(predicted)))
    index = {label: i for i, label in enumerate(labels)}
    matrix = [[0] * len(labels) for _ in labels]
    for g, p in zip(gold_labels, predicted, strict=True):
        matrix[index[g]][index[p]] += 1
    pred_counts = Counter(predicted)
    gold_counts = Counter(gold_labels)
    hits: dict[str, int] = defaultdict(int)
    for g, p in zip(gold_labels, predicted, strict=True):
        if g == p:
            hits[g] += 1
    per_label = {
        label: PRF(hits[label], pred_counts[label], hits[label], gold_counts[label])
        for label in labels
    }
    present = [label for label in labels if gold_counts[label]]
    macro = sum(per_label[label].f1 for label in present) / len(present) if present else 0.0
    n = len(golds)
    return RoleMetrics(
        n=n,
        top1=top1 / n if n else 0.0,
        top3=top3 / n if n else 0.0,
        macro_f1=macro,
        top3_accepted=top3_accepted / n if n else 0.0,
        per_label=per_label,
        labels=labels,
        confusion=tuple(tuple(row) for row in matrix),
        calibration=_calibration(calibration_rows),
        predictions=tuple(rows),
    )
