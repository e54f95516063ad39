"""The OpenAPI document is complete: every parameter, body and JSON answer has an example.

The walk fails naming the operation and the parameter or schema (``Model.field``) that
lacks a description or an example, so a new endpoint cannot quietly regress the docs.
"""

from __future__ import annotations

from typing import Any

import pytest

from matcher.api.main import create_app
from matcher.api.schemas import GapAnalysisOut, JobOut
from matcher.config import Settings
from tests.api.conftest import PASSWORD, World
from tests.conftest import TOY_DATA

Schema = dict[str, Any]

_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


@pytest.fixture(scope="module")
def spec() -> Schema:
    return create_app(Settings(data_dir=TOY_DATA, demo_data=False)).openapi()


def _operations(spec: Schema) -> list[tuple[str, Schema]]:
    return [
        (f"{method.upper()} {path}", op)
        for path, item in spec["paths"].items()
        for method, op in item.items()
        if method in _METHODS
    ]


def _has_example(node: Schema) -> bool:
    return any(key in node for key in ("example", "examples", "const"))


class _Walker:
    """Finds schema fields without an example, following ``$ref`` (each model once)."""

    def __init__(self, spec: Schema) -> None:
        self.components: Schema = spec.get("components", {}).get("schemas", {})
        self.verdicts: dict[str, list[str]] = {}

    def problems(self, schema: Schema, where: str) -> list[str]:
        if _has_example(schema):
            return []
        if schema.get("format") == "binary" or "contentMediaType" in schema:
            return [] if schema.get("description") else [f"{where}: binary without description"]
        if "$ref" in schema:
            return self._model(schema["$ref"].rsplit("/", 1)[-1])
        for key in ("anyOf", "oneOf", "allOf"):
            if key in schema:
                branches = [b for b in schema[key] if b.get("type") != "null"]
                return [p for b in branches for p in self.problems(b, where)]
        if schema.get("type") == "array" and "items" in schema:
            return self.problems(schema["items"], f"{where}[]")
        if "properties" in schema:
            return [
                p
                for name, prop in schema["properties"].items()
                for p in self.problems(prop, f"{where}.{name}")
            ]
        return [f"{where}: no example"]

    def _model(self, name: str) -> list[str]:
        if name not in self.verdicts:
            self.verdicts[name] = []  # a recursive reference counts as done
            self.verdicts[name] = self.problems(self.components[name], name)
        return self.verdicts[name]


def _missing(spec: Schema) -> list[str]:
    walker = _Walker(spec)
    missing: list[str] = []
    for operation, op in _operations(spec):
        for param in op.get("parameters", []):
            label = f"{operation}: {param['in']} parameter {param['name']!r}"
            if not param.get("description"):
                missing.append(f"{label} has no description")
            if not (_has_example(param) or _has_example(param.get("schema", {}))):
                missing.append(f"{label} has no example")
        body = op.get("requestBody")
        if body is not None:
            for media, content in body.get("content", {}).items():
                if _has_example(content):
                    continue
                found = walker.problems(content.get("schema", {}), "body")
                missing += [f"{operation}: request body ({media}) {p}" for p in found]
        answers = {code: r for code, r in op.get("responses", {}).items() if code.startswith("2")}
        if not answers:
            missing.append(f"{operation}: declares no 2xx response")
        for code, response in answers.items():
            content = response.get("content", {})
            if code == "204":
                if content:
                    missing.append(f"{operation}: 204 declares a body")
                continue
            if not content:
                missing.append(f"{operation}: {code} declares no media type")
            for media, entry in content.items():
                schema = entry.get("schema", {})
                if media.endswith("json"):
                    if _has_example(entry):
                        continue
                    if not schema:
                        missing.append(f"{operation}: {code} {media} has no schema")
                        continue
                    found = walker.problems(schema, "response")
                    missing += [f"{operation}: {code} {media} {p}" for p in found]
                elif schema.get("format") != "binary":
                    missing.append(f"{operation}: {code} {media} is not declared binary")
    return missing


def test_openapi_every_parameter_body_and_answer_has_description_and_example(
    spec: Schema,
) -> None:
    missing = _missing(spec)
    assert not missing, "OpenAPI gaps:\n" + "\n".join(missing)


