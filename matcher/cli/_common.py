"""What every command shares: consoles, settings, the engine, error exits."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console

from matcher.config import Settings, get_settings
from matcher.errors import DataValidationError, MatcherError
from matcher.service import MatchingEngine, load_engine

__all__ = ["DataDirOption", "engine_for", "err", "fail", "out", "settings_for"]

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

DataDirOption = Annotated[
    Path | None,
    typer.Option(
        "--data-dir", help="Data directory (default: MATCHER_DATA_DIR or the bundled data/)."
    ),
]


def settings_for(data_dir: Path | None) -> Settings:
    return Settings(data_dir=data_dir) if data_dir is not None else get_settings()


def fail(exc: MatcherError) -> NoReturn:
    err.print(f"[bold red]error:[/] {exc}", markup=True)
    raise typer.Exit(code=1 if isinstance(exc, DataValidationError) else 2)


def engine_for(settings: Settings) -> MatchingEngine:
    try:
        return load_engine(settings)
    except MatcherError as exc:
        fail(exc)
