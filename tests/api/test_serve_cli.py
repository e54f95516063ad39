"""``matcher db-upgrade``, ``matcher add-user`` and ``matcher serve``'s settings check."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from matcher.cli import app
from matcher.config import get_settings
from matcher.store import current_revision, head_revision, make_engine


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    db = tmp_path / "cli.sqlite3"
    monkeypatch.setenv("MATCHER_DATABASE_URL", f"sqlite:///{db}")
    get_settings.cache_clear()
    yield db
    get_settings.cache_clear()


def test_db_upgrade_creates_the_schema(env: Path) -> None:
    result = CliRunner().invoke(app, ["db-upgrade"])
    assert result.exit_code == 0, result.output
    assert head_revision() in result.output
    assert current_revision(make_engine(f"sqlite:///{env}")) == head_revision()


def test_add_user_creates_an_employer_with_its_organisation(
    env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("getpass.getpass", lambda prompt="": "a long passphrase")
    args = ["add-user", "boss@example.org", "--role", "employer", "--organisation", "Org Z"]
    first = CliRunner().invoke(app, args)
    assert first.exit_code == 0, first.output
    assert "created employer account" in first.output
    second = CliRunner().invoke(app, args)
    assert second.exit_code == 2
    assert "already exists" in second.output


def test_serve_refuses_production_without_a_secret(
    env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MATCHER_ENVIRONMENT", "production")
    monkeypatch.delenv("MATCHER_SECRET_KEY", raising=False)
    get_settings.cache_clear()
    result = CliRunner().invoke(app, ["serve", "--port", "8799"])
    assert result.exit_code == 2
    assert "MATCHER_SECRET_KEY" in result.output
