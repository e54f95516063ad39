"""Role-detection metrics: lenient top-1, top-3, macro-F1, confusion, calibration."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from matcher.cli import app
from matcher.errors import InputError
from matcher.evaluation.role_gold import RoleGold, read_role_gold, title_document
from matcher.evaluation.role_report import evaluate_roles
from matcher.evaluation.roles import role_metrics
from matcher.service import MatchingEngine


def _gold(uid: str, primary: str, also: tuple[str, ...] = ()) -> RoleGold:
    return RoleGold(uid=uid, kind="posting", title="t", text="x", primary=primary, also=also)


def test_top1_accepts_alternates_top3_counts_the_primary_top3_accepted_both() -> None:
    golds = [_gold("1", "a", also=("b",)), _gold("2", "c"), _gold("3", "none")]
    probabilities = [
        {"b": 0.6, "a": 0.3, "none": 0.1},  # alternate at top-1: correct
        {"a": 0.5, "b": 0.3, "c": 0.2},  # primary third: top-3 only
        {"a": 0.4, "b": 0.35, "c": 0.2, "none": 0.05},  # primary fourth: wrong
    ]
    metrics = role_metrics(golds, probabilities)
    assert metrics.n == 3
    assert metrics.top1 == pytest.approx(1 / 3)
    assert metrics.top3 == metrics.top3_accepted == pytest.approx(2 / 3)
    # an alternate among the top three counts for top3_accepted, not for top-3 (the
    # evaluation data's rule: the primary among the three best)
    alternate_second = role_metrics(
        [_gold("4", "a", also=("b",))], [{"c": 0.5, "b": 0.3, "d": 0.15, "a": 0.05}]
    )
    assert (alternate_second.top1, alternate_second.top3) == (0.0, 0.0)
    assert alternate_second.top3_accepted == 1.0
    index = {label: i for i, label in enumerate(metrics.labels)}
    assert metrics.confusion[index["a"]][index["a"]] == 1  # the alternate counts as "a"
    assert metrics.confusion[index["c"]][index["a"]] == 1
    assert metrics.per_label["a"].precision == pytest.approx(1 / 3)
    # macro-F1 over gold labels a, c, none: F1(a) = 2*(1/3*1)/(1/3+1) = 0.5, others 0
    assert metrics.macro_f1 == pytest.approx(0.5 / 3)


def test_calibration_bins_hold_every_item() -> None:
    golds = [_gold(str(i), "a") for i in range(4)]
    probabilities = [{"a": 0.9, "b": 0.1}, {"a": 0.7, "b": 0.3}, {"b": 0.9, "a": 0.1}, {"a": 0.5}]
    metrics = role_metrics(golds, probabilities)
    assert sum(b.n for b in metrics.calibration) == 4
    top = next(b for b in metrics.calibration if b.low == 0.8)
    assert top.n == 2 and top.accuracy == 0.5


def test_empty_input_gives_zeros() -> None:
    metrics = role_metrics([], [])
    assert (metrics.n, metrics.top1, metrics.macro_f1) == (0, 0.0, 0.0)


def test_read_role_gold_reads_both_formats(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    rows = [
        {
            "uid": "p",
            "kind": "posting",
            "title": "EHR Trainer",
            "text": "Teach Epic.",
            "primary": "trainer",
            "also": [],
        },
        {
            "uid": "t",
            "kind": "title",
            "title": "Coder",
            "context": "employer: X",
            "primary": "him-exchange-specialist",
            "also": ["none"],
        },
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n")
    posting, title = read_role_gold(path)
    assert posting.text == "Teach Epic." and posting.accepted == {"trainer"}
    assert title.text == "Coder\nemployer: X"
    assert title.accepted == {"him-exchange-specialist", "none"}


@pytest.mark.parametrize("content", ["not json\n", '{"uid": "x"}\n', ""])
def test_read_role_gold_rejects_bad_files(tmp_path: Path, content: str) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(content)
    with pytest.raises(InputError):
        read_role_gold(path)


def _posting(title: str, primary: str) -> RoleGold:
    return RoleGold(
        uid="p", kind="posting", title=title, text=f"{title}\nLong text.", primary=primary, also=()
    )


@pytest.mark.parametrize(
    ("title", "primary", "kept"),
    [
        ("Software Engineer", "programmer-software-engineer", False),  # generic, health label
        ("Software Engineer", "none", True),  # generic and not health IT: it shows that
        ("Healthcare Software Engineer", "programmer-software-engineer", True),
        ("Clinical Informatics Nurse", "clinician-consultant", True),
    ],
)
def test_posting_titles_are_short_examples_only_when_they_show_the_label(
    real_engine: MatchingEngine, title: str, primary: str, kept: bool
) -> None:
    document = title_document(real_engine, _posting(title, primary))
    assert (document is not None) is kept
    if document is not None:
        assert document.title == title and document.text == title


def test_only_postings_give_title_examples(real_engine: MatchingEngine) -> None:
    resume = RoleGold(uid="r", kind="resume", title="HEALTHCARE", text="x", primary="none", also=())
    assert title_document(real_engine, resume) is None


_ROLE_TEXTS = {
    "trainer": "Clinical Applications Trainer",
    "programmer-software-engineer": "Software Engineer",
    "workflow-redesign-specialist": "Workflow Redesign Specialist",
    "none": "Retail Store Clerk",
}
_ROLE_DUTIES = {
    "trainer": "Teach Epic Ambulatory to clinic staff; instructional design; go-live support.",
    "programmer-software-engineer": "Build Python services and SQL reports for the hospital EHR.",
    "workflow-redesign-specialist": "Map clinic workflows and redesign processes with Lean.",
    "none": "Stock shelves, run the till and greet shoppers at the store.",
}


def _role_gold_file(path: Path) -> Path:
    rows = [
        {
            "uid": f"{label}-{i}",
            "source": "test",
            "kind": "posting",
            "title": _ROLE_TEXTS[label],
            # Over the scorer's 200 characters: read by the full-text model.
            "text": f"{_ROLE_TEXTS[label]}\n" + f"{_ROLE_DUTIES[label]} Site {i}.\n" * 4,
            "primary": label,
            "also": [],
            "confidence": "high",
        }
        for label in _ROLE_TEXTS
        for i in range(6)
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_repeated_cross_validation_reports_the_spread(
    tmp_path: Path, toy_engine: MatchingEngine
) -> None:
    path = _role_gold_file(tmp_path / "roles.jsonl")
    report = evaluate_roles(toy_engine, path, cross_validate=True, folds=2, repeats=3)
    assert report.cross_validated and report.folds == 2
    assert report.repeated is not None and len(report.repeated.runs) == 3
    assert report.repeated.runs[0] == report.model  # the first split is the headline
    spread = report.as_dict()["repeated_cv"]
    assert isinstance(spread, dict) and spread["repeats"] == 3
    for name in ("top1", "top3", "macro_f1"):
        low, mean, high = (spread[name][k] for k in ("min", "mean", "max"))
        assert 0.0 <= low <= mean <= high <= 1.0
    single = evaluate_roles(toy_engine, path, cross_validate=True, folds=2)
    assert single.repeated is None and "repeated_cv" not in single.as_dict()
    assert single.model.top1 == report.model.top1  # split 0 is reproducible


def test_repeats_must_be_positive(tmp_path: Path, toy_engine: MatchingEngine) -> None:
    path = _role_gold_file(tmp_path / "roles.jsonl")
    with pytest.raises(ValueError, match="repeats"):
        evaluate_roles(toy_engine, path, cross_validate=True, repeats=0)


def test_cli_evaluate_roles_json_with_repeats(tmp_path: Path, toy_data_dir: Path) -> None:
    path = _role_gold_file(tmp_path / "roles.jsonl")
    args = ["evaluate", "roles", "--gold", str(path), "--cv", "--folds", "2", "--repeats", "2"]
    result = CliRunner().invoke(app, [*args, "--json", "--data-dir", str(toy_data_dir)])
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["n"] == 24 and report["cross_validated"] and report["folds"] == 2
    assert {"top1", "top3", "macro_f1"} <= set(report["baseline"])
    assert report["repeated_cv"]["repeats"] == 2
    table = CliRunner().invoke(app, [*args, "--data-dir", str(toy_data_dir)])
    assert "over 2 fold splits, mean (lowest-highest): top-1" in table.stdout
