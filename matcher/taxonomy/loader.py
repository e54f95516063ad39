"""Load ``data/`` into a validated :class:`DataBundle`, reporting every problem at once.

Each file is validated against its model in :mod:`matcher.taxonomy.schema`; then the
references between files are checked (:mod:`matcher.taxonomy.references`: every skill a
role or competency names exists, role file names match ids, parents exist and form no
cycle) and an alias must name one skill only.
All problems are collected and raised together as one :class:`DataValidationError`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

from pydantic import ValidationError

from matcher.errors import DataProblem, DataValidationError
from matcher.taxonomy._files import Problems, parse_bool, read_csv, read_yaml, validate
from matcher.taxonomy.bundle import DataBundle
from matcher.taxonomy.index import SkillIndex, alias_key
from matcher.taxonomy.references import (
    check_competencies,
    check_curriculum,
    check_hierarchy,
    check_roles,
    check_sections,
)
from matcher.taxonomy.role_model_schema import RoleModelFile
from matcher.taxonomy.schema import (
    Category,
    CategoryFile,
    CompetencyModel,
    CurriculumFile,
    ExtractionRules,
    ScoringConfig,
    SectionsFile,
    Skill,
    SkillAlias,
)

__all__ = ["load_bundle", "load_sections"]

SKILL_COLUMNS = ("skill_id", "label", "parent", "description")
ALIAS_COLUMNS = ("skill_id", "alias", "case_sensitive", "needs_context")
_EXAMPLES = "examples"  # sample documents, not part of the data version


def _load_skills(
    root: Path, categories: Mapping[str, Category], problems: Problems
) -> tuple[dict[str, Skill], list[SkillAlias]]:
    skills: dict[str, Skill] = {}
    where_defined: dict[str, str] = {}
    skills_dir = root / "taxonomy" / "skills"
    for path in sorted(skills_dir.glob("*.csv")):
        category = path.stem
        if category not in categories:
            problems.add(path, f"unknown category {category!r} (not in taxonomy/categories.yaml)")
            continue
        for line, row in read_csv(path, SKILL_COLUMNS, problems):
            try:
                skill = Skill.model_validate(
                    {**row, "parent": row["parent"] or None, "category": category}
                )
            except ValidationError as exc:
                problems.add_validation(path, exc, f":{line}")
                continue
            here = f"{path.relative_to(root).as_posix()}:{line}"
            if skill.skill_id in skills:
                problems.add(
                    path,
                    f"duplicate skill id {skill.skill_id!r} (first defined at "
                    f"{where_defined[skill.skill_id]})",
                    f":{line}",
                )
                continue
            skills[skill.skill_id] = skill
            where_defined[skill.skill_id] = here
    for category in categories:
        if not (skills_dir / f"{category}.csv").exists():
            problems.add(
                f"taxonomy/skills/{category}.csv", "file is missing for a declared category"
            )

    aliases: list[SkillAlias] = []
    for path in sorted((root / "taxonomy" / "aliases").glob("*.csv")):
        if path.stem not in categories:
            problems.add(path, f"unknown category {path.stem!r} (not in taxonomy/categories.yaml)")
            continue
        for line, row in read_csv(path, ALIAS_COLUMNS, problems):
            flags = {
                col: parse_bool(row[col], col, path, line, problems)
                for col in ("case_sensitive", "needs_context")
            }
            try:
                alias = SkillAlias.model_validate({**row, **flags})
            except ValidationError as exc:
                problems.add_validation(path, exc, f":{line}")
                continue
            if alias.skill_id not in skills:
                problems.add(
                    path,
                    f"alias {alias.alias!r} refers to unknown skill {alias.skill_id!r}",
                    f":{line}",
                )
                continue
            aliases.append(alias)
    return skills, aliases


def _check_other_readings(
    path: Path,
    rules: ExtractionRules,
    skills: Mapping[str, Skill],
    index: SkillIndex,
    problems: Problems,
) -> None:
    """Each other reading names a skill with a parent, for an alias of another skill."""
    for reading in rules.other_readings:
        skill = skills.get(reading.skill)
        if skill is None:
            problems.add(path.name, f"other_readings: unknown skill {reading.skill!r}")
            continue
        if skill.parent is None:
            problems.add(
                path.name,
                f"other_readings: {reading.skill!r} has no parent, so no family to read it by",
            )
        owner = index.lookup(reading.alias)
        if owner is None or owner.skill_id == reading.skill:
            problems.add(
                path.name,
                f"other_readings: {reading.alias!r} is not an alias of another skill",
            )


def _joins_own_aliases(skill: Skill, owner: Mapping[str, SkillAlias]) -> bool:
    """Whether the label is "<alias> and <alias>", both aliases of this skill."""
    parts = re.split(r"\s+and\s+", skill.label, maxsplit=1)
    return len(parts) == 2 and all(
        (found := owner.get(alias_key(part))) is not None and found.skill_id == skill.skill_id
        for part in parts
    )


def _merge_aliases(
    skills: Mapping[str, Skill], rows: list[SkillAlias], problems: Problems
) -> tuple[SkillAlias, ...]:
    """Add each label as an alias unless a row overrides it; report conflicts.

    A label that joins two of the skill's own aliases ("Internationalization and
    localization") names a list of two, not a phrase of its own: it is not added, so
    that the text's list gives one mention per item, as the labelling guide splits lists.
    """
    owner: dict[str, SkillAlias] = {}
    merged: list[SkillAlias] = []
    for alias in rows:
        key = alias_key(alias.alias)
        previous = owner.get(key)
        if previous is not None:
            category = skills[alias.skill_id].category
            if previous.skill_id == alias.skill_id:
                problems.add(
                    f"taxonomy/aliases/{category}.csv",
                    f"duplicate alias {alias.alias!r} for skill {alias.skill_id!r}",
                )
            else:
                problems.add(
                    f"taxonomy/aliases/{category}.csv",
                    f"alias {alias.alias!r} of {alias.skill_id!r} is already an alias of "
                    f"{previous.skill_id!r}: an alias may name one skill only",
                )
            continue
        owner[key] = alias
        merged.append(alias)
    for skill in skills.values():
        key = alias_key(skill.label)
        previous = owner.get(key)
        if previous is None and _joins_own_aliases(skill, owner):
            continue
        if previous is None:
            label_alias = SkillAlias(skill_id=skill.skill_id, alias=skill.label)
            owner[key] = label_alias
            merged.append(label_alias)
        elif previous.skill_id != skill.skill_id:
            problems.add(
                f"taxonomy/skills/{skill.category}.csv",
                f"label {skill.label!r} of {skill.skill_id!r} is already an alias of "
                f"{previous.skill_id!r}: an alias may name one skill only",
            )
    return tuple(merged)


def _read_sections(root: Path, problems: Problems) -> SectionsFile | None:
    path = root / "sections.yaml"
    sections = validate(SectionsFile, read_yaml(path, problems), path, problems)
    if sections is not None:
        check_sections(path, sections, problems)
    return sections


def load_sections(data_dir: Path) -> SectionsFile:
    """Load only ``sections.yaml`` (for tools that need no taxonomy).

    Raises:
        DataValidationError: the file is missing or invalid.
    """
    root = data_dir.resolve()
    problems = Problems(root)
    sections = _read_sections(root, problems)
    if problems.items or sections is None:
        raise DataValidationError(problems.items)
    return sections


def _read_role_model(
    root: Path, skills: Mapping[str, Skill], problems: Problems
) -> RoleModelFile | None:
    # Optional: without it the engine runs with the rule scorer only.
    path = root / "role_model.yaml"
    if not path.exists():
        return None
    role_model = validate(RoleModelFile, read_yaml(path, problems), path, problems)
    if role_model is None:
        return None
    seen: set[str] = set()
    for profile in role_model.outside_profiles:
        where = f"outside_profiles[{profile.id}]"
        if profile.id in seen:
            problems.add(path, f"duplicate outside profile id {profile.id!r}", where)
        seen.add(profile.id)
        for skill_id in profile.skills:
            if skill_id not in skills:
                problems.add(path, f"unknown skill {skill_id!r}", where)
    return role_model


def _data_version(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        if path.relative_to(root).parts[0] == _EXAMPLES or path.suffix == ".md":
            continue  # examples and documentation do not change what the data means
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    version_file = root / "VERSION"
    version = version_file.read_text(encoding="utf-8").strip() if version_file.exists() else "0"
    return f"{version}+{digest.hexdigest()[:12]}"


def load_bundle(data_dir: Path) -> DataBundle:
    """Load and cross-check the data directory.

    Args:
        data_dir: the directory (``Settings.data_dir``).

    Returns:
        The validated bundle.

    Raises:
        DataValidationError: listing every problem found, if there is any.
    """
    root = data_dir.resolve()
    problems = Problems(root)
    if not root.is_dir():
        raise DataValidationError([DataProblem(str(data_dir), "data directory does not exist")])

    cat_path = root / "taxonomy" / "categories.yaml"
    cat_file = validate(CategoryFile, read_yaml(cat_path, problems), cat_path, problems)
    categories = {c.id: c for c in cat_file.categories} if cat_file else {}

    skills, alias_rows = _load_skills(root, categories, problems)
    check_hierarchy(skills, problems)
    aliases = _merge_aliases(skills, alias_rows, problems)

    cm_path = root / "competency_model.yaml"
    model = validate(CompetencyModel, read_yaml(cm_path, problems), cm_path, problems)
    competencies = check_competencies(cm_path, model, skills, problems) if model else {}

    cur_path = root / "curriculum.yaml"
    cur_file = validate(CurriculumFile, read_yaml(cur_path, problems), cur_path, problems)
    curriculum = {c.number: c for c in cur_file.components} if cur_file else {}
    check_curriculum(cur_path, curriculum, skills, set(competencies), problems)

    sc_path = root / "scoring.yaml"
    scoring = validate(ScoringConfig, read_yaml(sc_path, problems), sc_path, problems)

    roles = check_roles(root, skills, categories, set(competencies), curriculum, problems)
    sections = _read_sections(root, problems)
    ex_path = root / "extraction.yaml"
    extraction = validate(ExtractionRules, read_yaml(ex_path, problems), ex_path, problems)
    role_model = _read_role_model(root, skills, problems)
    index = SkillIndex(skills, aliases)
    if extraction is not None:
        _check_other_readings(ex_path, extraction, skills, index, problems)

    if problems.items or model is None or scoring is None or sections is None or extraction is None:
        raise DataValidationError(problems.items)
    return DataBundle(
        data_version=_data_version(root),
        categories=MappingProxyType(categories),
        skills=MappingProxyType(skills),
        aliases=aliases,
        roles=MappingProxyType(roles),
        competency_model=model,
        curriculum=MappingProxyType(curriculum),
        scoring=scoring,
        index=index,
        competencies=MappingProxyType(competencies),
        sections=sections,
        extraction=extraction,
        role_model=role_model,
    )
