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
from sklearn.pipeline import FeatureUnion
from sklearn.svm import LinearSVC

from matcher.domain import ScoreDriver
from matcher.scoring.features import RoleDocument
from matcher.scoring.role_model import RoleScorer

__all__ = ["score_document"]

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


def score_document(
    model: RoleScorer, doc: RoleDocument, *, top: int = 6
) -> tuple[dict[str, float], dict[str, tuple[ScoreDriver, ...]]]:
    """Calibrated probabilities of one document and the features that weighed most.

    The document is transformed once, for both.

    Args:
        model: a fitted role scorer.
        doc: the document.
        top: how many drivers per outcome (strongest positive first).

    Returns:
        (outcome -> probability over every outcome of the scorer, outcome -> drivers
        with a positive contribution, strongest first).
    """
    pipeline = model.model_for(doc)
    union: FeatureUnion = pipeline.named_steps["features"]
    calibrated: CalibratedClassifierCV = pipeline.named_steps["classifier"]
    row = sparse.csr_matrix(union.transform([doc]))
    probabilities = {str(label): 0.0 for label in model.classes_}
    for label, value in zip(calibrated.classes_, calibrated.predict_proba(row)[0], strict=True):
        probabilities[str(label)] = float(value)
    names = _feature_names(union)
    coef = _linear_classifier(calibrated).coef_
    relative = coef - coef.mean(axis=0, keepdims=True)
    cols = row.indices
    values = row.data
    drivers: dict[str, tuple[ScoreDriver, ...]] = {}
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
