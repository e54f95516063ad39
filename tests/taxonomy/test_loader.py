from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from matcher.errors import DataValidationError
from matcher.taxonomy import load_bundle


def _problems(data_dir: Path) -> list[str]:
    with pytest.raises(DataValidationError) as info:
        load_bundle(data_dir)
    return [str(p) for p in info.value.problems]


def _append(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write(text)


def test_load_bundle_reads_every_file(toy_data_dir: Path) -> None:
    bundle = load_bundle(toy_data_dir)
    assert len(bundle.skills) == 26
    assert set(bundle.roles) == {
        "trainer",
        "programmer-software-engineer",
        "workflow-redesign-specialist",
    }
    assert set(bundle.competencies) == {"interpersonal-skills", "software-engineering", "ehr-use"}
    assert bundle.data_version.startswith("0.0.1-toy+")
    assert bundle.skills["epic-cadence"].category == "ehr-product"
    assert sorted(bundle.curriculum) == [10, 20]


def test_load_bundle_adds_labels_as_aliases_unless_overridden(toy_data_dir: Path) -> None:
    bundle = load_bundle(toy_data_dir)
    python = bundle.index.lookup("python")
    assert python is not None and python.skill_id == "python" and not python.needs_context
    r_alias = bundle.index.lookup("R")
    assert r_alias is not None and r_alias.case_sensitive and r_alias.needs_context


def test_a_label_joining_two_of_its_own_aliases_is_not_an_alias(
    editable_data: Callable[[], Path],
) -> None:
    data = editable_data()
    taxonomy = data / "taxonomy"
    _append(
        taxonomy / "skills" / "method.csv",
        "unit-rollout,Unit rollout and cutover,,Moving units live.\n"
        "ward-audit,Ward audit and checklists,,Checking wards.\n",
    )
    _append(
        taxonomy / "aliases" / "method.csv",
        "unit-rollout,unit rollout,false,false\nunit-rollout,cutover,false,false\n"
        "ward-audit,ward audit,false,false\n",
    )
    bundle = load_bundle(data)
    matched = {a.alias.lower() for a in bundle.aliases}
    # a list of two of the skill's names: each item is matched on its own ...
    assert "unit rollout and cutover" not in matched
    assert {"unit rollout", "cutover"} <= matched
    # ... but the label still names the skill when typed (a search)
    found = bundle.index.lookup("Unit rollout and cutover")
    assert found is not None and found.skill_id == "unit-rollout"
    # "checklists" is no alias: the label is a phrase of its own
    assert "ward audit and checklists" in matched


def test_data_version_changes_with_content(editable_data: Callable[[], Path]) -> None:
    data = editable_data()
    before = load_bundle(data).data_version
    _append(data / "taxonomy" / "aliases" / "tool.csv", "servicenow,SNOW ticketing,false,false\n")
    assert load_bundle(data).data_version != before


def test_unknown_skill_reference_is_reported(editable_data: Callable[[], Path]) -> None:
    data = editable_data()
    role = data / "roles" / "trainer.yaml"
    role.write_text(role.read_text().replace("{id: teamwork,", "{id: team-work,"))
    assert any(
        "roles/trainer.yaml" in p and "unknown skill 'team-work'" in p for p in _problems(data)
    )


def test_duplicate_alias_for_two_skills_is_reported(editable_data: Callable[[], Path]) -> None:
    data = editable_data()
    _append(data / "taxonomy" / "aliases" / "tool.csv", "servicenow,Python,false,false\n")
    assert any(
        "label 'Python' of 'python' is already an alias of 'servicenow'" in p
        and "one skill only" in p
        for p in _problems(data)
    )


def test_two_alias_rows_naming_two_skills_are_reported(editable_data: Callable[[], Path]) -> None:
    data = editable_data()
    _append(
        data / "taxonomy" / "aliases" / "tool.csv", "servicenow,EpicCare-Ambulatory,false,false\n"
    )
    assert any(
        "alias 'EpicCare-Ambulatory' of 'servicenow' is already an alias of 'epic-ambulatory'" in p
        for p in _problems(data)
    )


def test_duplicate_alias_row_for_one_skill_is_reported(editable_data: Callable[[], Path]) -> None:
    data = editable_data()
    _append(data / "taxonomy" / "aliases" / "programming-data.csv", "hl7-v2,hl7-V2.X,false,false\n")
    assert any("duplicate alias 'hl7-V2.X' for skill 'hl7-v2'" in p for p in _problems(data))


def test_unknown_yaml_key_is_reported(editable_data: Callable[[], Path]) -> None:
    data = editable_data()
    _append(data / "roles" / "trainer.yaml", "salary_band: 3\n")
    assert any(
        "roles/trainer.yaml" in p and "salary_band: unknown key" in p for p in _problems(data)
    )


def test_unknown_csv_column_is_reported(editable_data: Callable[[], Path]) -> None:
    data = editable_data()
    path = data / "taxonomy" / "skills" / "soft-skill.csv"
    path.write_text(
        "skill_id,label,parent,description,colour\nempathy,empathy,,Feeling with others.,red\n"
    )
    assert any("soft-skill.csv" in p and "unknown column 'colour'" in p for p in _problems(data))


def test_every_problem_is_reported_at_once(editable_data: Callable[[], Path]) -> None:
    data = editable_data()
    _append(data / "roles" / "trainer.yaml", "salary_band: 3\n")
    _append(data / "taxonomy" / "skills" / "tool.csv", "Bad Id,Bad,,A bad id.\n")
    _append(data / "taxonomy" / "skills" / "method.csv", "troubleshooting,again,,Twice.\n")
    _append(data / "taxonomy" / "aliases" / "tool.csv", "no-such-skill,whatever,false,false\n")
    (data / "roles" / "trainer.yaml").rename(data / "roles" / "educator.yaml")
    problems = _problems(data)
    expected = [
        "salary_band: unknown key",
        "'Bad Id' is not a valid id",
        "duplicate skill id 'troubleshooting'",
        "unknown skill 'no-such-skill'",
        "does not match the file name 'educator'",
    ]
    for fragment in expected:
        assert any(fragment in p for p in problems), (fragment, problems)
    assert any(p.startswith("taxonomy/skills/tool.csv:") for p in problems)


def test_parent_cycle_and_unknown_parent_are_reported(editable_data: Callable[[], Path]) -> None:
    data = editable_data()
    path = data / "taxonomy" / "skills" / "ehr-product.csv"
    text = path.read_text().replace("epic,Epic,,An EHR", "epic,Epic,epic-cadence,An EHR")
    path.write_text(text + "cerner-powerchart,PowerChart,cerner-millennium,A module.\n")
    problems = _problems(data)
    assert any("is its own ancestor" in p for p in problems)
    assert any("unknown parent 'cerner-millennium'" in p for p in problems)


def test_bad_boolean_and_bad_reference_in_competency_model(
    editable_data: Callable[[], Path],
) -> None:
    data = editable_data()
    _append(data / "taxonomy" / "aliases" / "tool.csv", "servicenow,SNOW,maybe,false\n")
    cm = data / "competency_model.yaml"
    cm.write_text(cm.read_text().replace("skills: [epic, cerner]", "skills: [epic, meditech]"))
    problems = _problems(data)
    assert any("case_sensitive: expected true or false, got 'maybe'" in p for p in problems)
    assert any("ehr-use: unknown evidence skill 'meditech'" in p for p in problems)


def test_certification_must_be_a_cert_skill(editable_data: Callable[[], Path]) -> None:
    data = editable_data()
    role = data / "roles" / "trainer.yaml"
    role.write_text(
        role.read_text().replace("certifications: [chts-tr]", "certifications: [python]")
    )
    assert any("'python' is not a certification skill" in p for p in _problems(data))


def test_missing_data_directory_is_a_clear_error(tmp_path: Path) -> None:
    problems = _problems(tmp_path / "nowhere")
    assert problems == [f"{tmp_path / 'nowhere'}: data directory does not exist"]


def test_invalid_yaml_is_reported(editable_data: Callable[[], Path]) -> None:
    data = editable_data()
    (data / "scoring.yaml").write_text("importance_weights: [unclosed\n")
    assert any("scoring.yaml: not valid YAML" in p for p in _problems(data))


def test_other_readings_are_checked(editable_data: Callable[[], Path]) -> None:
    data = editable_data()
    _append(
        data / "extraction.yaml",
        "\nother_readings:\n  - {alias: Epic, skill: no-such-skill}\n"
        "  - {alias: Epic, skill: python}\n  - {alias: Kotlin-ish, skill: icd-10-cm}\n",
    )
    problems = _problems(data)
    assert any("unknown skill 'no-such-skill'" in p for p in problems)
    assert any("'python' has no parent" in p for p in problems)
    assert any("'Kotlin-ish' is not an alias of another skill" in p for p in problems)


@pytest.mark.parametrize(
    ("field", "good", "bad", "problem"),
    [
        # a one-word not-skill phrase could never hold a shorter candidate
        ("not_skills", "reporting to", "access", "'access' is one word"),
        # a heading phrase is a name head and one word
        ("heading_phrases", "Professional Summary", "Profile", "'Profile' is not two words"),
    ],
)
def test_phrases_of_the_wrong_length_are_reported(
    editable_data: Callable[[], Path], field: str, good: str, bad: str, problem: str
) -> None:
    data = editable_data()
    _append(data / "extraction.yaml", f"\n{field}:\n  - {good}\n  - {bad}\n")
    problems = _problems(data)
    assert any(problem in p for p in problems)
    assert not any(f"'{good}'" in p for p in problems)


def test_a_category_supported_by_an_unknown_category_is_reported(
    editable_data: Callable[[], Path],
) -> None:
    data = editable_data()
    categories = data / "taxonomy" / "categories.yaml"
    categories.write_text(
        categories.read_text().replace(
            "description: EHR products and modules.,",
            "description: EHR products and modules., supported_by: [nope],",
        )
    )
    assert any("supported_by names unknown categories ['nope']" in p for p in _problems(data))
