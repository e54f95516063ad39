"""Evaluation results as pandas tables, to read and plot (``notebooks/01-evaluation.ipynb``).

Each ``*_frame`` function turns one result of :mod:`matcher.evaluation` into a
DataFrame with named columns; nothing here measures anything new. Shares, precision,
recall, F1 and probabilities are 0..1 (higher is better); counts are items.

:func:`evaluate_skill_file` runs the skill evaluation as ``matcher evaluate skills``
does and also keeps the taxonomy category of every predicted mention, which the false
hits of :class:`~matcher.evaluation.skills.SkillEvaluation` do not carry, so that
:func:`skill_misses_by_category` can group them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from matcher.domain import CandidateProfile
from matcher.evaluation.metrics import PRF
from matcher.evaluation.role_report import RoleEvaluation
from matcher.evaluation.roles import RoleMetrics
from matcher.evaluation.skills import (
    GoldMention,
    SkillEvaluation,
    evaluate_skills,
    read_skill_gold,
)
from matcher.scoring.synthetic import NONE_LABEL
from matcher.service import MatchingEngine
from matcher.taxonomy import DataBundle

__all__ = [
    "HEALTH_IT",
    "NOT_IN_TAXONOMY",
    "UNKNOWN_CATEGORY",
    "SkillRun",
    "calibration_frame",
    "confusion_frame",
    "evaluate_skill_file",
    "outcome_scores_frame",
    "per_label_frame",
    "role_summary_frame",
    "skill_errors_frame",
    "skill_misses_by_category",
    "skill_scores_frame",
]

#: Group of items whose gold primary label is one of the twelve roles.
HEALTH_IT = "health IT"
#: Category of a missed gold mention whose text is no alias of any taxonomy skill.
NOT_IN_TAXONOMY = "not in taxonomy"
#: Category of a false hit whose skill cannot be told (no recorded category, no alias).
UNKNOWN_CATEGORY = "category unknown"

_ERROR_TYPES = ("HARD", "CERT")


@dataclass(frozen=True)
class SkillRun:
    """A skill evaluation with the taxonomy category of every predicted mention.

    Attributes:
        evaluation: the scores and per-document misses and false hits.
        predicted_categories: ``(document uid, start, end)`` of each predicted mention
            -> its category id.
    """

    evaluation: SkillEvaluation
    predicted_categories: Mapping[tuple[str, int, int], str] = field(default_factory=dict)


def evaluate_skill_file(engine: MatchingEngine, gold_path: Path) -> SkillRun:
    """Score skill extraction on a gold file, as ``matcher evaluate skills`` does.

    Each document is extracted once; proposed phrases outside the taxonomy are scored
    too (``partial_with_unknown``).

    Args:
        engine: the loaded engine.
        gold_path: a skill gold JSON Lines file (see :mod:`matcher.evaluation.skills`).

    Returns:
        The evaluation and the category of every predicted mention.

    Raises:
        InputError: the gold file cannot be read or a text is over the size limit.
    """
    docs = read_skill_gold(gold_path)
    profiles: dict[str, CandidateProfile] = {}

    def profile(text: str) -> CandidateProfile:
        if text not in profiles:
            profiles[text] = engine.extract(text)
        return profiles[text]

    evaluation = evaluate_skills(
        docs,
        lambda text: profile(text).mentions,
        lambda category: engine.bundle.categories[category].mention_type.value,
        unknown=lambda text: [(u.phrase, u.start, u.end) for u in profile(text).unknown_skills],
    )
    categories = {
        (doc.uid, m.start, m.end): m.category for doc in docs for m in profile(doc.text).mentions
    }
    return SkillRun(evaluation=evaluation, predicted_categories=categories)


# --- roles ------------------------------------------------------------------------------


def _labels(metrics: RoleMetrics) -> list[str]:
    """The metrics' outcomes, alphabetical, with ``none`` last."""
    return sorted(metrics.labels, key=lambda label: (label == NONE_LABEL, label))


