"""Gap analysis: the skills a document lacks for one role, and where to learn them.

Missing role skills (no credit) are listed heaviest first (importance weight from
``data/scoring.yaml``; ties: most fit-score points gained, then the role's own order), each
with the rule fit score the document would reach with it and every skill listed before it.
Scores come from :func:`matcher.scoring.rules.score_role` on the profile with the skills
added, so they agree with the fit score shown for the role (a broader skill added also
earns partial credit for the narrower role skills under it, as it would in a resume).
Skills with partial credit only (a broader skill is shown) are listed apart as upgrades.

Where to learn a skill is read from the data, never written here:

- curriculum components (``data/curriculum.yaml``) whose ``skills`` name it or whose
  ``competencies`` include a competency-model block the skill evidences; the blocks of a
  skill are those that list it, else those of its nearest listed ancestor, else of its
  listed descendants. Components the role weighs as ``core`` come first.
- certifications that evidence one of the same blocks, the role's own first (none for a
  skill that is itself a certification).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from matcher.domain import (
    CandidateProfile,
    CertificationLink,
    CurriculumLink,
    GapAnalysis,
    SkillGap,
    SkillMention,
)
from matcher.scoring.evidence import SkillEvidence
from matcher.scoring.rules import score_role
from matcher.taxonomy import DataBundle
from matcher.taxonomy.schema import CurriculumComponent, MentionType, Role, RoleSkill

__all__ = ["gap_analysis", "with_skills"]

_EMPHASIS_ORDER = {"core": 0, "secondary": 1, "overlap": 2}


def with_skills(
    profile: CandidateProfile, skill_ids: Iterable[str], bundle: DataBundle
) -> CandidateProfile:
    """The profile as if the document also named ``skill_ids`` (for what-if scoring).

    The added mentions have no place in the text: their offsets are placeholders
    (0..len(label)) and must not be shown.
    """
    added = tuple(
        SkillMention(
            skill_id=skill_id,
            label=bundle.skills[skill_id].label,
            category=bundle.skills[skill_id].category,
            start=0,
            end=max(1, len(bundle.skills[skill_id].label)),
            surface=bundle.skills[skill_id].label,
        )
        for skill_id in skill_ids
    )
    return profile.model_copy(update={"mentions": profile.mentions + added})


def gap_analysis(
    profile: CandidateProfile, role: Role, bundle: DataBundle, *, limit: int | None = None
) -> GapAnalysis:
    """Missing and partly shown skills of one role, with reachable fit scores.

    Args:
        profile: skills found in the document.
        role: the target role.
        bundle: the data bundle (weights, taxonomy, curriculum, competency model).
        limit: most skills listed in ``missing`` and in ``upgrades`` (None: all);
            ``score_with_missing`` always counts every missing skill.

    Returns:
        The gap analysis; every score is the rule fit score, 0..100.
    """
    base = score_role(role, profile, bundle).score
    evidence = SkillEvidence(profile.skill_ids, bundle.index)
    missing: list[tuple[RoleSkill, tuple[str, ...]]] = []
    partial: list[tuple[RoleSkill, tuple[str, ...]]] = []
    for item in role.skills:
        if evidence.full(item.id):
            continue
        via = evidence.partial(item.id)
        (partial if via else missing).append((item, via))

    def score_with(skill_ids: list[str]) -> float:
        return score_role(role, with_skills(profile, skill_ids, bundle), bundle).score

    weights = bundle.scoring.importance_weights
    order = {item.id: n for n, item in enumerate(role.skills)}
    gains = {item.id: max(0.0, round(score_with([item.id]) - base, 1)) for item, _ in missing}
    gains.update({item.id: max(0.0, round(score_with([item.id]) - base, 1)) for item, _ in partial})

    def rank(pair: tuple[RoleSkill, tuple[str, ...]]) -> tuple[float, float, int]:
        item = pair[0]
        return (-weights[item.importance], -gains[item.id], order[item.id])

    missing.sort(key=rank)
    partial.sort(key=rank)
    where = _Where(bundle, role)

    def gaps(items: list[tuple[RoleSkill, tuple[str, ...]]]) -> list[SkillGap]:
        listed: list[SkillGap] = []
        added: list[str] = []
        for item, via in items[:limit] if limit is not None else items:
            added.append(item.id)
            skill = bundle.skills[item.id]
            listed.append(
                SkillGap(
                    skill_id=item.id,
                    label=skill.label,
                    category=skill.category,
                    importance=item.importance.value,
                    weight=weights[item.importance],
                    credit=bundle.scoring.parent_credit if via else 0.0,
                    via=via,
                    gain=gains[item.id],
                    reachable_score=score_with(added),
                    curriculum=where.curriculum(item.id),
                    certifications=where.certifications(item.id),
                )
            )
        return listed

    return GapAnalysis(
        data_version=bundle.data_version,
        role_id=role.id,
        role_name=role.name,
        score=base,
        missing=tuple(gaps(missing)),
        missing_total=len(missing),
        score_with_missing=score_with([item.id for item, _ in missing]) if missing else base,
        upgrades=tuple(gaps(partial)),
        upgrades_total=len(partial),
    )


class _Where:
    """Where a skill is taught and certified, for one role (look-ups built once)."""

    def __init__(self, bundle: DataBundle, role: Role) -> None:
        self._bundle = bundle
        self._blocks_of: dict[str, list[str]] = {}
        for comp_id, (_, comp) in bundle.competencies.items():
            for skill_id in comp.skills:
                self._blocks_of.setdefault(skill_id, []).append(comp_id)
        self._emphasis: Mapping[int, str] = {c.component: c.emphasis for c in role.curriculum}
        self._role_certs = frozenset([*role.certifications, *([role.exam] if role.exam else [])])

    def _lineage(self, skill_id: str) -> list[tuple[str, ...]]:
        """The skill, then each ancestor nearest first, then all descendants together."""
        index = self._bundle.index
        levels: list[tuple[str, ...]] = [(skill_id,)]
        levels.extend((ancestor,) for ancestor in index.ancestors(skill_id))
        descendants = tuple(index.descendants(skill_id))
        if descendants:
            levels.append(descendants)
        return levels

    def curriculum(self, skill_id: str) -> tuple[CurriculumLink, ...]:
        """Components teaching the skill (or its nearest relative that one teaches).

        The role's core components come first, then its other ones, then by number.
        """
        for level in self._lineage(skill_id):
            links = [
                link for c in self._bundle.curriculum.values() if (link := self._link(c, level))
            ]
            if links:
                return tuple(sorted(links, key=_curriculum_rank))
        return ()

    def _link(
        self, component: CurriculumComponent, skill_ids: tuple[str, ...]
    ) -> CurriculumLink | None:
        direct = any(s in component.skills for s in skill_ids)
        shared = tuple(
            dict.fromkeys(
                b
                for s in skill_ids
                for b in self._blocks_of.get(s, ())
                if b in component.competencies
            )
        )
        if not direct and not shared:
            return None
        return CurriculumLink(
            component=component.number,
            title=component.title,
            role_emphasis=self._emphasis.get(component.number),
            via=() if direct else shared,
        )

    def certifications(self, skill_id: str) -> tuple[CertificationLink, ...]:
        """Certifications sharing a block with the skill (or its nearest relative), role's first."""
        bundle = self._bundle
        if _is_certification(bundle, skill_id):
            return ()
        for level in self._lineage(skill_id):
            links: dict[str, CertificationLink] = {}
            for block in dict.fromkeys(b for s in level for b in self._blocks_of.get(s, ())):
                for cert in bundle.competencies[block][1].skills:
                    if not _is_certification(bundle, cert):
                        continue
                    previous = links.get(cert)
                    links[cert] = CertificationLink(
                        skill_id=cert,
                        label=bundle.skills[cert].label,
                        for_role=cert in self._role_certs,
                        via=(*previous.via, block) if previous else (block,),
                    )
            if links:
                return tuple(sorted(links.values(), key=lambda link: not link.for_role))
        return ()


def _curriculum_rank(link: CurriculumLink) -> tuple[int, int, int]:
    emphasis = _EMPHASIS_ORDER.get(link.role_emphasis or "", len(_EMPHASIS_ORDER))
    return (emphasis, 1 if link.via else 0, link.component)


def _is_certification(bundle: DataBundle, skill_id: str) -> bool:
    category = bundle.categories[bundle.skills[skill_id].category]
    return category.mention_type is MentionType.CERT
