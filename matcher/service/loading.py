"""Build the engine once per process: data bundle, spaCy pipeline, role model."""

from __future__ import annotations

import logging

from matcher.artifacts import latest_version, load_artifact
from matcher.config import Settings
from matcher.errors import ArtifactError
from matcher.ingest import IngestLimits
from matcher.ingest.isolated import IsolatedReader
from matcher.pipeline import build_nlp
from matcher.scoring.identity import IdentityFilter
from matcher.scoring.role_model import ROLE_MODEL_NAME, RoleScorer
from matcher.scoring.synthetic import NONE_LABEL
from matcher.sections import compile_rules
from matcher.service.engine import MatchingEngine
from matcher.taxonomy import DataBundle, load_bundle

logger = logging.getLogger(__name__)

__all__ = ["load_engine"]


def load_engine(settings: Settings) -> MatchingEngine:
    """Load the data bundle, build the pipeline and load the role model (slow: once).

    Raises:
        DataValidationError: the data directory is invalid.
        ArtifactError: the configured role model is missing or incompatible.
    """
    bundle = load_bundle(settings.data_dir)
    nlp = build_nlp(bundle, context_window=settings.context_window_tokens)
    rules = compile_rules(bundle.sections) if bundle.sections is not None else None
    role_model, version = _load_role_model(settings, bundle)
    return MatchingEngine(
        settings=settings,
        bundle=bundle,
        nlp=nlp,
        rules=rules,
        role_model=role_model,
        role_model_version=version,
        identity=IdentityFilter.from_cues(bundle.role_model.identity)
        if bundle.role_model
        else None,
        reader=IsolatedReader(
            IngestLimits.from_settings(settings),
            memory_bytes=settings.parse_memory_bytes,
            workers=settings.parse_workers,
            queue_seconds=settings.parse_queue_seconds,
        )
        if settings.isolate_parsing
        else None,
    )


def _load_role_model(
    settings: Settings, bundle: DataBundle
) -> tuple[RoleScorer | None, str | None]:
    # A configured version must load; the implicit latest one is skipped (rule scores
    # only, with a warning) when it was trained for other roles, e.g. another data set.
    configured = settings.role_model_version
    version = configured or latest_version(settings.models_dir, ROLE_MODEL_NAME)
    if version is None:
        return None, None
    loaded, _ = load_artifact(
        settings.models_dir, ROLE_MODEL_NAME, version, data_version=bundle.data_version
    )
    if not isinstance(loaded, RoleScorer):
        raise ArtifactError(f"{ROLE_MODEL_NAME} {version} is not a role scorer")
    if not loaded.has_current_layout():
        raise ArtifactError(
            f"{ROLE_MODEL_NAME} {version} was built with an older layout of the scorer: "
            "retrain it with `matcher train`"
        )
    unknown = {str(c) for c in loaded.classes_} - {*bundle.roles, NONE_LABEL}
    if not unknown:
        return loaded, version
    message = (
        f"{ROLE_MODEL_NAME} {version} predicts roles the data does not define "
        f"({', '.join(sorted(unknown))}): retrain it with `matcher train`"
    )
    if configured:
        raise ArtifactError(message)
    logger.warning("%s; scoring with the rule scorer only", message)
    return None, None
