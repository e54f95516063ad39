"""Ranking of opted-in candidates for skill searches and job descriptions (pure functions)."""

from matcher.ranking.rank import (
    CandidateFacts,
    JobRequirements,
    RankedCandidate,
    SkillGroup,
    job_skill_weights,
    rank_for_job,
    rank_for_skills,
)

__all__ = [
    "CandidateFacts",
    "JobRequirements",
    "RankedCandidate",
    "SkillGroup",
    "job_skill_weights",
    "rank_for_job",
    "rank_for_skills",
]
