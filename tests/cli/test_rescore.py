"""``matcher rescore`` on a SQLite file: counts, dry run, failures, and no personal data.

The store holds two resumes and one posted job, all analysed by the toy engine.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from matcher.cli import app
from matcher.config import get_settings
from matcher.service import MatchingEngine
from matcher.store import Store, open_store
from matcher.store.orm import ResumeFileRow
from tests.conftest import NO_MODELS, TOY_RESUME
from tests.store.test_rescoring import (
    SUPPORT_RESUME,
    add_graduate,
    add_job,
    changed_data,
    make_docx,
)

runner = CliRunner()

#: strings of the stored resumes and their uploads that must never be printed or logged
#: (the phone with its brackets: a bare "555" can turn up inside a random resume id).
PERSONAL = ("Jordan", "Sample", "Placeholder", "example.org", "(555) 010", "cv.docx", "cv.txt")


@pytest.fixture
def stored(tmp_path: Path, toy_engine: MatchingEngine) -> Iterator[tuple[Store, list[str]]]:
    """A SQLite store with two resumes (DOCX and text) and a job, analysed by the toy engine."""
    store = open_store(f"sqlite:///{tmp_path / 'cli.sqlite3'}")
    ids = [
        add_graduate(store, toy_engine, "docx", make_docx(TOY_RESUME), "cv.docx"),
        add_graduate(store, toy_engine, "text", SUPPORT_RESUME.encode(), "cv.txt"),
    ]
    add_job(store, toy_engine, "Health IT Developer")
    try:
        yield store, [str(i) for i in ids]
    finally:
        store.close()


@pytest.fixture
def new_engine_env(
    tmp_path: Path, stored: tuple[Store, list[str]], monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """Settings naming the store and a changed data set (a new data version)."""
    store, _ = stored
    monkeypatch.setenv("MATCHER_DATABASE_URL", store.engine.url.render_as_string(False))
    monkeypatch.setenv("MATCHER_DATA_DIR", str(changed_data(tmp_path / "data-v2")))
    monkeypatch.setenv("MATCHER_MODELS_DIR", str(NO_MODELS))
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def _run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["rescore", *args], env={"COLUMNS": "200"})
    return result.exit_code, result.stdout, result.stderr


def _counts(stdout: str, kind: str = "resumes") -> dict[str, int]:
    """The counts printed under ``resumes:`` or ``jobs:``."""
    counts: dict[str, int] = {}
    block = stdout.partition(f"\n{kind}:\n")[2]
    for line in block.splitlines():
        if not line.startswith("  "):
            break
        for label in ("checked", "re-scored", "would re-score", "unchanged", "failed"):
            if line.strip().startswith(label):
                counts[label] = int(line.strip()[len(label) :].split()[0])
    return counts


@pytest.mark.usefixtures("new_engine_env")
def test_rescore_cli_dry_run_then_stale_only_then_all(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    code, dry, _ = _run("--dry-run")
    assert code == 0, dry
    assert "0.0.2-toy" in dry and "dry run" in dry
    assert _counts(dry) == {"checked": 2, "would re-score": 2, "unchanged": 0, "failed": 0}

    code, first, _ = _run()
    assert code == 0, first
    assert _counts(first) == {"checked": 2, "re-scored": 2, "unchanged": 0, "failed": 0}
    assert _counts(first, "jobs") == {"checked": 1, "re-scored": 1, "unchanged": 0, "failed": 0}
    assert "(2 stale)" in first and "(1 stale)" in first

    code, second, _ = _run("--stale-only")
    assert code == 0
    assert _counts(second) == {"checked": 2, "re-scored": 0, "unchanged": 0, "failed": 0}
    assert "up to date      2" in second and "up to date      1" in second

    code, every, _ = _run("--all", "--each")
    assert code == 0
    assert _counts(every) == {"checked": 2, "re-scored": 0, "unchanged": 2, "failed": 0}
    assert _counts(every, "jobs") == {"checked": 1, "re-scored": 0, "unchanged": 1, "failed": 0}
    everything = dry + first + second + every + caplog.text
    assert not [p for p in PERSONAL if p in everything]


@pytest.mark.usefixtures("new_engine_env")
def test_rescore_cli_reports_a_failed_resume_by_id_and_exits_2(
    stored: tuple[Store, list[str]], caplog: pytest.LogCaptureFixture
) -> None:
    store, ids = stored
    with store.sessions() as session:
        row = session.get(ResumeFileRow, uuid.UUID(ids[0]))
        assert row is not None
        row.content = b"%PDF-1.4\n% Jordan Sample, a damaged file\n"
        session.commit()
    caplog.set_level(logging.DEBUG)

    code, stdout, stderr = _run("--each")

    assert code == 2
    assert _counts(stdout) == {"checked": 2, "re-scored": 1, "unchanged": 0, "failed": 1}
    assert f"failed: resume {ids[0]}" in stderr
    assert f"resume {ids[1]} rescored" in stdout
    assert _counts(stdout, "jobs") == {"checked": 1, "re-scored": 1, "unchanged": 0, "failed": 0}
    everything = stdout + stderr + caplog.text
    assert not [p for p in PERSONAL if p in everything]


@pytest.mark.usefixtures("new_engine_env")
def test_rescore_cli_prints_a_readable_report(capsys: pytest.CaptureFixture[str]) -> None:
    code, stdout, _ = _run("--dry-run")
    assert code == 0
    assert stdout.splitlines()[0].startswith("engine: data 0.0.2-toy")
    assert "role model none (rule scores only)" in stdout
