"""Settings: the one place configuration comes from (environment prefix ``MATCHER_``)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["Settings", "get_settings"]


def _bundled(name: str) -> Path:
    # The bundled data/ and models/ sit beside the package in a checkout or an editable
    # install, and inside it (matcher/_bundled/) in a built wheel. A deployment points
    # MATCHER_DATA_DIR / MATCHER_MODELS_DIR elsewhere.
    package_dir = Path(__file__).resolve().parent
    in_wheel = package_dir / "_bundled" / name
    return in_wheel if in_wheel.is_dir() else package_dir.parent / name


class Settings(BaseSettings):
    """Runtime configuration, read from the environment (``MATCHER_*``) once.

    Attributes:
        data_dir: directory holding roles, competency model and skill taxonomy.
        models_dir: directory holding versioned model artifacts.
        max_file_bytes: largest document accepted, in bytes.
        max_pages: most pages read from a paged document (PDF); more is an error.
        parse_timeout_seconds: wall-clock budget for turning one file into text; checked
            between pages and blocks, so a document cannot keep a worker busy much longer.
        max_expanded_bytes: largest total uncompressed size of a zipped document (DOCX,
            ODT); guards against zip bombs before anything is decompressed.
        max_zip_entries: most members a zipped document may have.
        max_text_chars: longest text the pipeline accepts, in characters.
        context_window_tokens: how many tokens around an ambiguous alias are searched
            for supporting skills before the alias is accepted.
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
    context_window_tokens: int = Field(default=12, ge=1, le=200)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Return the process-wide settings, read from the environment on first call."""
    return Settings()
