from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from matcher.errors import DataValidationError
from matcher.taxonomy import load_bundle


def test_curriculum_links_load(toy_data_dir: Path) -> None:
    component = load_bundle(toy_data_dir).curriculum[20]
    assert component.competencies == ["interpersonal-skills"]
    assert component.skills == ["instructional-design", "go-live-support"]


def test_curriculum_links_must_name_known_competencies_and_skills(
    editable_data: Callable[[], Path],
) -> None:
    data = editable_data()
    path = data / "curriculum.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("competencies: [ehr-use]", "competencies: [ehr-use, astrology]")
    text = text.replace(
        "skills: [instructional-design,", "skills: [juggling, instructional-design,"
    )
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataValidationError) as info:
        load_bundle(data)
    messages = [str(p) for p in info.value.problems]
    assert "curriculum.yaml: component 10: unknown competency 'astrology'" in messages
    assert "curriculum.yaml: component 20: unknown skill 'juggling'" in messages
