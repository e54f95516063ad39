"""Synthetic training examples drawn from the role profiles in ``data/``.

So that a role model can be trained without any external labels, every role profile
(titles, definition, background, weighted skills) and every outside profile of
``data/role_model.yaml`` (the ``none`` outcome) yields short documents: a title alone,
or a title with sentences from the definition and the profile's skills, each skill
written as one of its taxonomy aliases. Required skills are drawn more often than core
ones, core more often than supporting ones. Generation is seeded, so reproducible.

A role's title alone that names no health word (``Software Engineer``) is written with
an employer line naming a kind of health organisation (``employer: Community
Hospital``, from ``synthetic.health_employers``): by the labelling rule the bare title
is not health IT, and a model taught otherwise calls every generic title a role.
"""

from __future__ import annotations

import random
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from matcher.scoring.features import compile_domain_terms
from matcher.taxonomy import DataBundle
from matcher.taxonomy.role_model_schema import OutsideProfile
from matcher.taxonomy.schema import Importance, Role

__all__ = ["NONE_LABEL", "SyntheticExample", "synthetic_examples"]

#: The label of a document that is not health IT work.
NONE_LABEL = "none"

_DRAW_PROBABILITY = {Importance.REQUIRED: 0.85, Importance.CORE: 0.5, Importance.SUPPORTING: 0.3}
_OUTSIDE_DRAW = 0.55
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_SKILL_TEMPLATES = (
    "Experience with {items}.",
    "Skills: {items}.",
    "Knowledge of {items}.",
    "Responsibilities include {items}.",
    "Worked with {items}.",
    "Proficient in {items}.",
)


@dataclass(frozen=True)
class SyntheticExample:
    """One generated document and its label (a role id or :data:`NONE_LABEL`)."""

    title: str
    text: str
    label: str


def _aliases_by_skill(bundle: DataBundle) -> dict[str, list[str]]:
    # Unambiguous surface forms only: an alias that needs context would not be found
    # in a generated sentence, and would teach the model nothing.
    out: dict[str, list[str]] = defaultdict(list)
    for alias in bundle.aliases:
        if not alias.needs_context:
            out[alias.skill_id].append(alias.alias)
    return out


def _join(items: Sequence[str]) -> str:
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]


def _skill_sentences(rng: random.Random, surfaces: list[str]) -> list[str]:
    rng.shuffle(surfaces)
    sentences = []
    for start in range(0, len(surfaces), 4):
        chunk = surfaces[start : start + 4]
        sentences.append(rng.choice(_SKILL_TEMPLATES).format(items=_join(chunk)))
    return sentences


def _surface(rng: random.Random, skill_id: str, aliases: dict[str, list[str]]) -> str | None:
    forms = aliases.get(skill_id)
    return rng.choice(forms) if forms else None


@dataclass(frozen=True)
class _HealthEmployers:
    """Employer lines for title-alone examples whose title names no health word."""

    health_words: re.Pattern[str]
    names: Sequence[str]
    rng: random.Random

    def title_text(self, title: str) -> str:
        if not self.names or self.health_words.search(title):
            return title
        return f"{title}\nemployer: {self.rng.choice(self.names)}"


def _role_document(
    rng: random.Random,
    role: Role,
    aliases: dict[str, list[str]],
    *,
    title_only: bool,
    employers: _HealthEmployers | None,
) -> SyntheticExample:
    title = rng.choice([*role.titles, role.name, *role.name_variants])
    if title_only:
        text = employers.title_text(title) if employers is not None else title
        return SyntheticExample(title=title, text=text, label=role.id)
    surfaces = [
        form
        for item in role.skills
        if rng.random() < _DRAW_PROBABILITY[item.importance]
        and (form := _surface(rng, item.id, aliases)) is not None
    ]
    definition = _SENTENCE_END.split(role.definition.strip())
    sentences = rng.sample(definition, k=max(1, round(len(definition) * rng.uniform(0.4, 1.0))))
    if rng.random() < 0.5:
        sentences.append(role.typical_background.strip())
    sentences += _skill_sentences(rng, surfaces)
    rng.shuffle(sentences)
    return SyntheticExample(title=title, text=title + "\n" + " ".join(sentences), label=role.id)


def _outside_document(
    rng: random.Random, profile: OutsideProfile, aliases: dict[str, list[str]], *, title_only: bool
) -> SyntheticExample:
    title = rng.choice(profile.titles)
    if title_only:
        return SyntheticExample(title=title, text=title, label=NONE_LABEL)
    surfaces = [
        form
        for skill_id in profile.skills
        if rng.random() < _OUTSIDE_DRAW and (form := _surface(rng, skill_id, aliases)) is not None
    ]
    k = max(1, round(len(profile.phrases) * rng.uniform(0.3, 0.8)))
    sentences = rng.sample(list(profile.phrases), k=k)
    sentences += _skill_sentences(rng, surfaces)
    rng.shuffle(sentences)
    return SyntheticExample(title=title, text=title + "\n" + " ".join(sentences), label=NONE_LABEL)


def synthetic_examples(bundle: DataBundle) -> list[SyntheticExample]:
    """Draw the synthetic training set described in ``data/role_model.yaml``.

    Args:
        bundle: the data bundle; without a role-model file only role examples are drawn
            (a model trained on them alone cannot predict ``none``).

    Returns:
        Examples for every role (and outside profile), in a reproducible order.
    """
    config = bundle.role_model.synthetic if bundle.role_model else None
    rng = random.Random(config.seed if config else 13)
    per_role = config.docs_per_role if config else 60
    title_share = config.title_only_share if config else 0.35
    aliases = _aliases_by_skill(bundle)
    employers = (
        _HealthEmployers(
            health_words=compile_domain_terms(bundle.role_model.domain_terms),
            names=config.health_employers,
            # A generator of its own, so that the other draws do not depend on it.
            rng=random.Random(config.seed),
        )
        if bundle.role_model is not None and config is not None
        else None
    )
    # A fixed share of each profile's examples is a title alone, so that both the
    # full-text and the short-text model see every outcome.
    titles_per_role = round(per_role * title_share)
    examples = [
        _role_document(rng, role, aliases, title_only=i < titles_per_role, employers=employers)
        for role in bundle.roles.values()
        for i in range(per_role)
    ]
    if bundle.role_model is not None and config is not None:
        per_profile = config.docs_per_outside_profile
        titles_per_profile = round(per_profile * title_share)
        examples += [
            _outside_document(rng, profile, aliases, title_only=i < titles_per_profile)
            for profile in bundle.role_model.outside_profiles
            for i in range(per_profile)
        ]
    return examples
