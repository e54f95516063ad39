"""Graduates: upload, results, bad uploads, settings, deleting their data."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from matcher.store.orm import (
    CandidateSkillRow,
    GraduateProfileRow,
    ResumeFileRow,
    ResumeRow,
    RoleScoreRow,
    SkillMentionRow,
    UserRow,
)
from tests.api.conftest import PASSWORD, World
from tests.conftest import TOY_RESUME
from tests.ingest.builders import make_text_stream_pdf


def test_upload_returns_scores_and_keeps_the_original_file(world: World) -> None:
    me = world.auth("graduate")
    profile = world.client.get("/api/v1/me/profile", headers=me).json()
    assert profile["contact"]["name"] == "Jordan Sample"
    assert profile["contact"]["state"] == "IL"
    assert profile["years_experience"] == 3.0
    assert profile["resume"]["sha256"] == hashlib.sha256(TOY_RESUME.encode()).hexdigest()
    file = world.client.get("/api/v1/me/resume/file", headers=me)
    assert file.content == TOY_RESUME.encode()
    roles = world.client.get("/api/v1/me/roles", headers=me).json()
    assert len(roles) == 3  # the toy data set's roles
    assert [r["rank"] for r in roles] == [1, 2, 3]
    assert roles[0]["score"] >= roles[-1]["score"]
    assert all(r["data_version"] for r in roles)


def test_skills_come_with_offsets_into_the_resume(world: World) -> None:
    skills = world.client.get("/api/v1/me/skills", headers=world.auth("graduate")).json()
    python = next(s for s in skills if s["skill_id"] == "python")
    assert python["held"] and python["years"] == 3.0
    for mention in python["mentions"]:
        assert TOY_RESUME[mention["start"] : mention["end"]] == mention["surface"]


def test_competencies_and_gaps(world: World) -> None:
    me = world.auth("graduate")
    comp = world.client.get("/api/v1/me/competencies", headers=me).json()
    assert comp["competencies"] and comp["tiers"]
    gaps = world.client.get("/api/v1/me/gaps/trainer", headers=me).json()
    assert gaps["role_id"] == "trainer"
    assert "instructional-design" in [g["skill_id"] for g in gaps["missing"]]
    assert gaps["score_with_missing"] >= gaps["score"]
    unknown = world.client.get("/api/v1/me/gaps/astronaut", headers=me)
    assert unknown.status_code == 404
    assert "unknown role 'astronaut'" in unknown.json()["detail"]


def test_results_before_any_upload_say_what_to_do(fresh_world: World) -> None:
    fresh_world.graduate("newbie", None, searchable=False)
    response = fresh_world.client.get("/api/v1/me/roles", headers=fresh_world.auth("newbie"))
    assert response.status_code == 404
    assert "POST one to /api/v1/me/resume" in response.json()["detail"]


@pytest.mark.parametrize(
    ("name", "content", "status", "words"),
    [
        ("empty.txt", b"", 422, "empty"),
        ("blank.txt", b"   \n  ", 422, "no text"),
        ("scan.pdf", b"%PDF-1.4\n%garbage that is not a pdf", 422, "damaged"),
        ("photo.png", b"\x89PNG\r\n\x1a\n" + bytes(200), 415, ""),
        ("huge.txt", b"a" * (5 * 1024 * 1024 + 1), 413, "limit"),
        ("huger.txt", b"a" * (6 * 1024 * 1024), 413, "request body"),
        ("dense.pdf", make_text_stream_pdf(20_000), 413, "characters of text"),
        ("odd.rtf", rb"{\rtf1 \u99999999999? Jane}", 422, "damaged"),
    ],
)
def test_bad_uploads_are_refused_and_keep_the_stored_resume(
    world: World, name: str, content: bytes, status: int, words: str
) -> None:
    me = world.auth("graduate")
    before = world.client.get("/api/v1/me/profile", headers=me).json()["resume"]
    response = world.client.post(
        "/api/v1/me/resume", headers=me, files={"file": (name, content, "application/octet-stream")}
    )
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert words in response.json()["detail"]
    after = world.client.get("/api/v1/me/profile", headers=me).json()["resume"]
    assert after == before


def test_upload_without_a_file_field_is_a_422_naming_the_field(world: World) -> None:
    response = world.client.post(
        "/api/v1/me/resume",
        headers=world.auth("graduate"),
        files={"document": ("cv.txt", b"Python", "text/plain")},
    )
    assert response.status_code == 422
    body = response.json()
    assert ["body", "file"] in [e["loc"] for e in body["errors"]]
    assert "file" in body["detail"]


def test_profile_settings_validate_program_level(world: World) -> None:
    response = world.client.patch(
        "/api/v1/me/profile", headers=world.auth("graduate"), json={"program_level": "phd"}
    )
    assert response.status_code == 422
    assert "program_level" in response.json()["detail"]


def test_program_level_is_kept_when_omitted_and_forgotten_when_null(fresh_world: World) -> None:
    me = fresh_world.auth("graduate")
    url = "/api/v1/me/profile"
    assert fresh_world.client.get(url, headers=me).json()["program_level"] == "university"
    kept = fresh_world.client.patch(url, headers=me, json={"open_to_remote": True})
    assert kept.json()["program_level"] == "university"
    cleared = fresh_world.client.patch(url, headers=me, json={"program_level": None})
    assert cleared.status_code == 200 and cleared.json()["program_level"] is None
    assert cleared.json()["open_to_remote"] is True


def test_opting_out_hides_the_candidate_from_employers(fresh_world: World) -> None:
    me, employer = fresh_world.auth("graduate"), fresh_world.auth("employer_a")
    url = "/api/v1/candidates?must=python"
    assert fresh_world.client.get(url, headers=employer).json()["total"] == 1
    fresh_world.client.patch("/api/v1/me/profile", headers=me, json={"searchable": False})
    assert fresh_world.client.get(url, headers=employer).json()["total"] == 0
    candidate = f"/api/v1/candidates/{fresh_world.ids['graduate']}"
    assert fresh_world.client.get(candidate, headers=employer).status_code == 404


def _count(world: World, table: type, **where: object) -> int:
    store = world.client.app.state.store  # type: ignore[attr-defined]
    with store.sessions() as session:
        query = select(func.count()).select_from(table)
        for column, value in where.items():
            query = query.where(getattr(table, column) == value)
        return int(session.scalar(query) or 0)


def test_deleting_my_data_removes_every_row_and_the_file(fresh_world: World) -> None:
    me = fresh_world.auth("graduate")
    user_id = fresh_world.ids["graduate_user"]
    # an employer asked, so contact requests hang from the profile too
    ask = fresh_world.client.post(
        f"/api/v1/candidates/{fresh_world.ids['graduate']}/contact-requests",
        headers=fresh_world.auth("employer_a"),
        json={"message": "hello"},
    )
    assert ask.status_code == 201
    tables = (ResumeRow, ResumeFileRow, SkillMentionRow, CandidateSkillRow, RoleScoreRow)
    before = {t: _count(fresh_world, t) for t in tables}
    assert fresh_world.client.delete("/api/v1/me", headers=me).status_code == 204
    assert _count(fresh_world, UserRow, id=user_id) == 0
    assert _count(fresh_world, GraduateProfileRow, id=fresh_world.ids["graduate"]) == 0
    for table in tables:  # the hidden graduate's rows are all that is left
        assert 0 < _count(fresh_world, table) < before[table], table.__tablename__
    assert fresh_world.client.get("/api/v1/me/profile", headers=me).status_code == 401
    again = fresh_world.client.post(
        "/api/v1/auth/token", data={"username": "graduate@example.org", "password": PASSWORD}
    )
    assert again.status_code == 401
    requests = fresh_world.client.get(
        "/api/v1/contact-requests", headers=fresh_world.auth("employer_a")
    ).json()
    assert requests == []


def test_logs_carry_no_personal_data(fresh_world: World, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    resume = TOY_RESUME.replace("Jordan Sample", "Quentin Privateperson")
    me = fresh_world.auth("graduate")
    fresh_world.client.post(
        "/api/v1/me/resume",
        headers=me,
        files={"file": ("Quentin_Privateperson_CV.txt", resume.encode(), "text/plain")},
    )
    fresh_world.client.get("/api/v1/me/profile", headers=me)
    fresh_world.client.get(
        "/api/v1/candidates?must=python&state=IL", headers=fresh_world.auth("employer_a")
    )
    fresh_world.client.post(
        "/api/v1/auth/token", data={"username": "graduate@example.org", "password": "wrong pw!!"}
    )
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert "GET /api/v1/me/profile -> 200" in text  # the access log is on
    for secret in (
        "Privateperson",
        "jordan.sample",
        "(555) 010",
        "graduate@example.org",
        "wrong pw",
    ):
        assert secret not in text


def test_a_body_sent_without_a_length_is_stopped_at_the_limit(world: World) -> None:
    # The body is counted as it is read (the test client hands it over whole, a server
    # chunk by chunk): past the limit the request is a 413 naming the missing length.
    me = world.auth("graduate")
    before = world.client.get("/api/v1/me/profile", headers=me).json()["resume"]
    boundary = "limit-test-boundary"

    def chunked() -> Iterator[bytes]:
        yield (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
            'filename="long.txt"\r\nContent-Type: text/plain\r\n\r\n'
        ).encode()
        for _ in range(64):  # 64 MiB offered; the limit is about 5 MiB
            yield b"a" * (1024 * 1024)
        yield f"\r\n--{boundary}--\r\n".encode()

    response = world.client.post(
        "/api/v1/me/resume",
        headers={**me, "Content-Type": f"multipart/form-data; boundary={boundary}"},
        content=chunked(),
    )
    assert response.status_code == 413, response.text
    assert "sent without a length" in response.json()["detail"]
    assert "content-length" not in {k.lower() for k in response.request.headers}
    assert world.client.get("/api/v1/me/profile", headers=me).json()["resume"] == before
