"""Reading an uploaded file under the size limit, without holding more than the limit."""

from __future__ import annotations

from fastapi import UploadFile

from matcher.errors import DocumentTooLargeError, EmptyDocumentError
from matcher.ingest import MEDIA_TYPES

__all__ = ["RESUME_MEDIA_TYPES", "read_upload"]

_CHUNK = 64 * 1024

#: media types a stored resume is downloaded with: its detected format's (never the type
#: the client declared), or ``application/octet-stream``.
RESUME_MEDIA_TYPES = (*MEDIA_TYPES.values(), "application/octet-stream")


def read_upload(upload: UploadFile, *, max_bytes: int) -> bytes:
    """The uploaded file's bytes.

    Raises:
        DocumentTooLargeError: more than ``max_bytes`` (reading stops just past it).
        EmptyDocumentError: no bytes at all.
    """
    chunks: list[bytes] = []
    size = 0
    while chunk := upload.file.read(_CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise DocumentTooLargeError(
                f"the file is over the limit of {max_bytes:,} bytes. Upload a smaller file "
                "(remove embedded images, or export as plain PDF)."
            )
        chunks.append(chunk)
    if size == 0:
        raise EmptyDocumentError("the uploaded file is empty: check that you chose the right file")
    return b"".join(chunks)