def test_openapi_covers_every_api_operation(spec: Schema) -> None:
    operations = [name for name, _ in _operations(spec)]
    assert sum(name.split()[1].startswith("/api/v1/") for name in operations) >= 30


def test_openapi_walker_names_what_lacks_an_example() -> None:
    broken: Schema = {
        "paths": {
            "/api/v1/things/{thing_id}": {
                "get": {
                    "parameters": [
                        {"name": "thing_id", "in": "path", "schema": {"type": "string"}},
                        {
                            "name": "limit",
                            "in": "query",
                            "description": "How many.",
                            "schema": {"type": "integer", "examples": [5]},
                        },
                    ],
                    "responses": {
                        "200": {
                            "content": {"application/json": {"schema": {"$ref": "#/c/s/Thing"}}}
                        }
                    },
                },
                "delete": {"responses": {"204": {"content": {"application/json": {}}}}},
            }
        },
        "components": {
            "schemas": {
                "Thing": {
                    "properties": {
                        "id": {"type": "string", "examples": ["t-1"]},
                        "part": {"$ref": "#/c/s/Part"},
                    }
                },
                "Part": {"properties": {"size": {"type": "integer"}}},
            }
        },
    }
    assert _missing(broken) == [
        "GET /api/v1/things/{thing_id}: path parameter 'thing_id' has no description",
        "GET /api/v1/things/{thing_id}: path parameter 'thing_id' has no example",
        "GET /api/v1/things/{thing_id}: 200 application/json Part.size: no example",
        "DELETE /api/v1/things/{thing_id}: 204 declares a body",
    ]


def test_openapi_download_declares_binary_media_types(spec: Schema) -> None:
    answer = spec["paths"]["/api/v1/me/resume/file"]["get"]["responses"]["200"]
    assert "application/pdf" in answer["content"]
    assert "application/json" not in answer["content"]
    assert all(c["schema"]["format"] == "binary" for c in answer["content"].values())


def test_openapi_deletes_declare_204(spec: Schema) -> None:
    deletes = [op for name, op in _operations(spec) if name.startswith("DELETE")]
    assert deletes
    assert all("204" in op["responses"] for op in deletes)


# --- the documented shapes are the ones served ----------------------------------------


def test_sign_in_accepts_the_form_swagger_ui_sends(world: World) -> None:
    form = {
        "grant_type": "password",
        "username": "graduate@example.org",
        "password": PASSWORD,
        "scope": "",
        "client_id": "",
    }
    response = world.client.post("/api/v1/auth/token", data=form)
    assert response.status_code == 200, response.text
    assert response.json()["token_type"] == "bearer"


def test_sign_in_refuses_another_grant_type(world: World) -> None:
    form = {"grant_type": "client_credentials", "username": "x@example.org", "password": "p"}
    response = world.client.post("/api/v1/auth/token", data=form)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"


def test_gaps_and_jobs_answer_in_their_wire_models(world: World) -> None:
    gaps = world.client.get("/api/v1/me/gaps/trainer?limit=2", headers=world.auth("graduate"))
    assert gaps.status_code == 200, gaps.text
    GapAnalysisOut.model_validate(gaps.json())
    assert len(gaps.json()["missing"]) <= 2
    job = world.client.get(f"/api/v1/jobs/{world.ids['job_a']}", headers=world.auth("employer_a"))
    assert job.status_code == 200, job.text
    parsed = JobOut.model_validate(job.json())
    assert {s.skill_id for s in parsed.required} >= {"python", "sql"}


def test_every_error_response_is_documented_as_problem_json(spec: Schema) -> None:
    wrong = [
        f"{name} {code}"
        for name, op in _operations(spec)
        for code, response in op.get("responses", {}).items()
        if code.startswith(("4", "5"))
        and response.get("content")
        != {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
    ]
    assert wrong == []
    assert "HTTPValidationError" not in spec["components"]["schemas"]
    operations = dict(_operations(spec))
    assert {"400", "413", "415", "422", "503"} <= set(
        operations["POST /api/v1/me/resume"]["responses"]
    )
    assert "413" in operations["POST /api/v1/jobs"]["responses"]  # every body is bounded
    assert "409" in operations["DELETE /api/v1/me"]["responses"]  # the last admin
