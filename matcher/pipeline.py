"""The one boundary between spaCy and the rest of the package.

Registers the package's spaCy factories, builds the pipeline from a data bundle and
turns a text into a :class:`~matcher.domain.CandidateProfile`. Callers never see a
``Doc``.

Pipeline (``spacy.blank("en")`` with "/" and a trailing "-" split off as tokens):

1. ``matcher_sectionizer``: resume sections -> ``doc.spans["sections"]``;
2. ``matcher_skill_ruler``: alias phrase patterns from the taxonomy (case-insensitive
   and case-sensitive) -> ``doc.spans["skill_candidates"]``;
3. ``matcher_skill_linker``: overlaps, ambiguous aliases, shared list prefixes ->
   ``doc.spans["skills"]``;
4. ``matcher_skill_context``: section, negation, hypothetical, field of study,
   part of a name, required/preferred on every skill span;
5. ``matcher_unknown_skills``: proposed skill phrases outside the taxonomy ->
   ``doc.spans["unknown_skills"]``.

Patterns and rules come from ``data/`` when the components are initialised, and are
saved with ``nlp.to_disk``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_suffix_regex

from matcher.doctext import TEXT_KEY
from matcher.domain import CandidateProfile, SkillMention, UnknownSkill
from matcher.errors import ConfigurationError, InputError
from matcher.sections.component import Sectionizer
from matcher.skills import (
    SkillContext,
    SkillLinker,
    SkillRuler,
    UnknownSkillDetector,
    build_patterns,
    register_extensions,
)
from matcher.taxonomy import DataBundle
from matcher.taxonomy.schema import MentionType

__all__ = [
    "CANDIDATES_KEY",
    "SECTIONS_KEY",
    "SKILLS_KEY",
    "Pipeline",
    "build_nlp",
    "extract_profile",
    "spacy_blank_tokenizer",
]

CANDIDATES_KEY = "skill_candidates"
SKILLS_KEY = "skills"
SECTIONS_KEY = "sections"
_SECTIONIZER = "matcher_sectionizer"
_RULER = "matcher_skill_ruler"
_LINKER = "matcher_skill_linker"
_CONTEXT = "matcher_skill_context"
_UNKNOWN = "matcher_unknown_skills"
UNKNOWN_KEY = "unknown_skills"
_PLAIN_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'"})

#: The pipeline type, for callers that hold one without importing spaCy.
Pipeline = Language

register_extensions()


@Language.factory(_SECTIONIZER, assigns=["doc.spans"], default_config={"spans_key": SECTIONS_KEY})
def make_sectionizer(nlp: Language, name: str, spans_key: str) -> Sectionizer:
    """Factory of :class:`~matcher.sections.component.Sectionizer`."""
    return Sectionizer(nlp, name, spans_key=spans_key)


@Language.factory(_RULER, assigns=["doc.spans"], default_config={"spans_key": CANDIDATES_KEY})
def make_skill_ruler(nlp: Language, name: str, spans_key: str) -> SkillRuler:
    """Factory of :class:`~matcher.skills.SkillRuler`."""
    return SkillRuler(nlp, name, spans_key=spans_key)


@Language.factory(
    _LINKER,
    assigns=["doc.spans"],
    default_config={
        "candidates_key": CANDIDATES_KEY,
        "output_key": SKILLS_KEY,
        "window": 12,
        "separators": [",", "/", "and", "&", "or"],
        "max_list_item_tokens": 3,
        "soft_categories": [],
        "health_categories": [],
        "product_categories": [],
        "support_cues": [],
        "related_categories": {},
        "example_cues": [],
        "kind_nouns": [],
        "other_readings": {},
        "not_skills": [],
    },
)
def make_skill_linker(
    nlp: Language,
    name: str,
    candidates_key: str,
    output_key: str,
    window: int,
    separators: list[str],
    max_list_item_tokens: int,
    soft_categories: list[str],
    health_categories: list[str],
    product_categories: list[str],
    support_cues: list[str],
    related_categories: dict[str, list[str]],
    example_cues: list[str],
    kind_nouns: list[str],
    other_readings: dict[str, list[str]],
    not_skills: list[str],
) -> SkillLinker:
    """Factory of :class:`~matcher.skills.SkillLinker`.

    Use as ``nlp.add_pipe("matcher_skill_linker")`` after a ``span_ruler``.
    """
    return SkillLinker(
        nlp,
        name,
        candidates_key=candidates_key,
        output_key=output_key,
        window=window,
        separators=separators,
        max_list_item_tokens=max_list_item_tokens,
        soft_categories=soft_categories,
        health_categories=health_categories,
        product_categories=product_categories,
        support_cues=support_cues,
        related_categories=related_categories,
        example_cues=example_cues,
        kind_nouns=kind_nouns,
        other_readings=other_readings,
        not_skills=not_skills,
    )


@Language.factory(
    _CONTEXT,
    assigns=["span._.negated", "span._.requirement", "span._.section"],
    default_config={"skills_key": SKILLS_KEY, "sections_key": SECTIONS_KEY},
)
def make_skill_context(
    nlp: Language, name: str, skills_key: str, sections_key: str
) -> SkillContext:
    """Factory of :class:`~matcher.skills.SkillContext`."""
    return SkillContext(nlp, name, skills_key=skills_key, sections_key=sections_key)


@Language.factory(
    _UNKNOWN,
    assigns=["doc.spans"],
    default_config={
        "skills_key": SKILLS_KEY,
        "sections_key": SECTIONS_KEY,
        "output_key": UNKNOWN_KEY,
    },
)
def make_unknown_skills(
    nlp: Language, name: str, skills_key: str, sections_key: str, output_key: str
) -> UnknownSkillDetector:
    """Factory of :class:`~matcher.skills.UnknownSkillDetector`."""
    return UnknownSkillDetector(
        nlp, name, skills_key=skills_key, sections_key=sections_key, output_key=output_key
    )


def _blank_english() -> Language:
    nlp = spacy.blank("en")
    tokenizer = cast(Tokenizer, nlp.tokenizer)
    defaults = cast(Any, nlp.Defaults)
    # "/" joins list items and alternatives ("Agile/Scrum", "C#/.NET", "ICD-10-CM/PCS"),
    # and a trailing hyphen shares a word ("HIPAA- and GDPR-compliant"): split both. A
    # full stop after a lone capital ends the sentence or an initial ("Python or R.",
    # "John R. Smith"), so it is split off too: the letter can be a language's name. A
    # trailing "Â" is a non-breaking space decoded with the wrong code page ("CPT/HCPCSÂ
    # coding", "clinicianÂ with" in text pasted from web pages): it is split off as well.
    tokenizer.infix_finditer = compile_infix_regex([*defaults.infixes, r"/"]).finditer
    tokenizer.suffix_search = compile_suffix_regex(
        [*defaults.suffixes, r"-", r"(?<=^[A-Z])\.", r"Â"]
    ).search
    return nlp


def _cache_document_words(nlp: Language) -> None:
    """Let the tokenizer's word cache work on documents (the same tokens, ~3x faster).

    spaCy stops caching a document's words once a special case has matched in it, and
    the base exceptions make a line break (and a tab, a space) one: from a resume's
    first line on, every word went through the affix regexes again. Such a chunk becomes
    the same single token without its entry (one that only repeats the text). Setting
    the rules also empties the cache (10,000 entries), which the components filled with
    their pattern phrases at initialisation, so it keeps the words of documents.
    """
    tokenizer = cast(Tokenizer, nlp.tokenizer)
    tokenizer.rules = {
        key: value
        for key, value in (tokenizer.rules or {}).items()
        if not (key.isspace() and all(set(token) == {ORTH} for token in value))
    }


def spacy_blank_tokenizer() -> Callable[[str], object]:
    """The tokenizer of a plain ``spacy.blank("en")``: the speed baseline."""
    return cast(Callable[[str], object], spacy.blank("en").tokenizer)


def build_nlp(bundle: DataBundle, *, context_window: int = 12) -> Language:
    """Build and initialise the extraction pipeline for a data bundle.

    Args:
        bundle: the validated data bundle whose aliases and rules are loaded.
        context_window: tokens searched on each side of an ambiguous alias.

    Returns:
        The initialised pipeline.

    Raises:
        ConfigurationError: the bundle lacks the sections or extraction rules.
    """
    if bundle.extraction is None or bundle.sections is None:
        raise ConfigurationError("the data bundle has no extraction or section rules")
    rules = bundle.extraction
    nlp = _blank_english()
    sectionizer = cast(Sectionizer, nlp.add_pipe(_SECTIONIZER))
    ruler = cast(SkillRuler, nlp.add_pipe(_RULER))
    linker = cast(
        SkillLinker,
        nlp.add_pipe(
            _LINKER,
            config={
                "window": context_window,
                "separators": list(rules.list_separators),
                "max_list_item_tokens": rules.max_list_item_tokens,
                "soft_categories": sorted(
                    c.id for c in bundle.categories.values() if c.mention_type is MentionType.SOFT
                ),
                "health_categories": sorted(c.id for c in bundle.categories.values() if c.health),
                "product_categories": sorted(
                    c.id for c in bundle.categories.values() if c.products
                ),
                "support_cues": list(rules.unknown_skills.cues),
                "related_categories": {
                    c.id: list(c.supported_by) for c in bundle.categories.values() if c.supported_by
                },
                "example_cues": list(rules.examples.cues),
                "kind_nouns": list(rules.examples.kind_nouns),
                "other_readings": {
                    r.alias: [r.skill, f"{bundle.skills[r.skill].category}|"]
                    for r in rules.other_readings
                },
                "not_skills": list(rules.not_skills),
            },
        ),
    )
    context = cast(SkillContext, nlp.add_pipe(_CONTEXT))
    unknown = cast(UnknownSkillDetector, nlp.add_pipe(_UNKNOWN))
    sectionizer.initialize(sections=bundle.sections.model_dump(mode="json"))
    ruler.initialize(patterns=build_patterns(bundle))
    linker.initialize(
        aliases=[
            (
                a.alias,
                a.skill_id,
                f"{bundle.skills[a.skill_id].category}|",
                a.case_sensitive,
                bundle.skills[a.skill_id].parent,
            )
            for a in bundle.aliases
        ]
    )
    context.initialize(rules=rules.model_dump(mode="json"))
    unknown.initialize(rules=rules.unknown_skills.model_dump(mode="json"))
    _cache_document_words(nlp)
    return nlp


def extract_profile(
    nlp: Language, bundle: DataBundle, text: str, *, max_chars: int
) -> CandidateProfile:
    """Find the taxonomy skills in a text, with their context.

    Args:
        nlp: a pipeline from :func:`build_nlp`.
        bundle: the bundle the pipeline was built from.
        text: the normalised document text; offsets refer to it.
        max_chars: the longest text accepted.

    Returns:
        The profile with every skill mention, in text order.

    Raises:
        InputError: the text is longer than ``max_chars``.
    """
    if len(text) > max_chars:
        raise InputError(f"the text has {len(text):,} characters; the limit is {max_chars:,}")
    # Typographic apostrophes read as plain ones ("bachelor’s in", "What you’ll need"),
    # as every pattern and cue in data/ is written: one character for one, so the
    # offsets still point into ``text``, and surfaces are cut from ``text`` itself.
    matched = text.translate(_PLAIN_APOSTROPHES)
    doc = nlp.make_doc(matched)
    doc.user_data[TEXT_KEY] = matched
    doc = nlp(doc)
    skills = bundle.skills
    # model_construct: every value comes from our own pipeline and taxonomy, so the
    # per-mention validation would only cost time on long documents. Offsets and texts
    # come from the text itself, and each span's ``._`` is read once (``Span.text`` and
    # ``span._`` build objects on every access).
    mentions = []
    for span in doc.spans[SKILLS_KEY]:
        skill_id = span.label_
        skill = skills[skill_id]
        start, end = span.start_char, span.end_char
        attributes = span._
        mentions.append(
            SkillMention.model_construct(
                skill_id=skill_id,
                label=skill.label,
                category=skill.category,
                start=start,
                end=end,
                surface=text[start:end],
                section=attributes.section,
                requirement=attributes.requirement,
                negated=attributes.negated,
                hypothetical=attributes.hypothetical,
                field_of_study=attributes.field_of_study,
                part_of_name=attributes.part_of_name,
            )
        )
    unknown_skills = []
    for span in doc.spans[UNKNOWN_KEY]:
        start, end = span.start_char, span.end_char
        unknown_skills.append(
            UnknownSkill.model_construct(phrase=text[start:end], start=start, end=end)
        )
    return CandidateProfile(
        text_length=len(text), mentions=tuple(mentions), unknown_skills=tuple(unknown_skills)
    )
