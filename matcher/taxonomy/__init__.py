"""``data/`` -> validated, cross-checked, immutable :class:`DataBundle` (no spaCy here)."""

from matcher.taxonomy.bundle import DataBundle
from matcher.taxonomy.index import SkillIndex, alias_key
from matcher.taxonomy.loader import load_bundle, load_sections

__all__ = ["DataBundle", "SkillIndex", "alias_key", "load_bundle", "load_sections"]
