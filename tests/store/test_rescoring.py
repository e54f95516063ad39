"""Re-scoring stored resumes and jobs with a changed engine, on a real store (SQLite, PostgreSQL).

Resumes are stored by the toy engine from real files made here (a DOCX and a text
file); ``engine_v2`` is the toy data set with a new version and a heavier role skill, so
its role scores differ.
"""

from __future__ import annotations

import io
import shutil
import uuid
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from sqlalchemy import select

from matcher.config import Settings
from matcher.service import MatchingEngine, load_engine
from matcher.store import Store
from matcher.store.orm import JobRow, ResumeFileRow, ResumeRow
from matcher.usecases import (
    principal_of,
    process_resume,
    register_graduate,
    rescore_jobs,
    rescore_resumes,
)
from matcher.usecases import rescoring as rescoring_usecase
from matcher.usecases.accounts import create_user, ensure_organisation
from matcher.usecases.jobs import UNTITLED_JOB, post_job
from tests.conftest import NO_MODELS, TOY_DATA, TOY_RESUME

SUPPORT_RESUME = """Sam Placeholder
sam.placeholder@example.org | (555) 010-4455
Omaha, NE

SKILLS
ServiceNow, Microsoft Excel, Python, teamwork

EXPERIENCE
Support Technician, Example Clinic, Jan 2020 - Dec 2020
Closed ServiceNow tickets and wrote Python scripts.
"""


