"""``matcher train`` and ``matcher evaluate roles`` (thin: logic in matcher.evaluation)."""

from __future__ import annotations

import json
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from matcher.artifacts import (
    ArtifactMeta,
    check_new_version,
    library_versions,
    now_utc,
    save_artifact,
)
from matcher.cli._common import DataDirOption, engine_for, err, fail, out, settings_for
from matcher.config import Settings
from matcher.errors import MatcherError
from matcher.evaluation.role_report import (
    HEADLINE_NUMBERS,
    RepeatedCV,
    RoleEvaluation,
    evaluate_roles,
)
from matcher.evaluation.role_training import (
    DEFAULT_SYNTHETIC_WEIGHT,
    cross_validated_metrics,
    train_role_scorer,
)
from matcher.scoring.role_model import ROLE_MODEL_NAME, RoleModelParams

__all__ = ["roles_command", "train"]


def _git_commit() -> str | None:
    try:
        result = subprocess.run(
            ["git", "rev-parse", "HEAD"], capture_output=True, text=True, check=False, timeout=5
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout.strip() or None


def train(
    version: Annotated[str, typer.Option("--version", help="New artifact version (x.y.z).")],
    gold: Annotated[
        list[Path] | None,
        typer.Option("--gold", help="Role gold JSON Lines to learn from too (repeatable)."),
    ] = None,
    synthetic_weight: Annotated[
        float, typer.Option(help="Weight of a synthetic example vs a labelled one.")
    ] = DEFAULT_SYNTHETIC_WEIGHT,
    c: Annotated[
        float, typer.Option("--c", help="Inverse regularisation, full-text model.")
    ] = RoleModelParams.C,
    title_c: Annotated[
        float, typer.Option("--title-c", help="Inverse regularisation, title model.")
    ] = RoleModelParams.title_C,
    models_dir: Annotated[
        Path | None, typer.Option(help="Where to save (default: MATCHER_MODELS_DIR).")
    ] = None,
    cv_folds: Annotated[
        int,
        typer.Option(
            min=0, max=20, help="Cross-validate on each gold file first (0: skip); in meta.json."
        ),
    ] = 5,
    data_dir: DataDirOption = None,
) -> None:
    """Train the role scorer on data/ (plus labelled files) and save a new version."""
    settings = settings_for(data_dir)
    target = models_dir or settings.models_dir
    # The engine that extracts training features must not need a role model itself.
    engine = engine_for(Settings(data_dir=settings.data_dir, models_dir=target / "_none"))
    params = RoleModelParams(C=c, title_C=title_c)
    try:
        check_new_version(target, ROLE_MODEL_NAME, version)
        metrics = cross_validated_metrics(
            engine, gold or [], folds=cv_folds, params=params, synthetic_weight=synthetic_weight
        )
        for name, numbers in metrics.items():
            err.print(f"{name}: " + ", ".join(f"{k} {v}" for k, v in numbers.items()))
        model, data = train_role_scorer(
            engine, gold_paths=gold or [], params=params, synthetic_weight=synthetic_weight
        )
        meta = ArtifactMeta(
            name=ROLE_MODEL_NAME,
            version=version,
            created_at=now_utc(),
            command=shlex.join(["matcher", *sys.argv[1:]]),
            git_commit=_git_commit(),
            data_version=engine.bundle.data_version,
            parameters={**params.as_dict(), "synthetic_weight": synthetic_weight},
            training_sources=tuple(data.sources),
            synthetic_examples=data.synthetic,
            metrics={"training_examples": len(data.docs), "cross_validated": metrics},
            **library_versions(),
        )
        path = save_artifact(model, models_dir=target, meta=meta)
    except (MatcherError, ValueError) as exc:
        fail(exc if isinstance(exc, MatcherError) else MatcherError(str(exc)))
    out.print(f"saved {ROLE_MODEL_NAME} {version} to {path} ({len(data.docs)} examples)")


def _table(report: RoleEvaluation) -> Table:
    table = Table(title="Role detection")
    columns = (
        "items",
        "n",
        "top-1",
        "top-3",
        "top-3 (or alternate)",
        "macro-F1",
        "baseline top-1",
        "baseline top-3",
    )
    for column in columns:
        table.add_column(column)
    rows = [("all", report.model, report.baseline)] + [
        (kind, report.by_kind[kind], report.baseline_by_kind[kind]) for kind in report.by_kind
    ]
    for name, m, b in rows:
        table.add_row(
            name,
            str(m.n),
            f"{m.top1:.3f}",
            f"{m.top3:.3f}",
            f"{m.top3_accepted:.3f}",
            f"{m.macro_f1:.3f}",
            f"{b.top1:.3f}",
            f"{b.top3:.3f}",
        )
    return table


def _spread(repeated: RepeatedCV) -> str:
    labels = {
        "top1": "top-1",
        "top3": "top-3",
        "top3_accepted": "top-3 (or alternate)",
        "macro_f1": "macro-F1",
    }
    parts = []
    for name in HEADLINE_NUMBERS:
        mean, low, high = repeated.spread(name)
        parts.append(f"{labels[name]} {mean:.3f} ({low:.3f}-{high:.3f})")
    return f"over {len(repeated.runs)} fold splits, mean (lowest-highest): " + ", ".join(parts)


def roles_command(
    gold: Annotated[Path, typer.Option("--gold", help="Role gold JSON Lines file.")],
    as_json: Annotated[bool, typer.Option("--json")] = False,
    cv: Annotated[
        bool | None,
        typer.Option(
            "--cv/--no-cv",
            help="Cross-validate (default: only when the model was trained on this file).",
        ),
    ] = None,
    folds: Annotated[int, typer.Option(min=2, max=20)] = 5,
    repeats: Annotated[
        int,
        typer.Option(
            min=1,
            max=20,
            help="Cross-validate this many times with different fold splits and show the "
            "spread of the numbers (only when cross-validating).",
        ),
    ] = 1,
    data_dir: DataDirOption = None,
) -> None:
    """Top-1/top-3 accuracy, macro-F1 and confusion of the role scorer vs a TF-IDF baseline."""
    engine = engine_for(settings_for(data_dir))
    try:
        report = evaluate_roles(engine, gold, cross_validate=cv, folds=folds, repeats=repeats)
    except MatcherError as exc:
        fail(exc)
    if as_json:
        out.print(json.dumps(report.as_dict()), markup=False)
        return
    how = f"{report.folds}-fold cross-validated" if report.cross_validated else "loaded model"
    out.print(f"role scorer {report.model_version or '-'} ({how}) on {gold.name}")
    out.print(_table(report))
    if report.repeated is not None:
        out.print(_spread(report.repeated))
    labels = report.model.labels
    confusion = Table(title="Confusion (rows: gold primary, columns: top-1)")
    confusion.add_column("gold \\ predicted")
    for i, _ in enumerate(labels):
        confusion.add_column(str(i + 1), justify="right")
    for i, (label, row) in enumerate(zip(labels, report.model.confusion, strict=True)):
        confusion.add_row(f"{i + 1} {label}", *(str(v) if v else "." for v in row))
    out.print(confusion)
