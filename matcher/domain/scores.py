"""Scores: role fit with its evidence and drivers, the role outcome, competency levels."""

from __future__ import annotations

from pydantic import Field

from matcher.domain._base import ValueObject
from matcher.domain.skills import SkillMention

__all__ = [
    "CompetencyScore",
    "RoleOutcome",
    "RoleScore",
    "RoleSkillEvidence",
    "ScoreDriver",
    "TierSummary",
]


class RoleSkillEvidence(ValueObject):
    """A role skill and how the document covers it.

    Attributes:
        skill_id: the skill the role asks for.
        label: its display label.
        importance: ``required``, ``core`` or ``supporting``.
        credit: 0..1, the share of the skill's weight earned (1 = named in the text,
            a narrower skill counts fully, a broader one partly).
        via: the skill ids in the text that earned the credit.
        mentions: where those skills are named.
    """

    skill_id: str
    label: str
    importance: str
    credit: float = Field(ge=0, le=1)
    via: tuple[str, ...] = ()
    mentions: tuple[SkillMention, ...] = ()


class ScoreDriver(ValueObject):
    """One feature that pushed the learned model towards (or away from) a role.

    Attributes:
        kind: ``title word``, ``text word``, ``letters in the text``, ``skill``,
            ``skill category``, ``health context``, ``role coverage`` or ``title alone``
            (a posting's health title read on its own by the short-text model).
        feature: what was seen (a word, a skill id, a signal name, the title).
        weight: its contribution to the role's log-probability against the average
            outcome; positive pushes towards the role.
    """

    kind: str
    feature: str
    weight: float


class RoleScore(ValueObject):
    """Fit of one document to one role.

    Attributes:
        role_id: role id.
        name: official role name.
        score: 0..100 weighted coverage of the role's skills, higher is a better fit.
        matched: role skills with credit > 0, heaviest first.
        missing: role skills the text does not evidence (required and core only).
        probability: 0..1 calibrated probability that the role is the document's role,
            from the learned model (None when no model is loaded). The twelve roles and
            ``none`` sum to 1.
        drivers: the features that weighed most for this role in the learned model.
    """

    role_id: str
    name: str
    score: float = Field(ge=0, le=100)
    matched: tuple[RoleSkillEvidence, ...]
    missing: tuple[RoleSkillEvidence, ...]
    probability: float | None = Field(default=None, ge=0, le=1)
    drivers: tuple[ScoreDriver, ...] = ()


class RoleOutcome(ValueObject):
    """The learned model's verdict on a whole document.

    Attributes:
        role_id: the most probable role, or ``none`` when the text is not health IT.
        probability: 0..1 calibrated probability of that outcome.
        none_probability: 0..1 probability that the text is not health IT at all.
        model_version: the role-scorer artifact version that produced it.
    """

    role_id: str
    probability: float = Field(ge=0, le=1)
    none_probability: float = Field(ge=0, le=1)
    model_version: str


class CompetencyScore(ValueObject):
    """Level of one competency-model block, with the skills that evidence it.

    Attributes:
        competency_id: competency id.
        name: its name in the latest edition that has it.
        tier: tier number.
        level: 0..4 (see ``levels`` in the competency model data).
        level_name: the level's name.
        evidence: skill ids found in the text that evidence the competency.
    """

    competency_id: str
    name: str
    tier: int
    level: int = Field(ge=0)
    level_name: str
    evidence: tuple[str, ...]


class TierSummary(ValueObject):
    """Average competency level of one tier (0..4) and how many blocks have evidence."""

    tier: int
    name: str
    mean_level: float = Field(ge=0)
    evidenced: int = Field(ge=0)
    total: int = Field(ge=0)
