"""Ranking for skill searches and job descriptions: scores, order and reasons."""

from __future__ import annotations

import pytest

from matcher.ranking import (
    CandidateFacts,
    JobRequirements,
    SkillGroup,
    job_skill_weights,
    rank_for_job,
    rank_for_skills,
)

EPIC = SkillGroup("epic", "Epic", frozenset({"epic", "epic-cadence"}))
SQL = SkillGroup("sql", "SQL", frozenset({"sql"}))
PYTHON = SkillGroup("python", "Python", frozenset({"python"}))


def _cand(
    cid: str, skills: dict[str, float | None], years: float = 0.0, **roles: float
) -> CandidateFacts:
    return CandidateFacts(
        candidate_id=cid,
        skills=skills,
        years_experience=years,
        role_scores={r.replace("_", "-"): (s, None) for r, s in roles.items()},
    )


def test_skill_search_scores_must_twice_should_once() -> None:
    ranked = rank_for_skills(
        [_cand("a", {"epic-cadence": 2.0}), _cand("b", {"epic": None, "sql": 1.0})],
        must=[EPIC],
        should=[SQL, PYTHON],
    )
    assert [r.candidate_id for r in ranked] == ["b", "a"]
    assert ranked[0].score == pytest.approx(100 * 3 / 4, abs=0.1)
    assert ranked[1].score == pytest.approx(50.0)
    assert ranked[1].matched_required == ("epic",)  # a narrower skill meets a broader one
    assert ranked[1].missing_preferred == ("sql", "python")
    assert "has the required skills Epic" in ranked[1].reasons


def test_ties_break_on_years_then_id() -> None:
    ranked = rank_for_skills(
        [
            _cand("z", {"sql": None}, 1.0),
            _cand("y", {"sql": None}, 5.0),
            _cand("x", {"sql": None}, 1.0),
        ],
        must=[SQL],
        should=[],
    )
    assert [r.candidate_id for r in ranked] == ["y", "x", "z"]


def test_job_ranking_weights_and_reasons() -> None:
    job = JobRequirements(required=(SQL, PYTHON), preferred=(EPIC,), min_years=4, role_id="trainer")
    strong = _cand("strong", {"sql": 3, "python": 3, "epic": 1}, 4.0, trainer=100.0)
    weak = _cand("weak", {"sql": 1}, 2.0, trainer=0.0)
    ranked = rank_for_job([weak, strong], job=job)
    assert [r.candidate_id for r in ranked] == ["strong", "weak"]
    assert ranked[0].score == 100.0
    # weak: half the required (27.5) + half the years (5)
    assert ranked[1].score == pytest.approx(32.5)
    assert ranked[1].meets_years is False
    assert ranked[1].missing_required == ("python",)
    assert any("short of the 4" in reason for reason in ranked[1].reasons)


def test_job_parts_it_does_not_ask_for_give_their_weight_away() -> None:
    ranked = rank_for_job([_cand("a", {"sql": None})], job=JobRequirements(required=(SQL,)))
    assert ranked[0].score == 100.0
    assert ranked[0].role_id is None and ranked[0].meets_years is None


def test_an_empty_job_scores_everyone_zero() -> None:
    assert rank_for_job([_cand("a", {})], job=JobRequirements())[0].score == 0.0


def test_job_skill_weights_are_the_points_each_skill_earns_in_the_job_score() -> None:
    job = JobRequirements(required=(EPIC, SQL), preferred=(PYTHON,), min_years=2)
    weights = job_skill_weights(job)
    assert weights == [(EPIC.accepted, 27.5), (SQL.accepted, 27.5), (PYTHON.accepted, 15.0)]
    assert job_skill_weights(JobRequirements()) == []
    # the same order as rank_for_job: holding the required skills beats holding the preferred
    both = CandidateFacts("a", {"epic": 1.0, "sql": 1.0}, 2.0, {})
    preferred_only = CandidateFacts("b", {"python": 1.0}, 2.0, {})
    ranked = rank_for_job([preferred_only, both], job=job)
    assert [r.candidate_id for r in ranked] == ["a", "b"]
