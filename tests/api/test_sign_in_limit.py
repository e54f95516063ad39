"""Brute-force limit on POST /api/v1/auth/token: 429 problem+json with Retry-After."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from matcher.api.main import create_app
from matcher.service import MatchingEngine
from tests.api.conftest import PASSWORD, api_settings, database_url

WINDOW = 600


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def client(
    request: pytest.FixtureRequest, tmp_path: Path, toy_engine: MatchingEngine
) -> Iterator[TestClient]:
    for url in database_url(request.param, tmp_path):
        settings = api_settings(
            url,
            sign_in_max_failures=3,
            sign_in_max_failures_per_client=6,
            sign_in_window_seconds=WINDOW,
        )
        with TestClient(create_app(settings, engine=toy_engine)) as test_client:
            for who in ("target", "bystander"):
                response = test_client.post(
                    "/api/v1/auth/register",
                    json={"email": f"{who}@example.org", "password": PASSWORD},
                )
                assert response.status_code == 201, response.text
            yield test_client


def _sign_in(client: TestClient, email: str, password: str) -> int:
    response = client.post("/api/v1/auth/token", data={"username": email, "password": password})
    return response.status_code


def test_sign_in_locks_an_account_after_too_many_failures(client: TestClient) -> None:
    statuses = [_sign_in(client, "target@example.org", "wrong guess!") for _ in range(3)]
    assert statuses == [401, 401, 401]

    locked = client.post(
        "/api/v1/auth/token", data={"username": "TARGET@example.org", "password": PASSWORD}
    )

    assert locked.status_code == 429
    assert locked.headers["content-type"] == "application/problem+json"
    assert 0 < int(locked.headers["Retry-After"]) <= WINDOW
    body = locked.json()
    assert body["status"] == 429 and body["title"] == "Too many requests"
    assert "try again in" in body["detail"] and "example.org" not in body["detail"]
    assert _sign_in(client, "bystander@example.org", PASSWORD) == 200


def test_sign_in_success_clears_the_failures(client: TestClient) -> None:
    for _ in range(2):
        assert _sign_in(client, "target@example.org", "wrong guess!") == 401
    assert _sign_in(client, "target@example.org", PASSWORD) == 200
    for _ in range(2):
        assert _sign_in(client, "target@example.org", "wrong guess!") == 401
    assert _sign_in(client, "target@example.org", PASSWORD) == 200


def test_sign_in_limits_one_address_trying_many_accounts(client: TestClient) -> None:
    statuses = [_sign_in(client, f"user{i}@example.org", "Winter2026!") for i in range(6)]
    assert statuses == [401] * 6  # no account had more than one failure

    refused = client.post(
        "/api/v1/auth/token", data={"username": "bystander@example.org", "password": PASSWORD}
    )

    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) > 0
    assert "network address" in refused.json()["detail"]


def test_sign_in_limits_unknown_emails_alike(client: TestClient) -> None:
    statuses = [_sign_in(client, "nobody@example.org", "guess") for _ in range(4)]
    assert statuses == [401, 401, 401, 429]


def test_sign_in_lock_logs_no_email(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    for _ in range(4):
        _sign_in(client, "target@example.org", "wrong guess!")
    assert "too many failed attempts" in caplog.text
    assert "target" not in caplog.text and "wrong guess" not in caplog.text


def test_sign_in_documents_the_429(client: TestClient) -> None:
    operation = client.app.openapi()["paths"]["/api/v1/auth/token"]["post"]  # type: ignore[attr-defined]
    assert "429" in operation["responses"]
