"""Taxonomy aliases -> skill-ruler phrase patterns (a pure function of the data bundle).

Each alias becomes one or more phrase patterns for :class:`~matcher.skills.ruler.SkillRuler`,
matched on ``LOWER`` or, for case-sensitive aliases, on ``ORTH``.

Surface variants that real text uses but data editors should not have to list are
generated here: hyphen/slash forms (``e-prescribing`` / ``e prescribing`` /
``eprescribing``), the hyphenated forms of short multi-word aliases ("service-oriented
architecture"), and the plural (``analyses``, ``technologies``, ``EHRs``). A generated
variant is dropped when it is another skill's own alias.

The pattern ``label`` is the skill id; the pattern ``id`` carries the skill's category
and whether the alias needs context, as ``"<category>|ctx"`` or ``"<category>|"``, so the
linker needs no state of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from matcher.taxonomy import DataBundle, alias_key
from matcher.taxonomy.schema import SkillAlias

__all__ = ["CONTEXT_FLAG", "build_patterns", "pattern_id", "surface_variants"]

CONTEXT_FLAG = "ctx"
_JOINERS = re.compile(r"[-/]")
_MAX_WORDS_FOR_HYPHEN_VARIANT = 3


def pattern_id(category: str, needs_context: bool) -> str:
    """Encode a pattern's category and context flag (see module docstring)."""
    return f"{category}|{CONTEXT_FLAG if needs_context else ''}"


def surface_variants(alias: str, *, plurals: bool = True) -> list[str]:
    """Spellings of ``alias`` that real text uses, the alias itself first.

    Args:
        alias: the alias as written in the taxonomy.
        plurals: add the plural of each form (off for one ordinary word that needs
            context: "initiative" is a skill, "initiatives" are projects).

    Returns:
        Distinct variants: the alias, its hyphen/slash variants, the hyphenated forms
        of a 2-3 word alias (each adjacent pair of a 3-word alias too), and the plural of
        each (when the last word is alphabetic).
    """
    base = [alias]
    if _JOINERS.search(alias):
        base.append(_JOINERS.sub(" ", alias))
        base.append(_JOINERS.sub("", alias))
    words = alias.split()
    if 1 < len(words) <= _MAX_WORDS_FOR_HYPHEN_VARIANT and all(w.isalpha() for w in words):
        base.append("-".join(words))
        # "service oriented architecture" is mostly written "service-oriented architecture".
        if len(words) == 3:
            base.append(f"{words[0]}-{words[1]} {words[2]}")
            base.append(f"{words[0]} {words[1]}-{words[2]}")
    variants: list[str] = []
    for form in base:
        form = re.sub(r"\s+", " ", form).strip()
        if form and form not in variants:
            variants.append(form)
        plural = _plural(form) if plurals else None
        if plural is not None and plural not in variants:
            variants.append(plural)
    return variants


def _plural(form: str) -> str | None:
    """English plural of a phrase's last word, or None when it has no regular plural."""
    last = form.split(" ")[-1] if form else ""
    if len(last) < 2 or len(form) < 3 or not last.isalpha():
        return None
    lower = last.lower()
    if lower.endswith("is") and len(lower) > 3:  # analysis -> analyses
        return form[:-2] + ("ES" if last.isupper() else "es")
    if lower.endswith("y") and len(lower) > 3 and lower[-2] not in "aeiou":  # technology
        return form[:-1] + ("IES" if last.isupper() else "ies")
    if lower.endswith("s"):
        return None
    return form + "s"


def _patterns_for(
    alias: SkillAlias, category: str, owner: Mapping[str, str]
) -> Iterable[dict[str, Any]]:
    ident = pattern_id(category, alias.needs_context)
    one_word = len(alias.alias.split()) == 1
    plurals = not (alias.needs_context and one_word)
    for number, form in enumerate(surface_variants(alias.alias, plurals=plurals)):
        # A generated variant never takes a form that is another skill's own alias
        # ("CCS-P" without its hyphen is "CCSP", a different credential).
        if number > 0 and owner.get(alias_key(form), alias.skill_id) != alias.skill_id:
            continue
        spellings = [form]
        # Resumes and job ads write product names in capitals too ("EPIC"); the
        # capitalised form keeps the alias's context requirement. Only the alias as
        # written: "Medi-Cal" -> "MediCal" -> "MEDICAL" would be a common word.
        if alias.case_sensitive and number == 0 and len(form) >= 3 and form != form.upper():
            spellings.append(form.upper())
        for spelling in spellings:
            yield {
                "label": alias.skill_id,
                "pattern": spelling,
                "id": ident,
                "case_sensitive": alias.case_sensitive,
            }


def build_patterns(bundle: DataBundle) -> list[dict[str, Any]]:
    """All skill-ruler patterns for the bundle's aliases.

    Args:
        bundle: the validated data bundle.

    Returns:
        ``{"label", "pattern", "id", "case_sensitive"}`` phrase patterns in alias order,
        without duplicates.
    """
    owner = {alias_key(a.alias): a.skill_id for a in bundle.aliases}
    seen: set[tuple[str, str, str]] = set()
    patterns: list[dict[str, Any]] = []
    for alias in bundle.aliases:
        category = bundle.skills[alias.skill_id].category
        for pattern in _patterns_for(alias, category, owner):
            key = (pattern["label"], pattern["pattern"], pattern["id"])
            if key not in seen:
                seen.add(key)
                patterns.append(pattern)
    return patterns
