"""Frozen value objects shared by every layer.

These are the only shapes that cross layer boundaries: the pipeline returns a
:class:`CandidateProfile`, the scorers return :class:`RoleScore` and
:class:`CompetencyScore`; nothing outside the pipeline sees a spaCy ``Doc``.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "CandidateProfile",
    "RawDocument",
    "CompetencyScore",
    "RoleScore",
    "RoleSkillEvidence",
    "SkillMention",
    "TierSummary",
]


class _Value(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class RawDocument(_Value):
    """A document turned into text, before any analysis.

    Attributes:
        text: the normalised text; every character offset in the engine refers to it.
        source_format: the detected format (``txt`` ...).
        filename: the name the file was submitted under, if any.
    """

    text: str
    source_format: str
    filename: str | None = None


class SkillMention(_Value):
    """One place in a text where a taxonomy skill is named.

    Attributes:
        skill_id: taxonomy id of the skill.
        label: the skill's display label.
        category: taxonomy category id.
        start: character offset of the first character in the text (0-based).
        end: character offset one past the last character.
        surface: the text exactly as written (``text[start:end]``).
    """

    skill_id: str
    label: str
    category: str
    start: int = Field(ge=0)
    end: int = Field(gt=0)
    surface: str


class CandidateProfile(_Value):
    """What the pipeline found in one document."""

    text_length: int = Field(ge=0)
    mentions: tuple[SkillMention, ...]

    @property
    def skill_ids(self) -> frozenset[str]:
        """Distinct skill ids mentioned at least once."""
        return frozenset(m.skill_id for m in self.mentions)

    def mentions_of(self, skill_id: str) -> tuple[SkillMention, ...]:
        """All mentions of one skill, in text order."""
        return tuple(m for m in self.mentions if m.skill_id == skill_id)


class RoleSkillEvidence(_Value):
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


class RoleScore(_Value):
    """Fit of one document to one role.

    Attributes:
        role_id: role id.
        name: official role name.
        score: 0..100, higher is a better fit.
        matched: role skills with credit > 0, heaviest first.
        missing: role skills the text does not evidence (required and core only).
    """

    role_id: str
    name: str
    score: float = Field(ge=0, le=100)
    matched: tuple[RoleSkillEvidence, ...]
    missing: tuple[RoleSkillEvidence, ...]


class CompetencyScore(_Value):
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


class TierSummary(_Value):
    """Average competency level of one tier (0..4) and how many blocks have evidence."""

    tier: int
    name: str
    mean_level: float = Field(ge=0)
    evidenced: int = Field(ge=0)
    total: int = Field(ge=0)
