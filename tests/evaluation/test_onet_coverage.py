from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from matcher.cli import app
from matcher.errors import InputError
from matcher.evaluation import measure_onet_coverage

HEADER = [
    "O*NET-SOC Code",
    "Title",
    "Example",
    "Commodity Code",
    "Commodity Title",
    "Hot Technology",
]


def _onet(tmp_path: Path, rows: list[tuple[str, str, str]]) -> Path:
    path = tmp_path / "technology_skills.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for code, example, commodity in rows:
            writer.writerow([code, "Some title", example, "1", commodity, "N"])
    return path


ROWS = [
    ("15-1211.01", "Epic Systems", "Medical software"),
    ("15-1211.01", "Fox Meadows ChartingPlus", "Medical software"),
    ("29-9021.00", "Microsoft Excel", "Spreadsheet software"),
    ("29-9021.00", "Epic Systems", "Medical software"),
    ("11-1011.00", "Python", "Object or component oriented development software"),
]


def test_measure_counts_distinct_names_of_chosen_occupations(tmp_path: Path) -> None:
    known = {"Epic Systems", "Microsoft Excel"}
    report = measure_onet_coverage(_onet(tmp_path, ROWS), known.__contains__)
    assert (report.total, report.recognised) == (3, 2)
    assert (report.medical_total, report.medical_recognised) == (2, 1)
    assert report.missed == ["Fox Meadows ChartingPlus"]
    assert report.share == pytest.approx(2 / 3)


def test_measure_rejects_an_empty_probe_set(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no technology names"):
        measure_onet_coverage(_onet(tmp_path, ROWS), bool, occupations=["99-9999.00"])


def test_cli_taxonomy_coverage_on_toy_data(tmp_path: Path, toy_data_dir: Path) -> None:
    result = CliRunner().invoke(
        app,
        [
            "evaluate",
            "taxonomy-coverage",
            "--onet-csv",
            str(_onet(tmp_path, ROWS)),
            "--json",
            "--data-dir",
            str(toy_data_dir),
        ],
    )
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["names"] == 3
    assert report["recognised"] == 2  # "Epic Systems" and "Microsoft Excel" are toy aliases
    assert report["missed"] == ["Fox Meadows ChartingPlus"]
