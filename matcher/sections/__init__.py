"""Resume sections from header rules kept as data (``data/sections.yaml``)."""

from matcher.sections.rules import HeaderMatch, HeaderRules, compile_rules, header_key
from matcher.sections.segmenter import CONTACT, segment_sections

__all__ = [
    "CONTACT",
    "HeaderMatch",
    "HeaderRules",
    "compile_rules",
    "header_key",
    "segment_sections",
]
