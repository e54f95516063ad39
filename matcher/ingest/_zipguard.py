"""Zip containers (DOCX, ODT): refuse bombs before anything is decompressed.

The check reads only the central directory: entry count, the declared uncompressed
size of every member and each member's compression ratio. Declared sizes bound what is
actually inflated, because :mod:`zipfile` stops a member at its declared size and then
fails its CRC check, so a member that lies about its size cannot expand past it.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from matcher.errors import CorruptDocumentError, DocumentTooLargeError
from matcher.ingest._limits import IngestLimits

__all__ = ["ZIP_READ_ERRORS", "open_zip"]

#: What reading a damaged archive or member can raise: a bad directory, a truncated or
#: corrupt deflate stream, an encrypted member (``RuntimeError``) or an unknown
#: compression method (``NotImplementedError``).
ZIP_READ_ERRORS: tuple[type[Exception], ...] = (
    zipfile.BadZipFile,
    OSError,
    ValueError,
    EOFError,
    KeyError,
    RuntimeError,
    NotImplementedError,
    zlib.error,
)

_MAX_RATIO = 200  # real DOCX/ODT parts compress < 20:1; bombs reach 1000:1
_RATIO_FLOOR = 1024 * 1024  # small members may have any ratio


def _too_large(kind: str) -> DocumentTooLargeError:
    return DocumentTooLargeError(
        f"this {kind} file expands to far more data than a resume could hold, so it was "
        "not opened (it may be damaged or deliberately oversized). Save your resume again "
        "from your word processor, or upload it as PDF."
    )


def open_zip(data: bytes, *, kind: str, limits: IngestLimits) -> zipfile.ZipFile:
    """Open a zipped document after checking its declared sizes.

    Args:
        data: the file's bytes.
        kind: the format's name for messages (``DOCX``, ``ODT``).
        limits: entry-count and expanded-size limits.

    Returns:
        The open archive (the caller closes it).

    Raises:
        CorruptDocumentError: the archive is truncated or damaged.
        DocumentTooLargeError: too many members, too large expanded or a bomb-like ratio.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except ZIP_READ_ERRORS as exc:
        raise CorruptDocumentError(
            f"this {kind} file is damaged or incomplete (it may have been cut off while "
            "uploading or downloading). Open it in your word processor, save it again and "
            "re-upload it, or upload a PDF."
        ) from exc
    infos = archive.infolist()
    if len(infos) > limits.max_zip_entries:
        archive.close()
        raise _too_large(kind)
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if total > limits.max_expanded_bytes or (
            info.file_size > _RATIO_FLOOR and ratio > _MAX_RATIO
        ):
            archive.close()
            raise _too_large(kind)
    return archive
