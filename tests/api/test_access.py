"""The access matrix: each role x each endpoint x own/other organisation."""

from __future__ import annotations

import re

import pytest

from tests.api.conftest import World

ROLES = ("anonymous", "graduate", "employer_a", "employer_b", "admin")

# Expected status per caller; "*" stands for every signed-in role not listed.
ANY = {"anonymous": 401, "*": 200}
GRADUATE = {"anonymous": 401, "graduate": 200, "*": 403}
EMPLOYER = {"anonymous": 401, "employer_a": 200, "employer_b": 200, "*": 403}
OWN_ORG = {"anonymous": 401, "employer_a": 200, "employer_b": 404, "*": 403}
ADMIN = {"anonymous": 401, "admin": 200, "*": 403}

READS = [
    ("/health", {"anonymous": 200, "*": 200}),
    ("/api/v1/users/me", ANY),
    ("/api/v1/roles", ANY),
    ("/api/v1/skills?q=py", ANY),
    ("/api/v1/me/profile", GRADUATE),
    ("/api/v1/me/skills", GRADUATE),
    ("/api/v1/me/roles", GRADUATE),
    ("/api/v1/me/competencies", GRADUATE),
    ("/api/v1/me/gaps/trainer", GRADUATE),
    ("/api/v1/me/resume/file", GRADUATE),
    ("/api/v1/me/contact-requests", GRADUATE),
    ("/api/v1/roles/trainer/candidates", EMPLOYER),
    ("/api/v1/candidates?must=python", EMPLOYER),
    ("/api/v1/candidates/{graduate}", EMPLOYER),
    (
        "/api/v1/candidates/{hidden}",
        {"anonymous": 401, "employer_a": 404, "employer_b": 404, "*": 403},
    ),
    ("/api/v1/contact-requests", EMPLOYER),
    ("/api/v1/jobs", EMPLOYER),
    ("/api/v1/jobs/{job_a}", OWN_ORG),
    ("/api/v1/jobs/{job_a}/candidates", OWN_ORG),
    ("/api/v1/admin/organisations", ADMIN),
    ("/api/v1/admin/users", ADMIN),
]


def _expected(table: dict[str, int], role: str) -> int:
    return table.get(role, table["*"])


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("path", "table"), READS, ids=[p for p, _ in READS])
def test_read_access(world: World, path: str, table: dict[str, int], role: str) -> None:
    url = path.format(**{k: str(v) for k, v in world.ids.items()})
    response = world.client.get(url, headers=world.auth(role))
    assert response.status_code == _expected(table, role), response.text
    if response.status_code >= 400:
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["detail"]


WRITES = [
    (
        "POST",
        "/api/v1/jobs",
        {"title": "T", "text": "Required: SQL."},
        EMPLOYER | {"employer_a": 201, "employer_b": 201},
    ),
    # employer_a deleting its own job: test_employer_deletes_own_job (a world of its own)
    (
        "DELETE",
        "/api/v1/jobs/{job_a}",
        None,
        {"anonymous": 401, "employer_a": 0, "employer_b": 404, "*": 403},
    ),
    ("POST", "/api/v1/admin/organisations", {"name": "New org {role}"}, ADMIN | {"admin": 201}),
    (
        "POST",
        "/api/v1/admin/users",
        {"email": "made-by-{role}@example.org", "password": "long enough pw", "role": "graduate"},
        ADMIN | {"admin": 201},
    ),
    (
        "DELETE",
        "/api/v1/admin/users/{employer_a_org}",
        None,
        {"anonymous": 401, "admin": 404, "*": 403},
    ),
    (
        "POST",
        "/api/v1/candidates/{hidden}/contact-requests",
        {"message": "hi"},
        {"anonymous": 401, "employer_a": 404, "employer_b": 404, "*": 403},
    ),
    (
        "POST",
        "/api/v1/me/contact-requests/{job_a}",
        {"accept": True},
        {"anonymous": 401, "graduate": 404, "*": 403},
    ),
    (
        "PATCH",
        "/api/v1/me/profile",
        {"open_to_remote": False},
        GRADUATE,
    ),
]


