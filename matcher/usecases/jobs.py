"""Employers' job descriptions: post, read back, delete, and what ranking asks for them.

Every function checks the caller is an employer and scopes jobs to their organisation.
Ranking candidates for a job is in :mod:`matcher.usecases.employers`.
"""

from __future__ import annotations

import uuid

from matcher.domain import JobAnalysis, JobSkill
from matcher.errors import InputError, NotFoundError
from matcher.ranking import JobRequirements, SkillGroup
from matcher.service import MatchingEngine
from matcher.store import Session, release_connection
from matcher.store import jobs as jobs_repo
from matcher.store.orm import JobRow
from matcher.usecases.analysis_slot import analysis_slot
from matcher.usecases.common import Page, Principal, organisation_of

__all__ = [
    "UNTITLED_JOB",
    "delete_job",
    "get_job",
    "job_analysis",
    "job_requirements",
    "list_jobs",
    "post_job",
    "read_job",
]


#: The stored title of a job posted without one (not read as a title by the engine).
UNTITLED_JOB = "Untitled job"


def read_job(engine: MatchingEngine, *, title: str, text: str) -> JobAnalysis:
    """The engine's reading of a job description (its stored or its posted title and text).

    Raises:
        InputError: a text over the size limit.
    """
    read_title = "" if title.strip() == UNTITLED_JOB else title.strip()
    with analysis_slot(engine.settings):
        return engine.analyse_job(text, title=read_title)


def post_job(
    *, session: Session, engine: MatchingEngine, caller: Principal, title: str, text: str
) -> JobRow:
    """Store a job description of the caller's organisation with the engine's reading.

    What ``session`` holds is committed before the text is analysed (no pooled connection
    is kept during the slow part); the caller commits the new job.

    Raises:
        AccessDeniedError: the caller is not an employer.
        InputError: an empty text, or one over the size limit.
    """
    organisation_id = organisation_of(caller)
    if not text.strip():
        raise InputError("the job description is empty")
    release_connection(session)  # no pooled connection held while the text is analysed
    analysis = read_job(engine, title=title, text=text)
    return jobs_repo.add_job(
        session=session,
        organisation_id=organisation_id,
        created_by=caller.user_id,
        title=title.strip() or UNTITLED_JOB,
        text=text,
        data_version=analysis.data_version,
        analysis=analysis.model_dump(mode="json"),
    )


def get_job(*, session: Session, caller: Principal, job_id: uuid.UUID) -> JobRow:
    """One of the caller's organisation's jobs.

    Raises:
        NotFoundError: no such job in the caller's organisation.
    """
    job = jobs_repo.find_job(
        session=session, organisation_id=organisation_of(caller), job_id=job_id
    )
    if job is None:
        raise NotFoundError(f"no job with id {job_id} in your organisation")
    return job


def list_jobs(*, session: Session, caller: Principal, limit: int, offset: int) -> Page[JobRow]:
    """The caller's organisation's jobs, newest first."""
    jobs, total = jobs_repo.list_jobs(
        session=session, organisation_id=organisation_of(caller), limit=limit, offset=offset
    )
    return Page(items=jobs, total=total, limit=limit, offset=offset)


def delete_job(*, session: Session, caller: Principal, job_id: uuid.UUID) -> None:
    """Delete one of the caller's organisation's jobs."""
    jobs_repo.delete_job(
        session=session, job=get_job(session=session, caller=caller, job_id=job_id)
    )


def job_analysis(job: JobRow) -> JobAnalysis:
    """The stored reading of a job's text."""
    return JobAnalysis.model_validate(job.analysis)


def _group(engine: MatchingEngine, skill: JobSkill) -> SkillGroup:
    accepted = frozenset((skill.skill_id, *engine.bundle.index.descendants(skill.skill_id)))
    return SkillGroup(skill_id=skill.skill_id, label=skill.label, accepted=accepted)


def job_requirements(engine: MatchingEngine, analysis: JobAnalysis) -> JobRequirements:
    """What ranking asks of candidates for a job.

    Required: the skills and certifications the text requires (or, when it marks none,
    every skill it names without a cue). Preferred: the preferred ones (and the uncued
    ones when some are required). The role: the most probable one if the learned model
    scored the text, else the best rule fit above 0.
    """
    certs_req = [c for c in analysis.certifications if c.requirement == "required"]
    certs_pref = [c for c in analysis.certifications if c.requirement != "required"]
    if analysis.required or certs_req:
        required = [*analysis.required, *certs_req]
        preferred = [*analysis.preferred, *analysis.unspecified, *certs_pref]
    else:
        required = list(analysis.unspecified)
        preferred = [*analysis.preferred, *certs_pref]
    role_id = None
    if analysis.roles:
        probabilities = [getattr(r, "probability", None) for r in analysis.roles]
        if all(p is not None for p in probabilities):
            best = max(range(len(probabilities)), key=lambda i: probabilities[i] or 0.0)
            role_id = analysis.roles[best].role_id
        elif analysis.roles[0].score > 0:
            role_id = analysis.roles[0].role_id
    return JobRequirements(
        required=tuple(_group(engine, s) for s in required),
        preferred=tuple(_group(engine, s) for s in preferred),
        min_years=analysis.min_years,
        role_id=role_id,
    )
