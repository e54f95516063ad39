"""Roles and skills (reference data), and employers ranking candidates for a role."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from matcher.api.convert import ranking_page
from matcher.api.deps import CandidateQueryDep, CurrentUser, EngineDep, PageDep, SessionDep
from matcher.api.params import RoleIdPath, example
from matcher.api.routes._responses import problems
from matcher.api.schemas import RankingPage, RoleOut, SkillRefOut
from matcher.usecases import employers, reference

router = APIRouter(prefix="/api/v1", tags=["roles"], responses=problems(401))


@router.get("/roles", summary="The twelve roles")
def list_roles(caller: CurrentUser, engine: EngineDep) -> list[RoleOut]:
    """Every workforce role of the data set (any signed-in user)."""
    return [RoleOut.model_validate(r) for r in reference.roles(engine)]


@router.get("/skills", responses=problems(422), summary="Find taxonomy skills")
def find_skills(
    caller: CurrentUser,
    engine: EngineDep,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=100,
            description="Part of a skill's name or id (case-insensitive).",
            openapi_examples=example("hl7", "HL7 skills"),
        ),
    ],
    limit: Annotated[
        int,
        Query(
            ge=1, le=100, description="Most skills returned.", openapi_examples=example(20, "20")
        ),
    ] = 20,
) -> list[SkillRefOut]:
    """Skills whose label or id contains ``q`` (for building searches)."""
    return [SkillRefOut.model_validate(k) for k in reference.find_skills(engine, q, limit=limit)]


@router.get(
    "/roles/{role_id}/candidates",
    responses=problems(403, 404, 422),
    summary="Rank candidates for a role",
)
def rank_for_role(
    role_id: RoleIdPath,
    caller: CurrentUser,
    session: SessionDep,
    engine: EngineDep,
    page: PageDep,
    query: CandidateQueryDep,
    min_score: Annotated[
        float,
        Query(
            ge=0,
            le=100,
            description="Least role score (0..100).",
            openapi_examples=example(40, "a score of 40 or more"),
        ),
    ] = 0,
) -> RankingPage:
    """Opted-in candidates by their fit for the role (0..100), with matched/missing skills.

    Candidates are blind (no name or contact) until they accept your contact request.
    """
    result = employers.rank_for_role(
        session=session,
        engine=engine,
        caller=caller,
        role_id=role_id,
        query=query,
        min_score=min_score,
        limit=page.limit,
        offset=page.offset,
    )
    return ranking_page(result)
