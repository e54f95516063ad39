"""The application: health, problem details, request ids, OpenAPI, settings, demo data."""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine

from matcher.api.main import create_app
from matcher.demo import DEMO_ACCOUNTS, DEMO_PASSWORD
from matcher.errors import ConfigurationError
from matcher.service import MatchingEngine
from matcher.store import Store, make_session_factory
from matcher.usecases import check_service_settings
from matcher.usecases.analysis_slot import analysis_slot
from tests.api.conftest import World, api_settings
from tests.conftest import TOY_RESUME


def test_health(world: World) -> None:
    body = world.client.get("/health").json()
    assert body["status"] == "ok" and body["roles"] == 3
    assert body["store"] in ("sqlite", "postgresql")


def test_request_id_is_echoed_and_in_problems(world: World) -> None:
    response = world.client.get(
        "/api/v1/me/profile", headers={"X-Request-ID": "client-chosen-id-1"}
    )
    assert response.status_code == 401
    assert response.headers["x-request-id"] == "client-chosen-id-1"
    assert response.json()["request_id"] == "client-chosen-id-1"
    odd = world.client.get("/health", headers={"X-Request-ID": "bad id\nwith newline"})
    assert odd.headers["x-request-id"] != "bad id\nwith newline"


def test_unknown_path_is_a_problem(world: World) -> None:
    response = world.client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["title"] == "Not Found"


def test_register_conflicts_and_bad_fields(world: World) -> None:
    taken = world.client.post(
        "/api/v1/auth/register",
        json={"email": "Graduate@Example.org ", "password": "long enough pw"},
    )
    assert taken.status_code == 409
    assert "already exists" in taken.json()["detail"]
    short = world.client.post(
        "/api/v1/auth/register", json={"email": "new@example.org", "password": "short"}
    )
    assert short.status_code == 422 and "password" in short.json()["detail"]
    bad = world.client.post(
        "/api/v1/auth/register", json={"email": "not-an-email", "password": "long enough pw"}
    )
    assert bad.status_code == 422 and "email" in bad.json()["detail"]


def test_wrong_password_is_401_without_saying_which_part_was_wrong(world: World) -> None:
    for username in ("graduate@example.org", "nobody@example.org"):
        response = world.client.post(
            "/api/v1/auth/token", data={"username": username, "password": "wrong password"}
        )
        assert response.status_code == 401
        assert response.json()["detail"] == "wrong email or password"


def test_openapi_documents_every_operation(world: World) -> None:
    spec = world.client.get("/openapi.json").json()
    operations = [
        (path, method, op)
        for path, methods in spec["paths"].items()
        for method, op in methods.items()
    ]
    assert len(operations) >= 28
    for path, method, op in operations:
        assert path == "/health" or path.startswith("/api/v1/"), path
        assert op.get("summary"), (path, method)
        assert op.get("description"), (path, method)
    upload = spec["paths"]["/api/v1/me/resume"]["post"]["responses"]
    assert {"201", "401", "403", "413", "415", "422"} <= set(upload)
    assert "application/problem+json" in upload["413"]["content"]
    assert spec["components"]["schemas"]["JobIn"]["examples"]
    assert "OAuth2PasswordBearer" in spec["components"]["securitySchemes"]


def test_production_needs_a_secret_and_refuses_demo_data(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'p.sqlite3'}"
    with pytest.raises(ConfigurationError, match="MATCHER_SECRET_KEY"):
        check_service_settings(api_settings(url, environment="production", secret_key=None))
    with pytest.raises(ConfigurationError, match="MATCHER_SECRET_KEY"):
        check_service_settings(api_settings(url, environment="production", secret_key="short"))
    with pytest.raises(ConfigurationError, match="demo"):
        check_service_settings(api_settings(url, environment="production", demo_data=True))
    check_service_settings(api_settings(url, environment="production"))
    settings = api_settings(url, environment="production", secret_key=None)
    with pytest.raises(ConfigurationError), TestClient(create_app(settings)):
        pass


