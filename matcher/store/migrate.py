"""Schema migrations (Alembic scripts shipped in ``matcher/store/migrations``).

:func:`upgrade_database` brings a database to the newest revision; the service calls it
at start and ``matcher db-upgrade`` calls it by hand. An empty database gets every table;
an up-to-date one is left alone.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

__all__ = ["current_revision", "head_revision", "upgrade_database"]

_SCRIPTS = Path(__file__).resolve().parent / "migrations"


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(_SCRIPTS))
    return config


def upgrade_database(engine: Engine, *, revision: str = "head") -> None:
    """Apply every migration up to ``revision`` (default: the newest).

    Args:
        engine: the store's engine.
        revision: target revision id, or ``head``.
    """
    config = _config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def downgrade_database(engine: Engine, *, revision: str) -> None:
    """Revert migrations down to ``revision`` (``base`` drops every table)."""
    config = _config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at (None: not migrated yet)."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str:
    """The newest revision the package ships."""
    head = ScriptDirectory.from_config(_config()).get_current_head()
    if head is None:
        raise RuntimeError(f"no migration scripts in {_SCRIPTS}")
    return head
