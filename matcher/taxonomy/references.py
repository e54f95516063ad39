"""Checks of the references between data files (roles, competencies, curriculum, sections).

Each check adds what it finds to a :class:`~matcher.taxonomy._files.Problems` collector;
:func:`matcher.taxonomy.loader.load_bundle` raises them together.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from matcher.taxonomy._files import Problems, read_yaml, validate
from matcher.taxonomy.schema import (
    Category,
    Competency,
    CompetencyModel,
    CurriculumComponent,
    MentionType,
    Role,
    SectionsFile,
    Skill,
)

__all__ = [
    "check_competencies",
    "check_curriculum",
    "check_hierarchy",
    "check_roles",
    "check_sections",
]


def check_hierarchy(skills: Mapping[str, Skill], problems: Problems) -> None:
    """Every parent exists and no skill is its own ancestor."""
    for skill in skills.values():
        where = f"taxonomy/skills/{skill.category}.csv"
        if skill.parent is None:
            continue
        if skill.parent not in skills:
            problems.add(where, f"skill {skill.skill_id!r} has unknown parent {skill.parent!r}")
            continue
        seen = {skill.skill_id}
        current: str | None = skill.parent
        while current is not None and current in skills:
            if current in seen:
                problems.add(where, f"skill {skill.skill_id!r} is its own ancestor (parent cycle)")
                break
            seen.add(current)
            current = skills[current].parent


def check_roles(
    root: Path,
    skills: Mapping[str, Skill],
    categories: Mapping[str, Category],
    competency_ids: set[str],
    curriculum: Mapping[int, CurriculumComponent],
    problems: Problems,
) -> dict[str, Role]:
    """Read the role files; check ids and the skills, competencies, curriculum they name."""
    roles: dict[str, Role] = {}
    for path in sorted((root / "roles").glob("*.yaml")):
        raw = read_yaml(path, problems)
        # Checked on the raw mapping so the mismatch is reported even when other keys fail.
        if isinstance(raw, dict) and raw.get("id") != path.stem:
            problems.add(path, f"id {raw.get('id')!r} does not match the file name {path.stem!r}")
        role = validate(Role, raw, path, problems)
        if role is None:
            continue
        seen: set[str] = set()
        for item in role.skills:
            if item.id not in skills:
                problems.add(path, f"skills: unknown skill {item.id!r}")
            if item.id in seen:
                problems.add(path, f"skills: {item.id!r} is listed twice")
            seen.add(item.id)
        cert_ids = list(role.certifications) + ([role.exam] if role.exam else [])
        for cert in cert_ids:
            if cert not in skills:
                problems.add(path, f"certifications: unknown skill {cert!r}")
            elif categories[skills[cert].category].mention_type is not MentionType.CERT:
                problems.add(path, f"certifications: {cert!r} is not a certification skill")
        for comp in role.competencies:
            if comp.id not in competency_ids:
                problems.add(path, f"competencies: unknown competency {comp.id!r}")
        for item_c in role.curriculum:
            if item_c.component not in curriculum:
                problems.add(path, f"curriculum: unknown component {item_c.component}")
        roles[role.id] = role
    if not roles:
        problems.add("roles", "no role files found")
    return roles


def check_competencies(
    path: Path, model: CompetencyModel, skills: Mapping[str, Skill], problems: Problems
) -> dict[str, tuple[int, Competency]]:
    """Check levels, ids, editions and evidence skills; return id -> (tier, competency)."""
    found: dict[str, tuple[int, Competency]] = {}
    editions = {e.version for e in model.editions}
    levels = [lv.min_evidence for lv in sorted(model.levels, key=lambda lv: lv.level)]
    if levels != sorted(levels) or [
        lv.level for lv in sorted(model.levels, key=lambda lv: lv.level)
    ] != list(range(len(levels))):
        problems.add(path, "levels: must be numbered 0, 1, 2... with non-decreasing min_evidence")
    for tier in model.tiers:
        for comp in tier.competencies:
            if comp.id in found:
                problems.add(path, f"competency id {comp.id!r} is used twice")
            found[comp.id] = (tier.number, comp)
            for version in list(comp.names) + list(comp.numbers):
                if version not in editions:
                    problems.add(path, f"{comp.id}: unknown model edition {version!r}")
            for skill_id in comp.skills:
                if skill_id not in skills:
                    problems.add(path, f"{comp.id}: unknown evidence skill {skill_id!r}")
    return found


def check_curriculum(
    path: Path,
    curriculum: Mapping[int, CurriculumComponent],
    skills: Mapping[str, Skill],
    competency_ids: set[str],
    problems: Problems,
) -> None:
    """Every competency and skill a curriculum component names exists."""
    for component in curriculum.values():
        for comp_id in component.competencies:
            if comp_id not in competency_ids:
                problems.add(path, f"component {component.number}: unknown competency {comp_id!r}")
        for skill_id in component.skills:
            if skill_id not in skills:
                problems.add(path, f"component {component.number}: unknown skill {skill_id!r}")


def check_sections(path: Path, sections: SectionsFile, problems: Problems) -> None:
    """No header is claimed by two section categories and no category is listed twice."""
    owner: dict[str, str] = {}
    for category in sections.categories:
        for header in category.headers:
            key = " ".join(header.lower().split())
            if key in owner and owner[key] != category.id:
                problems.add(
                    path,
                    f"header {header!r} of {category.id!r} is already a header of "
                    f"{owner[key]!r}: a header may open one category only",
                )
            owner.setdefault(key, category.id)
    ids = [c.id for c in sections.categories]
    for dup in sorted({i for i in ids if ids.count(i) > 1}):
        problems.add(path, f"category {dup!r} is listed twice")
