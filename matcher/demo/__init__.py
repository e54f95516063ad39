"""Synthetic demo data: a few graduates, two employer organisations, an admin.

Loaded by the service at start into an empty database when ``Settings.load_demo_data``
(development mode, unless ``MATCHER_DEMO_DATA=false``), so that every endpoint can be
tried from the OpenAPI page at once. The resumes in ``resumes/`` are written for this
purpose: the people, employers and contact details do not exist. Every demo account has
the password :data:`DEMO_PASSWORD`; the credentials are logged in development mode only.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from importlib.resources import files

from matcher.config import Settings
from matcher.service import MatchingEngine
from matcher.store import Store
from matcher.store.accounts import count_users
from matcher.usecases import (
    answer_contact_request,
    create_organisation,
    create_user,
    post_job,
    principal_of,
    process_resume,
    register_graduate,
    request_contact,
    update_my_settings,
)

__all__ = ["DEMO_ACCOUNTS", "DEMO_PASSWORD", "DemoGraduate", "load_demo_data"]

log = logging.getLogger(__name__)

DEMO_PASSWORD = "demo-password"


@dataclass(frozen=True)
class DemoGraduate:
    """A demo graduate: resume file key, name, and the choices they made."""

    key: str
    name: str
    searchable: bool
    open_to_remote: bool
    program_level: str

    @property
    def email(self) -> str:
        """The sign-in email."""
        return f"{self.key}@demo.example.org"


GRADUATES = (
    DemoGraduate("avery", "Avery Demo", True, False, "university"),
    DemoGraduate("casey", "Casey Demo", True, True, "university"),
    DemoGraduate("morgan", "Morgan Demo", True, False, "community-college"),
    DemoGraduate("riley", "Riley Demo", False, True, "community-college"),
)
ORGANISATIONS = {
    "Prairie Rural Health Clinic": "hiring@prairie.demo.example.org",
    "Lakeside Community Hospital": "talent@lakeside.demo.example.org",
}
ADMIN_EMAIL = "admin@demo.example.org"

#: (role, email, what it shows) for every demo account.
DEMO_ACCOUNTS: tuple[tuple[str, str, str], ...] = (
    ("admin", ADMIN_EMAIL, "creates organisations and accounts"),
    *(("employer", email, org) for org, email in ORGANISATIONS.items()),
    *(
        (
            "graduate",
            g.email,
            "searchable" if g.searchable else "not searchable (hidden from employers)",
        )
        for g in GRADUATES
    ),
)


def _text(*parts: str) -> bytes:
    return files("matcher.demo").joinpath(*parts).read_bytes()


def load_demo_data(*, store: Store, engine: MatchingEngine, settings: Settings) -> bool:
    """Fill an empty database with the demo accounts, resumes, a job and a contact request.

    Args:
        store: the open store.
        engine: the loaded engine (analyses the demo resumes).
        settings: the credentials are logged only in development mode.

    Returns:
        True if the data was loaded, False if the database already had users.
    """
    with store.sessions() as session:
        if count_users(session=session) > 0:
            return False
        create_user(
            session=session,
            caller=None,
            email=ADMIN_EMAIL,
            password=DEMO_PASSWORD,
            role="admin",
            display_name="Demo admin",
        )
        employers = []
        for org_name, email in ORGANISATIONS.items():
            org = create_organisation(session=session, caller=None, name=org_name)
            user = create_user(
                session=session,
                caller=None,
                email=email,
                password=DEMO_PASSWORD,
                role="employer",
                display_name=f"Recruiter, {org_name}",
                organisation_id=org.id,
            )
            employers.append(principal_of(user))
        graduates = {}
        for grad in GRADUATES:
            user = register_graduate(
                session=session, email=grad.email, password=DEMO_PASSWORD, display_name=grad.name
            )
            caller = principal_of(user)
            resume = process_resume(
                session=session,
                engine=engine,
                caller=caller,
                data=_text("resumes", f"{grad.key}.txt"),
                filename=f"{grad.key}.txt",
            )
            update_my_settings(
                session=session,
                engine=engine,
                caller=caller,
                searchable=grad.searchable,
                open_to_remote=grad.open_to_remote,
                program_level=grad.program_level,
            )
            graduates[grad.key] = (caller, resume.profile_id)
        job = post_job(
            session=session,
            engine=engine,
            caller=employers[0],
            title="EHR Implementation Support Specialist",
            text=_text("jobs", "implementation.txt").decode(),
        )
        morgan, morgan_profile = graduates["morgan"]
        request = request_contact(
            session=session,
            caller=employers[0],
            candidate_id=morgan_profile,
            message="We are moving our clinics to Epic; would you like to talk?",
            job_id=job.id,
        )
        answer_contact_request(session=session, caller=morgan, request_id=request.id, accept=True)
        session.commit()
    if settings.development:
        lines = "\n".join(f"  {role:<9} {email:<36} {what}" for role, email, what in DEMO_ACCOUNTS)
        log.warning(
            "demo data loaded (development mode). Every demo account's password is %r:\n%s",
            DEMO_PASSWORD,
            lines,
        )
    return True
