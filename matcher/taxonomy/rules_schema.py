"""Pydantic models of the text-rule files: ``data/sections.yaml`` and ``data/extraction.yaml``.

Resume section headers and field cues, and the context rules of skill extraction
(negation, hypotheticals, required/preferred, names, proposed phrases, job requirements).
Like every data schema they forbid unknown keys and are frozen.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field, model_validator

from matcher.taxonomy._base import FrozenModel, NonEmpty, Slug

__all__ = [
    "CueList",
    "DegreeLevel",
    "EmployerBlockRules",
    "ExtractionRules",
    "FieldCues",
    "JobRequirementRules",
    "Regex",
    "RequirementRules",
    "SectionCategory",
    "SectionsFile",
    "UnknownSkillRules",
    "UsState",
]


def _check_regex(value: str) -> str:
    try:
        re.compile(value)
    except re.error as exc:
        raise ValueError(f"{value!r} is not a valid regular expression: {exc}") from exc
    return value


Regex = Annotated[str, Field(min_length=1), AfterValidator(_check_regex)]


def _check_phrase(value: str) -> str:
    if len(value.split()) < 2:
        raise ValueError(
            f"{value!r} is one word: a not-skill phrase needs two or more words (the skill's "
            "name and the words that make it ordinary), else it could never hold a shorter "
            "candidate"
        )
    return value


#: Two or more words, compared word by word.
Phrase = Annotated[str, Field(min_length=1), AfterValidator(_check_phrase)]


def _check_word_pair(value: str) -> str:
    if len(value.split()) != 2:
        raise ValueError(
            f"{value!r} is not two words: a heading phrase is a name head and one word"
        )
    return value


#: Exactly two words.
WordPair = Annotated[str, Field(min_length=1), AfterValidator(_check_word_pair)]


class SectionCategory(FrozenModel):
    """One resume section category and the header lines that open it.

    ``headers`` are literals compared after normalisation (lower case, ``&`` -> ``and``,
    punctuation and extra spaces removed); ``patterns`` are regular expressions matched
    against the same normalised header (full match).
    """

    id: Slug
    label: NonEmpty
    headers: tuple[NonEmpty, ...] = ()
    patterns: tuple[Regex, ...] = ()


class UsState(FrozenModel):
    """A US state or territory: postal abbreviation and name."""

    abbr: Annotated[str, Field(pattern=r"^[A-Z]{2}$")]
    name: NonEmpty


class FieldCues(FrozenModel):
    """Words and patterns the field extractor reads as evidence (case-insensitive).

    Attributes:
        title_words: words typical of job titles (``analyst``, ``nurse``).
        title_words_in_names: title words that are also surnames or name suffixes
            (``Jr``, ``Head``, ``Fellow``). Any other title word marks a line as a
            headline ("REGISTERED NURSE"), never a personal name.
        employer_words: words typical of organisation names (``hospital``, ``inc``).
        institution_words: words typical of school names (``university``, ``college``).
        us_states: US states and territories, for locations (``Springfield, IL``).
        degree_patterns: regular expressions matching a degree of higher education at a
            word boundary.
        school_level_patterns: regular expressions matching school-leaving certificates
            (10th/12th, SSC/HSC, high school diploma); read as degrees, but dropped beside
            a higher degree.
    """

    title_words: tuple[NonEmpty, ...]
    title_words_in_names: tuple[NonEmpty, ...] = ()
    employer_words: tuple[NonEmpty, ...]
    institution_words: tuple[NonEmpty, ...]
    us_states: tuple[UsState, ...] = ()
    degree_patterns: tuple[Regex, ...]
    school_level_patterns: tuple[Regex, ...] = ()

    @model_validator(mode="after")
    def _names_hold_title_words(self) -> FieldCues:
        unknown = sorted(set(self.title_words_in_names) - set(self.title_words))
        if unknown:
            raise ValueError(f"title_words_in_names are not title_words: {', '.join(unknown)}")
        return self

    def headline_words(self) -> frozenset[str]:
        """Title words that never appear in a personal name (lower case)."""
        return frozenset(w.lower() for w in self.title_words) - {
            w.lower() for w in self.title_words_in_names
        }


class SectionsFile(FrozenModel):
    """``data/sections.yaml``: section header rules and field-extraction cues.

    Attributes:
        max_header_words: longest header line, in words, taken as a header.
        categories: section categories with their headers (``contact`` holds the text
            before the first header and needs no headers of its own).
        cues: vocabulary the field extractor relies on.
    """

    max_header_words: int = Field(default=6, ge=1, le=20)
    categories: tuple[SectionCategory, ...] = Field(min_length=1)
    cues: FieldCues


# --- extraction context rules -------------------------------------------------------


class CueList(FrozenModel):
    """Cue phrases that set a context on the skills in their scope.

    Attributes:
        before: phrases whose scope is the rest of their clause, to the right.
        after: phrases whose scope is the start of their clause, to the left.
    """

    before: tuple[NonEmpty, ...] = ()
    after: tuple[NonEmpty, ...] = ()


class RequirementRules(FrozenModel):
    """How job text marks skills as required or preferred.

    Attributes:
        required: cue phrases inside a clause.
        preferred: cue phrases inside a clause.
        required_headers: words that make a short header line open a "required" block.
        preferred_headers: words that make a short header line open a "preferred" block.
        not_cues: phrases that hold a cue word without being a cue ("the required
            data", "as required"); the cue inside them does not count.
    """

    required: CueList
    preferred: CueList
    required_headers: tuple[NonEmpty, ...]
    preferred_headers: tuple[NonEmpty, ...]
    not_cues: tuple[NonEmpty, ...] = ()


class EmployerBlockRules(FrozenModel):
    """Header lines of job text that open a block about the employer, not the job.

    Skills named in such a block ("About us", "Benefits", "Equal opportunity") describe
    the employer or its offer; they are not asked of the candidate unless a required or
    preferred cue in their clause says so.

    Attributes:
        headers: words that make a short header line open an employer block.
        about_not_employer: words that, right after a header's leading "About", make it
            about the job or the candidate ("About the role", "About you"); any other
            "About X" header is about the employer X ("About Acme").
    """

    headers: tuple[NonEmpty, ...] = ()
    about_not_employer: tuple[NonEmpty, ...] = ()


class UnknownSkillRules(FrozenModel):
    """Where phrases outside the taxonomy are proposed as skills.

    Attributes:
        cues: phrases after which list items are proposed ("experience with").
        sections: resume sections whose list items are proposed (``skills``).
        strip_words: words dropped from either end of a proposed phrase.
        max_tokens: longest proposed phrase, in tokens.
        min_chars: shortest proposed phrase, in characters.
    """

    cues: tuple[NonEmpty, ...] = ()
    sections: tuple[NonEmpty, ...] = ()
    strip_words: tuple[NonEmpty, ...] = ()
    max_tokens: int = Field(default=5, ge=1, le=12)
    min_chars: int = Field(default=3, ge=1)


class ExampleRules(FrozenModel):
    """How a text names a kind and then an example of it ("EHRs like Epic").

    Attributes:
        cues: phrases that introduce the example ("like", "such as", "including", "(").
        kind_nouns: nouns that may follow the kind before the cue ("EHR systems such as").
    """

    cues: tuple[NonEmpty, ...] = ()
    kind_nouns: tuple[NonEmpty, ...] = ()


class OtherReading(FrozenModel):
    """A second skill that an alias of another skill can name ("EMR": Amazon EMR).

    The other reading is taken where its family (the skill's parent or a sibling) is
    named nearby and the alias's own skill's family is not.

    Attributes:
        alias: the alias text, matched letter for letter.
        skill: the other skill; it must have a parent.
    """

    alias: NonEmpty
    skill: NonEmpty


class DegreeLevel(FrozenModel):
    """A level of education and the patterns that name it in job text.

    Attributes:
        level: id of the level (``bachelor``).
        rank: order of the levels, 0 lowest (high school) upwards.
        patterns: regular expressions (case-insensitive, matched at a word start).
    """

    level: Slug
    rank: int = Field(ge=0, le=9)
    patterns: tuple[Regex, ...] = Field(min_length=1)


class JobRequirementRules(FrozenModel):
    """How job text states years of experience and education.

    A duration ("3+ years", "two to five years") counts as an experience requirement
    when an ``experience_words`` word follows it within ``window_words`` words of its
    clause, a ``lead_cues`` phrase ends right before it, a ``link_words`` word follows
    it directly, or it opens a bullet line or follows "(" or ":"; it is dropped when a
    ``reject_before`` phrase ends right before it, a ``reject_after`` phrase starts right
    after it ("within 2 years", "25 years ago") or it is over ``max_years``.

    Attributes:
        experience_words: words that make a duration experience ("experience").
        lead_cues: phrases that make a duration a requirement ("minimum of").
        link_words: words right after the unit that tie it to a subject ("in", "with").
        reject_before: phrases before a duration that make it something else.
        reject_after: phrases after the unit that make it something else.
        window_words: how far, in words, an experience word may follow the unit.
        max_years: longer durations are never read as experience asked of a person.
        degree_levels: levels of education and how job text names them.
    """

    experience_words: tuple[NonEmpty, ...] = ()
    lead_cues: tuple[NonEmpty, ...] = ()
    link_words: tuple[NonEmpty, ...] = ()
    reject_before: tuple[NonEmpty, ...] = ()
    reject_after: tuple[NonEmpty, ...] = ()
    window_words: int = Field(default=8, ge=1, le=30)
    max_years: float = Field(default=30, gt=0)
    degree_levels: tuple[DegreeLevel, ...] = ()


class ExtractionRules(FrozenModel):
    """``data/extraction.yaml``: context rules for skill mentions and list handling.

    Attributes:
        negation: cues after/before which a skill is not held ("no experience with").
        hypothetical: cues that make a skill an aim, not a holding ("willing to learn").
        field_of_study: cues that make a skill a degree's subject ("degree in").
        requirement: required/preferred cues for job text.
        employer_blocks: header lines of job text that open a block about the employer.
        name_heads: words that, right after a skill name, make it part of a job title
            or an organisation's name ("Data Scientist", "... Association").
        heading_phrases: two-word section headings that begin with a name head
            ("Professional Experience" in a resume flattened to one line): the skill
            before one is not part of a name. Matched in title case.
        unknown_skills: where phrases outside the taxonomy are proposed as skills.
        examples: how a kind introduces an example of it; a supporting category's
            mention (``supported_by`` in ``categories.yaml``) introducing an ambiguous
            name this way supports it.
        other_readings: aliases that can also name another skill, read by its family.
        not_skills: phrases of two or more words in which a skill's name is an ordinary
            word ("reporting to", "access point", "brand identity"): a shorter candidate
            inside one is not a skill.
        clause_breaks: characters that end a cue's scope (besides line ends).
        list_separators: tokens between the items of a list ("Epic Ambulatory,
            Inpatient and Cadence" shares "Epic" across its items).
        max_list_item_tokens: longest list item, in tokens, that inherits a prefix.
        max_header_chars: longest line taken as a requirement-block header.
        job_requirements: years of experience and education in job text.
    """

    negation: CueList
    hypothetical: CueList
    field_of_study: CueList
    requirement: RequirementRules
    employer_blocks: EmployerBlockRules = EmployerBlockRules()
    name_heads: tuple[NonEmpty, ...] = ()
    heading_phrases: tuple[WordPair, ...] = ()
    unknown_skills: UnknownSkillRules = UnknownSkillRules()
    examples: ExampleRules = ExampleRules()
    other_readings: tuple[OtherReading, ...] = ()
    not_skills: tuple[Phrase, ...] = ()
    clause_breaks: NonEmpty
    list_separators: tuple[NonEmpty, ...] = Field(min_length=1)
    max_list_item_tokens: int = Field(default=3, ge=1, le=6)
    max_header_chars: int = Field(default=60, ge=10, le=200)
    job_requirements: JobRequirementRules = JobRequirementRules()
