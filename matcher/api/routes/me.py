"""Graduates: their resume, what the engine found, their choices, their data."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Query, Response, UploadFile, status

from matcher.api import convert
from matcher.api.deps import CurrentUser, EngineDep, SessionDep
from matcher.api.params import RequestIdPath, RoleIdPath, example
from matcher.api.routes._responses import problems
from matcher.api.schemas import (
    CompetenciesOut,
    ContactAnswerIn,
    GapAnalysisOut,
    GraduateContactRequestOut,
    ProfileOut,
    ProfileSettingsIn,
    ResumeOut,
    RoleScoreOut,
    SkillOut,
)
from matcher.api.uploads import RESUME_MEDIA_TYPES, read_upload
from matcher.usecases import accounts, contacts, graduates

router = APIRouter(prefix="/api/v1/me", tags=["graduates"], responses=problems(401, 403))


@router.post(
    "/resume",
    status_code=status.HTTP_201_CREATED,
    responses=problems(400, 413, 415, 422, 503),
    summary="Upload a resume",
)
def upload_resume(
    file: Annotated[
        UploadFile, File(description="PDF (with a text layer), DOCX, ODT, RTF, HTML or text.")
    ],
    caller: CurrentUser,
    session: SessionDep,
    engine: EngineDep,
) -> ResumeOut:
    """Read and analyse a resume; it replaces the previous one (file and results).

    The original file is kept (with its SHA-256) until the graduate replaces it or
    deletes their data. Over ``MATCHER_MAX_FILE_BYTES`` is refused with 413.
    """
    data = read_upload(file, max_bytes=engine.settings.max_file_bytes)
    resume = graduates.process_resume(
        session=session,
        engine=engine,
        caller=caller,
        data=data,
        filename=file.filename or "resume",
    )
    return convert.resume_out(resume)


@router.get(
    "/resume/file",
    response_class=Response,
    responses={
        200: {
            "description": "The original file, with the media type it was uploaded with.",
            "content": {
                media: {"schema": {"type": "string", "format": "binary"}}
                for media in RESUME_MEDIA_TYPES
            },
        },
        **problems(404),
    },
    summary="Download the original file",
)
def download_resume(caller: CurrentUser, session: SessionDep) -> Response:
    """The uploaded file, byte for byte, with its detected format's media type."""
    resume, stored = graduates.my_resume_file(session=session, caller=caller)
    # Files stored before the type was derived from the format carry the client's.
    media_type = (
        stored.media_type if stored.media_type in RESUME_MEDIA_TYPES else "application/octet-stream"
    )
    # Set as a header, not as media_type: Starlette would add "charset=utf-8" to a text
    # type, which is wrong for a resume saved in another encoding (UTF-16, cp1252).
    return Response(
        content=stored.content,
        headers={
            "Content-Type": media_type,
            "Content-Disposition": 'attachment; filename="resume"',
            "X-Content-Type-Options": "nosniff",
        },
    )


@router.get("/profile", summary="My parsed profile")
def get_profile(caller: CurrentUser, session: SessionDep) -> ProfileOut:
    """Contact, education, jobs, certifications, and the choices made (searchable...)."""
    return convert.profile_out(graduates.my_profile(session=session, caller=caller))


@router.patch("/profile", responses=problems(422), summary="Set searchable, remote, level")
def update_profile(
    body: ProfileSettingsIn, caller: CurrentUser, session: SessionDep, engine: EngineDep
) -> ProfileOut:
    """Opt in to (or out of) employers' searches, and say what you are open to."""
    profile = graduates.update_my_settings(
        session=session,
        engine=engine,
        caller=caller,
        searchable=body.searchable,
        open_to_remote=body.open_to_remote,
        program_level=body.program_level,
        # PATCH: an omitted field stays; an explicit null forgets the program level.
        clear_program_level="program_level" in body.model_fields_set and body.program_level is None,
    )
    return convert.profile_out(profile)


@router.get("/skills", responses=problems(404), summary="My skills with evidence")
def get_skills(caller: CurrentUser, session: SessionDep) -> list[SkillOut]:
    """Every skill found, held first, with offsets into the resume text and the section."""
    return convert.skills_out(graduates.my_resume(session=session, caller=caller))


@router.get("/roles", responses=problems(404), summary="My fit for the twelve roles")
def get_roles(caller: CurrentUser, session: SessionDep) -> list[RoleScoreOut]:
    """Role scores (0..100) and probabilities (0..1), best first, with matched/missing."""
    resume = graduates.my_resume(session=session, caller=caller)
    return [convert.role_score_out(r) for r in resume.role_scores]


@router.get("/competencies", responses=problems(404), summary="My competency profile")
def get_competencies(caller: CurrentUser, session: SessionDep) -> CompetenciesOut:
    """Level 0..4 per block of the EHR/HIM competency model, and per tier."""
    return convert.competencies_out(graduates.my_resume(session=session, caller=caller))


@router.get("/gaps/{role_id}", responses=problems(404, 422), summary="What I lack for a role")
def get_gaps(
    role_id: RoleIdPath,
    caller: CurrentUser,
    session: SessionDep,
    engine: EngineDep,
    limit: Annotated[
        int | None,
        Query(
            ge=0,
            le=200,
            description="Most skills listed as missing and as upgrades.",
            openapi_examples=example(10, "the ten heaviest"),
        ),
    ] = 20,
) -> GapAnalysisOut:
    """Missing skills heaviest first, where to learn them, and the score reachable."""
    gaps = graduates.my_gaps(
        session=session, engine=engine, caller=caller, role_id=role_id, limit=limit
    )
    return convert.gap_out(gaps)


@router.get("/contact-requests", summary="Employers asking to contact me")
def get_contact_requests(
    caller: CurrentUser, session: SessionDep
) -> list[GraduateContactRequestOut]:
    """Requests from organisations, newest first."""
    rows = contacts.list_my_contact_requests(session=session, caller=caller)
    return [convert.graduate_contact_out(r) for r in rows]


@router.post(
    "/contact-requests/{request_id}",
    responses=problems(404),
    summary="Accept or decline a contact request",
)
def answer_contact_request(
    request_id: RequestIdPath, body: ContactAnswerIn, caller: CurrentUser, session: SessionDep
) -> GraduateContactRequestOut:
    """Accepting shows your name and contact details to that organisation only."""
    row = contacts.answer_contact_request(
        session=session, caller=caller, request_id=request_id, accept=body.accept
    )
    return convert.graduate_contact_out(row)


@router.delete(
    "",
    status_code=status.HTTP_204_NO_CONTENT,
    responses={
        204: {"description": "Deleted: the account and all its data are gone."},
        **problems(409),
    },
    summary="Delete my account and data",
)
def delete_me(caller: CurrentUser, session: SessionDep) -> Response:
    """Removes the account, profile, resume (the file too), scores and contact requests."""
    accounts.delete_account(session=session, caller=caller, user_id=caller.user_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