def make_docx(text: str) -> bytes:
    """A real DOCX with one paragraph per line of ``text``."""
    document = Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def changed_data(target: Path) -> Path:
    """The toy data set, version bumped, with R made a core skill of the programmer role."""
    shutil.copytree(TOY_DATA, target)
    (target / "VERSION").write_text("0.0.2-toy\n", encoding="utf-8")
    role = target / "roles" / "programmer-software-engineer.yaml"
    text = role.read_text(encoding="utf-8")
    old = "{id: r-language, importance: supporting}"
    assert old in text
    role.write_text(text.replace(old, "{id: r-language, importance: core}"), encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def engine_v2(tmp_path_factory: pytest.TempPathFactory) -> MatchingEngine:
    data = changed_data(tmp_path_factory.mktemp("rescore") / "data")
    return load_engine(Settings(data_dir=data, models_dir=NO_MODELS))


def add_graduate(
    store: Store, engine: MatchingEngine, key: str, data: bytes, filename: str
) -> uuid.UUID:
    """A graduate with a stored resume; returns the resume's id."""
    with store.sessions() as session:
        user = register_graduate(
            session=session,
            email=f"{key}@example.org",
            password="correct horse battery",
            display_name=key,
        )
        session.flush()
        resume = process_resume(
            session=session,
            engine=engine,
            caller=principal_of(user),
            data=data,
            filename=filename,
        )
        session.commit()
        return resume.id


def state(store: Store, resume_id: uuid.UUID) -> dict[str, Any]:
    """What re-scoring may change about a resume, and what it must keep."""
    with store.sessions() as session:
        resume = session.get(ResumeRow, resume_id)
        assert resume is not None
        return {
            "data_version": resume.data_version,
            "roles": sorted(
                (r.role_id, r.rank, r.score, r.data_version) for r in resume.role_scores
            ),
            "competencies": sorted((c.competency_id, c.level) for c in resume.competency_scores),
            "skills": sorted((k.skill_id, k.mentions, k.years) for k in resume.skills),
            "mentions": [(m.skill_id, m.start, m.end) for m in resume.mentions],
            "tiers": resume.tiers,
            "sha256": resume.sha256,
            "uploaded_at": resume.uploaded_at,
            "file": resume.file.content if resume.file else None,
            "profile_id": resume.profile_id,
        }


def fresh_roles(engine: MatchingEngine, text: str) -> list[tuple[str, float]]:
    return sorted((r.role_id, r.score) for r in engine.analyse_resume(text).roles)


@pytest.fixture
def two_resumes(store: Store, toy_engine: MatchingEngine) -> tuple[uuid.UUID, uuid.UUID]:
    docx = add_graduate(store, toy_engine, "docx", make_docx(TOY_RESUME), "cv.docx")
    text = add_graduate(store, toy_engine, "text", SUPPORT_RESUME.encode(), "cv.txt")
    return docx, text


def test_rescore_replaces_stale_results_with_the_new_engines(
    store: Store, engine_v2: MatchingEngine, two_resumes: tuple[uuid.UUID, uuid.UUID]
) -> None:
    docx_id, _ = two_resumes
    before = {rid: state(store, rid) for rid in two_resumes}

    report = rescore_resumes(store=store, engine=engine_v2)

    assert (report.checked, report.stale, report.failed) == (2, 2, 0)
    assert report.rescored == 2 and report.unchanged == 0
    for rid in two_resumes:
        after = state(store, rid)
        assert after["data_version"] == engine_v2.bundle.data_version
        assert {r[3] for r in after["roles"]} == {engine_v2.bundle.data_version}
        assert after["roles"] != before[rid]["roles"]
        for kept in ("sha256", "uploaded_at", "file", "profile_id", "skills", "mentions"):
            assert after[kept] == before[rid][kept], kept
    docx_roles = [(r[0], r[2]) for r in state(store, docx_id)["roles"]]
    assert docx_roles == fresh_roles(engine_v2, TOY_RESUME)

    again = rescore_resumes(store=store, engine=engine_v2)
    assert (again.checked, again.stale, again.up_to_date, again.rescored) == (2, 0, 2, 0)


def test_rescore_all_with_the_same_engine_changes_nothing(
    store: Store, toy_engine: MatchingEngine, two_resumes: tuple[uuid.UUID, uuid.UUID]
) -> None:
    before = {rid: state(store, rid) for rid in two_resumes}

    stale_only = rescore_resumes(store=store, engine=toy_engine)
    every = rescore_resumes(store=store, engine=toy_engine, only_stale=False)

    assert (stale_only.checked, stale_only.stale, stale_only.up_to_date) == (2, 0, 2)
    assert (every.checked, every.rescored, every.unchanged, every.failed) == (2, 0, 2, 0)
    assert {rid: state(store, rid) for rid in two_resumes} == before


def test_rescore_dry_run_counts_and_writes_nothing(
    store: Store, engine_v2: MatchingEngine, two_resumes: tuple[uuid.UUID, uuid.UUID]
) -> None:
    before = {rid: state(store, rid) for rid in two_resumes}

    report = rescore_resumes(store=store, engine=engine_v2, dry_run=True)

    assert report.dry_run
    assert (report.checked, report.stale, report.rescored, report.failed) == (2, 2, 2, 0)
    assert {rid: state(store, rid) for rid in two_resumes} == before


def test_rescore_unreadable_file_fails_alone_and_keeps_its_results(
    store: Store, engine_v2: MatchingEngine, two_resumes: tuple[uuid.UUID, uuid.UUID]
) -> None:
    docx_id, text_id = two_resumes
    with store.sessions() as session:
        stored = session.get(ResumeFileRow, docx_id)
        assert stored is not None
        stored.content = stored.content[:200]  # a truncated DOCX
        session.commit()
    before = state(store, docx_id)

    report = rescore_resumes(store=store, engine=engine_v2)

    assert (report.checked, report.rescored, report.failed) == (2, 1, 1)
    assert report.failures[0].item_id == docx_id
    assert report.failures[0].error.endswith("Error")
    assert state(store, docx_id) == before
    assert state(store, text_id)["data_version"] == engine_v2.bundle.data_version


def test_rescore_resume_without_its_file_is_reported(
    store: Store, engine_v2: MatchingEngine, two_resumes: tuple[uuid.UUID, uuid.UUID]
) -> None:
    docx_id, _ = two_resumes
    with store.sessions() as session:
        session.delete(session.get(ResumeFileRow, docx_id))
        session.commit()

    report = rescore_resumes(store=store, engine=engine_v2)

    assert [(f.item_id, f.error) for f in report.failures] == [(docx_id, "NotFoundError")]
    assert report.rescored == 1


def test_rescore_failure_while_writing_rolls_back_that_resume_only(
    store: Store,
    engine_v2: MatchingEngine,
    two_resumes: tuple[uuid.UUID, uuid.UUID],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    docx_id, text_id = two_resumes
    before = state(store, docx_id)
    real = rescoring_usecase.replace_analysis

    def half_then_fail(**kwargs: Any) -> bool:
        changed = real(**kwargs)  # old rows deleted and new ones flushed...
        if kwargs["resume"].id == docx_id:
            raise RuntimeError("database went away")  # ...then the commit never happens
        return changed

    monkeypatch.setattr(rescoring_usecase, "replace_analysis", half_then_fail)
    report = rescore_resumes(store=store, engine=engine_v2)

    assert [(f.item_id, f.error) for f in report.failures] == [(docx_id, "RuntimeError")]
    assert state(store, docx_id) == before
    assert state(store, text_id)["data_version"] == engine_v2.bundle.data_version


def test_rescore_skips_resumes_deleted_during_the_run(
    store: Store,
    engine_v2: MatchingEngine,
    two_resumes: tuple[uuid.UUID, uuid.UUID],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    docx_id, _ = two_resumes
    real = rescoring_usecase.list_resume_versions

    def listed_then_deleted(**kwargs: Any) -> Any:
        listed = real(**kwargs)
        with store.sessions() as session:
            session.delete(session.scalar(select(ResumeRow).where(ResumeRow.id == docx_id)))
            session.commit()
        return listed

    monkeypatch.setattr(rescoring_usecase, "list_resume_versions", listed_then_deleted)
    report = rescore_resumes(store=store, engine=engine_v2)

    assert (report.checked, report.gone, report.rescored, report.failed) == (2, 1, 1, 0)


JOB_TEXT = """Health IT Developer

Required: Python, SQL and HL7 v2 interfaces. Preferred: R and Epic Cadence.
You will build reports and interfaces for our clinics.
"""


def add_job(store: Store, engine: MatchingEngine, title: str) -> uuid.UUID:
    """An employer's posted job; returns its id."""
    with store.sessions() as session:
        organisation = ensure_organisation(session=session, name=f"Clinic {uuid.uuid4().hex[:6]}")
        session.flush()
        employer = create_user(
            session=session,
            caller=None,
            email=f"hr-{uuid.uuid4().hex[:6]}@example.org",
            password="correct horse battery",
            role="employer",
            display_name="HR",
            organisation_id=organisation.id,
        )
        session.flush()
        job = post_job(
            session=session,
            engine=engine,
            caller=principal_of(employer),
            title=title,
            text=JOB_TEXT,
        )
        session.commit()
        return job.id


def job_state(store: Store, job_id: uuid.UUID) -> tuple[str, dict[str, Any], str, str]:
    with store.sessions() as session:
        job = session.get(JobRow, job_id)
        assert job is not None
        return job.data_version, job.analysis, job.title, job.text


def test_rescore_jobs_replaces_stale_readings_and_keeps_the_text(
    store: Store, toy_engine: MatchingEngine, engine_v2: MatchingEngine
) -> None:
    titled = add_job(store, toy_engine, "Health IT Developer")
    untitled = add_job(store, toy_engine, "  ")
    before = {jid: job_state(store, jid) for jid in (titled, untitled)}
    assert before[untitled][2] == UNTITLED_JOB

    dry = rescore_jobs(store=store, engine=engine_v2, dry_run=True)
    assert (dry.checked, dry.stale, dry.rescored, dry.failed) == (2, 2, 2, 0)
    assert {jid: job_state(store, jid) for jid in before} == before

    report = rescore_jobs(store=store, engine=engine_v2)

    assert (report.checked, report.stale, report.rescored, report.failed) == (2, 2, 2, 0)
    for jid, (_, old, title, text) in before.items():
        data_version, analysis, title_after, text_after = job_state(store, jid)
        assert data_version == engine_v2.bundle.data_version == analysis["data_version"]
        assert (title_after, text_after) == (title, text)
        assert analysis["roles"] != old["roles"]  # R weighs more for the programmer role
    fresh = engine_v2.analyse_job(JOB_TEXT, title="").model_dump(mode="json")
    assert job_state(store, untitled)[1] == fresh  # read without the placeholder title
    again = rescore_jobs(store=store, engine=engine_v2)
    assert (again.checked, again.up_to_date, again.rescored) == (2, 2, 0)


def test_rescore_jobs_with_the_same_engine_changes_nothing(
    store: Store, toy_engine: MatchingEngine
) -> None:
    jid = add_job(store, toy_engine, "Health IT Developer")
    before = job_state(store, jid)

    every = rescore_jobs(store=store, engine=toy_engine, only_stale=False)

    assert (every.checked, every.rescored, every.unchanged, every.failed) == (1, 0, 1, 0)
    assert job_state(store, jid) == before


def test_rescore_jobs_failure_rolls_back_that_job_only(
    store: Store,
    toy_engine: MatchingEngine,
    engine_v2: MatchingEngine,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = add_job(store, toy_engine, "Health IT Developer")
    second = add_job(store, toy_engine, "Interface Developer")
    before = job_state(store, first)
    real = rescoring_usecase.jobs_repo.replace_job_analysis

    def write_then_fail(**kwargs: Any) -> bool:
        changed = real(**kwargs)  # the new reading is flushed...
        if kwargs["job"].id == first:
            raise RuntimeError("database went away")  # ...then the commit never happens
        return changed

    monkeypatch.setattr(rescoring_usecase.jobs_repo, "replace_job_analysis", write_then_fail)
    report = rescore_jobs(store=store, engine=engine_v2)

    assert [(f.item_id, f.error) for f in report.failures] == [(first, "RuntimeError")]
    assert job_state(store, first) == before
    assert job_state(store, second)[0] == engine_v2.bundle.data_version