def role_summary_frame(evaluation: RoleEvaluation) -> pd.DataFrame:
    """Top-1, top-3 and macro-F1 of the model and the baseline, overall and per kind.

    Returns:
        One row per item group (``all``, then ``posting``, ``resume`` or ``title``);
        columns ``n``, ``top1``, ``top3``, ``macro_f1`` and the same three prefixed
        ``baseline_``.
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


# --- skills -----------------------------------------------------------------------------


def skill_scores_frame(evaluation: SkillEvaluation | SkillRun) -> pd.DataFrame:
    """Precision, recall and F1 of skill extraction, overall and per gold type.

    Returns:
        Rows ``partial HARD+CERT``, ``strict HARD+CERT``, ``partial HARD``, ``partial
        CERT``, ``partial SOFT`` and, when scored, ``partial HARD+CERT + proposed
        phrases``; columns ``precision``, ``recall``, ``f1``, ``n_pred``, ``n_gold``,
        ``missed`` (gold mentions not found) and ``false_hits`` (predictions matching
        no gold mention).
    """
    result = evaluation.evaluation if isinstance(evaluation, SkillRun) else evaluation
    measures = [("partial HARD+CERT", result.partial), ("strict HARD+CERT", result.strict)]
    measures += [(f"partial {kind}", prf) for kind, prf in result.by_type.items()]
    if result.partial_with_unknown is not None:
        measures.append(("partial HARD+CERT + proposed phrases", result.partial_with_unknown))
    rows = [
        {
            "measure": name,
            "precision": prf.precision,
            "recall": prf.recall,
            "f1": prf.f1,
            "n_pred": prf.n_pred,
            "n_gold": prf.n_gold,
            "missed": prf.n_gold - prf.tp_gold,
            "false_hits": prf.n_pred - prf.tp_pred,
        }
        for name, prf in measures
    ]
    return pd.DataFrame(rows).set_index("measure")


def _category_label(bundle: DataBundle, category_id: str) -> str:
    category = bundle.categories.get(category_id)
    return category.label if category is not None else category_id


def _alias_skill(bundle: DataBundle, text: str) -> tuple[str | None, str | None]:
    """(skill id, category id) of the taxonomy skill this text is an alias of."""
    alias = bundle.index.lookup(text)
    if alias is None or alias.skill_id not in bundle.skills:
        return None, None
    return alias.skill_id, bundle.skills[alias.skill_id].category


def skill_errors_frame(evaluation: SkillEvaluation | SkillRun, bundle: DataBundle) -> pd.DataFrame:
    """Every miss and false hit (partial matching, HARD+CERT) with a taxonomy category.

    A miss takes the category of the skill its gold text is an alias of (the extractor
    knew the words but did not keep them: context, ambiguity), else
    :data:`NOT_IN_TAXONOMY`. A false hit takes its predicted skill's category (recorded
    by :func:`evaluate_skill_file`; else looked up by its text), else
    :data:`UNKNOWN_CATEGORY`.

    Args:
        evaluation: a skill evaluation, or a :class:`SkillRun` with predicted categories.
        bundle: the data bundle the extractor used.

    Returns:
        One row per error: ``uid``, ``error`` (``miss`` or ``false hit``), ``type``
        (gold type of a miss, predicted type of a false hit), ``text``, ``skill_id``
        (None when not known), ``category_id`` and ``category`` (its label).
    """
    if isinstance(evaluation, SkillRun):
        result, recorded = evaluation.evaluation, evaluation.predicted_categories
    else:
        result, recorded = evaluation, {}
    rows: list[dict[str, object]] = []
    for doc in result.documents:
        for miss in doc.misses:
            skill_id, category_id = _alias_skill(bundle, miss.text)
            rows.append(_error_row(doc.uid, "miss", miss, skill_id, category_id, bundle))
        for hit in doc.false_hits:
            skill_id, category_id = _alias_skill(bundle, hit.text)
            start, end = hit.spans[0]
            category_id = recorded.get((doc.uid, start, end), category_id)
            rows.append(_error_row(doc.uid, "false hit", hit, skill_id, category_id, bundle))
    columns = ["uid", "error", "type", "text", "skill_id", "category_id", "category"]
    return pd.DataFrame(rows, columns=columns)


def _error_row(
    uid: str,
    error: str,
    mention: GoldMention,
    skill_id: str | None,
    category_id: str | None,
    bundle: DataBundle,
) -> dict[str, object]:
    if category_id is not None:
        category = _category_label(bundle, category_id)
    else:
        category = NOT_IN_TAXONOMY if error == "miss" else UNKNOWN_CATEGORY
    return {
        "uid": uid,
        "error": error,
        "type": mention.type,
        "text": mention.text,
        "skill_id": skill_id,
        "category_id": category_id,
        "category": category,
    }


def _common(texts: Sequence[str], n: int) -> str:
    counts = Counter(texts)
    return "; ".join(f"{text} ({count})" for text, count in counts.most_common(n))


def skill_misses_by_category(
    evaluation: SkillEvaluation | SkillRun, bundle: DataBundle, *, examples: int = 3
) -> pd.DataFrame:
    """Misses and false hits counted per taxonomy category and type, with examples.

    Categories as in :func:`skill_errors_frame` (:data:`NOT_IN_TAXONOMY` for misses no
    alias knows). Only HARD and CERT mentions are scored this way; SOFT misses are
    counted in :func:`skill_scores_frame`.

    Args:
        evaluation: a skill evaluation, or a :class:`SkillRun` with predicted categories.
        bundle: the data bundle the extractor used.
        examples: most frequent surface forms listed per category and kind of error.

    Returns:
        One row per category, most errors first; columns ``misses``, ``misses HARD``,
        ``misses CERT``, ``false hits``, ``false hits HARD``, ``false hits CERT``,
        ``common misses`` and ``common false hits`` (``"text (count); ..."``).
    """
    errors = skill_errors_frame(evaluation, bundle)
    rows = []
    for category, group in errors.groupby("category", sort=True):
        row: dict[str, object] = {"category": str(category)}
        for error, name in (("miss", "misses"), ("false hit", "false hits")):
            mine = group[group["error"] == error]
            row[name] = len(mine)
            for kind in _ERROR_TYPES:
                row[f"{name} {kind}"] = int((mine["type"] == kind).sum())
        rows.append(row)
        row["common misses"] = _common(list(group.loc[group["error"] == "miss", "text"]), examples)
        row["common false hits"] = _common(
            list(group.loc[group["error"] == "false hit", "text"]), examples
        )
    columns = ["category"]
    for name in ("misses", "false hits"):
        columns += [name, *(f"{name} {kind}" for kind in _ERROR_TYPES)]
    columns += ["common misses", "common false hits"]
    frame = pd.DataFrame(rows, columns=columns).set_index("category")
    total = frame["misses"] + frame["false hits"]
    return frame.loc[total.sort_values(ascending=False, kind="stable").index]
