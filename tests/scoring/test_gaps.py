from __future__ import annotations

from pathlib import Path

import pytest

from matcher.domain import CandidateProfile, SkillMention
from matcher.errors import InputError, UnknownRoleError
from matcher.scoring import score_role
from matcher.scoring.gaps import gap_analysis
from matcher.service import MatchingEngine
from matcher.taxonomy import DataBundle

EXAMPLE = Path(__file__).parents[2] / "data" / "examples" / "graduate_resume.txt"


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


def test_gaps_missing_skills_heaviest_first_with_cumulative_scores(toy_bundle: DataBundle) -> None:
    role = toy_bundle.roles["trainer"]
    # weights: instructional-design 3, epic 2, communication 2, go-live 1, teamwork 1 (of 9)
    result = gap_analysis(_profile(toy_bundle, "teamwork"), role, toy_bundle)
    assert result.score == pytest.approx(100 / 9, abs=0.05)
    ids = [g.skill_id for g in result.missing]
    # equal weights keep the role's own order (epic before communication)
    assert ids == ["instructional-design", "epic", "communication", "go-live-support"]
    assert [g.weight for g in result.missing] == [3.0, 2.0, 2.0, 1.0]
    assert [g.reachable_score for g in result.missing] == pytest.approx(
        [100 * 4 / 9, 100 * 6 / 9, 100 * 8 / 9, 100.0], abs=0.05
    )
    assert [g.gain for g in result.missing] == pytest.approx(
        [100 * 3 / 9, 100 * 2 / 9, 100 * 2 / 9, 100 / 9], abs=0.1
    )
    assert result.missing_total == 4 and result.score_with_missing == 100.0
    assert result.upgrades == () and result.upgrades_total == 0


def test_gaps_reachable_scores_match_the_rule_scorer_on_a_real_profile(
    toy_bundle: DataBundle,
) -> None:
    role = toy_bundle.roles["trainer"]
    held = ("communication",)
    result = gap_analysis(_profile(toy_bundle, *held), role, toy_bundle)
    added: list[str] = []
    for gap in result.missing:
        added.append(gap.skill_id)
        expected = score_role(role, _profile(toy_bundle, *held, *added), toy_bundle).score
        assert gap.reachable_score == expected


def test_gaps_limit_cuts_the_list_not_the_total(toy_bundle: DataBundle) -> None:
    role = toy_bundle.roles["trainer"]
    result = gap_analysis(_profile(toy_bundle), role, toy_bundle, limit=2)
    assert [g.skill_id for g in result.missing] == ["instructional-design", "epic"]
    assert result.missing_total == 5 and result.score_with_missing == 100.0


def test_gaps_partial_credit_skill_is_an_upgrade(toy_bundle: DataBundle) -> None:
    role = toy_bundle.roles["programmer-software-engineer"]
    # python/sql/hl7-v2 core (2), r-language/epic-ambulatory supporting (1): total 8
    result = gap_analysis(_profile(toy_bundle, "python", "epic"), role, toy_bundle)
    assert [g.skill_id for g in result.upgrades] == ["epic-ambulatory"]
    upgrade = result.upgrades[0]
    assert upgrade.credit == toy_bundle.scoring.parent_credit == 0.5
    assert upgrade.via == ("epic",)
    assert upgrade.gain == pytest.approx(100 * 0.5 / 8, abs=0.1)
    assert upgrade.reachable_score == pytest.approx(100 * 3 / 8, abs=0.05)
    assert "epic-ambulatory" not in {g.skill_id for g in result.missing}
    # with every missing skill the partial one still earns only its parent credit
    assert result.score_with_missing == pytest.approx(100 * 7.5 / 8, abs=0.05)


def test_gaps_where_to_learn_comes_from_curriculum_and_competencies(
    toy_bundle: DataBundle,
) -> None:
    role = toy_bundle.roles["trainer"]
    result = gap_analysis(_profile(toy_bundle), role, toy_bundle)
    by_id = {g.skill_id: g for g in result.missing}
    design = by_id["instructional-design"].curriculum
    # component 20 names the skill itself and the trainer role rates it core
    assert [(c.component, c.role_emphasis, c.via) for c in design] == [(20, "core", ())]
    epic = by_id["epic"]
    assert [(c.component, c.role_emphasis, c.via) for c in epic.curriculum] == [
        (10, None, ("ehr-use",))
    ]
    assert epic.certifications == ()
    communication = by_id["communication"]
    assert communication.curriculum[0].via == ("interpersonal-skills",)
    assert [(c.skill_id, c.for_role, c.via) for c in communication.certifications] == [
        ("chts-tr", True, ("interpersonal-skills",))
    ]


def test_gaps_narrower_skill_is_taught_where_its_parent_is(toy_bundle: DataBundle) -> None:
    role = toy_bundle.roles["programmer-software-engineer"]
    result = gap_analysis(_profile(toy_bundle), role, toy_bundle)
    ambulatory = next(g for g in result.missing if g.skill_id == "epic-ambulatory")
    assert [c.component for c in ambulatory.curriculum] == [10]
    r_language = next(g for g in result.missing if g.skill_id == "r-language")
    assert r_language.curriculum == () and r_language.certifications == ()


def test_engine_gaps_accepts_analysis_or_profile(toy_engine: MatchingEngine) -> None:
    analysis = toy_engine.analyse_text("Instructional design and teamwork for Epic go-lives.")
    from_analysis = toy_engine.gaps(analysis, "trainer")
    assert from_analysis == toy_engine.gaps(analysis.profile, "trainer")
    shown = next(r for r in analysis.roles if r.role_id == "trainer")
    assert from_analysis.score == shown.score
    assert from_analysis.data_version == toy_engine.bundle.data_version


def test_engine_gaps_rejects_unknown_role_and_negative_limit(toy_engine: MatchingEngine) -> None:
    profile = toy_engine.extract("Python and SQL.")
    with pytest.raises(UnknownRoleError) as info:
        toy_engine.gaps(profile, "astronaut")
    assert isinstance(info.value, InputError)
    assert info.value.role_id == "astronaut" and "trainer" in info.value.known
    with pytest.raises(InputError, match="limit"):
        toy_engine.gaps(profile, "trainer", limit=-1)


@pytest.mark.slow
@pytest.mark.parametrize(
    "role_id", ["trainer", "him-exchange-specialist", "privacy-security-specialist"]
)
def test_gaps_on_the_example_resume(real_engine: MatchingEngine, role_id: str) -> None:
    analysis = real_engine.analyse_resume(EXAMPLE.read_text(encoding="utf-8"))
    result = real_engine.gaps(analysis, role_id)
    shown = next(r for r in analysis.roles if r.role_id == role_id)
    assert result.score == shown.score
    reachable = [result.score] + [g.reachable_score for g in result.missing]
    assert reachable == sorted(reachable)
    assert result.missing[-1].reachable_score == result.score_with_missing
    weights = [g.weight for g in result.missing]
    assert weights == sorted(weights, reverse=True)
    role = real_engine.bundle.roles[role_id]
    assert result.missing_total + len(shown.matched) == len(role.skills)
    assert result.upgrades_total == sum(1 for m in shown.matched if m.credit < 1)
    # most role skills can be placed in the curriculum (certificates and degrees aside)
    taught = [g for g in result.missing if g.curriculum]
    assert len(taught) >= 0.8 * len(result.missing)
    for gap in result.missing:
        if gap.category == "certification":
            assert gap.certifications == ()
