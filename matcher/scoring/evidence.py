"""Which skills a profile evidences, through the taxonomy hierarchy.

A narrower skill evidences its broader ancestors in full (``epic-cadence`` shows
``epic``); a broader skill evidences a narrower one only partly (``epic`` says little
about ``epic-cadence``): the caller decides how much.
"""

from __future__ import annotations

from collections.abc import Iterable

from matcher.taxonomy import SkillIndex

__all__ = ["SkillEvidence"]


class SkillEvidence:
    """The skills a document names, with hierarchy look-ups.

    Args:
        found: skill ids named in the document.
        index: the taxonomy index.
    """

    def __init__(self, found: Iterable[str], index: SkillIndex) -> None:
        self._found = frozenset(found)
        self._index = index

    @property
    def found(self) -> frozenset[str]:
        """Skill ids named in the document."""
        return self._found

    def full(self, skill_id: str) -> tuple[str, ...]:
        """Found skills that fully evidence ``skill_id``: itself or any narrower skill."""
        if skill_id not in self._index:
            return ()
        if skill_id in self._found:
            return (skill_id,)
        return tuple(d for d in self._index.descendants(skill_id) if d in self._found)

    def partial(self, skill_id: str) -> tuple[str, ...]:
        """Found broader skills (ancestors) of ``skill_id``, nearest first."""
        if skill_id not in self._index:
            return ()
        return tuple(a for a in self._index.ancestors(skill_id) if a in self._found)
