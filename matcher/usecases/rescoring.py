"""Re-scoring stored resumes and job descriptions when the engine changes (``matcher rescore``).

A new data set or role-model version makes the stored skills, role scores and competency
levels stale: each resume and job records the data version and the role-scorer version
that analysed it. :func:`rescore_resumes` re-reads each resume's kept original file with
the current engine and replaces its results; :func:`rescore_jobs` re-reads each job's
text, so that ranking for a job asks for the skills the current taxonomy finds in it.
One transaction per item: an item that fails (an unreadable file, a database error) is
rolled back alone and reported by id, and the others go on. Reports and log lines name
ids only, never personal data.

The reference date for "present" in a resume's jobs is its upload date, so the same file
and the same engine give the same result whenever the re-scoring runs.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Literal, Protocol

from matcher.errors import NotFoundError
from matcher.service import MatchingEngine
from matcher.store import Session, Store
from matcher.store import jobs as jobs_repo
from matcher.store.rescoring import (
    StoredVersions,
    list_resume_versions,
    load_resume,
    replace_analysis,
)
from matcher.store.resumes import StoredFile
from matcher.usecases.graduates import (
    certification_categories,
    read_and_analyse,
    stored_analysis,
)
from matcher.usecases.jobs import read_job

__all__ = ["RescoreFailure", "RescoreReport", "is_stale", "rescore_jobs", "rescore_resumes"]

log = logging.getLogger(__name__)

Outcome = Literal["rescored", "unchanged", "up-to-date", "gone"]


@dataclass(frozen=True)
class RescoreFailure:
    """An item that could not be re-scored (its stored results are left as they were).

    Attributes:
        item_id: the resume's or job's id.
        error: the kind of error (an exception class name; no message, which could
            quote the resume).
    """

    item_id: uuid.UUID
    error: str


@dataclass
class RescoreReport:
    """What a re-scoring run did to resumes or jobs (or, in a dry run, would do).

    Attributes:
        checked: stored items looked at.
        stale: of those, analysed by another data or role-model version than the engine's.
        rescored: re-analysed and their results changed.
        unchanged: re-analysed with the same results (only the version tags updated).
        up_to_date: left alone: already analysed by this engine (``--stale-only``).
        gone: deleted or replaced while the run went on.
        failures: items that failed, each rolled back alone.
        dry_run: nothing was written.
    """

    checked: int = 0
    stale: int = 0
    rescored: int = 0
    unchanged: int = 0
    up_to_date: int = 0
    gone: int = 0
    failures: list[RescoreFailure] = field(default_factory=list)
    dry_run: bool = False

    @property
    def failed(self) -> int:
        """How many items failed."""
        return len(self.failures)


class _Versions(Protocol):
    @property
    def data_version(self) -> str: ...

    @property
    def model_version(self) -> str | None: ...


def is_stale(versions: _Versions, engine: MatchingEngine) -> bool:
    """True when an item was analysed by another data set or role-model version."""
    return (
        versions.data_version != engine.bundle.data_version
        or versions.model_version != engine.role_model_version
    )


def rescore_resumes(
    *,
    store: Store,
    engine: MatchingEngine,
    only_stale: bool = True,
    dry_run: bool = False,
    progress: Callable[[uuid.UUID, str], None] | None = None,
) -> RescoreReport:
    """Re-analyse stored resumes from their original files with the current engine.

    Args:
        store: the open store.
        engine: the loaded engine (the current data set and role model).
        only_stale: re-analyse only resumes whose stored versions differ from the
            engine's (the default); False re-analyses every resume.
        dry_run: analyse and compare, but write nothing.
        progress: called with each resume's id and what happened to it (``rescored``,
            ``unchanged``, ``up-to-date``, ``gone``, ``failed``).

    Returns:
        The counts and the failed resumes' ids.
    """
    with store.sessions() as session:
        listed = [(v.resume_id, is_stale(v, engine)) for v in list_resume_versions(session=session)]
    return _rescore_each(
        "resume",
        listed,
        lambda rid: _rescore_resume(store, engine, rid, only_stale=only_stale, dry_run=dry_run),
        only_stale=only_stale,
        dry_run=dry_run,
        progress=progress,
    )


def rescore_jobs(
    *,
    store: Store,
    engine: MatchingEngine,
    only_stale: bool = True,
    dry_run: bool = False,
    progress: Callable[[uuid.UUID, str], None] | None = None,
) -> RescoreReport:
    """Re-analyse stored job descriptions (every organisation's) with the current engine.

    Arguments and result as for :func:`rescore_resumes`, per job.
    """
    with store.sessions() as session:
        listed = [
            (v.job_id, is_stale(v, engine)) for v in jobs_repo.list_job_versions(session=session)
        ]
    return _rescore_each(
        "job",
        listed,
        lambda jid: _rescore_job(store, engine, jid, only_stale=only_stale, dry_run=dry_run),
        only_stale=only_stale,
        dry_run=dry_run,
        progress=progress,
    )


def _rescore_each(
    kind: str,
    listed: list[tuple[uuid.UUID, bool]],
    rescore_one: Callable[[uuid.UUID], Outcome],
    *,
    only_stale: bool,
    dry_run: bool,
    progress: Callable[[uuid.UUID, str], None] | None,
) -> RescoreReport:
    report = RescoreReport(dry_run=dry_run)
    for item_id, stale in listed:
        report.checked += 1
        report.stale += stale
        if only_stale and not stale:
            report.up_to_date += 1
            _tell(progress, item_id, "up-to-date")
            continue
        try:
            outcome = rescore_one(item_id)
        except Exception as exc:  # any error: this item is rolled back, the run goes on
            error = type(exc).__name__
            report.failures.append(RescoreFailure(item_id=item_id, error=error))
            log.warning("%s %s: not re-scored (%s); rolled back", kind, item_id, error)
            _tell(progress, item_id, "failed")
            continue
        if outcome == "rescored":
            report.rescored += 1
        elif outcome == "unchanged":
            report.unchanged += 1
        elif outcome == "up-to-date":
            report.up_to_date += 1
        else:
            report.gone += 1
        _tell(progress, item_id, outcome)
    log.info(
        "re-scoring %ss%s: %d checked, %d stale, %d re-scored, %d unchanged, %d failed",
        kind,
        " (dry run)" if dry_run else "",
        report.checked,
        report.stale,
        report.rescored,
        report.unchanged,
        report.failed,
    )
    return report


@contextmanager
def _one_item(store: Store, *, dry_run: bool) -> Iterator[Session]:
    """One item's transaction: committed when the block ends (rolled back in a dry run).

    Any error rolls back this item only; rows locked in it are released at the end.
    """
    with store.sessions() as session:
        try:
            yield session
        except BaseException:
            session.rollback()
            raise
        if dry_run:
            session.rollback()
        else:
            session.commit()


def _rescore_resume(
    store: Store, engine: MatchingEngine, resume_id: uuid.UUID, *, only_stale: bool, dry_run: bool
) -> Outcome:
    # The row is locked while it is re-analysed and replaced.
    with _one_item(store, dry_run=dry_run) as session:
        resume = load_resume(session=session, resume_id=resume_id, lock=not dry_run)
        if resume is None:
            return "gone"
        versions = StoredVersions(resume.id, resume.data_version, resume.model_version)
        if only_stale and not is_stale(versions, engine):
            return "up-to-date"  # re-scored by someone else meanwhile
        stored = resume.file
        if stored is None:
            raise NotFoundError("the original file of this resume is not stored")
        document, analysis = read_and_analyse(
            engine, stored.content, filename=resume.filename, today=resume.uploaded_at.date()
        )
        changed = replace_analysis(
            session=session,
            resume=resume,
            file=StoredFile(
                filename=resume.filename,
                content=stored.content,
                media_type=stored.media_type,
                source_format=document.source_format,
                pages=document.pages,
            ),
            analysis=stored_analysis(engine, document.text, analysis),
            certification_categories=certification_categories(engine),
            write=not dry_run,
        )
    return "rescored" if changed else "unchanged"


def _rescore_job(
    store: Store, engine: MatchingEngine, job_id: uuid.UUID, *, only_stale: bool, dry_run: bool
) -> Outcome:
    with _one_item(store, dry_run=dry_run) as session:
        job = jobs_repo.load_job(session=session, job_id=job_id, lock=not dry_run)
        if job is None:
            return "gone"
        if only_stale and not is_stale(jobs_repo.versions_of(job), engine):
            return "up-to-date"  # re-scored by someone else meanwhile
        analysis = read_job(engine, title=job.title, text=job.text)
        changed = jobs_repo.replace_job_analysis(
            session=session,
            job=job,
            data_version=analysis.data_version,
            analysis=analysis.model_dump(mode="json"),
            write=not dry_run,
        )
    return "rescored" if changed else "unchanged"


def _tell(progress: Callable[[uuid.UUID, str], None] | None, rid: uuid.UUID, what: str) -> None:
    if progress is not None:
        progress(rid, what)
