"""Use cases over the engine: load it once, analyse a text.

:class:`MatchingEngine` holds the heavy objects (data bundle, spaCy pipeline) and is
built once per process by :func:`load_engine`.
"""

from __future__ import annotations

from dataclasses import dataclass

from matcher.config import Settings
from matcher.domain import CandidateProfile, CompetencyScore, RoleScore, TierSummary
from matcher.pipeline import Pipeline, build_nlp, extract_profile
from matcher.scoring import competency_profile, score_roles, tier_summaries
from matcher.taxonomy import DataBundle, load_bundle

__all__ = ["Analysis", "MatchingEngine", "load_engine"]


@dataclass(frozen=True)
class Analysis:
    """Everything the engine says about one document."""

    data_version: str
    profile: CandidateProfile
    roles: list[RoleScore]
    competencies: list[CompetencyScore]
    tiers: list[TierSummary]


@dataclass(frozen=True)
class MatchingEngine:
    """The loaded engine: data bundle, pipeline and settings."""

    settings: Settings
    bundle: DataBundle
    nlp: Pipeline

    def analyse_text(self, text: str) -> Analysis:
        """Extract skills from a text and score roles and competencies.

        Raises:
            InputError: the text is over the configured size limit.
        """
        profile = extract_profile(
            self.nlp, self.bundle, text, max_chars=self.settings.max_text_chars
        )
        competencies = competency_profile(profile, self.bundle)
        return Analysis(
            data_version=self.bundle.data_version,
            profile=profile,
            roles=score_roles(profile, self.bundle),
            competencies=competencies,
            tiers=tier_summaries(competencies, self.bundle),
        )


def load_engine(settings: Settings) -> MatchingEngine:
    """Load the data bundle and build the pipeline (slow: call once per process).

    Raises:
        DataValidationError: the data directory is invalid.
    """
    bundle = load_bundle(settings.data_dir)
    nlp = build_nlp(bundle, context_window=settings.context_window_tokens)
    return MatchingEngine(settings=settings, bundle=bundle, nlp=nlp)
