"""spaCy components and pattern builders that find skills and link them to the taxonomy."""

from matcher.skills.linker import SkillLinker
from matcher.skills.patterns import build_patterns, surface_variants

__all__ = ["SkillLinker", "build_patterns", "surface_variants"]
