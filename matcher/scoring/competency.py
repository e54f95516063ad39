"""Competency profile: a level per competency-model block, from its evidence skills.

A block's level is the highest level in ``data/competency_model.yaml`` whose
``min_evidence`` is met by the number of distinct evidence skills the document names
(directly or through a narrower skill).
"""

from __future__ import annotations

from matcher.domain import CandidateProfile, CompetencyScore, TierSummary
from matcher.scoring.evidence import SkillEvidence
from matcher.taxonomy import DataBundle
from matcher.taxonomy.schema import Competency

__all__ = ["competency_profile", "display_name", "tier_summaries"]


def display_name(competency: Competency) -> str:
    """The block's name in the latest edition that has it."""
    return competency.names[max(competency.names)]


def competency_profile(profile: CandidateProfile, bundle: DataBundle) -> list[CompetencyScore]:
    """Level (0..4) of every competency, in model order.

    Args:
        profile: skills found in the document.
        bundle: the data bundle with the competency model.

    Returns:
        One score per competency, with the evidence skill ids.
    """
    evidence = SkillEvidence(profile.skill_ids, bundle.index)
    levels = sorted(bundle.competency_model.levels, key=lambda lv: lv.level)
    scores: list[CompetencyScore] = []
    for tier in bundle.competency_model.tiers:
        for comp in tier.competencies:
            shown = tuple(s for s in comp.skills if evidence.full(s))
            level = max(
                (lv for lv in levels if lv.min_evidence <= len(shown)), key=lambda lv: lv.level
            )
            scores.append(
                CompetencyScore(
                    competency_id=comp.id,
                    name=display_name(comp),
                    tier=tier.number,
                    level=level.level,
                    level_name=level.name,
                    evidence=shown,
                )
            )
    return scores


def tier_summaries(scores: list[CompetencyScore], bundle: DataBundle) -> list[TierSummary]:
    """Mean level and number of evidenced blocks per tier."""
    summaries: list[TierSummary] = []
    for tier in bundle.competency_model.tiers:
        in_tier = [s for s in scores if s.tier == tier.number]
        if not in_tier:
            continue
        summaries.append(
            TierSummary(
                tier=tier.number,
                name=tier.name,
                mean_level=round(sum(s.level for s in in_tier) / len(in_tier), 2),
                evidenced=sum(1 for s in in_tier if s.level > 0),
                total=len(in_tier),
            )
        )
    return summaries
