"""The learned role scorer: a calibrated scikit-learn pipeline over :class:`RoleDocument`.

Thirteen outcomes: the twelve roles and ``none`` (not health IT). Features
(:mod:`matcher.scoring.features`): TF-IDF of the text and of the title, health-context
signals, the taxonomy skills and categories found, and each role's skill coverage; the
short-text (title) model also reads the letter n-grams of its text, so "Informatician"
is near "Informatics" and "Mgr" near "Manager" where words alone do not meet. A
linear classifier combines them (a one-vs-rest linear SVM by default, or a multinomial
logistic regression); :class:`CalibratedClassifierCV` with temperature scaling (one
parameter fitted on cross-validated predictions) turns its scores into probabilities
that sum to 1. Each pipeline is ``features -> calibrated classifier``: the features are
fitted once, and a document is transformed once for both its probabilities and their
explanation (:func:`matcher.scoring.role_explain.score_document`).

A full text whose title names health work is also read by the short-text model on its
title alone, and the two readings are combined (:func:`blend_with_title`): a title such
as "RN (Informatics Nurse)" or "Medical Records Technician" denotes a role by itself,
while a long posting's words are mostly about the employer, benefits and duties shared
with non-health jobs.
A generic title ("Software Engineer") is not read on its own: alone it says nothing about
whether the employer is in health care.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from sklearn.base import BaseEstimator, ClassifierMixin, clone
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.svm import LinearSVC
from sklearn.utils.validation import check_is_fitted

from matcher.scoring.features import (
    DocumentField,
    DomainSignals,
    RoleCoverage,
    RoleDocument,
    SkillBag,
    compile_domain_terms,
)
from matcher.taxonomy import DataBundle

__all__ = [
    "ROLE_MODEL_NAME",
    "RoleModelParams",
    "RoleScorer",
    "blend_with_title",
    "build_role_model",
    "class_columns",
    "log_probabilities",
    "predict_role_probabilities",
]

#: Fewest training documents of each kind (full texts; titles and short texts) to fit.
MIN_DOCUMENTS_PER_KIND = 10

#: Artifact name of the role scorer under ``models/``.
ROLE_MODEL_NAME = "role_scorer"


@dataclass(frozen=True)
class RoleModelParams:
    """Hyper-parameters of the role scorer (recorded in ``meta.json``).

    Attributes:
        C: inverse regularisation strength of the full-text classifier (> 0).
        title_C: the same for the short-text (title) classifier.
        text_weight: weight of the text TF-IDF block.
        title_weight: weight of the title TF-IDF block.
        domain_weight: weight of the health-context block.
        skill_weight: weight of the skill/category block.
        coverage_weight: weight of the role-coverage block.
        title_char_weight: weight of the short-text model's letter n-gram block (TF-IDF of
            2-5 letter sequences within words; 0 leaves the block out).
        class_weight: the full-text classifier's class weights (``"balanced"``, or None
            for equal weight per example).
        title_class_weight: the same for the short-text classifier. Unbalanced by
            default: its classes are very uneven (most titles are ``none`` or HIM) and
            balancing them traded top-1 accuracy for rare-class recall.
        calibration_folds: cross-validation folds for the temperature calibration.
        max_text_features: largest text vocabulary.
        short_text_chars: texts shorter than this go to the short-text (title) model.
        title_blend: weight (0 to below 1) of the short-text model's reading of a full
            text's title, for titles that name a health word; 0 reads the full text alone.
        classifier: ``svm`` (linear SVM, one-vs-rest: fast) or ``logistic``
            (multinomial logistic regression); both linear, so both explainable.
    """

    C: float = 1.0
    title_C: float = 3.0
    text_weight: float = 1.0
    title_weight: float = 2.0
    domain_weight: float = 1.0
    skill_weight: float = 1.0
    coverage_weight: float = 1.0
    title_char_weight: float = 1.0
    class_weight: str | None = "balanced"
    title_class_weight: str | None = None
    calibration_folds: int = 3
    max_text_features: int = 20_000
    short_text_chars: int = 200
    title_blend: float = 0.35
    classifier: str = "svm"

    def as_dict(self) -> dict[str, Any]:
        """The parameters as a JSON-ready dict."""
        return asdict(self)


def _role_skill_weights(bundle: DataBundle) -> dict[str, dict[str, float]]:
    weights = bundle.scoring.importance_weights
    return {
        role.id: {item.id: float(weights[item.importance]) for item in role.skills}
        for role in bundle.roles.values()
    }


def _classifier(
    p: RoleModelParams, c: float, class_weight: str | None
) -> LinearSVC | LogisticRegression:
    if class_weight not in (None, "balanced"):
        raise ValueError(f"class weights must be 'balanced' or None, not {class_weight!r}")
    if p.classifier == "svm":
        return LinearSVC(C=c, class_weight=class_weight, max_iter=20_000)
    if p.classifier == "logistic":
        return LogisticRegression(C=c, max_iter=5000, class_weight=class_weight)
    raise ValueError(f"classifier must be 'svm' or 'logistic', not {p.classifier!r}")


def _letters_block() -> Pipeline:
    return Pipeline(
        [
            ("field", DocumentField("text")),
            (
                "tfidf",
                TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True),
            ),
        ]
    )


def _calibrated_pipeline(bundle: DataBundle, p: RoleModelParams, *, short_texts: bool) -> Pipeline:
    if bundle.role_model is None:
        raise ValueError("the data directory has no role_model.yaml: cannot build the scorer")
    c, class_weight = (p.title_C, p.title_class_weight) if short_texts else (p.C, p.class_weight)
    letters = short_texts and p.title_char_weight > 0
    features = FeatureUnion(
        [
            (
                "text",
                Pipeline(
                    [
                        ("field", DocumentField("text")),
                        (
                            "tfidf",
                            TfidfVectorizer(
                                sublinear_tf=True,
                                stop_words="english",
                                min_df=2,
                                ngram_range=(1, 2),
                                max_features=p.max_text_features,
                            ),
                        ),
                    ]
                ),
            ),
            (
                "title",
                Pipeline(
                    [
                        ("field", DocumentField("title")),
                        ("tfidf", TfidfVectorizer(sublinear_tf=True, ngram_range=(1, 2))),
                    ]
                ),
            ),
            ("domain", DomainSignals(tuple(bundle.role_model.domain_terms))),
            ("skills", SkillBag()),
            ("roles", RoleCoverage(_role_skill_weights(bundle))),
            *([("letters", _letters_block())] if letters else []),
        ],
        transformer_weights={
            "text": p.text_weight,
            "title": p.title_weight,
            "domain": p.domain_weight,
            "skills": p.skill_weight,
            "roles": p.coverage_weight,
            **({"letters": p.title_char_weight} if letters else {}),
        },
    )
    calibrated = CalibratedClassifierCV(
        _classifier(p, c, class_weight),
        method="temperature",
        cv=p.calibration_folds,
        ensemble=False,
    )
    return Pipeline([("features", features), ("classifier", calibrated)])


class RoleScorer(ClassifierMixin, BaseEstimator):  # type: ignore[misc]
    """Two calibrated pipelines: one for full texts, one for short texts (a title alone).

    A job title alone and a two-page posting are different inputs: the words that
    matter, the skills found and the health context all differ. Each document goes to
    the model for its kind, by length. A full text whose title names a health word is
    also read by the short-text model on that title, and the two probability sets are
    combined (:func:`blend_with_title`).

    Args:
        document_model: the unfitted classifier for full texts.
        title_model: the unfitted classifier for short texts.
        short_text_chars: texts shorter than this (in characters) are short.
        title_blend: weight of the title's own reading in a full text (0 to below 1).
        health_terms: the words that make a title a health title (``domain_terms`` of
            ``data/role_model.yaml``; a trailing ``*`` matches any ending).
    """

    def __init__(
        self,
        document_model: Any = None,
        title_model: Any = None,
        short_text_chars: int = 200,
        title_blend: float = 0.0,
        health_terms: tuple[str, ...] = (),
    ) -> None:
        self.document_model = document_model
        self.title_model = title_model
        self.short_text_chars = short_text_chars
        self.title_blend = title_blend
        self.health_terms = health_terms

    def _is_short(self, doc: RoleDocument) -> bool:
        return len(doc.text.strip()) < self.short_text_chars

    def title_weight(self, doc: RoleDocument) -> float:
        """Weight of the title's own reading in this document's probabilities (0: none).

        Non-zero for a full text with a title that names a health word.
        """
        # Scorers saved before 1.7.0 have no title_blend.
        weight = float(getattr(self, "title_blend", 0.0))
        if weight <= 0 or self._is_short(doc) or not doc.title.strip() or not self.health_terms:
            return 0.0
        return weight if compile_domain_terms(self.health_terms).search(doc.title) else 0.0

    def fit(
        self,
        X: Sequence[RoleDocument],  # noqa: N803
        y: Sequence[str],
        sample_weight: Sequence[float] | None = None,
    ) -> RoleScorer:
        """Fit both models, each on the documents of its kind.

        Args:
            X: the documents.
            y: their labels (role ids and ``none``).
            sample_weight: per-document weights (e.g. lower for synthetic examples).

        Raises:
            ValueError: one kind has no documents, a class too few for calibration, or
                ``title_blend`` outside [0, 1).
        """
        if not 0 <= self.title_blend < 1:
            raise ValueError(f"title_blend must be in [0, 1), not {self.title_blend!r}")
        docs = list(X)
        labels = np.asarray(list(y), dtype=object)
        weights = np.ones(len(docs)) if sample_weight is None else np.asarray(sample_weight)
        short = np.asarray([self._is_short(d) for d in docs])
        fitted = []
        for model, mask in ((self.document_model, ~short), (self.title_model, short)):
            if model is None:
                raise ValueError("RoleScorer needs both models")
            kinds = sorted(set(labels[mask]))
            if mask.sum() < MIN_DOCUMENTS_PER_KIND or len(kinds) < 2:
                raise ValueError(
                    f"too few training documents: {int((~short).sum())} full texts and "
                    f"{int(short.sum())} titles or short texts (over / up to "
                    f"{self.short_text_chars} characters); each kind needs at least "
                    f"{MIN_DOCUMENTS_PER_KIND} documents of 2 or more outcomes. Draw more "
                    "synthetic examples (role_model.yaml `synthetic`) or add labelled files"
                )
            chosen = [d for d, keep in zip(docs, mask, strict=True) if keep]
            fitted.append(
                clone(model).fit(chosen, labels[mask], classifier__sample_weight=weights[mask])
            )
        self.document_model_, self.title_model_ = fitted
        self.classes_ = np.asarray(sorted(set(labels)), dtype=object)
        return self

    def predict_proba(self, X: Sequence[RoleDocument]) -> npt.NDArray[np.float64]:  # noqa: N803
        """Calibrated probabilities, one column per class in :attr:`classes_`."""
        check_is_fitted(self, "classes_")
        docs = list(X)
        out = np.zeros((len(docs), len(self.classes_)), dtype=np.float64)
        short = np.asarray([self._is_short(d) for d in docs], dtype=bool)
        # Each model scores all of its documents in one call.
        for model, mask in ((self.document_model_, ~short), (self.title_model_, short)):
            rows = np.flatnonzero(mask)
            if rows.size:
                out[rows] = self._probabilities(model, [docs[i] for i in rows])
        weights = np.asarray([self.title_weight(d) for d in docs])
        rows = np.flatnonzero(weights)
        if rows.size:
            titles = self._probabilities(self.title_model_, [docs[i].title_alone() for i in rows])
            out[rows] = blend_with_title(out[rows], titles, weights[rows, np.newaxis])
        return out

    def _probabilities(self, model: Pipeline, docs: list[RoleDocument]) -> npt.NDArray[np.float64]:
        """One fitted pipeline's probabilities, in the columns of :attr:`classes_`."""
        out = np.zeros((len(docs), len(self.classes_)), dtype=np.float64)
        out[:, class_columns(self.classes_, model.classes_)] = model.predict_proba(docs)
        return out

    def predict(self, X: Sequence[RoleDocument]) -> npt.NDArray[np.object_]:  # noqa: N803
        """The most probable outcome per document."""
        labels: npt.NDArray[np.object_] = self.classes_[np.argmax(self.predict_proba(X), axis=1)]
        return labels

    def has_current_layout(self) -> bool:
        """Whether both fitted models are ``features -> calibrated classifier`` pipelines.

        Scorers saved before 1.4.0 wrapped the whole pipeline in the calibrator.
        """
        models = (getattr(self, "document_model_", None), getattr(self, "title_model_", None))
        return all(
            isinstance(m, Pipeline)
            and isinstance(m.named_steps.get("classifier"), CalibratedClassifierCV)
            for m in models
        )

    def model_for(self, doc: RoleDocument) -> Pipeline:
        """The fitted pipeline (features -> calibrated classifier) that scores this document."""
        check_is_fitted(self, "classes_")
        model: Pipeline = self.title_model_ if self._is_short(doc) else self.document_model_
        return model


