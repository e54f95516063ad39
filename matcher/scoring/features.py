"""Features of a document for the learned role scorer (scikit-learn transformers).

The scorer reads :class:`RoleDocument` objects: a title (a posting's title, a resume's
current job title, or nothing), the text, and the taxonomy skills the pipeline found.
Each transformer turns a list of them into one block of columns:

* :class:`DocumentField` picks the text or the title (for a TF-IDF vectorizer);
* :class:`DomainSignals` counts health words (``data/role_model.yaml`` domain terms):
  overall, per 1,000 characters, near the top and in the title, because the same job
  at a health organisation and elsewhere differs mainly in that context;
* :class:`SkillBag` one column per held skill and per skill category, weighted by the
  section the skill appears in;
* :class:`RoleCoverage` the weighted share of each role's skills the document names
  (the rule scorer's view, without the hierarchy), one column per role.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
import numpy.typing as npt
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction import DictVectorizer
from sklearn.utils.validation import check_is_fitted

from matcher.domain import CandidateProfile

__all__ = [
    "DOMAIN_SIGNAL_NAMES",
    "DocumentField",
    "DomainSignals",
    "RoleCoverage",
    "RoleDocument",
    "SkillBag",
    "compile_domain_terms",
]

#: Column names of :class:`DomainSignals`, in order.
DOMAIN_SIGNAL_NAMES = (
    "health words (log count)",
    "health words per 1,000 characters",
    "health words near the top",
    "health words in the title",
)
_HEAD_CHARS = 1_500
_DENSITY_CAP = 10.0


@dataclass(frozen=True)
class RoleDocument:
    """What the role scorer reads about one document.

    Attributes:
        title: the job title (posting), current title (resume) or ``""``.
        text: the whole text.
        skills: held taxonomy skills as ``(skill_id, category, section)``; one entry
            per mention, so repeated skills weigh more.
    """

    title: str
    text: str
    skills: tuple[tuple[str, str, str | None], ...] = ()

    @classmethod
    def from_profile(cls, profile: CandidateProfile, *, text: str, title: str = "") -> RoleDocument:
        """Build the scorer's input from an extracted profile (held mentions only)."""
        skills = tuple((m.skill_id, m.category, m.section) for m in profile.mentions if m.held)
        return cls(title=title, text=text, skills=skills)

    def title_alone(self) -> RoleDocument:
        """The title as a document of its own: what the short-text model reads of it.

        Its skills are left out: the full text's skills are not the title's, and skills
        in the title add nothing its words and letters do not (measured: role top-1 the
        same with or without them).
        """
        return RoleDocument(title=self.title, text=self.title)


class DocumentField(TransformerMixin, BaseEstimator):  # type: ignore[misc]
    """Select one text field of each document (``"text"`` or ``"title"``).

    Args:
        field: the attribute of :class:`RoleDocument` to return.
    """

    def __init__(self, field: str = "text") -> None:
        self.field = field

    def fit(self, X: Sequence[RoleDocument], y: Any = None) -> DocumentField:  # noqa: N803
        """Nothing to learn; checks the field name."""
        if self.field not in ("text", "title"):
            raise ValueError(f"field must be 'text' or 'title', not {self.field!r}")
        self.n_features_in_ = 1
        return self

    def transform(self, X: Sequence[RoleDocument]) -> list[str]:  # noqa: N803
        """Return the selected field of every document."""
        check_is_fitted(self, "n_features_in_")
        return [getattr(doc, self.field) for doc in X]

    def get_feature_names_out(self, input_features: Any = None) -> npt.NDArray[np.object_]:
        """The selected field's name."""
        return np.asarray([self.field], dtype=object)


def compile_domain_terms(terms: Sequence[str]) -> re.Pattern[str]:
    """One case-insensitive, whole-word pattern for the domain terms (compiled once).

    A trailing ``*`` matches any word ending (``clinic*`` finds "clinical").
    """
    return _compile_domain_terms(tuple(terms))


@lru_cache(maxsize=8)
def _compile_domain_terms(terms: tuple[str, ...]) -> re.Pattern[str]:
    parts = []
    for term in sorted(terms, key=len, reverse=True):
        stem = re.escape(term.rstrip("*"))
        parts.append(stem + r"[\w-]*" if term.endswith("*") else stem)
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w])", re.IGNORECASE)


