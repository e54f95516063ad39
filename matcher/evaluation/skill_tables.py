"""Skill-evaluation results as pandas tables, to read and plot (``notebooks/01-evaluation.ipynb``).

Each ``*_frame`` function turns one skill evaluation into a DataFrame with named
columns; nothing here measures anything new. Precision, recall and F1 are 0..1 (higher
is better); counts are mentions.

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
from matcher.evaluation.skills import (
    GoldMention,
    SkillEvaluation,
    evaluate_skills,
    read_skill_gold,
)
from matcher.service import MatchingEngine
from matcher.taxonomy import DataBundle

__all__ = [
    "NOT_IN_TAXONOMY",
    "UNKNOWN_CATEGORY",
    "SkillRun",
    "evaluate_skill_file",
    "skill_errors_frame",
    "skill_misses_by_category",
    "skill_scores_frame",
]

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