def build_role_model(bundle: DataBundle, *, params: RoleModelParams | None = None) -> RoleScorer:
    """An unfitted role scorer for this data bundle.

    Args:
        bundle: role profiles (for coverage features) and domain terms.
        params: hyper-parameters (defaults if None).

    Returns:
        A scikit-learn classifier over lists of :class:`RoleDocument`; labels are role
        ids and ``none``.

    Raises:
        ValueError: the bundle has no ``role_model.yaml`` (no domain terms).
    """
    p = params or RoleModelParams()
    return RoleScorer(
        document_model=_calibrated_pipeline(bundle, p, short_texts=False),
        title_model=_calibrated_pipeline(bundle, p, short_texts=True),
        short_text_chars=p.short_text_chars,
        title_blend=p.title_blend,
        health_terms=tuple(bundle.role_model.domain_terms) if bundle.role_model else (),
    )


def class_columns(
    classes: npt.NDArray[np.object_], labels: Sequence[object]
) -> npt.NDArray[np.intp]:
    """Where each of a fitted model's ``labels`` stands in the scorer's ``classes``.

    One model may know fewer outcomes than the scorer (a class missing from its kind of
    documents); its probabilities go to these columns, the others stay 0.
    """
    column = {label: i for i, label in enumerate(classes)}
    return np.asarray([column[label] for label in labels], dtype=np.intp)


