"""CandidateProfile x roles/competencies -> scores (no spaCy here)."""

from matcher.scoring.competency import competency_profile, tier_summaries
from matcher.scoring.rules import score_role, score_roles

__all__ = ["competency_profile", "score_role", "score_roles", "tier_summaries"]
