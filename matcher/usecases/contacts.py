"""Contact requests: an employer asks, the graduate accepts (revealing contact) or declines."""

from __future__ import annotations

import uuid

from matcher.errors import ConflictError, InputError, NotFoundError
from matcher.store import Session
from matcher.store import contacts as repo
from matcher.store import jobs as jobs_repo
from matcher.store.orm import ContactRequestRow
from matcher.store.search import find_searchable_resume
from matcher.usecases.common import Principal, organisation_of
from matcher.usecases.graduates import my_profile

__all__ = [
    "answer_contact_request",
    "list_contact_requests",
    "list_my_contact_requests",
    "request_contact",
]

MAX_MESSAGE_CHARS = 2_000


def request_contact(
    *,
    session: Session,
    caller: Principal,
    candidate_id: uuid.UUID,
    message: str,
    job_id: uuid.UUID | None = None,
) -> ContactRequestRow:
    """Ask an opted-in candidate to reveal their name and contact details.

    Raises:
        AccessDeniedError: the caller is not an employer.
        NotFoundError: no such searchable candidate, or the job is not the organisation's.
        ConflictError: the organisation already asked this candidate.
    """
    organisation_id = organisation_of(caller)
    if len(message) > MAX_MESSAGE_CHARS:
        raise InputError(f"the message is over {MAX_MESSAGE_CHARS} characters")
    if find_searchable_resume(session=session, profile_id=candidate_id) is None:
        raise NotFoundError(f"no searchable candidate with id {candidate_id}")
    if job_id is not None and (
        jobs_repo.find_job(session=session, organisation_id=organisation_id, job_id=job_id) is None
    ):
        raise NotFoundError(f"no job with id {job_id} in your organisation")
    existing = repo.find_contact_request(
        session=session, organisation_id=organisation_id, profile_id=candidate_id
    )
    if existing is not None:
        raise ConflictError(
            f"your organisation already asked this candidate (request {existing.id}, "
            f"{existing.status})"
        )
    return repo.add_contact_request(
        session=session,
        organisation_id=organisation_id,
        profile_id=candidate_id,
        requested_by=caller.user_id,
        job_id=job_id,
        message=message.strip(),
    )


def list_contact_requests(*, session: Session, caller: Principal) -> list[ContactRequestRow]:
    """The requests the caller's organisation made."""
    return repo.list_for_organisation(session=session, organisation_id=organisation_of(caller))


def list_my_contact_requests(*, session: Session, caller: Principal) -> list[ContactRequestRow]:
    """The requests made to the calling graduate."""
    profile = my_profile(session=session, caller=caller)
    return repo.list_for_profile(session=session, profile_id=profile.id)


def answer_contact_request(
    *, session: Session, caller: Principal, request_id: uuid.UUID, accept: bool
) -> ContactRequestRow:
    """Accept (reveal name and contact details to that organisation) or decline.

    An answer can be changed: declining after accepting hides the details again.

    Raises:
        NotFoundError: no such request made to the calling graduate.
    """
    profile = my_profile(session=session, caller=caller)
    request = repo.find_contact_request(
        session=session, request_id=request_id, profile_id=profile.id
    )
    if request is None:
        raise NotFoundError(f"no contact request with id {request_id} for you")
    repo.set_status(session=session, request=request, status="accepted" if accept else "declined")
    return request
