"""Load ``data/`` into a validated :class:`DataBundle`, reporting every problem at once.

Each file is validated against its model in :mod:`matcher.taxonomy.schema`; then the
references between files are checked (every skill a role or competency names exists, an
alias names one skill only, role file names match ids, parents exist and form no cycle).
All problems are collected and raised together as one :class:`DataValidationError`.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from matcher.errors import DataProblem, DataValidationError
from matcher.taxonomy.bundle import DataBundle
from matcher.taxonomy.index import SkillIndex, alias_key
from matcher.taxonomy.role_model_schema import RoleModelFile
from matcher.taxonomy.schema import (
    Category,
    CategoryFile,
    Competency,
    CompetencyModel,
    CurriculumComponent,
    CurriculumFile,
    ExtractionRules,
    MentionType,
    Role,
    ScoringConfig,
    SectionsFile,
    Skill,
    SkillAlias,
)

__all__ = ["load_bundle", "load_sections"]

_M = TypeVar("_M", bound=BaseModel)

SKILL_COLUMNS = ("skill_id", "label", "parent", "description")
ALIAS_COLUMNS = ("skill_id", "alias", "case_sensitive", "needs_context")
_EXAMPLES = "examples"  # sample documents, not part of the data version
_TRUE = {"true", "yes", "1"}
_FALSE = {"false", "no", "0", ""}


class _Problems:
    """Collects problems with their file location, relative to the data directory."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.items: list[DataProblem] = []

    def add(self, path: Path | str, message: str, where: str = "") -> None:
        rel = path if isinstance(path, str) else path.relative_to(self.root).as_posix()
        self.items.append(DataProblem(f"{rel}{where}", message))

    def add_validation(self, path: Path, error: ValidationError, where: str = "") -> None:
        for err in error.errors():
            loc = ".".join(str(part) for part in err["loc"])
            prefix = f"{loc}: " if loc else ""
            if err["type"] == "extra_forbidden":
                self.add(path, f"{prefix}unknown key (not in the schema)", where)
            else:
                self.add(path, f"{prefix}{err['msg']}", where)


def _read_yaml(path: Path, problems: _Problems) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except FileNotFoundError:
        problems.add(path, "file is missing")
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        problems.add(path, f"not valid YAML: {exc}")
    return None


def _validate(model: type[_M], raw: Any, path: Path, problems: _Problems) -> _M | None:
    if raw is None:
        return None
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        problems.add_validation(path, exc)
        return None


def _read_csv(
    path: Path, columns: tuple[str, ...], problems: _Problems
) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) pairs; report header problems once."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            header = tuple(reader.fieldnames or ())
            unknown = [c for c in header if c not in columns]
            missing = [c for c in columns if c not in header]
            for name in unknown:
                problems.add(path, f"unknown column {name!r} (expected {', '.join(columns)})")
            for name in missing:
                problems.add(path, f"missing column {name!r}")
            if unknown or missing:
                return
            for row in reader:
                yield reader.line_num, {k: (v or "").strip() for k, v in row.items() if k}
    except UnicodeDecodeError as exc:
        problems.add(path, f"not UTF-8: {exc}")


def _parse_bool(value: str, column: str, path: Path, line: int, problems: _Problems) -> bool:
    lowered = value.lower()
    if lowered in _TRUE:
        return True
    if lowered not in _FALSE:
        problems.add(path, f"{column}: expected true or false, got {value!r}", f":{line}")
    return False


