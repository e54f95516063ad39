from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from matcher.cli import app
from tests.conftest import shared_path
from tests.ingest.builders import make_image_pdf, make_pdf


def test_evaluate_ingest_reports_share_errors_and_sections(
    tmp_path: Path, toy_data_dir: Path
) -> None:
    (tmp_path / "ok.pdf").write_bytes(
        make_pdf(
            [
                [
                    (20, 20, "Jane Example"),
                    (20, 30, "EXPERIENCE"),
                    (20, 40, "Trainer"),
                    (20, 50, "EDUCATION"),
                    (20, 60, "A.A.S."),
                ]
            ]
        )
    )
    (tmp_path / "scan.pdf").write_bytes(make_image_pdf())
    (tmp_path / "notes.bin").write_bytes(b"ignored")
    result = CliRunner().invoke(
        app,
        [
            "evaluate",
            "ingest",
            "--corpus",
            str(tmp_path),
            "--json",
            "--data-dir",
            str(toy_data_dir),
        ],
    )
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["files"] == 2 and report["parsed"] == 1 and report["share_parsed"] == 0.5
    assert report["errors_by_type"] == {"NoTextLayerError": 1}
    assert report["sections_per_doc_distribution"] == {"2": 1}
    assert report["docs_per_second"] > 0


@pytest.mark.shared
def test_evaluate_ingest_on_shared_pdfs_parses_nearly_all() -> None:
    corpus = shared_path("corpus", "resumes_pdf")
    result = CliRunner().invoke(
        app, ["evaluate", "ingest", "--corpus", str(corpus), "--limit", "60", "--json"]
    )
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["files"] == 60 and report["share_parsed"] >= 0.95
    assert report["sections_per_doc_mean"] >= 3
