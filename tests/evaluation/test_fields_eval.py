from __future__ import annotations

import json
from pathlib import Path

import pytest

from matcher.domain import ContactInfo, ExperienceEntry, ResumeFields
from matcher.errors import InputError
from matcher.evaluation import evaluate_fields
from matcher.evaluation.fields import match_values
from tests.conftest import shared_path


@pytest.mark.parametrize(
    ("pred", "gold", "expected"),
    [
        (["Accenture"], ["Accenture Services Pvt Ltd", "accenture"], (1, 1, 2)),
        (["Cisco -"], ["Cisco"], (1, 1, 1)),
        (["Systems Analyst"], ["Analyst"], (1, 1, 1)),
        (["Analyst", "Analyst."], ["Systems Analyst"], (1, 1, 1)),
        (["Nurse"], ["Nurseryman"], (0, 1, 1)),
        ([], ["X"], (0, 0, 1)),
    ],
)
def test_match_values_rule(pred, gold, expected) -> None:
    assert match_values(pred, gold) == expected


def test_evaluate_fields_scores_each_field(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    rows = [
        {
            "uid": "a",
            "text": "A",
            "fields": {
                "Name": [{"text": "Jane Example"}],
                "Designation": [{"text": "EHR Trainer"}],
            },
        },
        {"uid": "b", "text": "B", "fields": {"Name": [{"text": "Sam Example"}]}},
    ]
    gold.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")

    def extract(text: str) -> ResumeFields:
        if text == "B":
            raise InputError("unreadable")
        return ResumeFields(
            contact=ContactInfo(name="Jane Example"),
            experience=(
                ExperienceEntry(title="EHR Trainer", start=0, end=1),
                ExperienceEntry(title="Clerk", start=1, end=2),
            ),
            current_titles=("EHR Trainer",),
        )

    report = evaluate_fields(gold, extract)
    result = report.as_dict()
    assert result["n_docs"] == 2 and result["failed"] == 1
    assert (
        result["fields"]["Name"]["precision"] == 1.0 and result["fields"]["Name"]["recall"] == 0.5
    )
    assert result["fields"]["Designation"]["precision"] == 1.0  # the current position only
    assert result["fields"]["Designation (all jobs)"]["precision"] == 0.5
    assert result["fields"]["Designation"]["recall"] == 1.0


@pytest.mark.shared
def test_field_extraction_on_shared_gold_meets_name_target() -> None:
    from typer.testing import CliRunner

    from matcher.cli import app

    gold = shared_path("eval", "resume_fields", "dataturks_fields.jsonl")
    result = CliRunner().invoke(app, ["evaluate", "fields", "--gold", str(gold), "--json"])
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["n_docs"] == 220
    assert report["fields"]["Name"]["f1"] >= 0.95
    for field in ("College Name", "Degree"):
        assert report["fields"][field]["f1"] >= 0.85, field
    # Designation and companies score the engine's own output (no gold count). Companies
    # is short of its 0.85 target; its floor guards the measured value against regressions.
    assert report["fields"]["Designation"]["f1"] >= 0.85
    assert report["fields"]["Companies worked at"]["f1"] >= 0.79


def _gold_file(tmp_path: Path, designations: list[str]) -> Path:
    gold = tmp_path / f"gold{len(designations)}.jsonl"
    row = {
        "uid": "a",
        "text": "A",
        "fields": {"Designation": [{"text": d} for d in designations]},
    }
    gold.write_text(json.dumps(row), encoding="utf-8")
    return gold


def _extract_reported(text: str) -> ResumeFields:
    return ResumeFields(
        contact=ContactInfo(),
        experience=(
            ExperienceEntry(title="EHR Trainer", start=0, end=1),
            ExperienceEntry(title="Clerk", start=1, end=2),
            ExperienceEntry(title="Nurse", start=2, end=3),
        ),
        current_titles=("EHR Trainer", "Epic Analyst"),
    )


@pytest.mark.parametrize("gold_titles", [["EHR Trainer"], ["EHR Trainer", "Clerk", "Nurse"]])
def test_headline_rows_score_what_the_engine_reports_whatever_the_gold_count(
    tmp_path: Path, gold_titles: list[str]
) -> None:
    report = evaluate_fields(_gold_file(tmp_path, gold_titles), _extract_reported)
    fields = report.as_dict()["fields"]
    row = fields["Designation"]
    assert row["predicted"] == 2  # the engine's two reported designations, never cut
    assert row["precision"] == 0.5 and row["gold"] == len(gold_titles)
    assert fields["Designation (all jobs)"]["predicted"] == 3
    assert fields["Designation (most recent job)"]["predicted"] == 1
