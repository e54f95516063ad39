"""Alembic environment: run by :func:`matcher.store.migrate.upgrade_database`.

The caller passes an open connection in ``config.attributes["connection"]``; there is
no ``alembic.ini`` and no URL here, so the same scripts run against SQLite and
PostgreSQL.
"""

from __future__ import annotations

from alembic import context

from matcher.store import orm  # noqa: F401  (registers the tables on Base.metadata)
from matcher.store.db import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through matcher.store.migrate.upgrade_database")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
