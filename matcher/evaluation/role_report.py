"""``matcher evaluate roles``: the role scorer and the TF-IDF baseline on a gold file.

When the loaded role model was trained on the gold file itself (its ``meta.json`` lists
the file's hash), scoring the file with it would measure memory, not skill: the model's
numbers are then cross-validated instead (each fold scored by a scorer trained on the
synthetic examples and the other folds) and the report says so.

Which items share a fold moves the numbers by about one percentage point on a few
hundred items, as much as many a change under test. ``repeats`` > 1 cross-validates
again with other fold splits and reports the spread (mean, lowest, highest) of each
headline number next to the first split's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from matcher.artifacts import read_meta
from matcher.errors import ArtifactError
from matcher.evaluation.role_gold import RoleGold, file_sha256, gold_document, read_role_gold
from matcher.evaluation.role_training import (
    DEFAULT_SYNTHETIC_WEIGHT,
    cross_validated_runs,
)
from matcher.evaluation.roles import RoleMetrics, role_metrics
from matcher.scoring.baseline import TfidfRoleBaseline
from matcher.scoring.role_model import ROLE_MODEL_NAME, RoleModelParams, predict_role_probabilities
from matcher.service import MatchingEngine

__all__ = ["HEADLINE_NUMBERS", "RepeatedCV", "RoleEvaluation", "evaluate_roles"]


#: The numbers whose spread over fold splits is reported.
HEADLINE_NUMBERS = ("top1", "top3", "top3_accepted", "macro_f1")


@dataclass(frozen=True)
class RepeatedCV:
    """The headline numbers of several cross-validations with different fold splits."""

    runs: tuple[RoleMetrics, ...]

    def spread(self, name: str) -> tuple[float, float, float]:
        """(mean, lowest, highest) of one of :data:`HEADLINE_NUMBERS`."""
        values = [float(getattr(run, name)) for run in self.runs]
        return sum(values) / len(values), min(values), max(values)

    def as_dict(self) -> dict[str, object]:
        """``{"repeats": R, "<number>": {"mean", "min", "max"}}`` for each headline number."""
        out: dict[str, object] = {"repeats": len(self.runs)}
        for name in HEADLINE_NUMBERS:
            mean, low, high = self.spread(name)
            out[name] = {"mean": round(mean, 4), "min": round(low, 4), "max": round(high, 4)}
        return out


@dataclass(frozen=True)
class RoleEvaluation:
    """The model's and the baseline's metrics, overall and per kind of item."""

    model: RoleMetrics
    baseline: RoleMetrics
    by_kind: dict[str, RoleMetrics] = field(default_factory=dict)
    baseline_by_kind: dict[str, RoleMetrics] = field(default_factory=dict)
    model_version: str | None = None
    cross_validated: bool = False
    folds: int = 0
    repeated: RepeatedCV | None = None

    def as_dict(self) -> dict[str, object]:
        """One JSON object: model numbers at the top level, then baseline and details."""
        out = self.model.as_dict()
        out["baseline"] = self.baseline.as_dict(with_details=False)
        out["by_kind"] = {
            kind: {
                **metrics.as_dict(with_details=False),
                "baseline": self.baseline_by_kind[kind].as_dict(with_details=False),
            }
            for kind, metrics in self.by_kind.items()
        }
        out["model_version"] = self.model_version
        out["cross_validated"] = self.cross_validated
        out["folds"] = self.folds
        if self.repeated is not None:
            out["repeated_cv"] = self.repeated.as_dict()
        return out


def _training_hashes(engine: MatchingEngine) -> set[str]:
    version = engine.role_model_version
    if version is None:
        return set()
    try:
        meta = read_meta(engine.settings.models_dir, ROLE_MODEL_NAME, version)
    except ArtifactError:
        return set()
    return {source.sha256 for source in meta.training_sources}


def _sibling_training_files(engine: MatchingEngine, path: Path) -> list[Path]:
    # The model's other training files, when they sit beside the evaluated one (same
    # hash): cross-validation then trains on them too, as the shipped model did.
    hashes = _training_hashes(engine)
    return [
        other
        for other in sorted(path.parent.glob("*.jsonl"))
        if other.resolve() != path.resolve() and file_sha256(other) in hashes
    ]


def _params(engine: MatchingEngine) -> RoleModelParams | None:
    version = engine.role_model_version
    if version is None:
        return None
    meta = read_meta(engine.settings.models_dir, ROLE_MODEL_NAME, version)
    known = RoleModelParams.__dataclass_fields__
    return RoleModelParams(**{k: v for k, v in meta.parameters.items() if k in known})


def _synthetic_weight(engine: MatchingEngine) -> float:
    version = engine.role_model_version
    if version is None:
        return DEFAULT_SYNTHETIC_WEIGHT
    meta = read_meta(engine.settings.models_dir, ROLE_MODEL_NAME, version)
    return float(meta.parameters.get("synthetic_weight", DEFAULT_SYNTHETIC_WEIGHT))


def _split(golds: list[RoleGold], metrics_of: list[dict[str, float]]) -> dict[str, RoleMetrics]:
    kinds = sorted({g.kind for g in golds})
    return {
        kind: role_metrics(
            [g for g in golds if g.kind == kind],
            [p for g, p in zip(golds, metrics_of, strict=True) if g.kind == kind],
        )
        for kind in kinds
    }


def _cross_validate(
    engine: MatchingEngine, gold_path: Path, golds: list[RoleGold], *, folds: int, repeats: int
) -> list[list[dict[str, float]]]:
    return cross_validated_runs(
        engine,
        golds,
        seeds=range(repeats),
        folds=folds,
        params=_params(engine),
        synthetic_weight=_synthetic_weight(engine),
        extra_gold=_sibling_training_files(engine, gold_path),
    )


def evaluate_roles(
    engine: MatchingEngine,
    gold_path: Path,
    *,
    cross_validate: bool | None = None,
    folds: int = 5,
    repeats: int = 1,
) -> RoleEvaluation:
    """Score the engine's role model and the baseline on a gold file.

    Args:
        engine: the loaded engine (with or without a role model).
        gold_path: a role gold file (postings/resumes or titles).
        cross_validate: True to cross-validate, False to score with the loaded model,
            None to cross-validate exactly when the model was trained on this file.
        folds: cross-validation folds.
        repeats: cross-validations with different fold splits (seeds 0, 1, ...); the
            report's numbers are the first one's, ``repeated`` the spread of all of
            them (when more than one).

    Raises:
        ValueError: ``repeats`` < 1.
        InputError: the gold file cannot be read.
        ArtifactError: no role model is loaded and cross-validation was not asked for.
    """
    if repeats < 1:
        raise ValueError("repeats must be at least 1")
    golds = read_role_gold(gold_path)
    trained_on = file_sha256(gold_path) in _training_hashes(engine)
    cv = trained_on if cross_validate is None else cross_validate
    runs: list[list[dict[str, float]]] = []
    if cv:
        runs = _cross_validate(engine, gold_path, golds, folds=folds, repeats=repeats)
        probabilities = runs[0]
    else:
        if engine.role_model is None:
            raise ArtifactError("no role model is loaded: run `matcher train` first")
        docs = [gold_document(engine, g) for g in golds]
        probabilities = predict_role_probabilities(engine.role_model, docs)
    model = role_metrics(golds, probabilities)
    repeated: RepeatedCV | None = None
    if len(runs) > 1:
        repeated = RepeatedCV(runs=(model, *(role_metrics(golds, run) for run in runs[1:])))
    baseline = TfidfRoleBaseline(engine.bundle).fit()
    baseline_scores = baseline.predict_proba(
        [f"{g.title}\n{g.text}" if g.kind == "posting" else g.text for g in golds]
    )
    return RoleEvaluation(
        model=model,
        baseline=role_metrics(golds, baseline_scores),
        by_kind=_split(golds, probabilities),
        baseline_by_kind=_split(golds, baseline_scores),
        model_version=engine.role_model_version,
        cross_validated=cv,
        folds=folds if cv else 0,
        repeated=repeated,
    )
