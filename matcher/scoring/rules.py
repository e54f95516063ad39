"""A first, rule-based role scorer: weighted coverage of each role's skills.

For each role, every listed skill earns credit 1 when the document names it or a
narrower skill, ``parent_credit`` (``data/scoring.yaml``) when only a broader skill is
named, and 0 otherwise. The fit score is the weighted share of credit:

    score = 100 * sum(weight(importance) * credit) / sum(weight(importance))

so 0..100, higher is better; weights per importance come from ``data/scoring.yaml``.
The trained, calibrated scorer replaces this; this one stays as its explainable
baseline.
"""

from __future__ import annotations

from matcher.domain import CandidateProfile, RoleScore, RoleSkillEvidence
from matcher.scoring.evidence import SkillEvidence
from matcher.taxonomy import DataBundle
from matcher.taxonomy.schema import Importance, Role

__all__ = ["score_role", "score_roles"]

_MISSING_REPORTED = (Importance.REQUIRED, Importance.CORE)


def score_role(role: Role, profile: CandidateProfile, bundle: DataBundle) -> RoleScore:
    """Score one role against a profile.

    Args:
        role: the role.
        profile: skills found in the document.
        bundle: the data bundle (weights and taxonomy).

    Returns:
        The role's score (0..100) with matched skills (heaviest first) and the
        required/core skills that are missing.
    """
    evidence = SkillEvidence(profile.skill_ids, bundle.index)
    weights = bundle.scoring.importance_weights
    earned = total = 0.0
    matched: list[tuple[float, RoleSkillEvidence]] = []
    missing: list[RoleSkillEvidence] = []
    for item in role.skills:
        weight = weights[item.importance]
        total += weight
        via = evidence.full(item.id)
        credit = 1.0 if via else 0.0
        if not via:
            via = evidence.partial(item.id)
            credit = bundle.scoring.parent_credit if via else 0.0
        earned += weight * credit
        record = RoleSkillEvidence(
            skill_id=item.id,
            label=bundle.skills[item.id].label,
            importance=item.importance.value,
            credit=credit,
            via=via,
            mentions=tuple(m for s in via for m in profile.mentions_of(s) if m.held),
        )
        if credit > 0:
            matched.append((weight * credit, record))
        elif item.importance in _MISSING_REPORTED:
            missing.append(record)
    matched.sort(key=lambda pair: -pair[0])
    score = round(100.0 * earned / total, 1) if total else 0.0
    return RoleScore(
        role_id=role.id,
        name=role.name,
        score=score,
        matched=tuple(record for _, record in matched),
        missing=tuple(missing),
    )


def score_roles(profile: CandidateProfile, bundle: DataBundle) -> list[RoleScore]:
    """Score every role, best fit first (ties in data order)."""
    scores = [score_role(role, profile, bundle) for role in bundle.roles.values()]
    return sorted(scores, key=lambda s: -s.score)