def test_demo_data_loads_once_into_an_empty_database(
    tmp_path: Path, toy_engine: MatchingEngine
) -> None:
    settings = api_settings(f"sqlite:///{tmp_path / 'demo.sqlite3'}", demo_data=True)
    for _ in range(2):  # a second start finds users and loads nothing more
        with TestClient(create_app(settings, engine=toy_engine)) as client:
            users = []
            for role, email, _what in DEMO_ACCOUNTS:
                token = client.post(
                    "/api/v1/auth/token", data={"username": email, "password": DEMO_PASSWORD}
                )
                assert token.status_code == 200, email
                me = client.get(
                    "/api/v1/users/me",
                    headers={"Authorization": f"Bearer {token.json()['access_token']}"},
                ).json()
                assert me["role"] == role
                users.append(me)
            admin = next(u for u in users if u["role"] == "admin")
            assert admin
            employer = client.post(
                "/api/v1/auth/token",
                data={"username": DEMO_ACCOUNTS[1][1], "password": DEMO_PASSWORD},
            ).json()["access_token"]
            auth = {"Authorization": f"Bearer {employer}"}
            jobs = client.get("/api/v1/jobs", headers=auth).json()
            assert jobs["total"] == 1
            ranking = client.get(f"/api/v1/jobs/{jobs['items'][0]['id']}/candidates", headers=auth)
            items = ranking.json()["items"]
            assert len(items) == 3  # riley is not searchable
            assert [i["candidate"]["revealed"] for i in items].count(True) == 1


def test_unexpected_error_is_a_500_problem_with_its_request_id_and_no_data_in_logs(
    tmp_path: Path, toy_engine: MatchingEngine, caplog: pytest.LogCaptureFixture
) -> None:
    app = create_app(api_settings(f"sqlite:///{tmp_path / 'e.sqlite3'}"), engine=toy_engine)

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("duplicate key: jordan.sample@example.org")

    caplog.set_level(logging.DEBUG)
    # The default client re-raises any exception that reaches the server: none must.
    with TestClient(app) as client:
        response = client.get("/boom", headers={"X-Request-ID": "trace-me-500"})
    assert response.status_code == 500
    assert response.headers["x-request-id"] == "trace-me-500"
    assert response.json()["request_id"] == "trace-me-500"
    assert "RuntimeError" in caplog.text
    assert "example.org" not in caplog.text
    assert any("GET /boom -> 500" in r.getMessage() for r in caplog.records)


def test_busy_analysis_is_a_503_with_retry_after(
    tmp_path: Path, toy_engine: MatchingEngine
) -> None:
    hurried = replace(
        toy_engine, settings=toy_engine.settings.model_copy(update={"analysis_wait_seconds": 0.2})
    )
    app = create_app(api_settings(f"sqlite:///{tmp_path / 'b.sqlite3'}"), engine=hurried)
    with TestClient(app) as client:
        world = World(client)
        world.graduate("busy", None, searchable=False)
        with analysis_slot(hurried.settings):  # another request is being analysed
            response = client.post(
                "/api/v1/me/resume",
                headers=world.auth("busy"),
                files={"file": ("cv.txt", TOY_RESUME.encode(), "text/plain")},
            )
        assert response.status_code == 503, response.text
        assert response.headers["retry-after"] == "1"
        assert "busy" in response.json()["detail"]
        retried = client.post(
            "/api/v1/me/resume",
            headers=world.auth("busy"),
            files={"file": ("cv.txt", TOY_RESUME.encode(), "text/plain")},
        )
        assert retried.status_code == 201, retried.text


def test_an_exhausted_connection_pool_is_a_503_not_a_500(
    tmp_path: Path, toy_engine: MatchingEngine
) -> None:
    url = f"sqlite:///{tmp_path / 'pool.sqlite3'}"
    app = create_app(api_settings(url), engine=toy_engine)
    with TestClient(app) as client:
        world = World(client)
        world.graduate("waiting", None, searchable=False)
        # One pooled connection, given up on after 0.2 s, and held by another request.
        tiny = create_engine(url, pool_size=1, max_overflow=0, pool_timeout=0.2)
        app.state.store = Store(engine=tiny, sessions=make_session_factory(tiny))
        try:
            with tiny.connect():
                response = client.get("/api/v1/me/profile", headers=world.auth("waiting"))
            assert response.status_code == 503, response.text
            assert response.headers["retry-after"] == "5"
            assert "busy" in response.json()["detail"]
            freed = client.get("/api/v1/me/profile", headers=world.auth("waiting"))
            assert freed.status_code == 200
        finally:
            tiny.dispose()
