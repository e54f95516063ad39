"""What every command shares: consoles, settings, the engine, error exits."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console

from matcher.config import Settings, get_settings
from matcher.errors import DataValidationError, MatcherError
from matcher.ingest import IngestLimits, read_document
from matcher.service import MatchingEngine, load_engine

__all__ = [
    "DataDirOption",
    "engine_for",
    "err",
    "fail",
    "load_file",
    "out",
    "settings_for",
]

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


def load_file(file: Path, data_dir: Path | None) -> tuple[MatchingEngine, str]:
    """The engine and FILE's normalised text; exit 2 with a message if either fails."""
    settings = settings_for(data_dir)
    try:
        data = file.read_bytes()
    except OSError as exc:
        err.print(f"error: cannot read {file}: {exc.strerror or exc}")
        raise typer.Exit(code=2) from exc
    engine = engine_for(settings)
    try:
        document = read_document(
            data, filename=file.name, limits=IngestLimits.from_settings(settings)
        )
    except MatcherError as exc:
        fail(exc)
    return engine, document.text
