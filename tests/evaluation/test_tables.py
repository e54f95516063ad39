"""Evaluation results as DataFrames: roles (summary, confusion, per label, calibration,
none vs health IT scores) and skills (scores, errors by category)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from matcher.evaluation import (
    SkillRun,
    calibration_frame,
    confusion_frame,
    evaluate_skill_file,
    outcome_scores_frame,
    per_label_frame,
    role_summary_frame,
    skill_errors_frame,
    skill_misses_by_category,
    skill_scores_frame,
)
from matcher.evaluation.metrics import PRF
from matcher.evaluation.role_gold import RoleGold
from matcher.evaluation.role_report import RoleEvaluation
from matcher.evaluation.role_tables import HEALTH_IT
from matcher.evaluation.roles import RoleMetrics, role_metrics
from matcher.evaluation.skill_tables import NOT_IN_TAXONOMY, UNKNOWN_CATEGORY
from matcher.evaluation.skills import DocumentResult, GoldMention, SkillEvaluation
from matcher.service import MatchingEngine
from matcher.taxonomy import DataBundle


def _gold(uid: str, primary: str, kind: str = "posting", also: tuple[str, ...] = ()) -> RoleGold:
    return RoleGold(uid=uid, kind=kind, title="t", text="x", primary=primary, also=also)


GOLDS = [
    _gold("1", "trainer"),
    _gold("2", "trainer", kind="resume"),
    _gold("3", "none"),
    _gold("4", "clinician-consultant", also=("trainer",)),
    _gold("5", "none", kind="resume"),
]
PROBABILITIES = [
    {"trainer": 0.9, "none": 0.05, "clinician-consultant": 0.05},
    {"none": 0.5, "trainer": 0.3, "clinician-consultant": 0.2},  # wrong: none
    {"none": 0.7, "trainer": 0.2, "clinician-consultant": 0.1},
    {"trainer": 0.6, "clinician-consultant": 0.3, "none": 0.1},  # alternate: right
    {"trainer": 0.45, "none": 0.35, "clinician-consultant": 0.2},  # wrong: trainer
]


@pytest.fixture
def metrics() -> RoleMetrics:
    return role_metrics(GOLDS, PROBABILITIES)


def test_confusion_frame_rows_gold_columns_prediction_none_last(metrics: RoleMetrics) -> None:
    frame = confusion_frame(metrics)
    assert list(frame.index) == ["clinician-consultant", "trainer", "none"]
    assert list(frame.columns) == list(frame.index)
    assert frame.index.name == "gold primary" and frame.columns.name == "top-1 prediction"
    assert frame.loc["clinician-consultant", "clinician-consultant"] == 1  # lenient hit
    assert frame.loc["trainer", "none"] == 1
    assert frame.loc["none", "trainer"] == 1
    assert int(frame.to_numpy().sum()) == len(GOLDS)


def test_confusion_frame_normalized_rows_sum_to_one(metrics: RoleMetrics) -> None:
    frame = confusion_frame(metrics, normalize=True)
    assert frame.sum(axis=1).tolist() == pytest.approx([1.0, 1.0, 1.0])
    assert frame.loc["trainer", "trainer"] == pytest.approx(0.5)


def test_confusion_frame_row_of_a_label_only_predicted_stays_zero() -> None:
    metrics = role_metrics([_gold("1", "trainer")], [{"none": 0.8, "trainer": 0.2}])
    frame = confusion_frame(metrics, normalize=True)
    assert frame.loc["none"].tolist() == [0.0, 0.0]
    assert frame.loc["trainer", "none"] == 1.0


def test_per_label_frame_matches_the_metrics(metrics: RoleMetrics) -> None:
    frame = per_label_frame(metrics)
    assert list(frame.columns) == ["precision", "recall", "f1", "n_gold", "n_pred"]
    assert frame.index[-1] == "none"
    for label, prf in metrics.per_label.items():
        assert frame.loc[label, "precision"] == pytest.approx(prf.precision)
        assert frame.loc[label, "recall"] == pytest.approx(prf.recall)
        assert frame.loc[label, "n_gold"] == prf.n_gold
    assert frame.loc["trainer", "recall"] == pytest.approx(0.5)


def test_calibration_frame_holds_every_item_with_gap(metrics: RoleMetrics) -> None:
    frame = calibration_frame(metrics)
    assert int(frame["n"].sum()) == len(GOLDS)
    assert list(frame.index) == [f"{b.low:.1f}-{b.high:.1f}" for b in metrics.calibration]
    assert (frame["gap"] == frame["accuracy"] - frame["mean_probability"]).all()
    top = frame.loc["0.8-1.0"]
    assert (top["n"], top["accuracy"]) == (1, 1.0)


def test_outcome_scores_frame_groups_none_and_health_it(metrics: RoleMetrics) -> None:
    frame = outcome_scores_frame(metrics)
    assert list(frame["uid"]) == ["1", "2", "3", "4", "5"]
    assert list(frame["group"]) == [HEALTH_IT, HEALTH_IT, "none", HEALTH_IT, "none"]
    row = frame.set_index("uid").loc["2"]
    assert (row["predicted"], row["top_probability"], row["p_none"]) == ("none", 0.5, 0.5)
    assert (frame["p_none"] + frame["p_health_it"]).tolist() == pytest.approx([1.0] * 5)


def test_empty_metrics_give_empty_frames_with_columns() -> None:
    metrics = role_metrics([], [])
    assert confusion_frame(metrics).empty
    assert per_label_frame(metrics).empty and "recall" in per_label_frame(metrics).columns
    assert calibration_frame(metrics).empty and "accuracy" in calibration_frame(metrics).columns
    assert outcome_scores_frame(metrics).empty and "p_none" in outcome_scores_frame(metrics)


def test_role_summary_frame_lists_all_then_each_kind(metrics: RoleMetrics) -> None:
    postings = role_metrics(
        [g for g in GOLDS if g.kind == "posting"],
        [p for g, p in zip(GOLDS, PROBABILITIES, strict=True) if g.kind == "posting"],
    )
    evaluation = RoleEvaluation(
        model=metrics,
        baseline=postings,
        by_kind={"posting": postings},
        baseline_by_kind={"posting": metrics},
    )
    frame = role_summary_frame(evaluation)
    assert list(frame.index) == ["all", "posting"]
    assert frame.loc["all", "top1"] == pytest.approx(metrics.top1)
    assert frame.loc["all", "baseline_top1"] == pytest.approx(postings.top1)
    assert frame.loc["posting", "n"] == 3
    assert frame.loc["posting", "baseline_macro_f1"] == pytest.approx(metrics.macro_f1)


# --- skills -----------------------------------------------------------------------------


def _mention(text: str, kind: str = "HARD", start: int = 0) -> GoldMention:
    return GoldMention(text=text, type=kind, spans=((start, start + len(text)),))


SKILLS = SkillEvaluation(
    n_docs=2,
    partial=PRF(8, 10, 7, 9),
    strict=PRF(6, 10, 6, 9),
    by_type={"HARD": PRF(6, 7, 5, 6), "CERT": PRF(2, 3, 2, 3), "SOFT": PRF(1, 2, 1, 4)},
    documents=[
        DocumentResult(
            uid="d1",
            misses=(_mention("Python"), _mention("RHIA", "CERT"), _mention("FHIR")),
            false_hits=(_mention("Excel", start=40),),
        ),
        DocumentResult(
            uid="d2",
            misses=(_mention("python"), _mention("Kubernetes")),
            false_hits=(_mention("Epic", start=5), _mention("Epic Monitor", start=50)),
        ),
    ],
    partial_with_unknown=PRF(9, 12, 8, 9),
)


def test_skill_scores_frame_rows_and_error_counts() -> None:
    frame = skill_scores_frame(SKILLS)
    assert list(frame.index) == [
        "partial HARD+CERT",
        "strict HARD+CERT",
        "partial HARD",
        "partial CERT",
        "partial SOFT",
        "partial HARD+CERT + proposed phrases",
    ]
    assert frame.loc["partial HARD+CERT", "precision"] == pytest.approx(0.8)
    assert frame.loc["partial SOFT", "missed"] == 3
    assert frame.loc["partial HARD+CERT", "false_hits"] == 2
    assert skill_scores_frame(SkillRun(SKILLS)).equals(frame)


def test_skill_errors_frame_categories_from_aliases(toy_bundle: DataBundle) -> None:
    frame = skill_errors_frame(SKILLS, toy_bundle)
    assert len(frame) == 8
    by_text = frame.set_index(["uid", "text"])
    assert by_text.loc[("d1", "Python"), "category"] == "Programming and data"
    assert by_text.loc[("d1", "Python"), "skill_id"] == "python"
    assert by_text.loc[("d1", "RHIA"), "category"] == "Certifications"
    assert by_text.loc[("d1", "FHIR"), "category"] == NOT_IN_TAXONOMY
    assert by_text.loc[("d1", "FHIR"), "skill_id"] is None
    assert by_text.loc[("d1", "Excel"), "error"] == "false hit"
    assert by_text.loc[("d2", "Epic"), "category"] == "EHR products"
    # no recorded category and no alias: the false hit's category cannot be told
    assert by_text.loc[("d2", "Epic Monitor"), "category"] == UNKNOWN_CATEGORY


def test_skill_errors_frame_prefers_recorded_predicted_categories(toy_bundle: DataBundle) -> None:
    run = SkillRun(
        SKILLS, predicted_categories={("d2", 50, 62): "ehr-product", ("d2", 5, 9): "tool"}
    )
    by_text = skill_errors_frame(run, toy_bundle).set_index(["uid", "text"])
    assert by_text.loc[("d2", "Epic Monitor"), "category"] == "EHR products"
    assert by_text.loc[("d2", "Epic"), "category"] == "Tools"  # recorded wins over alias


def test_skill_misses_by_category_counts_types_and_examples(toy_bundle: DataBundle) -> None:
    frame = skill_misses_by_category(SKILLS, toy_bundle, examples=2)
    assert list(frame.index[:2]) == ["Programming and data", NOT_IN_TAXONOMY]
    assert int(frame["misses"].sum()) == 5 and int(frame["false hits"].sum()) == 3
    row = frame.loc["Programming and data"]
    assert (row["misses"], row["misses HARD"], row["misses CERT"]) == (2, 2, 0)
    assert row["common misses"] == "Python (1); python (1)"
    assert frame.loc["Certifications", "misses CERT"] == 1
    assert frame.loc[NOT_IN_TAXONOMY, "common misses"] == "FHIR (1); Kubernetes (1)"
    assert frame.loc["EHR products", "common false hits"] == "Epic (1)"
    assert frame.loc["Tools", "false hits HARD"] == 1


def test_skill_misses_by_category_without_errors_is_empty(toy_bundle: DataBundle) -> None:
    empty = SkillEvaluation(n_docs=0, partial=PRF(0, 0, 0, 0), strict=PRF(0, 0, 0, 0), by_type={})
    frame = skill_misses_by_category(empty, toy_bundle)
    assert frame.empty and "misses HARD" in frame.columns
    assert isinstance(frame, pd.DataFrame)


def test_evaluate_skill_file_records_predicted_categories(
    tmp_path: Path, toy_engine: MatchingEngine
) -> None:
    text = "Skills: Python, SQL, Microsoft Excel and FHIR. RHIA certified."
    mentions = [
        {"text": t, "type": k, "spans": [[text.index(t), text.index(t) + len(t)]]}
        for t, k in [("Python", "HARD"), ("FHIR", "HARD"), ("RHIA", "CERT")]
    ]
    gold = tmp_path / "skills.jsonl"
    gold.write_text(json.dumps({"uid": "d1", "text": text, "mentions": mentions}) + "\n")
    run = evaluate_skill_file(toy_engine, gold)
    assert run.evaluation.n_docs == 1
    assert run.evaluation.partial.n_gold == 3
    start = text.index("Microsoft Excel")
    assert run.predicted_categories[("d1", start, start + len("Microsoft Excel"))] == "tool"
    frame = skill_misses_by_category(run, toy_engine.bundle)
    assert frame.loc[NOT_IN_TAXONOMY, "common misses"] == "FHIR (1)"
    assert {"Tools", "Programming and data"} <= set(frame.index)  # Excel, SQL false hits
