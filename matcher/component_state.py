"""Saving and loading a pipeline component's data with ``nlp.to_disk`` / ``from_disk``.

Our spaCy components get their data (patterns, rules, alias tables) at ``initialize``
and keep it as plain JSON-ready values. :class:`JsonState` gives them ``to_disk`` and
``from_disk``: the state is written to one JSON file in the component's directory and
read back through ``initialize``, so a loaded pipeline is set up exactly like a new one.
No spaCy import here, so any component layer may use it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, ClassVar, Self

import srsly

__all__ = ["JsonState"]


class JsonState:
    """Mixin: ``to_disk``/``from_disk`` through one JSON file and ``initialize``.

    Subclasses set ``state_file`` (file name) and ``state_argument`` (the keyword of
    their ``initialize`` that takes the state), and implement :meth:`state`.
    """

    state_file: ClassVar[str]
    state_argument: ClassVar[str]

    def state(self) -> Any:
        """The JSON-ready data given to ``initialize``."""
        raise NotImplementedError

    def initialize(self, *args: Any, **kwargs: Any) -> None:
        """Set the component up from its data (implemented by the component)."""
        raise NotImplementedError

    def to_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the state to ``path/state_file``."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / self.state_file, self.state())

    def from_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> Self:
        """Read the state written by :meth:`to_disk` and initialise from it."""
        data = srsly.read_json(Path(path) / self.state_file)
        self.initialize(**{self.state_argument: data})
        return self
