"""The store on SQLite and PostgreSQL: migrations, resume round trip, cascade deletion."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, inspect, select

from matcher.service import MatchingEngine
from matcher.store import Base, Session, Store, current_revision, head_revision
from matcher.store import accounts as accounts_repo
from matcher.store.migrate import downgrade_database, upgrade_database
from matcher.store.orm import (
    CandidateSkillRow,
    CompetencyScoreRow,
    GraduateProfileRow,
    ResumeFileRow,
    ResumeRow,
    RoleScoreRow,
    SkillMentionRow,
    UserRow,
)
from matcher.store.resumes import StoredFile, candidate_profile, save_resume
from matcher.store.search import CandidateFilters, candidate_pool, role_ranking
from matcher.usecases.graduates import stored_analysis
from tests.conftest import TOY_RESUME

RESUME_TABLES = (
    ResumeRow,
    ResumeFileRow,
    SkillMentionRow,
    CandidateSkillRow,
    RoleScoreRow,
    CompetencyScoreRow,
)


def _count(store: Store, table: type[Base]) -> int:
    with store.sessions() as session:
        return session.scalar(select(func.count()).select_from(table)) or 0


def _graduate(store: Store, email: str, *, searchable: bool = True) -> UserRow:
    with store.sessions() as session:
        user = accounts_repo.add_user(
            session=session, email=email, password_hash="x", role="graduate", display_name="G"
        )
        assert user.profile is not None
        user.profile.searchable = searchable
        session.commit()
        return user


def _store_resume(
    store: Store, engine: MatchingEngine, user: UserRow, text: str = TOY_RESUME
) -> ResumeRow:
    with store.sessions() as session:
        profile = session.scalars(
            select(GraduateProfileRow).where(GraduateProfileRow.user_id == user.id)
        ).one()
        resume = save_analysed_resume(session, profile, engine, text)
        session.commit()
        return resume


def save_analysed_resume(
    session: Session, profile: GraduateProfileRow, engine: MatchingEngine, text: str = TOY_RESUME
) -> ResumeRow:
    """Analyse ``text`` and save it as the profile's resume in ``session`` (no commit).

    The stored analysis is the service's own (``stored_analysis``), without the learned
    model's verdict and with a fixed model version, so the tests do not depend on it.
    """
    analysis = stored_analysis(engine, text, engine.analyse_resume(text))
    return save_resume(
        session=session,
        profile=profile,
        file=StoredFile("cv.txt", text.encode(), "text/plain", "txt"),
        analysis=replace(analysis, outcome=None, model_version="test-1"),
        certification_categories={"certification"},
    )


def test_migrations_match_the_orm_and_reach_head(store: Store) -> None:
    assert current_revision(store.engine) == head_revision()
    with store.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diff == []


def test_migrations_downgrade_to_nothing_and_upgrade_again(store: Store) -> None:
    downgrade_database(store.engine, revision="base")
    assert set(inspect(store.engine).get_table_names()) <= {"alembic_version"}
    upgrade_database(store.engine)
    upgrade_database(store.engine)  # a second run is a no-op
    assert "resumes" in inspect(store.engine).get_table_names()


def test_resume_round_trip_keeps_evidence_scores_and_versions(
    store: Store, toy_engine: MatchingEngine
) -> None:
    user = _graduate(store, "a@example.org")
    resume = _store_resume(store, toy_engine, user)
    analysis = toy_engine.analyse_resume(TOY_RESUME)
    with store.sessions() as session:
        row = session.get(ResumeRow, resume.id)
        assert row is not None
        assert candidate_profile(row) == analysis.profile
        assert row.sha256 == StoredFile("x", TOY_RESUME.encode(), "", "").sha256
        assert row.file is not None and row.file.content == TOY_RESUME.encode()
        assert row.state == "IL" and row.years_experience == 3.0
        assert [r.role_id for r in row.role_scores] == [r.role_id for r in analysis.roles]
        assert {r.model_version for r in row.role_scores} == {"test-1"}
        assert all(r.probability is None or 0 <= r.probability <= 1 for r in row.role_scores)
        skills = {s.skill_id: s for s in row.skills}
        assert skills["python"].mentions == 2 and skills["python"].years == 3.0


def test_a_new_resume_replaces_the_old_one(store: Store, toy_engine: MatchingEngine) -> None:
    user = _graduate(store, "b@example.org")
    _store_resume(store, toy_engine, user)
    _store_resume(store, toy_engine, user, TOY_RESUME.replace("Python, ", ""))
    assert _count(store, ResumeRow) == 1
    assert _count(store, ResumeFileRow) == 1
    with store.sessions() as session:
        row = session.scalars(select(ResumeRow)).one()
        assert b"Python, " not in (row.file.content if row.file else b"")


def test_deleting_a_user_removes_every_row_of_their_resume(
    store: Store, toy_engine: MatchingEngine
) -> None:
    keep = _graduate(store, "keep@example.org")
    gone = _graduate(store, "gone@example.org")
    _store_resume(store, toy_engine, keep)
    _store_resume(store, toy_engine, gone)
    before = {t: _count(store, t) for t in RESUME_TABLES}
    with store.sessions() as session:
        user = session.get(UserRow, gone.id)
        assert user is not None
        accounts_repo.delete_user(session=session, user=user)
        session.commit()
    for table in RESUME_TABLES:
        assert _count(store, table) * 2 == before[table], table.__tablename__
    assert _count(store, GraduateProfileRow) == 1


def test_sqlite_file_keeps_no_trace_of_a_deleted_resume(
    tmp_path: Path, toy_engine: MatchingEngine
) -> None:
    from matcher.store import open_store

    path = tmp_path / "secure.sqlite3"
    store = open_store(f"sqlite:///{path}")
    marker = "Zanzibar-Quokka-7731"
    user = _graduate(store, "z@example.org")
    _store_resume(store, toy_engine, user, TOY_RESUME.replace("Jordan Sample", marker))
    assert marker.encode() in path.read_bytes()
    with store.sessions() as session:
        row = session.get(UserRow, user.id)
        assert row is not None
        accounts_repo.delete_user(session=session, user=row)
        session.commit()
    store.close()
    assert marker.encode() not in path.read_bytes()


def test_search_returns_only_opted_in_candidates(store: Store, toy_engine: MatchingEngine) -> None:
    visible = _graduate(store, "v@example.org", searchable=True)
    hidden = _graduate(store, "h@example.org", searchable=False)
    _store_resume(store, toy_engine, visible)
    _store_resume(store, toy_engine, hidden)
    with store.sessions() as session:
        rows, total = role_ranking(
            session=session,
            role_id="trainer",
            filters=CandidateFilters(),
            min_score=0,
            limit=10,
            offset=0,
        )
        assert total == 1 and len(rows) == 1
        assert rows[0][0].profile.user_id == visible.id
        pool = candidate_pool(session=session, filters=CandidateFilters(), limit=10)
        assert [r.profile.user_id for r in pool] == [visible.id]


@pytest.mark.parametrize(
    ("filters", "found"),
    [
        (CandidateFilters(state="IL"), True),
        (CandidateFilters(state="TX"), False),
        (CandidateFilters(min_years=3), True),
        (CandidateFilters(min_years=3.5), False),
        (CandidateFilters(remote=True), False),
        (CandidateFilters(program_level="university"), False),
        (CandidateFilters(skill_groups=(frozenset({"python"}),)), True),
        (CandidateFilters(skill_groups=(frozenset({"python"}), frozenset({"rhia"}))), False),
        (CandidateFilters(certification_groups=(frozenset({"chts-tr"}),)), False),
    ],
)
def test_search_filters(
    store: Store, toy_engine: MatchingEngine, filters: CandidateFilters, found: bool
) -> None:
    user = _graduate(store, "f@example.org")
    _store_resume(store, toy_engine, user)
    with store.sessions() as session:
        pool = candidate_pool(session=session, filters=filters, limit=10)
    assert (len(pool) == 1) is found


def test_a_bounded_pool_keeps_the_candidates_with_the_preferred_skills(
    store: Store, toy_engine: MatchingEngine
) -> None:
    older = _graduate(store, "older@example.org")
    newer = _graduate(store, "newer@example.org")
    no_python = TOY_RESUME.replace("Python, ", "").replace("in Python and SQL", "in SQL")
    assert "Python" not in no_python
    _store_resume(store, toy_engine, older, no_python)
    _store_resume(store, toy_engine, newer)  # uploaded later, and the only one with Python
    python = frozenset({"python"})
    with store.sessions() as session:
        plain = candidate_pool(session=session, filters=CandidateFilters(), limit=1)
        preferred = candidate_pool(
            session=session, filters=CandidateFilters(), limit=1, prefer=[(python, 1.0)]
        )
        weighed = candidate_pool(
            session=session,
            filters=CandidateFilters(),
            limit=2,
            prefer=[(python, 1.0), (frozenset({"sql"}), 5.0)],  # both have SQL
        )
    assert [r.profile.user_id for r in plain] == [older.id]  # oldest upload first
    assert [r.profile.user_id for r in preferred] == [newer.id]
    assert [r.profile.user_id for r in weighed] == [newer.id, older.id]
