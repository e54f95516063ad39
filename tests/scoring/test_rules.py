from __future__ import annotations

import pytest

from matcher.domain import CandidateProfile, SkillMention
from matcher.scoring import competency_profile, score_role, score_roles, tier_summaries
from matcher.taxonomy import DataBundle


def _profile(bundle: DataBundle, *skill_ids: str) -> CandidateProfile:
    mentions = []
    offset = 0
    for skill_id in skill_ids:
        skill = bundle.skills[skill_id]
        mentions.append(
            SkillMention(
                skill_id=skill_id,
                label=skill.label,
                category=skill.category,
                start=offset,
                end=offset + len(skill.label),
                surface=skill.label,
            )
        )
        offset += len(skill.label) + 1
    return CandidateProfile(text_length=offset, mentions=tuple(mentions))


def test_score_is_weighted_coverage(toy_bundle: DataBundle) -> None:
    role = toy_bundle.roles["trainer"]
    # weights: instructional-design 3 (required), epic 2, communication 2, go-live 1, teamwork 1
    result = score_role(role, _profile(toy_bundle, "instructional-design", "teamwork"), toy_bundle)
    assert result.score == pytest.approx(100 * 4 / 9, abs=0.05)
    assert [e.skill_id for e in result.matched] == ["instructional-design", "teamwork"]
    assert [e.skill_id for e in result.missing] == ["epic", "communication"]


def test_narrower_skill_earns_full_credit_and_shows_its_mention(toy_bundle: DataBundle) -> None:
    result = score_role(
        toy_bundle.roles["trainer"], _profile(toy_bundle, "epic-cadence"), toy_bundle
    )
    epic = next(e for e in result.matched if e.skill_id == "epic")
    assert epic.credit == 1.0 and epic.via == ("epic-cadence",)
    assert [m.surface for m in epic.mentions] == ["Epic Cadence"]


def test_broader_skill_earns_parent_credit(toy_bundle: DataBundle) -> None:
    role = toy_bundle.roles["programmer-software-engineer"]
    result = score_role(role, _profile(toy_bundle, "epic"), toy_bundle)
    ambulatory = next(e for e in result.matched if e.skill_id == "epic-ambulatory")
    assert ambulatory.credit == toy_bundle.scoring.parent_credit == 0.5
    assert result.score == pytest.approx(100 * 0.5 / 8, abs=0.05)


def test_empty_profile_scores_zero_everywhere(toy_bundle: DataBundle) -> None:
    scores = score_roles(_profile(toy_bundle), toy_bundle)
    assert len(scores) == 3 and all(s.score == 0 for s in scores)


def test_roles_are_ranked_best_first(toy_bundle: DataBundle) -> None:
    scores = score_roles(_profile(toy_bundle, "python", "sql", "hl7-v2"), toy_bundle)
    assert scores[0].role_id == "programmer-software-engineer"
    assert [s.score for s in scores] == sorted((s.score for s in scores), reverse=True)


def test_competency_levels_follow_evidence_counts(toy_bundle: DataBundle) -> None:
    scores = {
        c.competency_id: c
        for c in competency_profile(
            _profile(toy_bundle, "python", "sql", "epic-cadence"), toy_bundle
        )
    }
    assert scores["software-engineering"].level == 2
    assert scores["software-engineering"].evidence == ("python", "sql")
    assert scores["ehr-use"].level == 1 and scores["ehr-use"].evidence == ("epic",)
    assert (
        scores["interpersonal-skills"].level == 0
        and scores["interpersonal-skills"].level_name == "none"
    )
    summaries = tier_summaries(list(scores.values()), toy_bundle)
    assert [(t.tier, t.evidenced, t.total, t.mean_level) for t in summaries] == [
        (1, 0, 1, 0.0),
        (6, 2, 2, 1.5),
    ]
