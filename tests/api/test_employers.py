"""Employers: rankings with reasons, filters, pagination, blind mode and contact requests."""

from __future__ import annotations

import pytest

from tests.api.conftest import World


def test_rank_for_role_explains_each_place(world: World) -> None:
    body = world.client.get(
        "/api/v1/roles/programmer-software-engineer/candidates",
        headers=world.auth("employer_a"),
    ).json()
    assert body["total"] == 1
    top = body["items"][0]
    assert top["rank"] == 1 and top["role_id"] == "programmer-software-engineer"
    assert {"python", "sql", "hl7-v2"} <= {s["skill_id"] for s in top["matched_required"]}
    python = next(s for s in top["matched_required"] if s["skill_id"] == "python")
    assert python == {"skill_id": "python", "label": "Python", "category": "programming-data"}
    assert any("Python" in reason for reason in top["reasons"])


def test_rank_for_unknown_role_is_404_listing_the_roles(world: World) -> None:
    response = world.client.get(
        "/api/v1/roles/astronaut/candidates", headers=world.auth("employer_a")
    )
    assert response.status_code == 404
    assert "trainer" in response.json()["detail"]


def test_job_is_read_and_ranked(world: World) -> None:
    employer = world.auth("employer_a")
    job = world.client.get(f"/api/v1/jobs/{world.ids['job_a']}", headers=employer).json()
    assert {s["skill_id"] for s in job["required"]} == {"python", "sql"}
    assert job["min_years"] == 2
    assert job["detected_roles"][0]["role_id"] == "programmer-software-engineer"
    ranking = world.client.get(
        f"/api/v1/jobs/{world.ids['job_a']}/candidates", headers=employer
    ).json()
    top = ranking["items"][0]
    assert top["candidate"]["candidate_id"] == str(world.ids["graduate"])
    assert top["meets_years"] is True
    assert {s["skill_id"] for s in top["matched_required"]} == {"python", "sql"}
    assert top["missing_required"] == []


@pytest.mark.parametrize(
    ("query", "total"),
    [
        ("must=python", 1),
        ("must=Python&must=SQL", 1),  # names work as well as ids
        ("must=epic", 1),  # Epic Cadence is a narrower Epic
        ("must=python&must=rhia", 0),
        ("should=python&should=servicenow", 1),
        ("must=python&state=IL", 1),
        ("must=python&state=tx", 0),
        ("must=python&min_years=3", 1),
        ("must=python&min_years=4", 0),
        ("must=python&remote=true", 0),
        ("must=python&program_level=university", 1),
        ("must=python&program_level=community-college", 0),
        ("must=python&certification=chts-tr", 0),
    ],
)
def test_skill_search_filters(world: World, query: str, total: int) -> None:
    response = world.client.get(f"/api/v1/candidates?{query}", headers=world.auth("employer_b"))
    assert response.status_code == 200, response.text
    assert response.json()["total"] == total


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("", "at least one skill"),
        ("must=underwater-basket-weaving", "unknown skill"),
        ("must=python&state=ZZZ", "state"),
        ("must=python&program_level=phd", "program_level"),
        ("must=python&limit=1000", "limit"),
        ("must=python&offset=-1", "offset"),
        ("must=python&certification=sql", "not a certification"),
    ],
)
def test_bad_searches_say_what_is_wrong(world: World, query: str, words: str) -> None:
    response = world.client.get(f"/api/v1/candidates?{query}", headers=world.auth("employer_a"))
    assert response.status_code == 422
    assert words in response.json()["detail"]


def test_pagination(fresh_world: World) -> None:
    for key in ("second", "third"):
        from tests.conftest import TOY_RESUME

        fresh_world.graduate(key, TOY_RESUME.replace("Jordan", key), searchable=True)
    employer = fresh_world.auth("employer_a")
    url = "/api/v1/roles/trainer/candidates"
    full = fresh_world.client.get(url, headers=employer).json()
    assert full["total"] == 3
    ids = [i["candidate"]["candidate_id"] for i in full["items"]]
    pages = [
        fresh_world.client.get(f"{url}?limit=2&offset={o}", headers=employer).json() for o in (0, 2)
    ]
    assert [len(p["items"]) for p in pages] == [2, 1]
    assert [i["candidate"]["candidate_id"] for p in pages for i in p["items"]] == ids
    assert [i["rank"] for p in pages for i in p["items"]] == [1, 2, 3]


