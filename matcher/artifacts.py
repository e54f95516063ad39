"""Versioned model artifacts: ``models/<name>/<version>/{model.joblib, meta.json}``.

A version directory is written once and never overwritten; a retrain is a new version.
``meta.json`` (:class:`ArtifactMeta`) says how the model was made: the training command,
git commit, data version, library versions, parameters and evaluation metrics.

joblib runs code when it loads a file, so artifacts are only ever read from the
configured models directory (``Settings.models_dir``), never from user input.
:func:`load_artifact` refuses a scikit-learn major.minor other than the one the model was
saved with, and logs a warning when the data version differs from the loaded data.
"""

from __future__ import annotations

import json
import logging
import platform
import re
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

import joblib
import sklearn
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from matcher.errors import ArtifactError

__all__ = [
    "ArtifactMeta",
    "TrainingSource",
    "artifact_dir",
    "check_new_version",
    "latest_version",
    "library_versions",
    "load_artifact",
    "now_utc",
    "read_meta",
    "save_artifact",
]

logger = logging.getLogger(__name__)

MODEL_FILE = "model.joblib"
META_FILE = "meta.json"
_VERSION_RE = re.compile(r"^\d+\.\d+\.\d+$")


class TrainingSource(BaseModel):
    """One file of labelled examples a model was trained on.

    Attributes:
        name: the file's name (no directories: they differ between machines).
        sha256: hash of the file's bytes, so an evaluation can tell it saw the file.
        examples: how many examples were taken from it.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    examples: int = Field(ge=0)


class ArtifactMeta(BaseModel):
    """``meta.json``: what an artifact is and how it was made."""

    model_config = ConfigDict(extra="forbid", frozen=True, protected_namespaces=())

    name: str = Field(pattern=r"^[a-z0-9]+(?:_[a-z0-9]+)*$")
    version: str = Field(pattern=_VERSION_RE.pattern)
    created_at: datetime
    command: str
    git_commit: str | None = None
    data_version: str
    python_version: str
    sklearn_version: str
    spacy_version: str | None = None
    parameters: dict[str, Any] = Field(default_factory=dict)
    training_sources: tuple[TrainingSource, ...] = ()
    synthetic_examples: int = Field(default=0, ge=0)
    metrics: dict[str, Any] = Field(default_factory=dict)


def library_versions() -> dict[str, str]:
    """Python, scikit-learn and spaCy versions of this process (for :class:`ArtifactMeta`)."""
    return {
        "python_version": platform.python_version(),
        "sklearn_version": sklearn.__version__,
        "spacy_version": metadata.version("spacy"),
    }


def artifact_dir(models_dir: Path, name: str, version: str) -> Path:
    """Where version ``version`` of artifact ``name`` lives."""
    return models_dir / name / version


def latest_version(models_dir: Path, name: str) -> str | None:
    """The highest saved version of an artifact, or None when there is none."""
    root = models_dir / name
    if not root.is_dir():
        return None
    versions = [p.name for p in root.iterdir() if p.is_dir() and _VERSION_RE.match(p.name)]
    if not versions:
        return None
    return max(versions, key=lambda v: tuple(int(part) for part in v.split(".")))


def check_new_version(models_dir: Path, name: str, version: str) -> None:
    """Refuse a version that already exists (call it before a long training run too).

    Raises:
        ArtifactError: that version already exists (versions are never overwritten).
    """
    if artifact_dir(models_dir, name, version).exists():
        raise ArtifactError(
            f"{name} {version} already exists in {models_dir}; "
            "artifacts are never overwritten: choose a new version"
        )


def save_artifact(obj: object, *, models_dir: Path, meta: ArtifactMeta) -> Path:
    """Write a fitted object and its ``meta.json`` into a new version directory.

    Args:
        obj: the fitted estimator.
        models_dir: the models directory.
        meta: its description; ``meta.name`` and ``meta.version`` name the directory.

    Returns:
        The version directory.

    Raises:
        ArtifactError: that version already exists (versions are never overwritten).
    """
    check_new_version(models_dir, meta.name, meta.version)
    target = artifact_dir(models_dir, meta.name, meta.version)
    target.mkdir(parents=True)
    joblib.dump(obj, target / MODEL_FILE, compress=3)
    (target / META_FILE).write_text(meta.model_dump_json(indent=2) + "\n", encoding="utf-8")
    return target


def read_meta(models_dir: Path, name: str, version: str) -> ArtifactMeta:
    """Read and validate an artifact's ``meta.json``.

    Raises:
        ArtifactError: the file is missing or invalid.
    """
    path = artifact_dir(models_dir, name, version) / META_FILE
    try:
        return ArtifactMeta.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError as exc:
        raise ArtifactError(f"{name} {version}: {path} is missing") from exc
    except (ValueError, ValidationError) as exc:
        raise ArtifactError(f"{name} {version}: {path} is not a valid meta.json: {exc}") from exc


def _major_minor(version: str) -> tuple[str, ...]:
    return tuple(version.split(".")[:2])


def load_artifact(
    models_dir: Path, name: str, version: str, *, data_version: str | None = None
) -> tuple[Any, ArtifactMeta]:
    """Load a saved artifact after checking that this process can use it.

    Args:
        models_dir: the configured models directory (never a user-supplied path).
        name: artifact name, e.g. ``role_scorer``.
        version: artifact version, e.g. ``1.0.0``.
        data_version: the loaded data bundle's version; a difference is logged.

    Returns:
        The fitted object and its metadata.

    Raises:
        ArtifactError: missing files, or saved with another scikit-learn major.minor.
    """
    meta = read_meta(models_dir, name, version)
    if _major_minor(meta.sklearn_version) != _major_minor(sklearn.__version__):
        raise ArtifactError(
            f"{name} {version} was saved with scikit-learn {meta.sklearn_version}, "
            f"this process has {sklearn.__version__}; retrain it with `matcher train`"
        )
    if data_version is not None and meta.data_version != data_version:
        logger.warning(
            "%s %s was trained on data %s; the loaded data is %s (retrain to pick up changes)",
            name,
            version,
            meta.data_version,
            data_version,
        )
    path = artifact_dir(models_dir, name, version) / MODEL_FILE
    try:
        obj = joblib.load(path)
    except FileNotFoundError as exc:
        raise ArtifactError(f"{name} {version}: {path} is missing") from exc
    return obj, meta


def now_utc() -> datetime:
    """The current time, timezone-aware (for ``ArtifactMeta.created_at``)."""
    return datetime.now(UTC)
