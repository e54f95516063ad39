"""spaCy components and pattern builders that find skills and link them to the taxonomy."""

from matcher.skills.context import SkillContext
from matcher.skills.extensions import register_extensions
from matcher.skills.linker import SkillLinker
from matcher.skills.patterns import build_patterns, surface_variants
from matcher.skills.ruler import SkillRuler
from matcher.skills.unknown import UnknownSkillDetector

__all__ = [
    "SkillContext",
    "SkillLinker",
    "SkillRuler",
    "UnknownSkillDetector",
    "build_patterns",
    "register_extensions",
    "surface_variants",
]
