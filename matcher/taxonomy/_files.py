"""Reading data files while collecting every problem (used by the loader and its checks)."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from matcher.errors import DataProblem

__all__ = ["Problems", "parse_bool", "read_csv", "read_yaml", "validate"]

_M = TypeVar("_M", bound=BaseModel)
_TRUE = {"true", "yes", "1"}
_FALSE = {"false", "no", "0", ""}


class Problems:
    """Collects problems with their file location, relative to the data directory."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.items: list[DataProblem] = []

    def add(self, path: Path | str, message: str, where: str = "") -> None:
        rel = path if isinstance(path, str) else path.relative_to(self.root).as_posix()
        self.items.append(DataProblem(f"{rel}{where}", message))

    def add_validation(self, path: Path, error: ValidationError, where: str = "") -> None:
        for err in error.errors():
            loc = ".".join(str(part) for part in err["loc"])
            prefix = f"{loc}: " if loc else ""
            if err["type"] == "extra_forbidden":
                self.add(path, f"{prefix}unknown key (not in the schema)", where)
            else:
                self.add(path, f"{prefix}{err['msg']}", where)


def read_yaml(path: Path, problems: Problems) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except FileNotFoundError:
        problems.add(path, "file is missing")
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        problems.add(path, f"not valid YAML: {exc}")
    return None


def validate(model: type[_M], raw: Any, path: Path, problems: Problems) -> _M | None:
    if raw is None:
        return None
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        problems.add_validation(path, exc)
        return None


def read_csv(
    path: Path, columns: tuple[str, ...], problems: Problems
) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) pairs; report header problems once."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            header = tuple(reader.fieldnames or ())
            unknown = [c for c in header if c not in columns]
            missing = [c for c in columns if c not in header]
            for name in unknown:
                problems.add(path, f"unknown column {name!r} (expected {', '.join(columns)})")
            for name in missing:
                problems.add(path, f"missing column {name!r}")
            if unknown or missing:
                return
            for row in reader:
                yield reader.line_num, {k: (v or "").strip() for k, v in row.items() if k}
    except UnicodeDecodeError as exc:
        problems.add(path, f"not UTF-8: {exc}")


def parse_bool(value: str, column: str, path: Path, line: int, problems: Problems) -> bool:
    lowered = value.lower()
    if lowered in _TRUE:
        return True
    if lowered not in _FALSE:
        problems.add(path, f"{column}: expected true or false, got {value!r}", f":{line}")
    return False
