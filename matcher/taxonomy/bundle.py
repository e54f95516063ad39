"""The validated, immutable view of ``data/`` that the rest of the package reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping

    from matcher.taxonomy.index import SkillIndex
    from matcher.taxonomy.role_model_schema import RoleModelFile
    from matcher.taxonomy.schema import (
        Category,
        Competency,
        CompetencyModel,
        CurriculumComponent,
        ExtractionRules,
        Role,
        ScoringConfig,
        SectionsFile,
        Skill,
        SkillAlias,
    )

__all__ = ["DataBundle"]


@dataclass(frozen=True)
class DataBundle:
    """Everything loaded from the data directory, cross-checked.

    Attributes:
        data_version: ``VERSION`` plus a short hash of every data file's bytes
            (Markdown documentation and ``examples/`` left out).
        categories: category id -> category.
        skills: skill id -> skill.
        aliases: every surface form, labels included, in file order.
        roles: role id -> role, in file-name order.
        competency_model: the EHR/HIM competency model.
        curriculum: component number -> curriculum component.
        scoring: rule-based scorer weights.
        index: alias and hierarchy look-ups over the skills.
        competencies: competency id -> (tier number, competency).
        sections: resume section header rules and field cues (``sections.yaml``).
        extraction: context rules for skill mentions (``extraction.yaml``).
        role_model: domain cues and outside profiles for the learned role scorer
            (``role_model.yaml``); None when the file is absent.
    """

    data_version: str
    categories: Mapping[str, Category]
    skills: Mapping[str, Skill]
    aliases: tuple[SkillAlias, ...]
    roles: Mapping[str, Role]
    competency_model: CompetencyModel
    curriculum: Mapping[int, CurriculumComponent]
    scoring: ScoringConfig
    index: SkillIndex
    competencies: Mapping[str, tuple[int, Competency]] = field(
        default_factory=lambda: MappingProxyType({})
    )
    sections: SectionsFile | None = None
    extraction: ExtractionRules | None = None
    role_model: RoleModelFile | None = None
