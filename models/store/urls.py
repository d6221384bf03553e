"""Database URLs: the embedded default and the checks on a URL given by the user."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from models.errors import DatabaseUrlError

DEFAULT_FILE_NAME = "intygsstudio.sqlite3"


def default_url(data_dir: Path) -> URL:
    """The embedded default: one SQLite file in the user's data folder."""
    return URL.create("sqlite+pysqlite", database=str(data_dir / DEFAULT_FILE_NAME))


def parse_url(text: str) -> URL:
    """Parse and normalise a database URL given on the command line or in settings.

    ``postgresql://`` is taken to mean the psycopg 3 driver we ship.
    """
    try:
        url = make_url(text.strip())
    except ArgumentError as exc:
        raise DatabaseUrlError(
            f"Databasadressen ”{text}” kan inte tolkas. Ange till exempel "
            "sqlite:///sökväg/till/fil.sqlite3 eller postgresql://användare@server/databas."
        ) from exc
    backend = url.get_backend_name()
    if backend == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
        if not url.database:
            raise DatabaseUrlError("Databasadressen saknar namnet på PostgreSQL-databasen.")
    elif backend == "sqlite":
        url = url.set(drivername="sqlite+pysqlite")
    else:
        raise DatabaseUrlError(
            f"Databastypen ”{backend}” stöds inte. Intygsstudio använder SQLite eller PostgreSQL."
        )
    return url


def sqlite_path(url: URL) -> Path | None:
    """The file behind an SQLite URL; None for PostgreSQL or an in-memory database."""
    if url.get_backend_name() != "sqlite":
        return None
    if not url.database or url.database == ":memory:" or url.database.startswith("file:"):
        return None
    return Path(url.database)


def describe(url: URL) -> str:
    """A short description for status bars and logs, never showing a password."""
    path = sqlite_path(url)
    if path is not None:
        return f"SQLite: {path}"
    if url.get_backend_name() == "sqlite":
        return "SQLite i minnet"
    return f"PostgreSQL: {url.host or 'localhost'}/{url.database}"
