"""Look-ups over the skill taxonomy: alias text -> skill, and the parent hierarchy."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from types import MappingProxyType

from matcher.taxonomy.schema import Skill, SkillAlias

__all__ = ["SkillIndex", "alias_key"]

_SEPARATORS = re.compile(r"[\s\-_/]+")


def alias_key(text: str) -> str:
    """Normalise an alias for identity checks: lower case, separators collapsed.

    ``"HL7 v2"``, ``"hl7-v2"`` and ``"HL7  V2"`` share one key; ``"C++"`` and ``"C#"``
    keep their symbols.
    """
    return _SEPARATORS.sub(" ", text.lower()).strip()


class SkillIndex:
    """Immutable look-ups over skills and aliases.

    Args:
        skills: skill id -> skill (already validated).
        aliases: every alias row, labels included (a label left out of them, see
            :func:`~matcher.taxonomy.loader.load_bundle`, is still looked up).
    """

    def __init__(self, skills: Mapping[str, Skill], aliases: Iterable[SkillAlias]) -> None:
        self._skills = MappingProxyType(dict(skills))
        self._by_key: dict[str, SkillAlias] = {}
        for alias in aliases:
            self._by_key.setdefault(alias_key(alias.alias), alias)
        # A label that is not matched in text (it lists two of the skill's names) still
        # names the skill when someone types it: a search, a certification's name.
        for skill in self._skills.values():
            self._by_key.setdefault(
                alias_key(skill.label), SkillAlias(skill_id=skill.skill_id, alias=skill.label)
            )
        children: dict[str, list[str]] = {}
        for skill in self._skills.values():
            if skill.parent is not None:
                children.setdefault(skill.parent, []).append(skill.skill_id)
        self._children = {k: tuple(sorted(v)) for k, v in children.items()}
        # Computed once per skill on first use: role scoring asks for them per document.
        self._ancestors: dict[str, tuple[str, ...]] = {}
        self._descendants: dict[str, tuple[str, ...]] = {}

    def __contains__(self, skill_id: object) -> bool:
        return skill_id in self._skills

    def __len__(self) -> int:
        return len(self._skills)

    def skill(self, skill_id: str) -> Skill:
        """The skill with this id.

        Raises:
            KeyError: no such skill.
        """
        return self._skills[skill_id]

    def lookup(self, text: str) -> SkillAlias | None:
        """The alias row whose normalised text equals ``text``'s, if any."""
        return self._by_key.get(alias_key(text))

    def ancestors(self, skill_id: str) -> tuple[str, ...]:
        """Broader skills, nearest first (``epic-cadence`` -> ``("epic",)``)."""
        known = self._ancestors.get(skill_id)
        if known is None:
            known = self._ancestors[skill_id] = self._walk_up(skill_id)
        return known

    def descendants(self, skill_id: str) -> tuple[str, ...]:
        """Every narrower skill, breadth first."""
        known = self._descendants.get(skill_id)
        if known is None:
            known = self._walk_down(skill_id)
            if skill_id in self._skills:  # unknown ids are not remembered
                self._descendants[skill_id] = known
        return known

    def _walk_up(self, skill_id: str) -> tuple[str, ...]:
        chain: list[str] = []
        current = self._skills[skill_id].parent
        while current is not None and current not in chain and current in self._skills:
            chain.append(current)
            current = self._skills[current].parent
        return tuple(chain)

    def _walk_down(self, skill_id: str) -> tuple[str, ...]:
        found: list[str] = []
        queue = list(self._children.get(skill_id, ()))
        while queue:
            child = queue.pop(0)
            if child in found:
                continue
            found.append(child)
            queue.extend(self._children.get(child, ()))
        return tuple(found)
