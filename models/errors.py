"""Typed exceptions for expected errors.

An *expected* error is one a user can cause or meet in normal work: a wrong database URL, an
unknown personnummer, a missing permission. Each carries a Swedish message the UI shows as it
is. Anything else that escapes is a bug and goes to the crash dialog.
"""

from __future__ import annotations


class IntygsstudioError(Exception):
    """Base of every expected error; ``message`` is Swedish and meant for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class StoreError(IntygsstudioError):
    """The database cannot be opened or used."""


class DatabaseUrlError(StoreError):
    """The database URL cannot be parsed or names an unsupported database."""


class DatabaseUnreachableError(StoreError):
    """The database server does not answer or refuses the connection."""


class NotADatabaseError(StoreError):
    """The file exists but is not an SQLite database."""


class DatabaseTooNewError(StoreError):
    """The database was written by a newer version of Intygsstudio."""


class ConcurrentChangeError(StoreError):
    """Someone else saved the same record first (optimistic locking)."""


class NotFoundError(IntygsstudioError):
    """A person, unit, patient or certificate that was asked for does not exist."""


class LoginError(IntygsstudioError):
    """The staff member may not log in at the chosen unit."""


class PatientIdError(IntygsstudioError):
    """A patient identity number is malformed."""


class AccessDeniedError(IntygsstudioError):
    """The logged-in user may not see or do this ("Behörighet saknas")."""


class NotAllowedError(IntygsstudioError):
    """The action is not allowed in the certificate's or patient's present state."""
