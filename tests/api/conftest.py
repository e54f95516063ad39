"""A running app over a real database (SQLite file, and PostgreSQL when configured) with
a small world: an admin, two employer organisations, graduates with resumes, a job."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from matcher.api.main import create_app
from matcher.config import Settings
from matcher.service import MatchingEngine
from matcher.store import make_engine
from matcher.usecases import create_user
from tests.conftest import POSTGRES_URL_VAR, TOY_DATA, TOY_RESUME

PASSWORD = "correct horse battery"
SECRET = "test-secret-" + "x" * 40

OTHER_RESUME = """Sam Hidden
sam.hidden@example.org | (555) 010-9999
Omaha, NE

SKILLS
ServiceNow, Microsoft Excel, teamwork

EXPERIENCE
Support Technician, Example Clinic, Jan 2020 - Dec 2020
Closed ServiceNow tickets.
"""


def database_url(kind: str, directory: Path) -> Iterator[str]:
    """A fresh database: a SQLite file in ``directory``, or a new PostgreSQL schema."""
    if kind == "sqlite":
        yield f"sqlite:///{directory / 'api.sqlite3'}"
        return
    base = os.environ.get(POSTGRES_URL_VAR)
    if not base:
        pytest.skip(f"{POSTGRES_URL_VAR} is not set: no PostgreSQL server to test against")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = make_engine(base)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    separator = "&" if "?" in base else "?"
    try:
        yield f"{base}{separator}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def api_settings(url: str, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "data_dir": TOY_DATA,
        "database_url": url,
        "secret_key": SECRET,
        "demo_data": False,
        **overrides,
    }
    return Settings(**values)  # type: ignore[arg-type]


@dataclass
class World:
    """The app's client and who is in it."""

    client: TestClient
    tokens: dict[str, str] = field(default_factory=dict)
    ids: dict[str, uuid.UUID] = field(default_factory=dict)

    def auth(self, who: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[who]}"} if who in self.tokens else {}

    def login(self, email: str, password: str = PASSWORD) -> str:
        response = self.client.post(
            "/api/v1/auth/token", data={"username": email, "password": password}
        )
        assert response.status_code == 200, response.text
        return str(response.json()["access_token"])

    def graduate(self, key: str, resume: str | None, *, searchable: bool) -> None:
        email = f"{key}@example.org"
        response = self.client.post(
            "/api/v1/auth/register",
            json={"email": email, "password": PASSWORD, "display_name": key},
        )
        assert response.status_code == 201, response.text
        self.ids[f"{key}_user"] = uuid.UUID(response.json()["id"])
        self.tokens[key] = self.login(email)
        if resume is not None:
            upload = self.client.post(
                "/api/v1/me/resume",
                headers=self.auth(key),
                files={"file": (f"{key}.txt", resume.encode(), "text/plain")},
            )
            assert upload.status_code == 201, upload.text
        profile = self.client.patch(
            "/api/v1/me/profile",
            headers=self.auth(key),
            json={"searchable": searchable, "program_level": "university"},
        )
        assert profile.status_code == 200, profile.text
        self.ids[key] = uuid.UUID(profile.json()["candidate_id"])


def build_world(client: TestClient) -> World:
    world = World(client)
    store = client.app.state.store  # type: ignore[attr-defined]
    with store.sessions() as session:
        create_user(
            session=session,
            caller=None,
            email="admin@example.org",
            password=PASSWORD,
            role="admin",
            display_name="Admin",
        )
        session.commit()
    world.tokens["admin"] = world.login("admin@example.org")
    for key, name in (("employer_a", "Org A"), ("employer_b", "Org B")):
        org = client.post(
            "/api/v1/admin/organisations", headers=world.auth("admin"), json={"name": name}
        )
        assert org.status_code == 201, org.text
        world.ids[f"{key}_org"] = uuid.UUID(org.json()["id"])
        user = client.post(
            "/api/v1/admin/users",
            headers=world.auth("admin"),
            json={
                "email": f"{key}@example.org",
                "password": PASSWORD,
                "role": "employer",
                "display_name": key,
                "organisation_id": org.json()["id"],
            },
        )
        assert user.status_code == 201, user.text
        world.tokens[key] = world.login(f"{key}@example.org")
    world.graduate("graduate", TOY_RESUME, searchable=True)
    world.graduate("hidden", OTHER_RESUME, searchable=False)
    job = client.post(
        "/api/v1/jobs",
        headers=world.auth("employer_a"),
        json={
            "title": "Interface developer",
            "text": "Required: 2+ years of Python and SQL. Preferred: HL7 v2, Epic.",
        },
    )
    assert job.status_code == 201, job.text
    world.ids["job_a"] = uuid.UUID(job.json()["id"])
    return world


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def world(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    toy_engine: MatchingEngine,
) -> Iterator[World]:
    """One app and its accounts per test module and backend (read-mostly tests)."""
    for url in database_url(request.param, tmp_path_factory.mktemp("api")):
        with TestClient(create_app(api_settings(url), engine=toy_engine)) as client:
            yield build_world(client)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def fresh_world(
    request: pytest.FixtureRequest, tmp_path: Path, toy_engine: MatchingEngine
) -> Iterator[World]:
    """A world of its own, for tests that change or delete things."""
    for url in database_url(request.param, tmp_path):
        with TestClient(create_app(api_settings(url), engine=toy_engine)) as client:
            yield build_world(client)
