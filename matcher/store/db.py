"""Engine and sessions: SQLite (the default, embedded) or PostgreSQL (by URL).

SQLite connections enforce foreign keys (so deleting a graduate cascades) and use
``secure_delete`` (so deleted rows, the stored resume file among them, are overwritten
in the database file rather than left in free pages).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, MetaData, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker
from sqlalchemy.pool import StaticPool

from matcher.errors import ConflictError

__all__ = [
    "POOL_EXHAUSTED",
    "Base",
    "conflict_on_duplicate",
    "make_engine",
    "make_session_factory",
    "normalise_url",
    "release_connection",
]

_NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base of every table; constraint names are deterministic."""

    metadata = MetaData(naming_convention=_NAMING)


def normalise_url(url: str) -> str:
    """Pick the installed driver for a plain ``postgresql://`` URL (psycopg 3).

    Args:
        url: a SQLAlchemy database URL.

    Returns:
        The URL with ``postgresql+psycopg`` as driver when none was named.
    """
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


#: What a session raises when every pooled connection stayed busy for the pool's timeout.
POOL_EXHAUSTED: tuple[type[Exception], ...] = (PoolTimeoutError,)


def release_connection(session: Session) -> None:
    """End the session's transaction so it holds no pooled connection during slow work.

    Call it before reading or analysing an upload: a request that waits on a file or the
    pipeline must not keep one of the pool's few connections from the others. Loaded
    rows stay usable (sessions do not expire them on commit); the next query starts a
    new transaction.
    """
    session.commit()


@contextmanager
def conflict_on_duplicate(message: str) -> Iterator[None]:
    """Turn a unique-constraint violation in the block into :class:`ConflictError`.

    The callers check for a duplicate before inserting; two requests racing past that
    check meet here, at the database's constraint, and the loser gets a 409 with
    ``message`` instead of a 500. The session's transaction is then unusable: the
    request's session rolls it back.
    """
    try:
        yield
    except IntegrityError as exc:
        raise ConflictError(message) from exc


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


def make_engine(url: str, *, echo: bool = False) -> Engine:
    """Create the database engine for a URL.

    A SQLite file's directory is created if missing; an in-memory SQLite database is
    shared by every session of the engine (one connection).

    Args:
        url: SQLAlchemy URL (``sqlite:///path``, ``postgresql://user:pw@host/db``).
        echo: log SQL statements (never in production: they carry personal data).

    Returns:
        The engine; nothing is connected yet.
    """
    url = normalise_url(url)
    parsed = make_url(url)
    # hide_parameters: a database error's message must not carry the statement's values
    # (emails, password hashes, resume text) into logs and tracebacks.
    kwargs: dict[str, Any] = {"echo": echo, "hide_parameters": True}
    if parsed.get_backend_name() == "sqlite":
        kwargs["connect_args"] = {"check_same_thread": False}
        database = parsed.database or ""
        if database in ("", ":memory:"):
            kwargs["poolclass"] = StaticPool
        else:
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    else:
        kwargs["pool_pre_ping"] = True
    engine = create_engine(url, **kwargs)
    if parsed.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions bound to ``engine``; objects stay readable after commit."""
    return sessionmaker(bind=engine, expire_on_commit=False)
