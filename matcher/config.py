"""Settings: the one place configuration comes from (environment prefix ``MATCHER_``)."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["MIN_SECRET_CHARS", "Settings", "get_settings"]

#: shortest secret key accepted outside development mode (characters).
MIN_SECRET_CHARS = 32


def _bundled(name: str) -> Path:
    # The bundled data/ and models/ sit beside the package in a checkout or an editable
    # install, and inside it (matcher/_bundled/) in a built wheel. A deployment points
    # MATCHER_DATA_DIR / MATCHER_MODELS_DIR elsewhere.
    package_dir = Path(__file__).resolve().parent
    in_wheel = package_dir / "_bundled" / name
    return in_wheel if in_wheel.is_dir() else package_dir.parent / name


def _state_dir() -> Path:
    # Where the service keeps its SQLite file by default: the XDG data directory, so the
    # database does not depend on the directory the command is started from.
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "healthit-matcher"


class Settings(BaseSettings):
    """Runtime configuration, read from the environment (``MATCHER_*``) once.

    Attributes:
        data_dir: directory holding roles, competency model and skill taxonomy.
        models_dir: directory holding versioned model artifacts.
        max_file_bytes: largest document accepted, in bytes.
        max_pages: most pages read from a paged document (PDF); more is an error.
        parse_timeout_seconds: wall-clock budget for turning one file into text; checked
            between pages and blocks, and in the service enforced by killing the reading
            process (``isolate_parsing``).
        max_expanded_bytes: largest total uncompressed size of a zipped document (DOCX,
            ODT); guards against zip bombs before anything is decompressed.
        max_zip_entries: most members a zipped document may have.
        max_text_chars: longest text the pipeline accepts, in characters.
        isolate_parsing: read uploaded files in a child process that is killed at
            ``parse_timeout_seconds`` and limited to ``parse_memory_bytes`` of address
            space (the service; command-line runs on your own files read in-process).
        parse_memory_bytes: address-space limit of one reading process, in bytes.
        parse_workers: most uploaded files read at once; a request that finds no free
            slot within ``parse_queue_seconds`` answers 503 with ``Retry-After``.
        parse_queue_seconds: how long an upload waits for a free reading slot.
        analysis_wait_seconds: how long a request waits for the shared analysis pipeline
            (one text at a time per process) before answering 503 with ``Retry-After``.
        context_window_tokens: how many tokens around an ambiguous alias are searched
            for supporting skills before the alias is accepted.
        role_model_version: version of the ``role_scorer`` artifact in ``models_dir``
            (None: the highest version present; without any, scores are rule-based only).
        environment: ``development`` (the default: demo data, a per-process secret when
            none is set) or ``production`` (a secret key is required, no demo data).
        state_dir: directory of the default SQLite database.
        database_url: SQLAlchemy URL of the store (default: SQLite file in ``state_dir``);
            ``postgresql://...`` uses PostgreSQL through psycopg.
        secret_key: key signing access tokens; required outside development, at least
            ``MIN_SECRET_CHARS`` characters.
        token_minutes: lifetime of an access token, in minutes.
        sign_in_max_failures: failed sign-ins for one account within
            ``sign_in_window_seconds`` after which its sign-in answers 429 until the oldest
            of them leaves the window.
        sign_in_max_failures_per_client: failed sign-ins from one network address (any
            accounts) within ``sign_in_window_seconds`` after which sign-ins from it answer
            429: trying a few passwords on many accounts is limited too.
        sign_in_window_seconds: how long a failed sign-in counts, in seconds.
        demo_data: load the synthetic demo graduates and employers into an empty
            database at start (None: on in development, off in production).
        page_size_max: most items one page of a list endpoint returns.
        ranking_pool_max: most candidates a job or skill search scores in one request.
    """

    model_config = SettingsConfigDict(env_prefix="MATCHER_", frozen=True)

    data_dir: Path = Field(default_factory=lambda: _bundled("data"))
    models_dir: Path = Field(default_factory=lambda: _bundled("models"))
    max_file_bytes: int = Field(default=5 * 1024 * 1024, gt=0)
    max_pages: int = Field(default=30, gt=0)
    parse_timeout_seconds: float = Field(default=20.0, gt=0)
    max_expanded_bytes: int = Field(default=50 * 1024 * 1024, gt=0)
    max_zip_entries: int = Field(default=2_000, gt=0)
    max_text_chars: int = Field(default=500_000, gt=0)
    isolate_parsing: bool = True
    parse_memory_bytes: int = Field(default=1024 * 1024 * 1024, ge=256 * 1024 * 1024)
    parse_workers: int = Field(default=4, ge=1, le=64)
    parse_queue_seconds: float = Field(default=2.0, gt=0)
    analysis_wait_seconds: float = Field(default=10.0, gt=0)
    context_window_tokens: int = Field(default=12, ge=1, le=200)
    role_model_version: str | None = Field(default=None, pattern=r"^\d+\.\d+\.\d+$")
    environment: Literal["development", "production"] = "development"
    state_dir: Path = Field(default_factory=_state_dir)
    database_url: str | None = None
    secret_key: SecretStr | None = None
    token_minutes: int = Field(default=60, gt=0, le=7 * 24 * 60)
    sign_in_max_failures: int = Field(default=5, ge=1, le=1_000)
    sign_in_max_failures_per_client: int = Field(default=50, ge=1, le=100_000)
    sign_in_window_seconds: int = Field(default=15 * 60, gt=0, le=7 * 24 * 3600)
    demo_data: bool | None = None
    page_size_max: int = Field(default=100, gt=0, le=1_000)
    ranking_pool_max: int = Field(default=5_000, gt=0)

    @property
    def development(self) -> bool:
        """True in development mode (the default)."""
        return self.environment == "development"

    @property
    def store_url(self) -> str:
        """The database URL in use: ``database_url``, or the SQLite file in ``state_dir``."""
        return self.database_url or f"sqlite:///{self.state_dir / 'matcher.sqlite3'}"

    @property
    def load_demo_data(self) -> bool:
        """Whether to load demo data into an empty database (``demo_data``, else dev mode)."""
        return self.development if self.demo_data is None else self.demo_data


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Return the process-wide settings, read from the environment on first call."""
    return Settings()
