"""One document's role probabilities and the features that weighed most in them.

Because each of the scorer's classifiers is linear, every probability can be explained:
a feature's contribution to an outcome is its value times the outcome's coefficient
minus the average coefficient over all outcomes. :func:`score_document` transforms the
document once, for both the probabilities and their drivers.
"""

from __future__ import annotations

import weakref

import numpy as np
import numpy.typing as npt
from scipy import sparse
from sklearn.calibration import CalibratedClassifierCV
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.svm import LinearSVC

from matcher.domain import ScoreDriver
from matcher.scoring.features import RoleDocument
from matcher.scoring.role_model import (
    RoleScorer,
    blend_with_title,
    class_columns,
    log_probabilities,
)

__all__ = ["TITLE_ALONE", "score_document"]

#: Driver kind of a full text's title read on its own by the short-text model.
TITLE_ALONE = "title alone"

_KINDS = {
    "text": "text word",
    "title": "title word",
    "domain": "health context",
    "skills": "skill",
    "roles": "role coverage",
    "letters": "letters in the text",
}


def _linear_classifier(calibrated: CalibratedClassifierCV) -> LinearSVC | LogisticRegression:
    # ensemble=False: one classifier fitted on all the data, calibrated on CV output.
    classifier: LinearSVC | LogisticRegression = calibrated.calibrated_classifiers_[0].estimator
    return classifier


# Feature names of each fitted feature union, built once: sklearn rebuilds (and sorts) the
# whole vocabulary on every get_feature_names_out() call, which cost more than scoring.
_FEATURE_NAMES: weakref.WeakKeyDictionary[FeatureUnion, npt.NDArray[np.object_]] = (
    weakref.WeakKeyDictionary()
)


def _feature_names(union: FeatureUnion) -> npt.NDArray[np.object_]:
    names = _FEATURE_NAMES.get(union)
    if names is None:
        names = np.asarray(union.get_feature_names_out(), dtype=object)
        _FEATURE_NAMES[union] = names
    return names


def _driver(name: str, weight: float) -> ScoreDriver:
    block, _, feature = name.partition("__")
    kind = _KINDS.get(block, block)
    if block == "skills" and feature.startswith("category: "):
        kind, feature = "skill category", feature.removeprefix("category: ")
    elif block == "skills":
        feature = feature.removeprefix("skill: ")
    elif block == "roles":
        feature = feature.removeprefix("covers role: ")
    return ScoreDriver(kind=kind, feature=feature, weight=round(weight, 4))


def _inverse_temperature(calibrated: CalibratedClassifierCV) -> float:
    # Temperature scaling multiplies the classifier's scores by beta_ before the softmax.
    calibrator = calibrated.calibrated_classifiers_[0].calibrators[0]
    return float(getattr(calibrator, "beta_", 1.0))


def _read(
    pipeline: Pipeline,
    doc: RoleDocument,
    classes: npt.NDArray[np.object_],
    *,
    scale: float,
    top: int,
) -> tuple[npt.NDArray[np.float64], dict[str, tuple[ScoreDriver, ...]]]:
    """One pipeline's probabilities (in ``classes`` order) and drivers, weights times ``scale``."""
    union: FeatureUnion = pipeline.named_steps["features"]
    calibrated: CalibratedClassifierCV = pipeline.named_steps["classifier"]
    row = sparse.csr_matrix(union.transform([doc]))
    probabilities = np.zeros(len(classes), dtype=np.float64)
    probabilities[class_columns(classes, calibrated.classes_)] = calibrated.predict_proba(row)[0]
    drivers: dict[str, tuple[ScoreDriver, ...]] = {}
    if top <= 0:
        return probabilities, drivers
    names = _feature_names(union)
    coef = _linear_classifier(calibrated).coef_
    # In log-probability units: the calibrated logit is the score times beta.
    relative = (coef - coef.mean(axis=0, keepdims=True)) * _inverse_temperature(calibrated) * scale
    cols = row.indices
    values = row.data
    # The calibrated wrapper label-encodes y: the classifier's class k is the wrapper's
    # classes_[k].
    for k, label in enumerate(calibrated.classes_):
        contributions = values * relative[k, cols]
        order = np.argsort(-contributions)[:top]
        drivers[str(label)] = tuple(
            _driver(str(names[cols[i]]), float(contributions[i]))
            for i in order
            if contributions[i] > 0
        )
    return probabilities, drivers


def _title_drivers(
    title: str,
    probabilities: npt.NDArray[np.float64],
    classes: npt.NDArray[np.object_],
    weight: float,
) -> dict[str, ScoreDriver]:
    """The title's own reading as one driver per outcome it favours."""
    logs = log_probabilities(probabilities)
    relative = weight * (logs - logs.mean())
    return {
        str(label): ScoreDriver(kind=TITLE_ALONE, feature=title, weight=round(float(w), 4))
        for label, w in zip(classes, relative, strict=True)
        if w > 0
    }


def score_document(
    model: RoleScorer, doc: RoleDocument, *, top: int = 6
) -> tuple[dict[str, float], dict[str, tuple[ScoreDriver, ...]]]:
    """Calibrated probabilities of one document and the features that weighed most.

    The document is transformed once, for both. A driver's weight is its contribution to
    the outcome's log-probability against the average outcome. Where the scorer also
    reads a full text's title alone (:meth:`RoleScorer.title_weight`), that reading is
    one more driver, of kind ``title alone``, and the text's drivers count for the rest.

    Args:
        model: a fitted role scorer.
        doc: the document.
        top: how many drivers per outcome (strongest positive first).

    Returns:
        (outcome -> probability over every outcome of the scorer, outcome -> drivers
        with a positive contribution, strongest first).
    """
    classes = model.classes_
    weight = model.title_weight(doc)
    probabilities, drivers = _read(model.model_for(doc), doc, classes, scale=1 - weight, top=top)
    if weight:
        title = doc.title_alone()
        title_probabilities, _ = _read(model.title_model_, title, classes, scale=0, top=0)
        probabilities = blend_with_title(
            probabilities[np.newaxis], title_probabilities[np.newaxis], weight
        )[0]
        for label, driver in _title_drivers(
            doc.title, title_probabilities, classes, weight
        ).items():
            ranked = sorted((*drivers.get(label, ()), driver), key=lambda d: -d.weight)
            drivers[label] = tuple(ranked[:top])
    return {str(c): float(p) for c, p in zip(classes, probabilities, strict=True)}, drivers
