"""Reference data any signed-in user may read: the roles and the skill taxonomy."""

from __future__ import annotations

from typing import Any

from matcher.service import MatchingEngine

__all__ = ["find_skills", "roles"]


def roles(engine: MatchingEngine) -> list[dict[str, Any]]:
    """The data set's roles: id, name, program level, definition."""
    return [
        {"id": r.id, "name": r.name, "level": str(r.level), "definition": r.definition}
        for r in engine.bundle.roles.values()
    ]


def find_skills(engine: MatchingEngine, text: str, *, limit: int) -> list[dict[str, Any]]:
    """Skills whose label or id contains ``text`` (case-insensitive), shortest label first."""
    needle = text.strip().lower()
    found = [
        s
        for s in engine.bundle.skills.values()
        if needle in s.label.lower() or needle in s.skill_id
    ]
    found.sort(key=lambda s: (len(s.label), s.label.lower()))
    return [
        {"skill_id": s.skill_id, "label": s.label, "category": s.category} for s in found[:limit]
    ]
