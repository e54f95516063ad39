"""The one boundary between spaCy and the rest of the package.

Registers the package's spaCy factories, builds the pipeline from a data bundle
(``spacy.blank("en")`` + a ``span_ruler`` fed from the taxonomy + the skill linker) and
turns a text into a :class:`~matcher.domain.CandidateProfile`. Callers never see a
``Doc``.
"""

from __future__ import annotations

from typing import cast

import spacy
from spacy.language import Language
from spacy.pipeline import SpanRuler

from matcher.domain import CandidateProfile, SkillMention
from matcher.errors import InputError
from matcher.skills import SkillLinker, build_patterns
from matcher.taxonomy import DataBundle

__all__ = ["CANDIDATES_KEY", "SKILLS_KEY", "Pipeline", "build_nlp", "extract_profile"]

CANDIDATES_KEY = "skill_candidates"
SKILLS_KEY = "skills"
_RULER = "matcher_skill_ruler"
_LINKER = "matcher_skill_linker"

#: The pipeline type, for callers that hold one without importing spaCy.
Pipeline = Language


@Language.factory(
    _LINKER,
    assigns=["doc.spans"],
    default_config={"candidates_key": CANDIDATES_KEY, "output_key": SKILLS_KEY, "window": 12},
)
def make_skill_linker(
    nlp: Language, name: str, candidates_key: str, output_key: str, window: int
) -> SkillLinker:
    """Factory of :class:`~matcher.skills.SkillLinker`.

    Use as ``nlp.add_pipe("matcher_skill_linker")`` after a ``span_ruler``.
    """
    return SkillLinker(
        nlp, name, candidates_key=candidates_key, output_key=output_key, window=window
    )


def build_nlp(bundle: DataBundle, *, context_window: int = 12) -> Language:
    """Build the extraction pipeline for a data bundle.

    Args:
        bundle: the validated data bundle whose aliases become patterns.
        context_window: tokens searched on each side of an ambiguous alias.

    Returns:
        A blank English pipeline with the skill ruler and the skill linker.
    """
    nlp = spacy.blank("en")
    ruler = cast(
        SpanRuler,
        nlp.add_pipe(
            "span_ruler",
            name=_RULER,
            config={"spans_key": CANDIDATES_KEY, "phrase_matcher_attr": "LOWER", "validate": False},
        ),
    )
    patterns = build_patterns(bundle, lambda text: [t.text for t in nlp.make_doc(text)])
    ruler.add_patterns(patterns)
    nlp.add_pipe(_LINKER, config={"window": context_window})
    return nlp


def extract_profile(
    nlp: Language, bundle: DataBundle, text: str, *, max_chars: int
) -> CandidateProfile:
    """Find the taxonomy skills in a text.

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
    doc = nlp(text)
    mentions = tuple(
        SkillMention(
            skill_id=span.label_,
            label=bundle.skills[span.label_].label,
            category=bundle.skills[span.label_].category,
            start=span.start_char,
            end=span.end_char,
            surface=span.text,
        )
        for span in doc.spans[SKILLS_KEY]
    )
    return CandidateProfile(text_length=len(text), mentions=mentions)
