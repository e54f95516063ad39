"""Versioned artifacts: written once, described by meta.json, checked when loaded."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from matcher.artifacts import (
    ArtifactMeta,
    latest_version,
    library_versions,
    load_artifact,
    now_utc,
    save_artifact,
)
from matcher.errors import ArtifactError


def _meta(version: str = "1.0.0", **changes: object) -> ArtifactMeta:
    fields: dict[str, object] = {
        "name": "role_scorer",
        "version": version,
        "created_at": now_utc(),
        "command": "matcher train --version " + version,
        "data_version": "0.2.0+abc",
        **library_versions(),
    }
    fields.update(changes)
    return ArtifactMeta.model_validate(fields)


def test_save_then_load_round_trips(tmp_path: Path) -> None:
    path = save_artifact({"weights": [1, 2]}, models_dir=tmp_path, meta=_meta())
    assert (path / "model.joblib").is_file()
    assert json.loads((path / "meta.json").read_text())["version"] == "1.0.0"
    obj, meta = load_artifact(tmp_path, "role_scorer", "1.0.0", data_version="0.2.0+abc")
    assert obj == {"weights": [1, 2]}
    assert meta.data_version == "0.2.0+abc"


def test_a_version_is_never_overwritten(tmp_path: Path) -> None:
    save_artifact({"a": 1}, models_dir=tmp_path, meta=_meta())
    with pytest.raises(ArtifactError, match="never overwritten"):
        save_artifact({"a": 2}, models_dir=tmp_path, meta=_meta())
    obj, _ = load_artifact(tmp_path, "role_scorer", "1.0.0")
    assert obj == {"a": 1}


def test_latest_version_compares_numerically(tmp_path: Path) -> None:
    assert latest_version(tmp_path, "role_scorer") is None
    for version in ("1.2.0", "1.10.0", "1.9.3"):
        save_artifact({}, models_dir=tmp_path, meta=_meta(version))
    assert latest_version(tmp_path, "role_scorer") == "1.10.0"


def test_load_refuses_another_sklearn_minor(tmp_path: Path) -> None:
    save_artifact({}, models_dir=tmp_path, meta=_meta(sklearn_version="0.1.0"))
    with pytest.raises(ArtifactError, match="scikit-learn 0.1.0"):
        load_artifact(tmp_path, "role_scorer", "1.0.0")


def test_load_warns_on_another_data_version(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    save_artifact({}, models_dir=tmp_path, meta=_meta())
    with caplog.at_level(logging.WARNING, logger="matcher.artifacts"):
        load_artifact(tmp_path, "role_scorer", "1.0.0", data_version="9.9.9+zzz")
    assert "9.9.9+zzz" in caplog.text


@pytest.mark.parametrize("missing", ["meta.json", "model.joblib"])
def test_load_reports_a_missing_file(tmp_path: Path, missing: str) -> None:
    path = save_artifact({}, models_dir=tmp_path, meta=_meta())
    (path / missing).unlink()
    with pytest.raises(ArtifactError, match="missing"):
        load_artifact(tmp_path, "role_scorer", "1.0.0")


def test_meta_rejects_unknown_keys_and_bad_versions() -> None:
    with pytest.raises(ValueError):
        _meta(version="one")
    with pytest.raises(ValueError):
        _meta(colour="blue")
