from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from matcher.cli import app

runner = CliRunner()

RESUME = "EHR trainer. Teamwork and communication; Epic Cadence; go-live support."
JOB = (
    "Clinical Trainer\n\n"
    "Requirements:\n"
    "- Instructional design\n"
    "- 3 years of experience with Epic Cadence\n"
    "- Bachelor's degree\n\n"
    "Preferred:\n"
    "- Python\n"
    "- CHTS-TR\n"
)


def _run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env={"COLUMNS": "240"})
    return result.exit_code, result.stdout, result.stderr


def _file(tmp_path: Path, text: str, name: str = "doc.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_gaps_json_lists_missing_skills_with_reachable_scores(
    toy_data_dir: Path, tmp_path: Path
) -> None:
    path = _file(tmp_path, RESUME)
    code, out, _ = _run(
        "gaps", str(path), "--role", "trainer", "--json", "--data-dir", str(toy_data_dir)
    )
    assert code == 0
    result = json.loads(out)
    assert result["role_id"] == "trainer"
    assert [g["skill_id"] for g in result["missing"]] == ["instructional-design"]
    (gap,) = result["missing"]
    assert gap["reachable_score"] == result["score_with_missing"] == 100.0
    assert gap["curriculum"][0]["component"] == 20


def test_gaps_table_and_limit(toy_data_dir: Path, tmp_path: Path) -> None:
    path = _file(tmp_path, "Python.")
    code, out, _ = _run(
        "gaps", str(path), "--role", "trainer", "--limit", "2", "--data-dir", str(toy_data_dir)
    )
    assert code == 0
    assert "Trainer: fit 0.0 now, 100.0 with all 5 missing skills" in out
    assert "instructional design" in out and "communication" not in out


def test_gaps_unknown_role_exits_2_with_the_known_roles(toy_data_dir: Path, tmp_path: Path) -> None:
    path = _file(tmp_path, RESUME)
    code, _, err = _run("gaps", str(path), "--role", "pilot", "--data-dir", str(toy_data_dir))
    assert code == 2
    assert "unknown role 'pilot'" in err and "trainer" in err


def test_gaps_missing_file_exits_2(toy_data_dir: Path, tmp_path: Path) -> None:
    code, _, err = _run(
        "gaps", str(tmp_path / "absent.txt"), "--role", "trainer", "--data-dir", str(toy_data_dir)
    )
    assert code == 2 and "cannot read" in err


def test_job_json_splits_required_and_preferred(toy_data_dir: Path, tmp_path: Path) -> None:
    path = _file(tmp_path, JOB, "job.txt")
    code, out, _ = _run("job", str(path), "--json", "--data-dir", str(toy_data_dir))
    assert code == 0
    result = json.loads(out)
    assert [s["skill_id"] for s in result["required"]] == ["instructional-design", "epic-cadence"]
    assert [s["skill_id"] for s in result["preferred"]] == ["python"]
    assert [c["skill_id"] for c in result["certifications"]] == ["chts-tr"]
    assert result["min_years"] == 3.0
    assert [e["level"] for e in result["education"]] == ["bachelor"]
    assert result["roles"][0]["role_id"] == "trainer"
    for mention in result["skills"]:
        assert JOB[mention["start"] : mention["end"]] == mention["surface"]


def test_job_table(toy_data_dir: Path, tmp_path: Path) -> None:
    path = _file(tmp_path, JOB, "job.txt")
    code, out, _ = _run("job", str(path), "--data-dir", str(toy_data_dir))
    assert code == 0
    assert "Years of experience (asked: 3.0)" in out and "epic-cadence" in out


@pytest.mark.slow
def test_gaps_on_the_example_resume_with_real_data(tmp_path: Path) -> None:
    example = Path(__file__).parents[2] / "data" / "examples" / "graduate_resume.txt"
    code, out, _ = _run("gaps", str(example), "--role", "him-exchange-specialist", "--json")
    assert code == 0
    result = json.loads(out)
    assert result["missing"][0]["importance"] == "required"
    assert result["score"] < result["missing"][0]["reachable_score"] <= result["score_with_missing"]
