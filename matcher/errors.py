"""The one error tree of the package.

Every error the package raises on purpose derives from :class:`MatcherError`, so callers
(the CLI, the API) can map error classes to exit codes or HTTP statuses in one place::

    MatcherError
    ├── ConfigurationError      settings or paths that cannot work
    ├── DataValidationError     data/ files that break their schema or references
    ├── ArtifactError           a models/ artifact that is missing or incompatible
    ├── AuthenticationError     wrong credentials, expired or invalid token (HTTP 401)
    ├── AccessDeniedError       signed in, but this account may not do that (403)
    ├── NotFoundError           no such record, or not visible to the caller (404)
    ├── TooManySignInFailuresError  an account's sign-in is locked for a while (429)
    └── InputError              a user-supplied document or request that cannot be processed
        ├── UnsupportedFormatError  not a format we read (or not a document at all)
        ├── EmptyDocumentError      the file, or its text, is empty
        ├── CorruptDocumentError    truncated or damaged file
        ├── EncryptedDocumentError  password-protected file
        ├── NoTextLayerError        a scanned (image-only) PDF
        ├── DocumentTooLargeError   over a byte, page or expanded-size limit
        ├── DocumentTimeoutError    parsing took longer than the time limit
        ├── UnknownRoleError        a role id that is not one of the data set's roles
        └── ConflictError           clashes with stored data (409)

The service's errors (authentication, access, not found, sign-in lock, conflict) are raised by
:mod:`matcher.usecases`; the API maps each class to one HTTP status (``api/problems.py``).

Input errors carry messages meant for the graduate who uploaded the file: they say what
is wrong and what to do about it, and never echo the file's content.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = [
    "AccessDeniedError",
    "ArtifactError",
    "AuthenticationError",
    "ConfigurationError",
    "ConflictError",
    "CorruptDocumentError",
    "DataProblem",
    "DataValidationError",
    "DocumentTimeoutError",
    "DocumentTooLargeError",
    "EmptyDocumentError",
    "EncryptedDocumentError",
    "InputError",
    "MatcherError",
    "NoTextLayerError",
    "NotFoundError",
    "ServiceBusyError",
    "TooManySignInFailuresError",
    "UnknownRoleError",
    "UnsupportedFormatError",
]


class MatcherError(Exception):
    """Base class of every error raised on purpose by the package."""


class ConfigurationError(MatcherError):
    """Settings or paths that cannot work (e.g. a data directory that does not exist)."""


class ArtifactError(MatcherError):
    """A model artifact is missing, unreadable or built with incompatible libraries."""


class InputError(MatcherError):
    """A user-supplied document or request that cannot be processed."""


class UnsupportedFormatError(InputError):
    """The document's format is not one the engine reads."""


class EmptyDocumentError(InputError):
    """The file is empty or holds no text."""


class CorruptDocumentError(InputError):
    """The file is truncated or damaged and cannot be read."""


class EncryptedDocumentError(InputError):
    """The file is protected by a password."""


class NoTextLayerError(InputError):
    """A PDF holds only images of pages (a scan), so there is no text to read."""


class DocumentTooLargeError(InputError):
    """The file is over a size, page or expanded-size limit."""


class DocumentTimeoutError(InputError):
    """Reading the file took longer than the configured time limit."""


class UnknownRoleError(InputError):
    """A request names a role id that the data set does not define.

    Args:
        role_id: the id asked for.
        known: the role ids the data set defines.
    """

    def __init__(self, role_id: str, known: Sequence[str]) -> None:
        self.role_id = role_id
        self.known = tuple(known)
        super().__init__(f"unknown role {role_id!r}; known roles: {', '.join(self.known)}")


class DataProblem:
    """One problem found in the data directory.

    Args:
        location: file (relative to the data directory) and, where known, the row or key.
        message: what is wrong, in words a data editor understands.
    """

    __slots__ = ("location", "message")

    def __init__(self, location: str, message: str) -> None:
        self.location = location
        self.message = message

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"

    def __repr__(self) -> str:
        return f"DataProblem({self.location!r}, {self.message!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, DataProblem):
            return NotImplemented
        return (self.location, self.message) == (other.location, other.message)

    def __hash__(self) -> int:
        return hash((self.location, self.message))


class DataValidationError(MatcherError):
    """The data directory breaks its schema or its cross-references.

    Carries every problem found, not just the first, so one run shows a data editor
    everything to fix.
    """

    def __init__(self, problems: Sequence[DataProblem]) -> None:
        self.problems = list(problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"{len(self.problems)} problem(s) in the data directory:\n{lines}")


# --- the service: requests about stored records (raised by matcher.usecases) ----------


class AuthenticationError(MatcherError):
    """The caller could not be identified: wrong credentials or an invalid token."""


class AccessDeniedError(MatcherError):
    """The caller is known but may not do this (e.g. a graduate asking for candidates)."""


class NotFoundError(MatcherError):
    """The record does not exist, or the caller may not see it (the two look the same)."""


class ConflictError(InputError):
    """The request clashes with stored data (an email already registered...)."""


class TooManySignInFailuresError(MatcherError):
    """Too many failed sign-ins lately; ``retry_after`` seconds to wait.

    ``source`` says whose failures: ``this account`` or ``this network address``.
    """

    def __init__(self, retry_after: int, source: str = "this account") -> None:
        super().__init__(
            f"too many failed sign-ins for {source}: try again in {retry_after} seconds"
        )
        self.retry_after = retry_after


class ServiceBusyError(MatcherError):
    """Every reading or analysis slot stayed busy too long; ``retry_after`` seconds to wait."""

    def __init__(self, retry_after: int, what: str = "resumes and jobs") -> None:
        super().__init__(
            f"the server is busy with other {what}: try again in {retry_after} "
            f"second{'' if retry_after == 1 else 's'}"
        )
        self.retry_after = retry_after
