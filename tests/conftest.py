"""Shared fixtures: the toy data set in the real schema, its bundle and pipeline."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from matcher.config import Settings
from matcher.pipeline import Pipeline, build_nlp
from matcher.service import MatchingEngine, load_engine
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


@pytest.fixture(scope="session")
def toy_engine() -> MatchingEngine:
    return load_engine(Settings(data_dir=TOY_DATA))


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
