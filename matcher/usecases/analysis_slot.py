"""One analysis at a time per process, and a bounded wait for it.

The spaCy pipeline is shared by the server's worker threads and is not documented as
thread-safe (and the work is CPU-bound anyway), so analyses take turns. A request that
cannot get its turn within ``Settings.analysis_wait_seconds`` answers 503 with
``Retry-After`` rather than holding a worker thread in a growing queue.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from matcher.config import Settings
from matcher.errors import ServiceBusyError

__all__ = ["analysis_slot"]

_ANALYSIS_LOCK = threading.Lock()


@contextmanager
def analysis_slot(settings: Settings) -> Iterator[None]:
    """Hold the process's analysis turn for the ``with`` block.

    Raises:
        ServiceBusyError: the turn did not come within ``analysis_wait_seconds``.
    """
    if not _ANALYSIS_LOCK.acquire(timeout=settings.analysis_wait_seconds):
        raise ServiceBusyError(math.ceil(settings.analysis_wait_seconds))
    try:
        yield
    finally:
        _ANALYSIS_LOCK.release()
