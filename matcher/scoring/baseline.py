"""A TF-IDF cosine baseline for role detection: the text against each role's description.

Each role's description is its name, name variants, definition, typical background,
titles and skill labels. A document goes to the role whose description is most similar
(cosine of TF-IDF vectors); when no role reaches ``none_below``, the outcome is ``none``.
It learns nothing from labels, which is what makes it a baseline.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

from matcher.scoring.synthetic import NONE_LABEL
from matcher.taxonomy import DataBundle

__all__ = ["TfidfRoleBaseline"]


class TfidfRoleBaseline:
    """Cosine similarity between a text and each role's description.

    Args:
        bundle: the role profiles.
        none_below: cosine (0..1) under which the outcome is ``none``.
    """

    def __init__(self, bundle: DataBundle, *, none_below: float = 0.05) -> None:
        self.bundle = bundle
        self.none_below = none_below

    def fit(self) -> TfidfRoleBaseline:
        """Vectorise the role descriptions."""
        descriptions = []
        for role in self.bundle.roles.values():
            skills = [self.bundle.skills[item.id].label for item in role.skills]
            descriptions.append(
                " ".join(
                    [
                        role.name,
                        *role.name_variants,
                        role.definition,
                        role.typical_background,
                        *role.titles,
                        *skills,
                    ]
                )
            )
        self.roles_ = list(self.bundle.roles)
        self.vectorizer_ = TfidfVectorizer(sublinear_tf=True, stop_words="english")
        self.matrix_ = self.vectorizer_.fit_transform(descriptions)
        return self

    def predict_proba(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """Per text: outcome -> similarity-derived score (0..1, ``none`` included).

        The scores are the cosines, with ``none`` given ``none_below``; they rank the
        outcomes but are not calibrated probabilities.
        """
        similarities = cosine_similarity(self.vectorizer_.transform(list(texts)), self.matrix_)
        out = []
        for row in np.asarray(similarities):
            scores = {role: float(value) for role, value in zip(self.roles_, row, strict=True)}
            scores[NONE_LABEL] = self.none_below
            out.append(scores)
        return out
