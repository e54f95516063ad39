"""Gap analysis for a target role: missing skills and where to learn them."""

from __future__ import annotations

from pydantic import Field

from matcher.domain._base import ValueObject

__all__ = ["CertificationLink", "CurriculumLink", "GapAnalysis", "SkillGap"]


class CurriculumLink(ValueObject):
    """A curriculum component where a skill is taught.

    Attributes:
        component: component number in ``data/curriculum.yaml``.
        title: the component's published title.
        role_emphasis: how the target role weighs the component (``core``,
            ``secondary``, ``overlap``); None when the role does not list it.
        via: competency-model blocks linking the skill to the component (empty when the
            component names the skill itself).
    """

    component: int = Field(ge=1)
    title: str
    role_emphasis: str | None = None
    via: tuple[str, ...] = ()


class CertificationLink(ValueObject):
    """A certification whose competency-model block covers a skill.

    Attributes:
        skill_id: the certification's taxonomy id.
        label: its display label.
        for_role: the target role lists it among its certifications or exam.
        via: the competency-model blocks the certification shares with the skill.
    """

    skill_id: str
    label: str
    for_role: bool = False
    via: tuple[str, ...] = ()


class SkillGap(ValueObject):
    """A role skill the document lacks (or only partly shows), and what adding it is worth.

    Attributes:
        skill_id: the role skill.
        label: its display label.
        category: taxonomy category id.
        importance: ``required``, ``core`` or ``supporting``.
        weight: the importance weight from ``data/scoring.yaml`` (> 0).
        credit: 0..1, the share of the weight earned now (0 missing, the parent credit
            when only a broader skill is shown).
        via: broader skills in the document that earn the partial credit.
        gain: 0..100, fit-score points gained by adding this skill alone.
        reachable_score: 0..100, the rule fit score after adding this skill and every
            skill listed before it in the same list.
        curriculum: where the skill is taught, role's core components first.
        certifications: certifications that cover it, the role's own first.
    """

    skill_id: str
    label: str
    category: str
    importance: str
    weight: float = Field(gt=0)
    credit: float = Field(ge=0, le=1)
    via: tuple[str, ...] = ()
    gain: float = Field(ge=0, le=100)
    reachable_score: float = Field(ge=0, le=100)
    curriculum: tuple[CurriculumLink, ...] = ()
    certifications: tuple[CertificationLink, ...] = ()


class GapAnalysis(ValueObject):
    """What a document lacks for one role, ordered by what it is worth.

    Scores are the rule-based fit (0..100, higher is better), the same the role list shows.

    Attributes:
        data_version: data set the analysis used.
        role_id: the target role.
        role_name: its official name.
        score: the current fit score (0..100).
        missing: role skills with no credit, heaviest first (at most the requested limit).
        missing_total: how many role skills have no credit.
        score_with_missing: 0..100, the fit score with every missing skill added.
        upgrades: role skills with partial credit (only a broader skill shown), heaviest
            first; ``reachable_score`` counts from the current score, upgrades only.
        upgrades_total: how many role skills have partial credit.
    """

    data_version: str
    role_id: str
    role_name: str
    score: float = Field(ge=0, le=100)
    missing: tuple[SkillGap, ...]
    missing_total: int = Field(ge=0)
    score_with_missing: float = Field(ge=0, le=100)
    upgrades: tuple[SkillGap, ...] = ()
    upgrades_total: int = Field(ge=0, default=0)