WRITE_CASES = [
    pytest.param(method, path, body, _expected(table, role), role, id=f"{method} {path} {role}")
    for method, path, body, table in WRITES
    for role in ROLES
    if _expected(table, role)
]


@pytest.mark.parametrize(("method", "path", "body", "expected", "role"), WRITE_CASES)
def test_write_access(
    world: World,
    method: str,
    path: str,
    body: dict[str, object] | None,
    expected: int,
    role: str,
) -> None:
    url = path.format(**{k: str(v) for k, v in world.ids.items()})
    json = {k: v.format(role=role) if isinstance(v, str) else v for k, v in (body or {}).items()}
    response = world.client.request(
        method, url, headers=world.auth(role), json=json if body is not None else None
    )
    assert response.status_code == expected, response.text


@pytest.mark.parametrize("role", ("employer_a", "employer_b", "admin"))
def test_upload_is_for_graduates_only(world: World, role: str) -> None:
    response = world.client.post(
        "/api/v1/me/resume",
        headers=world.auth(role),
        files={"file": ("cv.txt", b"Python and SQL", "text/plain")},
    )
    assert response.status_code == 403


def test_employer_sees_only_own_organisation_jobs(world: World) -> None:
    a = world.client.get("/api/v1/jobs", headers=world.auth("employer_a")).json()
    b = world.client.get("/api/v1/jobs", headers=world.auth("employer_b")).json()
    assert str(world.ids["job_a"]) in {j["id"] for j in a["items"]}
    assert str(world.ids["job_a"]) not in {j["id"] for j in b["items"]}


def test_searches_never_return_candidates_who_did_not_opt_in(world: World) -> None:
    for path in (
        "/api/v1/roles/workflow-redesign-specialist/candidates",
        "/api/v1/candidates?should=servicenow&should=python",
        f"/api/v1/jobs/{world.ids['job_a']}/candidates",
    ):
        body = world.client.get(path, headers=world.auth("employer_a")).json()
        found = {item["candidate"]["candidate_id"] for item in body["items"]}
        assert str(world.ids["graduate"]) in found, path
        assert str(world.ids["hidden"]) not in found, path


def test_missing_expired_and_forged_tokens_are_refused(world: World) -> None:
    from matcher.api.security import issue_token
    from tests.api.conftest import SECRET

    user = world.ids["graduate_user"]
    expired, _ = issue_token(user_id=user, key=SECRET, minutes=-1)
    forged, _ = issue_token(user_id=user, key="another key" * 4, minutes=5)
    for token, words in ((expired, "expired"), (forged, "not valid"), ("junk", "not valid")):
        response = world.client.get(
            "/api/v1/me/profile", headers={"Authorization": f"Bearer {token}"}
        )
        assert response.status_code == 401
        assert words in response.json()["detail"]
        assert response.headers["www-authenticate"] == "Bearer"


# Operations checked by their own tests rather than by the tables above.
COVERED_ELSEWHERE = {
    ("POST", "/api/v1/auth/token"): "public sign-in: test_app.py, test_sign_in_limit.py",
    ("POST", "/api/v1/auth/register"): "public self-registration: test_app.py",
    ("POST", "/api/v1/me/resume"): "test_upload_is_for_graduates_only; uploads: test_graduates.py",
    ("DELETE", "/api/v1/me"): "deleting one's own data: test_graduates.py",
}


def _matches(template: str, path: str) -> bool:
    """Whether a matrix path ("/api/v1/jobs/{job_a}?x=1") is an instance of an API path."""
    pattern = re.sub(r"\\\{[^}]*\\\}", "[^/]+", re.escape(template))
    return re.fullmatch(pattern, path.split("?")[0]) is not None


def test_the_matrix_covers_every_operation(world: World) -> None:
    spec = world.client.app.openapi()  # type: ignore[attr-defined]
    tested = [("GET", path) for path, _ in READS]
    tested += [(method, path) for method, path, _, _ in WRITES]
    tested += list(COVERED_ELSEWHERE)
    missing = [
        f"{method.upper()} {template}"
        for template, item in spec["paths"].items()
        for method in item
        if not any(m == method.upper() and _matches(template, p) for m, p in tested)
    ]
    assert missing == [], f"operations missing from the access matrix: {missing}"
