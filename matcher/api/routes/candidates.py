"""Employers: search candidates by skills, see one, ask to contact them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, status

from matcher.api import convert
from matcher.api.deps import CandidateQueryDep, CurrentUser, EngineDep, PageDep, SessionDep
from matcher.api.params import CandidateIdPath, example
from matcher.api.routes._responses import problems
from matcher.api.schemas import CandidateOut, ContactRequestIn, ContactRequestOut, RankingPage
from matcher.usecases import SkillSearch, contacts, employers

router = APIRouter(prefix="/api/v1", tags=["employers"], responses=problems(401, 403))


@router.get("/candidates", responses=problems(422), summary="Search candidates by skills")
def search(
    caller: CurrentUser,
    session: SessionDep,
    engine: EngineDep,
    page: PageDep,
    query: CandidateQueryDep,
    must: Annotated[
        list[str] | None,
        Query(
            description="Skill id or name every candidate has (repeatable).",
            openapi_examples=example(["epic", "hl7-v2"], "Epic and HL7 v2"),
        ),
    ] = None,
    should: Annotated[
        list[str] | None,
        Query(
            description="Skill id or name that ranks higher (repeatable).",
            openapi_examples=example(["sql", "chts-is"], "SQL, CHTS-IS"),
        ),
    ] = None,
) -> RankingPage:
    """Opted-in candidates with every ``must`` skill, ranked by ``should`` skills.

    A skill is met by a narrower one too (``must=epic`` finds Epic Cadence users).
    """
    result = employers.search_candidates(
        session=session,
        engine=engine,
        caller=caller,
        search=SkillSearch(must=tuple(must or ()), should=tuple(should or ())),
        query=query,
        limit=page.limit,
        offset=page.offset,
    )
    return convert.ranking_page(result)


@router.get("/candidates/{candidate_id}", responses=problems(404), summary="One candidate")
def get_candidate(
    candidate_id: CandidateIdPath, caller: CurrentUser, session: SessionDep
) -> CandidateOut:
    """An opted-in candidate (blind until they accept your organisation's request)."""
    view = employers.candidate_detail(session=session, caller=caller, candidate_id=candidate_id)
    return convert.candidate_out(view)


@router.post(
    "/candidates/{candidate_id}/contact-requests",
    status_code=status.HTTP_201_CREATED,
    responses=problems(404, 409, 422),
    summary="Ask a candidate for their contact details",
)
def request_contact(
    candidate_id: CandidateIdPath, body: ContactRequestIn, caller: CurrentUser, session: SessionDep
) -> ContactRequestOut:
    """The candidate sees the request and your organisation's name, and may accept."""
    row = contacts.request_contact(
        session=session,
        caller=caller,
        candidate_id=candidate_id,
        message=body.message,
        job_id=body.job_id,
    )
    return convert.contact_out(row)


@router.get("/contact-requests", summary="My organisation's contact requests")
def list_contact_requests(caller: CurrentUser, session: SessionDep) -> list[ContactRequestOut]:
    """Requests your organisation made, newest first, with the answers."""
    rows = contacts.list_contact_requests(session=session, caller=caller)
    return [convert.contact_out(r) for r in rows]
