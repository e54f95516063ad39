"""The service on the real data set: a graduate's upload gets twelve role scores."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from matcher.api.main import create_app
from matcher.service import MatchingEngine
from tests.api.conftest import PASSWORD, api_settings
from tests.conftest import REAL_DATA, REPO_ROOT


@pytest.mark.slow
def test_upload_scores_the_twelve_roles(tmp_path: Path, real_engine: MatchingEngine) -> None:
    settings = api_settings(f"sqlite:///{tmp_path / 'real.sqlite3'}", data_dir=REAL_DATA)
    resume = (REPO_ROOT / "data" / "examples" / "graduate_resume.txt").read_bytes()
    with TestClient(create_app(settings, engine=real_engine)) as client:
        client.post("/api/v1/auth/register", json={"email": "g@example.org", "password": PASSWORD})
        token = client.post(
            "/api/v1/auth/token", data={"username": "g@example.org", "password": PASSWORD}
        ).json()["access_token"]
        auth = {"Authorization": f"Bearer {token}"}
        upload = client.post(
            "/api/v1/me/resume", headers=auth, files={"file": ("cv.txt", resume, "text/plain")}
        )
        assert upload.status_code == 201, upload.text
        roles = client.get("/api/v1/me/roles", headers=auth).json()
        assert len(roles) == 12
        assert [r["rank"] for r in roles] == list(range(1, 13))
        assert "trainer" in {r["role_id"] for r in roles[:3]}
        assert all(r["probability"] is None or 0 <= r["probability"] <= 1 for r in roles)
        gaps = client.get("/api/v1/me/gaps/privacy-security-specialist", headers=auth).json()
        assert gaps["missing"] and gaps["score_with_missing"] > gaps["score"]
