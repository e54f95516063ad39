from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from matcher.cli import app

runner = CliRunner()


def _run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env={"COLUMNS": "240"})
    return result.exit_code, result.stdout, result.stderr


def _resume(tmp_path: Path, text: str, name: str = "resume.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_validate_data_accepts_valid_data(toy_data_dir: Path) -> None:
    code, out, _ = _run("validate-data", "--data-dir", str(toy_data_dir))
    assert code == 0
    assert "is valid: 26 skills" in out and "3 roles" in out and "3 competencies" in out


def test_validate_data_lists_every_problem_and_fails(editable_data: Callable[[], Path]) -> None:
    data = editable_data()
    with (data / "roles" / "trainer.yaml").open("a") as handle:
        handle.write("salary_band: 3\n")
    with (data / "taxonomy" / "aliases" / "tool.csv").open("a") as handle:
        handle.write("no-such-skill,whatever,false,false\n")
    code, _, err = _run("validate-data", "--data-dir", str(data))
    assert code == 1
    assert "2 problem(s)" in err
    assert "salary_band: unknown key" in err and "unknown skill 'no-such-skill'" in err


def test_score_json_has_skills_roles_and_competencies(toy_data_dir: Path, tmp_path: Path) -> None:
    text = "EHR trainer. Instructional design for Epic Cadence; go-live support; communication."
    code, out, _ = _run(
        "score", str(_resume(tmp_path, text)), "--json", "--data-dir", str(toy_data_dir)
    )
    assert code == 0
    result = json.loads(out)
    skills = {(s["skill_id"], s["surface"]) for s in result["skills"]}
    assert ("epic-cadence", "Epic Cadence") in skills
    for s in result["skills"]:
        assert text[s["start"] : s["end"]] == s["surface"]
    roles = {r["role_id"]: r for r in result["roles"]}
    assert set(roles) == {"trainer", "programmer-software-engineer", "workflow-redesign-specialist"}
    assert result["roles"][0]["role_id"] == "trainer"
    assert 0 <= roles["trainer"]["score"] <= 100 and roles["trainer"]["score"] > 80
    assert {m["skill_id"] for m in roles["trainer"]["matched"]} >= {"instructional-design", "epic"}
    assert [m["skill_id"] for m in roles["workflow-redesign-specialist"]["missing"]] == [
        "workflow-analysis"
    ]
    comps = {c["competency_id"]: c for c in result["competencies"]}
    assert comps["interpersonal-skills"]["level"] == 1
    assert [t["tier"] for t in result["tiers"]] == [1, 6]


def test_score_table_shows_roles_and_offsets(toy_data_dir: Path, tmp_path: Path) -> None:
    path = _resume(tmp_path, "Python and SQL developer; HL7v2 interfaces.")
    code, out, _ = _run("score", str(path), "--data-dir", str(toy_data_dir))
    assert code == 0
    assert "Role fit" in out and "Programmers and software engineer" in out
    assert "0-6" in out  # offsets of "Python"
    assert "Competency profile" in out


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("resume.pdf", b"%PDF-1.4 junk", "damaged or incomplete"),
        ("resume.docx", b"not a document at all", "content is not a DOCX"),
        ("resume.txt", b"", "contains no text"),
        ("resume.txt", b"\x00\x00binary", "not plain text"),
    ],
)
def test_score_rejects_bad_files_with_exit_2(
    toy_data_dir: Path, tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    code, _, err = _run("score", str(path), "--data-dir", str(toy_data_dir))
    assert code == 2 and message in err


def test_score_reads_a_docx(toy_data_dir: Path, tmp_path: Path) -> None:
    from tests.ingest.builders import make_docx

    path = tmp_path / "resume.docx"
    path.write_bytes(make_docx(["EHR trainer", "* Instructional design for Epic Cadence"]))
    code, out, _ = _run("score", str(path), "--json", "--data-dir", str(toy_data_dir))
    assert code == 0
    assert "epic-cadence" in {s["skill_id"] for s in json.loads(out)["skills"]}


def test_score_missing_file_exits_2(tmp_path: Path) -> None:
    code, _, err = _run("score", str(tmp_path / "nope.txt"))
    assert code == 2 and "cannot read" in err


def test_score_with_invalid_data_dir_exits_1(tmp_path: Path) -> None:
    path = _resume(tmp_path, "Python")
    code, _, err = _run("score", str(path), "--data-dir", str(tmp_path / "missing"))
    assert code == 1 and "data directory does not exist" in err


def test_console_script_is_installed() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "matcher", "--help"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    for command in ("validate-data", "score", "evaluate"):
        assert command in result.stdout


def test_score_json_has_resume_fields_and_years_per_skill(
    toy_data_dir: Path, tmp_path: Path
) -> None:
    text = (
        "Alex Example\nEHR Trainer - Example Clinic Inc\n"
        "alex@example.org | +44 20 7946 0958\n\n"
        "EXPERIENCE\nEHR Trainer\nExample Clinic Inc\nJanuary 2020 - December 2021\n"
        "• Taught Epic Cadence to clinic staff.\n\n"
        "EDUCATION\nB.S. in Health Informatics\nExample State University, 2019\n"
    )
    code, out, _ = _run(
        "score", str(_resume(tmp_path, text)), "--json", "--data-dir", str(toy_data_dir)
    )
    assert code == 0
    fields = json.loads(out)["fields"]
    assert fields["contact"]["name"] == "Alex Example"
    assert fields["contact"]["phones"] == ["+44 20 7946 0958"]
    (job,) = fields["experience"]
    assert (job["title"], job["employer"], job["months"]) == (
        "EHR Trainer",
        "Example Clinic Inc",
        24,
    )
    assert [e["institution"] for e in fields["education"]] == ["Example State University"]
    years = {s["skill_id"]: s for s in fields["skill_experience"]}
    assert years["epic-cadence"]["years"] == 2.0
    assert years["epic-cadence"]["last_used"] == "2021-12-01"


def test_score_table_shows_contact_and_experience(toy_data_dir: Path, tmp_path: Path) -> None:
    text = "Alex Example\n\nEXPERIENCE\nEHR Trainer | Example Clinic Inc | 2020 - 2021\n• Epic.\n"
    code, out, _ = _run("score", str(_resume(tmp_path, text)), "--data-dir", str(toy_data_dir))
    assert code == 0
    assert "Contact" in out and "Alex Example" in out
    assert "Experience (24 months in dated jobs)" in out and "Example Clinic Inc" in out


def test_score_highlight_marks_mentions(toy_data_dir: Path, tmp_path: Path) -> None:
    path = _resume(tmp_path, "Python expert. No experience with SQL.")
    code, out, _ = _run("score", str(path), "--highlight", "--data-dir", str(toy_data_dir))
    assert code == 0
    assert "Python[python]" in out and "SQL[sql]" in out


def test_train_saves_a_version_and_refuses_it_again_before_training(tmp_path: Path) -> None:
    # The bundled data: its role profiles alone are enough to train on (no labels).
    models = tmp_path / "models"
    args = ("train", "--version", "0.0.1", "--models-dir", str(models))
    code, out, err = _run(*args, "--cv-folds", "0")
    assert code == 0, err
    assert "saved role_scorer 0.0.1" in out
    meta = json.loads((models / "role_scorer" / "0.0.1" / "meta.json").read_text())
    assert meta["synthetic_examples"] > 0 and meta["training_sources"] == []
    gold = tmp_path / "gold.jsonl"
    gold.write_text("not json\n", encoding="utf-8")
    # The existing version is refused first: the unreadable gold file is never reached.
    code, out, err = _run(*args, "--gold", str(gold))
    assert code == 2
    assert "already exists" in err and "gold.jsonl" not in err


def test_train_on_too_little_data_says_what_is_missing(tmp_path: Path, toy_data_dir: Path) -> None:
    # The toy data set draws a few dozen short examples: no full texts to learn from.
    code, _, err = _run(
        "train",
        "--version",
        "0.0.1",
        "--models-dir",
        str(tmp_path / "models"),
        "--data-dir",
        str(toy_data_dir),
        "--cv-folds",
        "0",
    )
    assert code == 2
    assert "too few training documents" in err and "labelled files" in err
    assert not (tmp_path / "models" / "role_scorer" / "0.0.1").exists()
