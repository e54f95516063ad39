"""Skills found in a text: taxonomy mentions with their context, phrases outside it."""

from __future__ import annotations

from pydantic import Field

from matcher.domain._base import ValueObject

__all__ = ["CandidateProfile", "SkillMention", "UnknownSkill"]


class SkillMention(ValueObject):
    """One place in a text where a taxonomy skill is named.

    Attributes:
        skill_id: taxonomy id of the skill.
        label: the skill's display label.
        category: taxonomy category id.
        start: character offset of the first character in the text (0-based).
        end: character offset one past the last character.
        surface: the text exactly as written (``text[start:end]``).
        section: resume section the mention is in (``experience``, ``skills``...), if known.
        requirement: ``"required"`` or ``"preferred"`` where job text says so.
        negated: the text says the skill is not held ("no experience with").
        hypothetical: an aim or an offer, not a holding ("willing to learn").
        field_of_study: the subject of a degree ("degree in health informatics").
        part_of_name: not a claim to hold the skill but part of a name or of the
            employer's own voice: a job title ("Data Scientist"), an organisation's or
            team's name, a link, "We use ..." in a posting's company text, a skill under
            a posting's "About us" or "Benefits" header.
    """

    skill_id: str
    label: str
    category: str
    start: int = Field(ge=0)
    end: int = Field(gt=0)
    surface: str
    section: str | None = None
    requirement: str | None = None
    negated: bool = False
    hypothetical: bool = False
    field_of_study: bool = False
    part_of_name: bool = False

    @property
    def held(self) -> bool:
        """True when the mention evidences the skill (not negated, not hypothetical)."""
        return not (self.negated or self.hypothetical)


class UnknownSkill(ValueObject):
    """A phrase outside the taxonomy that reads as a skill; never scored.

    Proposed from, e.g., a list item of a resume's skills section; reported apart from
    taxonomy skills.

    Attributes:
        phrase: the text as written.
        start: character offset of the first character.
        end: character offset one past the last character.
    """

    phrase: str
    start: int = Field(ge=0)
    end: int = Field(gt=0)


class CandidateProfile(ValueObject):
    """What the pipeline found in one document.

    Attributes:
        text_length: characters in the analysed text.
        mentions: taxonomy skill mentions, in text order.
        unknown_skills: proposed skill phrases outside the taxonomy, in text order.
    """

    text_length: int = Field(ge=0)
    mentions: tuple[SkillMention, ...]
    unknown_skills: tuple[UnknownSkill, ...] = ()

    @property
    def skill_ids(self) -> frozenset[str]:
        """Distinct skill ids the text evidences (negated and hypothetical mentions aside)."""
        return frozenset(m.skill_id for m in self.mentions if m.held)

    def mentions_of(self, skill_id: str) -> tuple[SkillMention, ...]:
        """All mentions of one skill, in text order."""
        return tuple(m for m in self.mentions if m.skill_id == skill_id)
