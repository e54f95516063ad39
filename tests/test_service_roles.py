"""The engine with the shipped role scorer: probabilities, the none outcome, drivers."""

from __future__ import annotations

from pathlib import Path

import pytest

from matcher.service import MatchingEngine

pytestmark = pytest.mark.slow

HEALTH_IT = (
    "Epic Ambulatory Application Analyst\nOur community hospital seeks an analyst to build "
    "and configure Epic Ambulatory, support go-live, troubleshoot tickets from clinicians, "
    "and test upgrades. Experience with EHR build, HL7 interfaces and clinical workflows."
)
NOT_HEALTH = (
    "Pastry Chef\nOur bakery needs a pastry chef to bake bread and cakes, manage the "
    "kitchen, order flour and train new bakers on early-morning shifts."
)


def test_real_engine_loads_the_shipped_role_scorer(real_engine: MatchingEngine) -> None:
    assert real_engine.role_model is not None
    assert real_engine.role_model_version is not None


def test_probabilities_cover_every_role_and_sum_with_none_to_one(
    real_engine: MatchingEngine,
) -> None:
    analysis = real_engine.analyse_text(HEALTH_IT, title="Epic Ambulatory Application Analyst")
    assert analysis.outcome is not None
    assert len(analysis.roles) == 12
    total = sum(r.probability or 0.0 for r in analysis.roles) + analysis.outcome.none_probability
    assert total == pytest.approx(1.0, abs=1e-3)
    probabilities = [r.probability or 0.0 for r in analysis.roles]
    assert probabilities == sorted(probabilities, reverse=True)


def test_health_it_posting_gets_a_health_it_role_with_drivers(
    real_engine: MatchingEngine,
) -> None:
    analysis = real_engine.analyse_text(HEALTH_IT, title="Epic Ambulatory Application Analyst")
    assert analysis.outcome is not None
    # The duties are implementation support; "Epic Ambulatory analyst" is also a present-day
    # title of the clinician consultant (domain facts), and the title is read alone too.
    assert analysis.outcome.role_id in {
        "implementation-support-specialist",
        "technical-support-specialist",
        "clinician-consultant",
    }
    assert "implementation-support-specialist" in [r.role_id for r in analysis.roles[:2]]
    best = analysis.roles[0]
    assert best.role_id == analysis.outcome.role_id
    assert best.drivers and all(d.weight > 0 for d in best.drivers)
    assert best.matched  # evidence from the rule scorer is kept
    # A health title is also read alone, and says so in the explanation.
    assert any(d.kind == "title alone" for r in analysis.roles for d in r.drivers)


def test_work_outside_health_it_is_none(real_engine: MatchingEngine) -> None:
    analysis = real_engine.analyse_text(NOT_HEALTH, title="Pastry Chef")
    assert analysis.outcome is not None
    assert analysis.outcome.role_id == "none"
    assert analysis.outcome.none_probability > 0.5
    # "Pastry Chef" names no health word: the title is not read alone.
    assert not any(d.kind == "title alone" for r in analysis.roles for d in r.drivers)


def test_a_title_alone_is_scored(real_engine: MatchingEngine) -> None:
    analysis = real_engine.analyse_text("Cancer Registrar", title="Cancer Registrar")
    assert analysis.outcome is not None
    assert analysis.outcome.role_id == "him-exchange-specialist"


def test_an_incompatible_latest_model_is_skipped_but_a_configured_one_fails(
    toy_data_dir: Path,
) -> None:
    from matcher.artifacts import latest_version
    from matcher.config import Settings
    from matcher.errors import ArtifactError
    from matcher.scoring.role_model import ROLE_MODEL_NAME
    from matcher.service import load_engine

    models = Path(__file__).parent.parent / "models"
    shipped = latest_version(models, ROLE_MODEL_NAME)
    assert shipped is not None
    engine = load_engine(Settings(data_dir=toy_data_dir, models_dir=models))
    assert engine.role_model is None
    assert engine.analyse_text("EHR trainer").outcome is None
    with pytest.raises(ArtifactError, match="does not define"):
        load_engine(Settings(data_dir=toy_data_dir, models_dir=models, role_model_version=shipped))


def test_job_analysis_carries_the_outcome_and_reads_the_title(
    real_engine: MatchingEngine,
) -> None:
    job = real_engine.analyse_job(HEALTH_IT, title="Epic Ambulatory Application Analyst")
    assert job.outcome is not None
    assert (
        job.outcome.role_id
        == real_engine.analyse_text(
            HEALTH_IT, title="Epic Ambulatory Application Analyst"
        ).outcome.role_id
    )  # type: ignore[union-attr]
    untitled = real_engine.analyse_job("Cancer Registrar\n" + NOT_HEALTH[:0], title="")
    titled = real_engine.analyse_job("Cancer Registrar", title="Cancer Registrar")
    assert untitled.outcome is not None and titled.outcome is not None
    assert untitled.outcome.probability != titled.outcome.probability


def test_a_scorer_saved_with_the_old_layout_is_refused(
    tmp_path: Path, real_engine: MatchingEngine
) -> None:
    import copy

    from sklearn.calibration import CalibratedClassifierCV

    from matcher.artifacts import ArtifactMeta, library_versions, now_utc, save_artifact
    from matcher.config import Settings
    from matcher.errors import ArtifactError
    from matcher.scoring.role_model import ROLE_MODEL_NAME
    from matcher.service import load_engine

    assert real_engine.role_model is not None
    old = copy.copy(real_engine.role_model)
    old.title_model_ = CalibratedClassifierCV(real_engine.role_model.title_model_)
    meta = ArtifactMeta.model_validate(
        {
            "name": ROLE_MODEL_NAME,
            "version": "9.0.0",
            "created_at": now_utc(),
            "command": "matcher train --version 9.0.0",
            "data_version": real_engine.bundle.data_version,
            **library_versions(),
        }
    )
    save_artifact(old, models_dir=tmp_path, meta=meta)
    with pytest.raises(ArtifactError, match="older layout"):
        load_engine(Settings(models_dir=tmp_path))


def test_the_shipped_scorer_was_trained_on_the_shipped_data(real_engine: MatchingEngine) -> None:
    from matcher.artifacts import load_artifact
    from matcher.scoring.role_model import ROLE_MODEL_NAME

    version = real_engine.role_model_version
    assert version is not None
    _, meta = load_artifact(real_engine.settings.models_dir, ROLE_MODEL_NAME, version)
    assert meta.data_version == real_engine.bundle.data_version, "retrain: `matcher train`"
