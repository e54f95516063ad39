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
        )

    report = evaluate_fields(gold, extract)
    result = report.as_dict()
    assert result["n_docs"] == 2 and result["failed"] == 1
    assert (
        result["fields"]["Name"]["precision"] == 1.0 and result["fields"]["Name"]["recall"] == 0.5
    )
    assert result["fields"]["Designation"]["precision"] == 1.0  # ranked: cut at 1 gold value
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
    for field in ("College Name", "Degree", "Designation", "Companies worked at"):
        assert report["fields"][field]["f1"] >= 0.85, field
    assert report["fields"]["Companies worked at"]["f1"] >= 0.8


@pytest.mark.parametrize(
    ("pred", "gold", "expected"),
    [
        (["EHR Trainer", "Clerk", "Nurse"], ["EHR Trainer"], (1, 1, 1)),
        (["Clerk", "EHR Trainer"], ["EHR Trainer"], (0, 1, 1)),
        (["EHR Trainer", "Clerk"], [], (0, 0, 0)),
        (["EHR Trainer", "Clerk"], ["Clerk", "EHR Trainer", "Nurse"], (2, 2, 3)),
    ],
)
def test_match_values_ranked_cuts_at_gold_count(pred, gold, expected) -> None:
    assert match_values(pred, gold, ranked=True) == expected


def test_evaluate_fields_reports_ranked_and_all_jobs(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    row = {"uid": "a", "text": "A", "fields": {"Designation": [{"text": "EHR Trainer"}]}}
    gold.write_text(json.dumps(row), encoding="utf-8")

    def extract(text: str) -> ResumeFields:
        return ResumeFields(
            contact=ContactInfo(),
            experience=(
                ExperienceEntry(title="EHR Trainer", start=0, end=1),
                ExperienceEntry(title="Clerk", start=1, end=2),
            ),
        )

    fields = evaluate_fields(gold, extract).as_dict()["fields"]
    assert fields["Designation"]["precision"] == 1.0
    assert fields["Designation (all jobs)"]["precision"] == 0.5
    assert fields["Designation (all jobs)"]["gold"] == 1
