"""An open store: engine plus session factory, migrated on open."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from matcher.store.db import make_engine, make_session_factory
from matcher.store.migrate import upgrade_database

__all__ = ["Store", "open_store"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Store:
    """The open store: its engine and a factory of sessions."""

    engine: Engine
    sessions: sessionmaker[Session]

    @property
    def backend(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.url.get_backend_name()

    def close(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


def open_store(url: str, *, migrate: bool = True) -> Store:
    """Connect to a database and bring its schema up to date.

    Args:
        url: SQLAlchemy URL.
        migrate: apply the shipped migrations first (the default).
    """
    engine = make_engine(url)
    if migrate:
        upgrade_database(engine)
    store = Store(engine=engine, sessions=make_session_factory(engine))
    log.info("store ready (%s)", store.backend)
    return store
