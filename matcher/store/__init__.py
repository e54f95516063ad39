"""The persistent store: SQLAlchemy 2 tables, migrations and repository functions.

SQLAlchemy stays in this package (and the session type in ``api/deps.py``); callers use
the repository functions, which take ``*, session``, and get the session type from here.
"""

from sqlalchemy.orm import Session

from matcher.store.db import (
    POOL_EXHAUSTED,
    Base,
    make_engine,
    make_session_factory,
    normalise_url,
    release_connection,
)
from matcher.store.migrate import current_revision, head_revision, upgrade_database
from matcher.store.open import Store, open_store

__all__ = [
    "POOL_EXHAUSTED",
    "Base",
    "Session",
    "Store",
    "current_revision",
    "head_revision",
    "make_engine",
    "make_session_factory",
    "normalise_url",
    "open_store",
    "release_connection",
    "upgrade_database",
]
