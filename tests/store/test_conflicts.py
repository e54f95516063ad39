"""Two requests racing past a duplicate check meet the database's constraint: 409, not 500.

Each test plays the race out deterministically: the second writer's session inserts
what the first has just committed, as if its own check had run before that commit.
"""

from __future__ import annotations

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from matcher.errors import ConflictError
from matcher.service import MatchingEngine
from matcher.store import Session, Store, release_connection
from matcher.store import accounts as accounts_repo
from matcher.store import contacts as contacts_repo
from matcher.store.orm import ContactRequestRow, GraduateProfileRow, ResumeRow, UserRow
from matcher.usecases import delete_account, principal_of
from tests.store.test_store import _graduate, _store_resume, save_analysed_resume


def test_the_same_email_registered_twice_is_a_conflict(store: Store) -> None:
    _graduate(store, "twin@example.org")
    with store.sessions() as session, pytest.raises(ConflictError, match="email already exists"):
        accounts_repo.add_user(
            session=session,
            email="twin@example.org",
            password_hash="x",
            role="graduate",
            display_name="Twin",
        )
    with store.sessions() as session:
        count = select(func.count()).select_from(UserRow).where(UserRow.email == "twin@example.org")
        assert session.scalar(count) == 1


def test_the_same_organisation_name_twice_is_a_conflict(store: Store) -> None:
    with store.sessions() as session:
        accounts_repo.add_organisation(session=session, name="Valley Clinic")
        session.commit()
    with store.sessions() as session, pytest.raises(ConflictError, match="name already exists"):
        accounts_repo.add_organisation(session=session, name="Valley Clinic")


def test_two_uploads_saved_at_once_keep_one_resume(
    store: Store, toy_engine: MatchingEngine
) -> None:
    user = _graduate(store, "racer@example.org")
    with store.sessions() as late:
        profile = late.scalars(
            select(GraduateProfileRow).where(GraduateProfileRow.user_id == user.id)
        ).one()
        assert profile.resume is None  # what the late request saw
        first = _store_resume(store, toy_engine, user)  # the other request commits first
        with pytest.raises(ConflictError, match="upload it again"):
            save_analysed_resume(late, profile, toy_engine)
    with store.sessions() as session:
        kept = session.scalars(select(ResumeRow)).all()
        assert [r.id for r in kept] == [first.id]


def test_the_same_contact_request_twice_is_a_conflict(store: Store) -> None:
    user = _graduate(store, "asked@example.org")
    with store.sessions() as session:
        org = accounts_repo.add_organisation(session=session, name="Hill Hospital")
        profile_id = session.scalars(
            select(GraduateProfileRow.id).where(GraduateProfileRow.user_id == user.id)
        ).one()
        session.commit()
        org_id = org.id
    with store.sessions() as session:
        _ask(session, org_id, profile_id)
        session.commit()
    with store.sessions() as session, pytest.raises(ConflictError, match="already asked"):
        _ask(session, org_id, profile_id)
    with store.sessions() as session:
        assert session.scalar(select(func.count()).select_from(ContactRequestRow)) == 1


def _ask(session: Session, organisation_id: uuid.UUID, profile_id: uuid.UUID) -> None:
    contacts_repo.add_contact_request(
        session=session,
        organisation_id=organisation_id,
        profile_id=profile_id,
        requested_by=None,  # type: ignore[arg-type]
        job_id=None,
        message="Hello",
    )


def test_admins_deleting_themselves_at_once_leave_one_admin(store: Store) -> None:
    admins = []
    with store.sessions() as session:
        for n in range(3):
            admins.append(
                accounts_repo.add_user(
                    session=session,
                    email=f"admin{n}@example.org",
                    password_hash="x",
                    role="admin",
                    display_name=f"Admin {n}",
                )
            )
        session.commit()
    barrier = threading.Barrier(len(admins))

    def delete_self(user: UserRow) -> str:
        barrier.wait()
        with store.sessions() as session:
            try:
                delete_account(session=session, caller=principal_of(user), user_id=user.id)
                session.commit()
            except ConflictError:
                session.rollback()
                return "refused"
        return "deleted"

    with ThreadPoolExecutor(max_workers=len(admins)) as pool:
        answers = list(pool.map(delete_self, admins))
    with store.sessions() as session:
        left = accounts_repo.count_active_admins(session=session)
    assert left >= 1
    assert answers.count("deleted") == len(admins) - left


def test_release_connection_ends_the_transaction_and_keeps_loaded_rows(store: Store) -> None:
    user = _graduate(store, "slow@example.org")
    with store.sessions() as session:
        row = session.get(UserRow, user.id)
        assert row is not None and session.in_transaction()
        release_connection(session)
        assert not session.in_transaction()
        assert row.email == "slow@example.org"  # still loaded: no query, no connection
        assert not session.in_transaction()
