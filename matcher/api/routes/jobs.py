"""Employers: post job descriptions, read them back, rank candidates for them."""

from __future__ import annotations

from fastapi import APIRouter, Response, status

from matcher.api import convert
from matcher.api.deps import CandidateQueryDep, CurrentUser, EngineDep, PageDep, SessionDep
from matcher.api.params import JobIdPath
from matcher.api.routes._responses import problems
from matcher.api.schemas import JobIn, JobOut, JobPage, RankingPage
from matcher.usecases import employers, jobs

router = APIRouter(prefix="/api/v1/jobs", tags=["jobs"], responses=problems(401, 403))


@router.post(
    "", status_code=status.HTTP_201_CREATED, responses=problems(422, 503), summary="Post a job"
)
def post_job(body: JobIn, caller: CurrentUser, session: SessionDep, engine: EngineDep) -> JobOut:
    """Store a job description and return what the engine read in it.

    Skills required and preferred, years, certifications, education, likely roles.
    """
    job = jobs.post_job(
        session=session, engine=engine, caller=caller, title=body.title, text=body.text
    )
    return convert.job_out(job)


@router.get("", summary="My organisation's jobs")
def list_jobs(caller: CurrentUser, session: SessionDep, page: PageDep) -> JobPage:
    """Newest first."""
    result = jobs.list_jobs(session=session, caller=caller, limit=page.limit, offset=page.offset)
    return JobPage(
        items=[convert.job_out(j) for j in result.items],
        total=result.total,
        limit=result.limit,
        offset=result.offset,
    )


@router.get("/{job_id}", responses=problems(404), summary="One job")
def get_job(job_id: JobIdPath, caller: CurrentUser, session: SessionDep) -> JobOut:
    """A job of your organisation."""
    return convert.job_out(jobs.get_job(session=session, caller=caller, job_id=job_id))


@router.delete(
    "/{job_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses={204: {"description": "Deleted."}, **problems(404)},
    summary="Delete a job",
)
def delete_job(job_id: JobIdPath, caller: CurrentUser, session: SessionDep) -> Response:
    """Remove a job of your organisation."""
    jobs.delete_job(session=session, caller=caller, job_id=job_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get(
    "/{job_id}/candidates", responses=problems(404, 422), summary="Rank candidates for a job"
)
def rank_for_job(
    job_id: JobIdPath,
    caller: CurrentUser,
    session: SessionDep,
    engine: EngineDep,
    page: PageDep,
    query: CandidateQueryDep,
) -> RankingPage:
    """Opted-in candidates ranked for the job, with the reasons.

    Required/preferred skills matched and missing, role fit and years; candidates are
    blind until they accept your contact request.
    """
    result = employers.rank_for_job(
        session=session,
        engine=engine,
        caller=caller,
        job_id=job_id,
        query=query,
        limit=page.limit,
        offset=page.offset,
    )
    return convert.ranking_page(result)
