"""Admins: organisations and accounts."""

from __future__ import annotations

from fastapi import APIRouter, Response, status

from matcher.api.convert import organisation_out, user_out
from matcher.api.deps import CurrentUser, PageDep, SessionDep
from matcher.api.params import UserIdPath
from matcher.api.routes._responses import problems
from matcher.api.schemas import OrganisationIn, OrganisationOut, UserCreateIn, UserOut
from matcher.usecases import accounts

router = APIRouter(prefix="/api/v1/admin", tags=["admin"], responses=problems(401, 403))


@router.post(
    "/organisations",
    status_code=status.HTTP_201_CREATED,
    responses=problems(409, 422),
    summary="Create an organisation",
)
def create_organisation(
    body: OrganisationIn, caller: CurrentUser, session: SessionDep
) -> OrganisationOut:
    """A new employer organisation."""
    org = accounts.create_organisation(session=session, caller=caller, name=body.name)
    return organisation_out(org)


@router.get("/organisations", summary="List organisations")
def list_organisations(
    caller: CurrentUser, session: SessionDep, page: PageDep
) -> list[OrganisationOut]:
    """Every organisation, by name."""
    orgs = accounts.list_organisations(
        session=session, caller=caller, limit=page.limit, offset=page.offset
    )
    return [organisation_out(o) for o in orgs]


@router.post(
    "/users",
    status_code=status.HTTP_201_CREATED,
    responses=problems(404, 409, 422),
    summary="Create an account",
)
def create_user(body: UserCreateIn, caller: CurrentUser, session: SessionDep) -> UserOut:
    """An account of any role; employers need an organisation."""
    user = accounts.create_user(
        session=session,
        caller=caller,
        email=body.email,
        password=body.password,
        role=body.role,
        display_name=body.display_name,
        organisation_id=body.organisation_id,
    )
    return user_out(user)


@router.get("/users", summary="List accounts")
def list_users(caller: CurrentUser, session: SessionDep, page: PageDep) -> list[UserOut]:
    """Every account, by email."""
    users = accounts.list_users(
        session=session, caller=caller, limit=page.limit, offset=page.offset
    )
    return [user_out(u) for u in users]


@router.delete(
    "/users/{user_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses={
        204: {"description": "Deleted: the account and all its data are gone."},
        **problems(404, 409),
    },
    summary="Delete an account and all its data",
)
def delete_user(user_id: UserIdPath, caller: CurrentUser, session: SessionDep) -> Response:
    """Removes the account, its profile, resume (file included) and scores."""
    accounts.admin_delete_user(session=session, caller=caller, user_id=user_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
