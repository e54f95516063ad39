"""Train the role scorer: synthetic examples from ``data/`` plus optional labelled files.

Without gold files the scorer learns from the role profiles alone (examples drawn by
:mod:`matcher.scoring.synthetic`), so ``matcher train`` needs nothing outside the
project. Gold files (role JSON Lines, see :mod:`matcher.evaluation.role_gold`) add real
examples; a posting's title is also used on its own as a short-text example.
Synthetic examples weigh ``synthetic_weight`` each, real ones 1.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from sklearn.model_selection import StratifiedKFold

from matcher.artifacts import TrainingSource
from matcher.evaluation.role_gold import (
    RoleGold,
    file_sha256,
    gold_document,
    read_role_gold,
    title_document,
)
from matcher.evaluation.roles import role_metrics
from matcher.scoring.features import RoleDocument
from matcher.scoring.role_model import (
    RoleModelParams,
    RoleScorer,
    build_role_model,
    predict_role_probabilities,
)
from matcher.scoring.synthetic import synthetic_examples
from matcher.service import MatchingEngine

__all__ = [
    "DEFAULT_SYNTHETIC_WEIGHT",
    "TrainingSet",
    "cross_validated_metrics",
    "cross_validated_probabilities",
    "cross_validated_runs",
    "gold_training_set",
    "synthetic_training_set",
    "train_role_scorer",
]

#: Weight of one synthetic example relative to one labelled real example. Small, because
#: the draw is large (``data/role_model.yaml`` ``synthetic``): 5,100 examples weigh as
#: much as 204 labelled ones.
DEFAULT_SYNTHETIC_WEIGHT = 0.04


@dataclass
class TrainingSet:
    """Documents, labels and weights, with where they came from."""

    docs: list[RoleDocument] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    weights: list[float] = field(default_factory=list)
    sources: list[TrainingSource] = field(default_factory=list)
    synthetic: int = 0

    def add(self, doc: RoleDocument, label: str, weight: float) -> None:
        """Append one example."""
        self.docs.append(doc)
        self.labels.append(label)
        self.weights.append(weight)

    def extend(self, other: TrainingSet) -> TrainingSet:
        """Append every example of another set (in place; returns self)."""
        self.docs += other.docs
        self.labels += other.labels
        self.weights += other.weights
        self.sources += other.sources
        self.synthetic += other.synthetic
        return self


def synthetic_training_set(engine: MatchingEngine, *, weight: float) -> TrainingSet:
    """The examples drawn from the role profiles, each of weight ``weight``."""
    out = TrainingSet()
    for example in synthetic_examples(engine.bundle):
        out.add(engine.role_document(example.text, title=example.title), example.label, weight)
    out.synthetic = len(out.docs)
    return out


def _gold_examples(engine: MatchingEngine, golds: Sequence[RoleGold]) -> TrainingSet:
    out = TrainingSet()
    for gold in golds:
        out.add(gold_document(engine, gold), gold.primary, 1.0)
        title_only = title_document(engine, gold)
        if title_only is not None:
            out.add(title_only, gold.primary, 1.0)
    return out


def gold_training_set(engine: MatchingEngine, paths: Sequence[Path]) -> TrainingSet:
    """Real labelled examples from role gold files.

    Raises:
        InputError: a file cannot be read or is not a role gold file.
    """
    out = TrainingSet()
    for path in paths:
        golds = read_role_gold(path)
        part = _gold_examples(engine, golds)
        part.sources = [
            TrainingSource(name=path.name, sha256=file_sha256(path), examples=len(golds))
        ]
        out.extend(part)
    return out


def train_role_scorer(
    engine: MatchingEngine,
    *,
    gold_paths: Sequence[Path] = (),
    params: RoleModelParams | None = None,
    synthetic_weight: float = DEFAULT_SYNTHETIC_WEIGHT,
) -> tuple[RoleScorer, TrainingSet]:
    """Fit a role scorer on synthetic examples plus the given gold files.

    Returns:
        The fitted scorer and the training set (for ``meta.json``).
    """
    data = synthetic_training_set(engine, weight=synthetic_weight)
    data.extend(gold_training_set(engine, gold_paths))
    model = build_role_model(engine.bundle, params=params)
    model.fit(data.docs, data.labels, sample_weight=data.weights)
    return model, data


def _strata(golds: Sequence[RoleGold], folds: int) -> list[str]:
    # Stratify by kind and label; groups smaller than the number of folds are pooled.
    keys = [f"{g.kind}:{g.primary}" for g in golds]
    counts = Counter(keys)
    return [key if counts[key] >= folds else "pooled" for key in keys]


def cross_validated_probabilities(
    engine: MatchingEngine,
    golds: Sequence[RoleGold],
    *,
    folds: int = 5,
    params: RoleModelParams | None = None,
    synthetic_weight: float = DEFAULT_SYNTHETIC_WEIGHT,
    extra_gold: Sequence[Path] = (),
    seed: int = 0,
) -> list[dict[str, float]]:
    """Out-of-fold probabilities for labelled items the shipped model was trained on.

    Each fold's items are scored by a scorer trained on the synthetic examples, the
    other gold files (``extra_gold``) and the other folds (stratified by kind and
    label), never on the items themselves.

    Returns:
        One outcome -> probability dict per gold item, in input order.
    """
    (out,) = cross_validated_runs(
        engine,
        golds,
        seeds=(seed,),
        folds=folds,
        params=params,
        synthetic_weight=synthetic_weight,
        extra_gold=extra_gold,
    )
    return out


def cross_validated_runs(
    engine: MatchingEngine,
    golds: Sequence[RoleGold],
    *,
    seeds: Sequence[int],
    folds: int = 5,
    params: RoleModelParams | None = None,
    synthetic_weight: float = DEFAULT_SYNTHETIC_WEIGHT,
    extra_gold: Sequence[Path] = (),
) -> list[list[dict[str, float]]]:
    """:func:`cross_validated_probabilities` once per fold-split seed.

    The training examples are read once for every split.

    Returns:
        Per seed, in order: one outcome -> probability dict per gold item.
    """
    synthetic = synthetic_training_set(engine, weight=synthetic_weight)
    synthetic.extend(gold_training_set(engine, extra_gold))
    docs = [gold_document(engine, g) for g in golds]
    titles = [title_document(engine, g) for g in golds]
    strata = _strata(golds, folds)
    runs: list[list[dict[str, float]]] = []
    for seed in seeds:
        out: list[dict[str, float]] = [{} for _ in golds]
        splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
        for train_idx, test_idx in splitter.split(np.zeros(len(golds)), strata):
            data = TrainingSet().extend(synthetic)
            for i in train_idx:
                data.add(docs[i], golds[i].primary, 1.0)
                title_only = titles[i]
                if title_only is not None:
                    data.add(title_only, golds[i].primary, 1.0)
            model = build_role_model(engine.bundle, params=params)
            model.fit(data.docs, data.labels, sample_weight=data.weights)
            predicted = predict_role_probabilities(model, [docs[i] for i in test_idx])
            for i, probabilities in zip(test_idx, predicted, strict=True):
                out[i] = probabilities
        runs.append(out)
    return runs


def cross_validated_metrics(
    engine: MatchingEngine,
    paths: Sequence[Path],
    *,
    folds: int = 5,
    params: RoleModelParams | None = None,
    synthetic_weight: float = DEFAULT_SYNTHETIC_WEIGHT,
) -> dict[str, dict[str, object]]:
    """Out-of-fold top-1/top-3/macro-F1 per gold file (for ``meta.json``).

    Each file is cross-validated with the other files as extra training data, as the
    model trained on all of them would have seen them.

    Returns:
        ``"<file stem>"`` -> metrics; empty when ``folds`` < 2.
    """
    if folds < 2:
        return {}
    out: dict[str, dict[str, object]] = {}
    for path in paths:
        golds = read_role_gold(path)
        probabilities = cross_validated_probabilities(
            engine,
            golds,
            folds=folds,
            params=params,
            synthetic_weight=synthetic_weight,
            extra_gold=[p for p in paths if p != path],
        )
        metrics = role_metrics(golds, probabilities).as_dict(with_details=False)
        out[path.stem] = {**metrics, "folds": folds}
    return out
