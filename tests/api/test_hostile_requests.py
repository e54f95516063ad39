"""Odd and hostile requests get a clear 4xx and change nothing (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest

from matcher.usecases.graduates import clean_filename
from tests.api.conftest import PASSWORD, World
from tests.conftest import TOY_RESUME


@pytest.mark.parametrize(
    ("path", "who", "body", "field"),
    [
        (
            "/api/v1/auth/register",
            "",
            {"email": "nul\x00@example.org", "password": PASSWORD},
            "email",
        ),
        (
            "/api/v1/auth/register",
            "",
            {"email": "ctl@example.org", "password": PASSWORD, "display_name": "A\x00B"},
            "display_name",
        ),
        ("/api/v1/jobs", "employer_a", {"title": "Analyst", "text": "\x00\x00\x00"}, "text"),
        (
            "/api/v1/auth/register",
            "",
            {"email": "rtl@example.org", "password": PASSWORD, "display_name": "Ann\u202eeoD"},
            "display_name",
        ),
        ("/api/v1/jobs", "employer_a", {"title": "An\x07alyst", "text": "Python"}, "title"),
    ],
)
def test_control_characters_in_text_fields_are_a_422_naming_the_field(
    world: World, path: str, who: str, body: dict[str, str], field: str
) -> None:
    response = world.client.post(path, headers=world.auth(who), json=body)
    assert response.status_code == 422, response.text
    assert field in response.json()["detail"]
    assert "control characters" in response.json()["detail"]


def test_sign_in_with_a_nul_in_the_email_is_a_plain_401(world: World) -> None:
    response = world.client.post(
        "/api/v1/auth/token", data={"username": "a\x00b@example.org", "password": PASSWORD}
    )
    assert response.status_code == 401


def test_profile_settings_take_booleans_only(world: World) -> None:
    me = world.auth("graduate")
    for value in ("yes", 1, None):
        response = world.client.patch("/api/v1/me/profile", headers=me, json={"searchable": value})
        assert response.status_code == 422, response.text
    assert world.client.get("/api/v1/me/profile", headers=me).json()["searchable"] is True


@pytest.mark.parametrize("path", ["/api/v1/roles/trainer/candidates", "/api/v1/jobs"])
def test_an_offset_past_any_list_is_a_422(world: World, path: str) -> None:
    response = world.client.get(path, headers=world.auth("employer_a"), params={"offset": 2**63})
    assert response.status_code == 422, response.text
    assert "offset" in response.json()["detail"]


def test_the_download_has_the_detected_type_whatever_the_client_declared(
    fresh_world: World,
) -> None:
    me = fresh_world.auth("graduate")
    upload = fresh_world.client.post(
        "/api/v1/me/resume",
        headers=me,
        files={"file": ("cv.txt", TOY_RESUME.encode(), "text/html; x=" + "y" * 150)},
    )
    assert upload.status_code == 201, upload.text
    download = fresh_world.client.get("/api/v1/me/resume/file", headers=me)
    assert download.status_code == 200
    assert download.headers["content-type"] == "text/plain"  # no charset guessed
    assert download.headers["x-content-type-options"] == "nosniff"
    assert download.content == TOY_RESUME.encode()


def test_the_last_admin_cannot_delete_their_account(fresh_world: World) -> None:
    response = fresh_world.client.delete("/api/v1/me", headers=fresh_world.auth("admin"))
    assert response.status_code == 409, response.text
    assert "only active admin" in response.json()["detail"]
    assert (
        fresh_world.client.get("/api/v1/users/me", headers=fresh_world.auth("admin")).status_code
        == 200
    )
    # With a second admin, either may go.
    created = fresh_world.client.post(
        "/api/v1/admin/users",
        headers=fresh_world.auth("admin"),
        json={"email": "second@example.org", "password": PASSWORD, "role": "admin"},
    )
    assert created.status_code == 201, created.text
    assert (
        fresh_world.client.delete("/api/v1/me", headers=fresh_world.auth("admin")).status_code
        == 204
    )


def test_a_stored_file_name_keeps_no_control_or_direction_characters(fresh_world: World) -> None:
    me = fresh_world.auth("graduate")
    upload = fresh_world.client.post(
        "/api/v1/me/resume",
        headers=me,
        files={"file": ("my\u202ecv.txt", TOY_RESUME.encode(), "text/plain")},
    )
    assert upload.status_code == 201, upload.text
    assert upload.json()["resume"]["filename"] == "mycv.txt"


@pytest.mark.parametrize(
    ("given", "stored"),
    [("cv\x00.pdf", "cv.pdf"), ("\x1b[31mcv.docx", "[31mcv.docx"), ("\u202e\x07", "resume")],
)
def test_clean_filename(given: str, stored: str) -> None:
    assert clean_filename(given) == stored
