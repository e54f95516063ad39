"""``matcher rescore``: re-analyse stored resumes and jobs after the data or role model changed.

Each resume is re-read from its kept original file with the current engine and its
skills, role scores and competency levels replaced; each job description's text is read
again and its required and preferred skills, years and roles replaced. One transaction
per item. Output and log lines name ids only. Exit status 0, or 2 when an item failed
(its stored results are left as they were).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Annotated

import typer

from matcher.cli._common import engine_for, err, fail, out
from matcher.config import get_settings
from matcher.errors import MatcherError
from matcher.service import MatchingEngine
from matcher.usecases import RescoreReport, open_store, rescore_jobs, rescore_resumes

__all__ = ["rescore"]


def rescore(
    every: Annotated[
        bool,
        typer.Option(
            "--all/--stale-only",
            help="Re-analyse every stored resume and job, or only those analysed by another "
            "data set or role-model version (the default).",
        ),
    ] = False,
    dry_run: Annotated[
        bool,
        typer.Option("--dry-run", help="Analyse and count, but write nothing."),
    ] = False,
    each_item: Annotated[
        bool,
        typer.Option("--each", help="Print each resume's and job's id and what happened to it."),
    ] = False,
) -> None:
    """Re-score stored resumes and jobs with the current engine (MATCHER_DATABASE_URL, data)."""
    settings = get_settings()
    engine = engine_for(settings)
    try:
        store = open_store(settings)
    except MatcherError as exc:
        fail(exc)

    def each(kind: str) -> Callable[[uuid.UUID, str], None]:
        def tell(item_id: uuid.UUID, what: str) -> None:
            if each_item:
                out.print(f"{kind} {item_id} {what}")

        return tell

    try:
        resumes, jobs = (
            rescore(
                store=store,
                engine=engine,
                only_stale=not every,
                dry_run=dry_run,
                progress=each(kind),
            )
            for rescore, kind in ((rescore_resumes, "resume"), (rescore_jobs, "job"))
        )
    finally:
        store.close()
    versions = _versions(engine)
    out.print(f"engine: {versions}{' (dry run: nothing written)' if dry_run else ''}")
    _print_report("resumes", resumes)
    _print_report("jobs", jobs)
    if resumes.failures or jobs.failures:
        raise typer.Exit(code=2)


def _versions(engine: MatchingEngine) -> str:
    model = engine.role_model_version or "none (rule scores only)"
    return f"data {engine.bundle.data_version}, role model {model}"


def _print_report(kind: str, report: RescoreReport) -> None:
    verb = "would re-score" if report.dry_run else "re-scored"
    out.print(f"{kind}:")
    out.print(f"  checked    {report.checked:>6}  ({report.stale} stale)")
    out.print(f"  {verb:<10} {report.rescored:>6}")
    out.print(f"  unchanged  {report.unchanged:>6}")
    out.print(f"  failed     {report.failed:>6}")
    if report.up_to_date:
        out.print(f"  up to date {report.up_to_date:>6}  (left alone; --all re-analyses them too)")
    if report.gone:
        out.print(f"  gone       {report.gone:>6}  (deleted or replaced during the run)")
    for failure in report.failures:
        err.print(f"failed: {kind[:-1]} {failure.item_id} ({failure.error}); left as it was")