#: Floor for a probability before its logarithm (a class one model never saw has 0).
_FLOOR = 1e-9


def log_probabilities(p: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """Natural logarithms of probabilities, 0 floored (an outcome one model never saw)."""
    logs: npt.NDArray[np.float64] = np.log(np.maximum(p, _FLOOR))
    return logs


def blend_with_title(
    text: npt.NDArray[np.float64],
    title: npt.NDArray[np.float64],
    weight: float | npt.NDArray[np.float64],
) -> npt.NDArray[np.float64]:
    """Combine a full text's probabilities with its title's: ``text^(1-w) * title^w``.

    A weighted geometric mean (a product of experts), renormalised per row: an outcome
    both readings find likely stays likely, one that either finds very unlikely falls.

    Args:
        text: probabilities from the full text, one row per document.
        title: probabilities from the title alone, same shape and columns.
        weight: the title's weight ``w`` in [0, 1), one value or one per row.

    Returns:
        The combined probabilities; each row sums to 1.
    """
    logs = (1 - weight) * log_probabilities(text) + weight * log_probabilities(title)
    combined = np.exp(logs - logs.max(axis=1, keepdims=True))
    blended: npt.NDArray[np.float64] = combined / combined.sum(axis=1, keepdims=True)
    return blended


def predict_role_probabilities(
    model: RoleScorer, docs: Sequence[RoleDocument]
) -> list[dict[str, float]]:
    """Calibrated probabilities per outcome (role ids and ``none``), 0..1, summing to 1.

    Args:
        model: a fitted role scorer.
        docs: the documents.

    Returns:
        One dict per document: outcome -> probability.
    """
    probabilities = model.predict_proba(list(docs))
    classes = [str(c) for c in model.classes_]
    return [dict(zip(classes, map(float, row), strict=True)) for row in probabilities]
