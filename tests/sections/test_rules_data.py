from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from matcher.errors import DataValidationError
from matcher.taxonomy import load_bundle, load_sections


def test_sections_file_problems_are_collected_with_the_rest(
    editable_data: Callable[[], Path],
) -> None:
    data = editable_data()
    path = data / "sections.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("  - id: contact\n", "  - id: contact\n    colour: red\n", 1)
    text = text.replace("'(?:[a-z]{1,12} ){0,2}projects'", "'(unclosed'", 1)
    path.write_text(text, encoding="utf-8")
    with (data / "roles" / "trainer.yaml").open("a") as handle:
        handle.write("salary_band: 3\n")
    with pytest.raises(DataValidationError) as info:
        load_bundle(data)
    message = str(info.value)
    assert "sections.yaml" in message and "unknown key" in message
    assert "not a valid regular expression" in message and "salary_band" in message


def test_load_sections_reports_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DataValidationError, match="sections.yaml: file is missing"):
        load_sections(tmp_path)