class DomainSignals(TransformerMixin, BaseEstimator):  # type: ignore[misc]
    """Count health words: log count, density, near the top, in the title.

    Args:
        terms: the domain terms (``data/role_model.yaml``).
    """

    def __init__(self, terms: Sequence[str] = ()) -> None:
        self.terms = terms

    def fit(self, X: Sequence[RoleDocument], y: Any = None) -> DomainSignals:  # noqa: N803
        """Compile the terms."""
        if not self.terms:
            raise ValueError("DomainSignals needs at least one term")
        self.pattern_ = compile_domain_terms(list(self.terms))
        self.n_features_in_ = 1
        return self

    def transform(self, X: Sequence[RoleDocument]) -> npt.NDArray[np.float64]:  # noqa: N803
        """Return one row of :data:`DOMAIN_SIGNAL_NAMES` per document."""
        check_is_fitted(self, "pattern_")
        rows = []
        for doc in X:
            count = len(self.pattern_.findall(doc.text))
            density = min(1000.0 * count / max(len(doc.text), 1), _DENSITY_CAP) / 2.0
            head = len(self.pattern_.findall(doc.text[:_HEAD_CHARS]))
            in_title = len(self.pattern_.findall(doc.title))
            rows.append([math.log1p(count), density, math.log1p(head), min(in_title, 3)])
        return np.asarray(rows, dtype=np.float64).reshape(len(rows), len(DOMAIN_SIGNAL_NAMES))

    def get_feature_names_out(self, input_features: Any = None) -> npt.NDArray[np.object_]:
        """Names of the columns."""
        return np.asarray(DOMAIN_SIGNAL_NAMES, dtype=object)


class SkillBag(TransformerMixin, BaseEstimator):  # type: ignore[misc]
    """One column per held skill (``skill: <id>``) and per category (``category: <id>``).

    Args:
        skill_weight: value of a skill column when the skill is present.
        skills_section_weight: extra weight when a mention is in a skills list.
    """

    def __init__(self, skill_weight: float = 0.5, skills_section_weight: float = 0.0) -> None:
        self.skill_weight = skill_weight
        self.skills_section_weight = skills_section_weight

    def _features(self, doc: RoleDocument) -> dict[str, float]:
        features: dict[str, float] = {}
        categories: Counter[str] = Counter()
        for skill_id, category, section in doc.skills:
            weight = self.skill_weight
            if section == "skills":
                weight += self.skills_section_weight
            features[f"skill: {skill_id}"] = max(features.get(f"skill: {skill_id}", 0.0), weight)
            categories[category] += 1
        for category, count in categories.items():
            features[f"category: {category}"] = math.log1p(count)
        return features

    def fit(self, X: Sequence[RoleDocument], y: Any = None) -> SkillBag:  # noqa: N803
        """Learn the skill and category vocabulary."""
        self.vectorizer_ = DictVectorizer().fit([self._features(doc) for doc in X])
        self.n_features_in_ = 1
        return self

    def transform(self, X: Sequence[RoleDocument]) -> sparse.csr_matrix:  # noqa: N803
        """Return the sparse skill/category matrix."""
        check_is_fitted(self, "vectorizer_")
        matrix: sparse.csr_matrix = self.vectorizer_.transform([self._features(d) for d in X])
        return matrix

    def get_feature_names_out(self, input_features: Any = None) -> npt.NDArray[np.object_]:
        """Names of the columns."""
        check_is_fitted(self, "vectorizer_")
        names: npt.NDArray[np.object_] = self.vectorizer_.get_feature_names_out()
        return names


class RoleCoverage(TransformerMixin, BaseEstimator):  # type: ignore[misc]
    """Weighted share (0..1) of each role's skills that a document names.

    Args:
        role_skills: role id -> skill id -> weight (from the role profiles).
    """

    def __init__(self, role_skills: Mapping[str, Mapping[str, float]] | None = None) -> None:
        self.role_skills = role_skills

    def fit(self, X: Sequence[RoleDocument], y: Any = None) -> RoleCoverage:  # noqa: N803
        """Fix the role order."""
        if not self.role_skills:
            raise ValueError("RoleCoverage needs the role profiles")
        self.roles_ = tuple(sorted(self.role_skills))
        self.n_features_in_ = 1
        return self

    def transform(self, X: Sequence[RoleDocument]) -> npt.NDArray[np.float64]:  # noqa: N803
        """Return one column per role."""
        check_is_fitted(self, "roles_")
        role_skills = self.role_skills or {}
        out = np.zeros((len(X), len(self.roles_)), dtype=np.float64)
        for row, doc in enumerate(X):
            held = {skill_id for skill_id, _, _ in doc.skills}
            for col, role_id in enumerate(self.roles_):
                weights = role_skills[role_id]
                total = sum(weights.values())
                earned = sum(w for skill_id, w in weights.items() if skill_id in held)
                out[row, col] = earned / total if total else 0.0
        return out

    def get_feature_names_out(self, input_features: Any = None) -> npt.NDArray[np.object_]:
        """Names of the columns."""
        check_is_fitted(self, "roles_")
        return np.asarray([f"covers role: {r}" for r in self.roles_], dtype=object)
