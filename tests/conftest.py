"""Shared fixtures: the toy data set in the real schema, its bundle and pipeline."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from matcher.config import Settings
from matcher.pipeline import Pipeline, build_nlp
from matcher.service import MatchingEngine, load_engine
from matcher.store import Store, open_store
from matcher.taxonomy import DataBundle, load_bundle

FIXTURES = Path(__file__).parent / "fixtures"
TOY_DATA = FIXTURES / "data"
REPO_ROOT = Path(__file__).parent.parent
REAL_DATA = REPO_ROOT / "data"
SHARED = REPO_ROOT.parent / "shared"


@pytest.fixture(scope="session")
def toy_data_dir() -> Path:
    return TOY_DATA


@pytest.fixture(scope="session")
def toy_bundle() -> DataBundle:
    return load_bundle(TOY_DATA)


@pytest.fixture(scope="session")
def toy_nlp(toy_bundle: DataBundle) -> Pipeline:
    return build_nlp(toy_bundle)


#: An empty models directory: the toy engine scores with rules only.
NO_MODELS = FIXTURES / "no-models"


@pytest.fixture(scope="session")
def toy_engine() -> MatchingEngine:
    return load_engine(Settings(data_dir=TOY_DATA, models_dir=NO_MODELS))


@pytest.fixture(scope="session")
def real_bundle() -> DataBundle:
    return load_bundle(REAL_DATA)


@pytest.fixture(scope="session")
def real_engine() -> MatchingEngine:
    return load_engine(Settings(data_dir=REAL_DATA))


@pytest.fixture
def editable_data(tmp_path: Path) -> Callable[[], Path]:
    """A fresh copy of the toy data set that a test may break."""

    def make() -> Path:
        target = tmp_path / "data"
        shutil.copytree(TOY_DATA, target)
        return target

    return make


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test with a reason when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared reference data is not beside this checkout")
    return path


# --- the store and the service (tests/store, tests/api) ------------------------------

POSTGRES_URL_VAR = "MATCHER_TEST_DATABASE_URL"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database: a SQLite file, or a new schema on the PostgreSQL server."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.sqlite3'}"
        return
    base = os.environ.get(POSTGRES_URL_VAR)
    if not base:
        pytest.skip(f"{POSTGRES_URL_VAR} is not set: no PostgreSQL server to test against")
    from sqlalchemy import text

    from matcher.store import make_engine

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


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    """The store on ``store_url``, migrated to the newest schema."""
    opened = open_store(store_url)
    try:
        yield opened
    finally:
        opened.close()


TOY_RESUME = """Jordan Sample
jordan.sample@example.org | (555) 010-2233
Springfield, IL

SKILLS
Python, SQL, HL7 v2, Epic Cadence, workflow analysis, communication

EXPERIENCE
Interface Analyst, Example Health Clinic, Jan 2019 - Dec 2021
Built HL7 v2 interfaces in Python and SQL; trained staff on Epic Cadence.

EDUCATION
B.S. Health Informatics, Example State University, 2018
"""
