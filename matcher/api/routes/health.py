"""``GET /health``: liveness, the data version and the store backend."""

from __future__ import annotations

from fastapi import APIRouter

from matcher.api.deps import EngineDep, StoreDep
from matcher.api.schemas import Health

router = APIRouter(tags=["health"])


@router.get("/health", summary="Is the service up?")
def health(engine: EngineDep, store: StoreDep) -> Health:
    """Liveness: answers without signing in; names the data version and the store."""
    return Health(
        data_version=engine.bundle.data_version, store=store.backend, roles=len(engine.bundle.roles)
    )
