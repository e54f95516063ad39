"""Role-evaluation results as pandas tables, to read and plot (``notebooks/01-evaluation.ipynb``).

Each ``*_frame`` function turns one result of :mod:`matcher.evaluation.role_report` or
:mod:`matcher.evaluation.roles` into a DataFrame with named columns; nothing here
measures anything new. Shares, precision, recall, F1 and probabilities are 0..1 (higher
is better); counts are items.
"""

from __future__ import annotations

import pandas as pd

from matcher.evaluation.metrics import PRF
from matcher.evaluation.role_report import HEADLINE_NUMBERS, RoleEvaluation
from matcher.evaluation.roles import RoleMetrics
from matcher.scoring.synthetic import NONE_LABEL

__all__ = [
    "HEALTH_IT",
    "calibration_frame",
    "confusion_frame",
    "outcome_scores_frame",
    "per_label_frame",
    "repeated_cv_frame",
    "role_summary_frame",
]

#: Group of items whose gold primary label is one of the twelve roles.
HEALTH_IT = "health IT"


def _labels(metrics: RoleMetrics) -> list[str]:
    """The metrics' outcomes, alphabetical, with ``none`` last."""
    return sorted(metrics.labels, key=lambda label: (label == NONE_LABEL, label))


def role_summary_frame(evaluation: RoleEvaluation) -> pd.DataFrame:
    """Top-1, top-3 and macro-F1 of the model and the baseline, overall and per kind.

    Returns:
        One row per item group (``all``, then ``posting``, ``resume`` or ``title``);
        columns ``n``, ``top1``, ``top3``, ``top3_accepted``, ``macro_f1`` and
        ``top1``, ``top3``, ``macro_f1`` prefixed ``baseline_``.
    """
    groups = [("all", evaluation.model, evaluation.baseline)] + [
        (kind, metrics, evaluation.baseline_by_kind[kind])
        for kind, metrics in evaluation.by_kind.items()
    ]
    rows = [
        {
            "items": name,
            "n": model.n,
            "top1": model.top1,
            "top3": model.top3,
            "top3_accepted": model.top3_accepted,
            "macro_f1": model.macro_f1,
            "baseline_top1": baseline.top1,
            "baseline_top3": baseline.top3,
            "baseline_macro_f1": baseline.macro_f1,
        }
        for name, model, baseline in groups
    ]
    return pd.DataFrame(rows).set_index("items")


def confusion_frame(metrics: RoleMetrics, *, normalize: bool = False) -> pd.DataFrame:
    """The confusion matrix: rows gold primary, columns top-1 prediction.

    A top-1 prediction that is an accepted alternate counts as the gold primary (see
    :mod:`matcher.evaluation.roles`), so the diagonal holds the lenient top-1 hits.

    Args:
        metrics: role metrics.
        normalize: divide each row by its item count (share of the gold label's items,
            0..1); rows of labels that were only predicted stay 0.

    Returns:
        A square frame over the outcomes (alphabetical, ``none`` last).
    """
    order = _labels(metrics)
    frame = pd.DataFrame(
        metrics.confusion,
        index=pd.Index(metrics.labels, name="gold primary"),
        columns=pd.Index(metrics.labels, name="top-1 prediction"),
    ).loc[order, order]
    if not normalize:
        return frame
    totals = frame.sum(axis=1).replace(0, 1)
    return frame.div(totals, axis=0)


def per_label_frame(metrics: RoleMetrics) -> pd.DataFrame:
    """Precision, recall and F1 per outcome (lenient top-1 as the prediction).

    Returns:
        One row per outcome (alphabetical, ``none`` last); columns ``precision``,
        ``recall``, ``f1``, ``n_gold`` (items with that gold primary) and ``n_pred``
        (items predicted as it).
    """
    rows = [_prf_row(label, metrics.per_label[label]) for label in _labels(metrics)]
    frame = pd.DataFrame(rows, columns=["outcome", "precision", "recall", "f1", "n_gold", "n_pred"])
    return frame.set_index("outcome")


def _prf_row(name: str, prf: PRF) -> dict[str, object]:
    return {
        "outcome": name,
        "precision": prf.precision,
        "recall": prf.recall,
        "f1": prf.f1,
        "n_gold": prf.n_gold,
        "n_pred": prf.n_pred,
    }


def calibration_frame(metrics: RoleMetrics) -> pd.DataFrame:
    """Reliability of the top-1 probability, bin by bin.

    Returns:
        One row per non-empty bin of the top-1 probability (``bin`` as ``"0.8-1.0"``);
        columns ``low``, ``high``, ``n``, ``mean_probability``, ``accuracy`` (share of
        the bin's items right at top-1) and ``gap`` (accuracy minus mean probability:
        below 0 the scorer is over-confident).
    """
    rows = [
        {
            "bin": f"{b.low:.1f}-{b.high:.1f}",
            "low": b.low,
            "high": b.high,
            "n": b.n,
            "mean_probability": b.mean_probability,
            "accuracy": b.accuracy,
            "gap": b.accuracy - b.mean_probability,
        }
        for b in metrics.calibration
    ]
    columns = ["bin", "low", "high", "n", "mean_probability", "accuracy", "gap"]
    return pd.DataFrame(rows, columns=columns).set_index("bin")


def outcome_scores_frame(metrics: RoleMetrics) -> pd.DataFrame:
    """Per item, the scores that separate ``none`` from the health IT roles.

    Returns:
        One row per item: ``uid``, ``gold`` (primary label), ``group`` (``none`` or
        :data:`HEALTH_IT`), ``predicted`` (top-1 outcome), ``top_probability`` (its
        probability), ``p_none`` (probability of ``none``) and ``p_health_it``
        (1 - ``p_none``). For a scorer that gives no ``none`` score, ``p_none`` is 0.
    """
    rows = [
        {
            "uid": uid,
            "gold": gold,
            "group": NONE_LABEL if gold == NONE_LABEL else HEALTH_IT,
            "predicted": predicted,
            "top_probability": probability,
            "p_none": p_none,
            "p_health_it": 1.0 - p_none,
        }
        for uid, gold, predicted, probability, p_none in metrics.predictions
    ]
    columns = ["uid", "gold", "group", "predicted", "top_probability", "p_none", "p_health_it"]
    return pd.DataFrame(rows, columns=columns)


def repeated_cv_frame(evaluations: dict[str, RoleEvaluation]) -> pd.DataFrame:
    """The spread of each cross-validated number over several fold splits.

    Args:
        evaluations: a name (e.g. the gold file) -> an evaluation run with ``repeats`` > 1.

    Returns:
        One row per name and number (``top1``, ``top3``, ``macro_f1``); columns
        ``first_split`` (the number the rest of the report shows), ``mean``, ``min``,
        ``max`` and ``splits``. Evaluations without repeated cross-validation are left out.
    """
    rows = []
    for name, evaluation in evaluations.items():
        repeated = evaluation.repeated
        if repeated is None:
            continue
        for number in HEADLINE_NUMBERS:
            mean, low, high = repeated.spread(number)
            rows.append(
                {
                    "items": name,
                    "number": number,
                    "first_split": float(getattr(evaluation.model, number)),
                    "mean": mean,
                    "min": low,
                    "max": high,
                    "splits": len(repeated.runs),
                }
            )
    columns = ["items", "number", "first_split", "mean", "min", "max", "splits"]
    return pd.DataFrame(rows, columns=columns).set_index(["items", "number"])
