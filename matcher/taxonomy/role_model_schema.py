"""Schema of ``data/role_model.yaml``: training signal and domain cues for the role model.

The twelve role profiles give the positive examples of the learned role scorer; this
file adds what they cannot say on their own: which words show that a text is about
health (``domain_terms``) and which kinds of work are *not* health IT (the ``none``
outcome), with titles, taxonomy skills and context sentences to draw examples from.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from matcher.taxonomy._base import FrozenModel, NonEmpty, Slug

__all__ = ["IdentityCues", "OutsideProfile", "RoleModelFile", "SyntheticConfig"]


class OutsideProfile(FrozenModel):
    """A kind of work that is not health IT.

    Attributes:
        id: slug, unique in the file.
        description: what the work is, in one sentence.
        titles: typical job titles.
        skills: taxonomy skill ids such work uses.
        phrases: context sentences, in our own words, as a posting or resume might say.
    """

    id: Slug
    description: NonEmpty
    titles: tuple[NonEmpty, ...] = Field(min_length=3)
    skills: tuple[Slug, ...] = Field(min_length=3)
    phrases: tuple[NonEmpty, ...] = Field(min_length=2)


class SyntheticConfig(FrozenModel):
    """How many synthetic examples are drawn, and from which seed.

    Attributes:
        docs_per_role: examples per health IT role.
        docs_per_outside_profile: examples per outside (``none``) profile.
        title_only_share: share of examples that are a title alone (0..1).
        seed: random seed, so that training is reproducible.
        health_employers: kinds of health organisation written as the employer line
            of a role's title-alone example when the title names no health word
            (``Software Engineer`` / ``employer: Community Hospital``): such a title
            alone is not health IT, the same title at a health employer is.
    """

    docs_per_role: int = Field(default=60, ge=1, le=10_000)
    docs_per_outside_profile: int = Field(default=50, ge=1, le=10_000)
    title_only_share: float = Field(default=0.35, ge=0, le=1)
    seed: int = 13
    health_employers: tuple[NonEmpty, ...] = ()


class IdentityCues(FrozenModel):
    """What the role scorer must not read (who a person is, not what they did).

    Attributes:
        line_labels: a line holding only one of these labels, or starting with one and a
            colon, is dropped.
        sentence_words: a sentence or line containing one of these words is dropped.
        words: removed wherever they appear (pronouns, honorifics).
    """

    line_labels: tuple[NonEmpty, ...] = ()
    sentence_words: tuple[NonEmpty, ...] = ()
    words: tuple[NonEmpty, ...] = ()


DomainTerm = Annotated[str, Field(min_length=2, pattern=r"^[^*]+\*?$")]


class RoleModelFile(FrozenModel):
    """``data/role_model.yaml``.

    Attributes:
        domain_terms: words that show a text is about health; a trailing ``*`` matches
            any ending. Matched whole-word and case-insensitively.
        outside_profiles: kinds of work labelled ``none``.
        identity: personal details the scorer never reads.
        synthetic: sizes and seed of the synthetic training set.
    """

    domain_terms: tuple[DomainTerm, ...] = Field(min_length=1)
    outside_profiles: tuple[OutsideProfile, ...] = Field(min_length=1)
    identity: IdentityCues = IdentityCues()
    synthetic: SyntheticConfig = SyntheticConfig()