def test_blind_until_the_candidate_accepts(fresh_world: World) -> None:
    a, b, me = (fresh_world.auth(k) for k in ("employer_a", "employer_b", "graduate"))
    candidate = f"/api/v1/candidates/{fresh_world.ids['graduate']}"
    blind = fresh_world.client.get(candidate, headers=a).json()
    assert blind["revealed"] is False
    assert blind["name"] is None and blind["emails"] == [] and blind["phones"] == []
    assert {"python", "sql"} <= {s["skill_id"] for s in blind["skills"]}
    # the kind of education shows; the school and the year (an age) do not
    assert [(e["degree"], e["institution"], e["year"]) for e in blind["education"]] == [
        ("B.S. Health Informatics", None, None)
    ]
    assert "Example State University" not in str(blind)
    asked = fresh_world.client.post(
        f"{candidate}/contact-requests",
        headers=a,
        json={"message": "Interested?", "job_id": str(fresh_world.ids["job_a"])},
    )
    assert asked.status_code == 201
    again = fresh_world.client.post(f"{candidate}/contact-requests", headers=a, json={})
    assert again.status_code == 409
    inbox = fresh_world.client.get("/api/v1/me/contact-requests", headers=me).json()
    assert [(r["organisation"], r["status"]) for r in inbox] == [("Org A", "pending")]
    # organisation B cannot answer on the graduate's behalf, nor see A's requests
    assert fresh_world.client.get("/api/v1/contact-requests", headers=b).json() == []
    accept = fresh_world.client.post(
        f"/api/v1/me/contact-requests/{inbox[0]['id']}", headers=me, json={"accept": True}
    )
    assert accept.json()["status"] == "accepted"
    seen = fresh_world.client.get(candidate, headers=a).json()
    assert seen["revealed"] is True
    assert seen["name"] == "Jordan Sample"
    assert seen["emails"] == ["jordan.sample@example.org"]
    assert [(e["institution"], e["year"]) for e in seen["education"]] == [
        ("Example State University", 2018)
    ]
    ranked = fresh_world.client.get("/api/v1/candidates?must=python", headers=a).json()
    assert ranked["items"][0]["candidate"]["name"] == "Jordan Sample"
    other = fresh_world.client.get(candidate, headers=b).json()
    assert other["revealed"] is False and other["name"] is None
    fresh_world.client.post(
        f"/api/v1/me/contact-requests/{inbox[0]['id']}", headers=me, json={"accept": False}
    )
    assert fresh_world.client.get(candidate, headers=a).json()["name"] is None


def test_contact_request_naming_another_organisations_job_is_404(world: World) -> None:
    response = world.client.post(
        f"/api/v1/candidates/{world.ids['graduate']}/contact-requests",
        headers=world.auth("employer_b"),
        json={"job_id": str(world.ids["job_a"])},
    )
    assert response.status_code == 404
    assert "in your organisation" in response.json()["detail"]


def test_employer_deletes_own_job(fresh_world: World) -> None:
    url = f"/api/v1/jobs/{fresh_world.ids['job_a']}"
    a = fresh_world.auth("employer_a")
    assert fresh_world.client.delete(url, headers=a).status_code == 204
    assert fresh_world.client.get(url, headers=a).status_code == 404


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({"title": "x", "text": ""}, "text"),
        ({"title": "x", "text": "a" * 50_001}, "text"),
        ({"title": "", "text": "SQL"}, "title"),
        ({"text": "SQL"}, "title"),
    ],
)
def test_bad_jobs_are_refused(world: World, body: dict[str, str], words: str) -> None:
    response = world.client.post("/api/v1/jobs", headers=world.auth("employer_a"), json=body)
    assert response.status_code == 422
    assert words in response.json()["detail"]
    assert "aaaa" not in response.text  # the value sent is never echoed
