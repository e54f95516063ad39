"""Read a labelled JSON Lines file, one record per line, with errors that say where."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from matcher.errors import InputError

__all__ = ["read_jsonl"]

T = TypeVar("T")


def read_jsonl(path: Path, parse: Callable[[Any], T], *, what: str) -> list[T]:
    """Every non-blank line of ``path``, decoded and turned into a record by ``parse``.

    Args:
        path: the file.
        parse: one decoded line -> record; raises ``KeyError``, ``TypeError`` or
            ``ValueError`` when the line is not such a record.
        what: the record's name for messages (``role gold record``).

    Raises:
        InputError: the file cannot be read, or line N is not JSON or not a record
            (``<path>:<N>: not a <what> (<why>)``).
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"cannot read the gold file {path}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"the gold file {path} is not UTF-8 text") from exc
    records: list[T] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            records.append(parse(json.loads(line)))
        except (KeyError, TypeError, ValueError) as exc:  # JSONDecodeError is a ValueError
            raise InputError(f"{path}:{number}: not a {what} ({exc})") from exc
    return records