def _load_skills(
    root: Path, categories: Mapping[str, Category], problems: _Problems
) -> tuple[dict[str, Skill], list[SkillAlias]]:
    skills: dict[str, Skill] = {}
    where_defined: dict[str, str] = {}
    skills_dir = root / "taxonomy" / "skills"
    for path in sorted(skills_dir.glob("*.csv")):
        category = path.stem
        if category not in categories:
            problems.add(path, f"unknown category {category!r} (not in taxonomy/categories.yaml)")
            continue
        for line, row in _read_csv(path, SKILL_COLUMNS, problems):
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
        for line, row in _read_csv(path, ALIAS_COLUMNS, problems):
            flags = {
                col: _parse_bool(row[col], col, path, line, problems)
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


def _check_hierarchy(skills: Mapping[str, Skill], problems: _Problems) -> None:
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


def _merge_aliases(
    skills: Mapping[str, Skill], rows: list[SkillAlias], problems: _Problems
) -> tuple[SkillAlias, ...]:
    """Add each label as an alias unless a row overrides it; report conflicts."""
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


def _check_roles(
    root: Path,
    skills: Mapping[str, Skill],
    categories: Mapping[str, Category],
    competency_ids: set[str],
    curriculum: Mapping[int, CurriculumComponent],
    problems: _Problems,
) -> dict[str, Role]:
    roles: dict[str, Role] = {}
    for path in sorted((root / "roles").glob("*.yaml")):
        raw = _read_yaml(path, problems)
        # Checked on the raw mapping so the mismatch is reported even when other keys fail.
        if isinstance(raw, dict) and raw.get("id") != path.stem:
            problems.add(path, f"id {raw.get('id')!r} does not match the file name {path.stem!r}")
        role = _validate(Role, raw, path, problems)
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


def _check_competencies(
    path: Path, model: CompetencyModel, skills: Mapping[str, Skill], problems: _Problems
) -> dict[str, tuple[int, Competency]]:
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


def _check_curriculum(
    path: Path,
    curriculum: Mapping[int, CurriculumComponent],
    skills: Mapping[str, Skill],
    competency_ids: set[str],
    problems: _Problems,
) -> None:
    for component in curriculum.values():
        for comp_id in component.competencies:
            if comp_id not in competency_ids:
                problems.add(path, f"component {component.number}: unknown competency {comp_id!r}")
        for skill_id in component.skills:
            if skill_id not in skills:
                problems.add(path, f"component {component.number}: unknown skill {skill_id!r}")


def _check_sections(path: Path, sections: SectionsFile, problems: _Problems) -> None:
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


def _read_sections(root: Path, problems: _Problems) -> SectionsFile | None:
    path = root / "sections.yaml"
    sections = _validate(SectionsFile, _read_yaml(path, problems), path, problems)
    if sections is not None:
        _check_sections(path, sections, problems)
    return sections


def load_sections(data_dir: Path) -> SectionsFile:
    """Load only ``sections.yaml`` (for tools that need no taxonomy).

    Raises:
        DataValidationError: the file is missing or invalid.
    """
    root = data_dir.resolve()
    problems = _Problems(root)
    sections = _read_sections(root, problems)
    if problems.items or sections is None:
        raise DataValidationError(problems.items)
    return sections


def _read_role_model(
    root: Path, skills: Mapping[str, Skill], problems: _Problems
) -> RoleModelFile | None:
    # Optional: without it the engine runs with the rule scorer only.
    path = root / "role_model.yaml"
    if not path.exists():
        return None
    role_model = _validate(RoleModelFile, _read_yaml(path, problems), path, problems)
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
        if path.relative_to(root).parts[0] == _EXAMPLES:
            continue
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
    problems = _Problems(root)
    if not root.is_dir():
        raise DataValidationError([DataProblem(str(data_dir), "data directory does not exist")])

    cat_path = root / "taxonomy" / "categories.yaml"
    cat_file = _validate(CategoryFile, _read_yaml(cat_path, problems), cat_path, problems)
    categories = {c.id: c for c in cat_file.categories} if cat_file else {}

    skills, alias_rows = _load_skills(root, categories, problems)
    _check_hierarchy(skills, problems)
    aliases = _merge_aliases(skills, alias_rows, problems)

    cm_path = root / "competency_model.yaml"
    model = _validate(CompetencyModel, _read_yaml(cm_path, problems), cm_path, problems)
    competencies = _check_competencies(cm_path, model, skills, problems) if model else {}

    cur_path = root / "curriculum.yaml"
    cur_file = _validate(CurriculumFile, _read_yaml(cur_path, problems), cur_path, problems)
    curriculum = {c.number: c for c in cur_file.components} if cur_file else {}
    _check_curriculum(cur_path, curriculum, skills, set(competencies), problems)

    sc_path = root / "scoring.yaml"
    scoring = _validate(ScoringConfig, _read_yaml(sc_path, problems), sc_path, problems)

    roles = _check_roles(root, skills, categories, set(competencies), curriculum, problems)
    sections = _read_sections(root, problems)
    ex_path = root / "extraction.yaml"
    extraction = _validate(ExtractionRules, _read_yaml(ex_path, problems), ex_path, problems)
    role_model = _read_role_model(root, skills, problems)

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
        index=SkillIndex(skills, aliases),
        competencies=MappingProxyType(competencies),
        sections=sections,
        extraction=extraction,
        role_model=role_model,
    )
