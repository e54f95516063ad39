"""Read an untrusted file in a child process that is killed at its deadline.

The readers check their deadline between pages and blocks, but a parser's native code
(PDFium laying out a page) cannot be interrupted, and a small file can hide a huge
compressed stream. The service therefore reads each upload in a child process:

* started from a fork server that has imported only the readers (no spaCy, no
  database connections, no request state);
* under an address-space limit (``memory_bytes``), so a memory bomb fails the child,
  not the server;
* killed when the document's time limit (plus a second of start-up grace) is spent.

At most ``workers`` children run at once; a caller that waits longer than
``queue_seconds`` for a slot gets :class:`~matcher.errors.ServiceBusyError` instead of
piling up (holding a server thread each).
Errors about the file (:class:`~matcher.errors.InputError` subclasses) come back from
the child unchanged.
"""

from __future__ import annotations

import logging
import math
import multiprocessing
import resource
import threading
from dataclasses import dataclass, field
from multiprocessing.connection import Connection

from matcher.domain import RawDocument
from matcher.errors import (
    InputError,
    ServiceBusyError,
)
from matcher.ingest._limits import IngestLimits, out_of_memory, timed_out

__all__ = ["IsolatedReader"]

log = logging.getLogger(__name__)

_START_GRACE_SECONDS = 1.0
_CONTEXT = multiprocessing.get_context("forkserver")
_CONTEXT.set_forkserver_preload(["matcher.ingest"])


def _child(
    data: bytes,
    filename: str | None,
    limits: IngestLimits,
    memory_bytes: int,
    out: Connection,
) -> None:
    from matcher.ingest import read_document

    try:
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    except (ValueError, OSError):  # a platform without the limit: the deadline still holds
        pass
    try:
        out.send(("ok", read_document(data, filename=filename, limits=limits)))
    except InputError as exc:
        out.send(("error", exc))
    except MemoryError:
        out.send(("error", out_of_memory()))
    finally:
        out.close()


@dataclass
class IsolatedReader:
    """Reads documents in killable child processes (see the module docstring).

    Args:
        limits: size, page and time limits applied in the child.
        memory_bytes: address-space limit of a child process.
        workers: most children reading at once.
        queue_seconds: how long a caller waits for a free slot (then: busy).
    """

    limits: IngestLimits
    memory_bytes: int
    workers: int
    queue_seconds: float = 2.0
    _slots: threading.BoundedSemaphore = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._slots = threading.BoundedSemaphore(self.workers)

    def read(self, data: bytes, *, filename: str | None) -> RawDocument:
        """:func:`~matcher.ingest.read_document` in a child process.

        Raises:
            InputError: a subclass saying what is wrong with the file; a child killed at
                the deadline is :class:`~matcher.errors.DocumentTimeoutError`, one that
                ran out of memory :class:`~matcher.errors.DocumentTooLargeError`.
            ServiceBusyError: no reading slot came free within ``queue_seconds``.
        """
        if not self._slots.acquire(timeout=self.queue_seconds):
            # The slots free up within the time limit at worst: retry after it.
            raise ServiceBusyError(math.ceil(self.limits.timeout_seconds), what="files")
        try:
            return self._read(data, filename)
        finally:
            self._slots.release()

    def _read(self, data: bytes, filename: str | None) -> RawDocument:
        receive, send = _CONTEXT.Pipe(duplex=False)
        child = _CONTEXT.Process(
            target=_child,
            args=(data, filename, self.limits, self.memory_bytes, send),
            daemon=True,
        )
        child.start()
        send.close()
        try:
            if not receive.poll(self.limits.timeout_seconds + _START_GRACE_SECONDS):
                log.warning("a reading process outlived its deadline and was killed")
                raise timed_out(self.limits.timeout_seconds)
            try:
                status, value = receive.recv()
            except EOFError:
                # The child died without answering: native code failed an allocation
                # under the memory limit (or crashed on the file).
                child.join()
                log.warning("a reading process died (exit code %s)", child.exitcode)
                raise out_of_memory(crashed=True) from None
        finally:
            if child.is_alive():
                child.kill()
            child.join()
            receive.close()
        if status == "ok" and isinstance(value, RawDocument):
            return value
        if isinstance(value, InputError):
            raise value
        raise TypeError(f"unexpected answer from the reading process: {status!r}")
