"""One engine and session factory per database, opened from a SQLAlchemy URL."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import URL, Engine
from sqlalchemy.exc import DatabaseError, DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from models.errors import (
    ConcurrentChangeError,
    DatabaseUnreachableError,
    NotADatabaseError,
    StoreError,
)
from models.store.urls import describe, sqlite_path

SQLITE_BUSY_TIMEOUT_MS = 5000
POSTGRES_CONNECT_TIMEOUT_S = 5


class Store:
    """The database: an engine plus short-lived sessions, one per operation."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @property
    def url(self) -> URL:
        return self.engine.url

    @property
    def description(self) -> str:
        return describe(self.engine.url)

    @property
    def sqlite_file(self) -> Path | None:
        return sqlite_path(self.engine.url)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A short session for reading, closed at the end; failures become StoreError."""
        with self.failures_reported(), self._sessions() as session:
            yield session

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed together at the end, or rolled back on error."""
        with self.failures_reported(), self._sessions.begin() as session:
            yield session

    @contextmanager
    def failures_reported(self) -> Iterator[None]:
        """Turn a failing database (gone, locked, full, broken) into a Swedish StoreError."""
        try:
            yield
        except StaleDataError as exc:
            raise ConcurrentChangeError(
                "Någon annan har ändrat samma uppgifter under tiden. Öppna dem igen och gör om "
                "ändringen."
            ) from exc
        except DBAPIError as exc:  # the database failed; anything else is a bug and propagates
            raise StoreError(
                "Databasen kunde inte läsas eller skrivas just nu, och ingenting har ändrats. "
                f"Försök igen om en stund. ({type(exc).__name__})"
            ) from exc

    def close(self) -> None:
        self.engine.dispose()


def _sqlite_on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        # With WAL, NORMAL keeps every committed transaction through a crash of the program
        # (only a power cut can take the last ones), and makes each autosave's commit cheap.
        cursor.execute("PRAGMA synchronous = NORMAL")
    finally:
        cursor.close()


def create_store(url: URL) -> Store:
    """Create the engine for ``url`` and prove that it answers; nothing is written yet."""
    kwargs: dict[str, Any] = {}
    path = sqlite_path(url)
    if url.get_backend_name() == "postgresql":
        kwargs["connect_args"] = {"connect_timeout": POSTGRES_CONNECT_TIMEOUT_S}
        kwargs["pool_pre_ping"] = True
    elif path is not None:
        _check_sqlite_file(path)
    engine = create_engine(url, **kwargs)
    if url.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_on_connect)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except OperationalError as exc:
        engine.dispose()
        if path is not None:
            raise StoreError(f"Databasfilen {path} kan inte öppnas: {exc.orig}") from exc
        raise DatabaseUnreachableError(
            f"Databasservern på {url.host or 'localhost'}:{url.port or 5432} svarar inte eller "
            f"nekar anslutning till databasen ”{url.database}”. Kontrollera adressen och att "
            "servern är igång."
        ) from exc
    except DatabaseError as exc:
        engine.dispose()
        raise NotADatabaseError(
            f"Filen {path} är ingen SQLite-databas. Den har inte ändrats; ange en annan fil."
        ) from exc
    return Store(engine)


def _check_sqlite_file(path: Path) -> None:
    """Refuse a path that is a folder, or a file that is not an SQLite database, before opening.

    Opening such a file with WAL could otherwise create side files next to it.
    """
    if path.is_dir():
        raise StoreError(f"{path} är en mapp, inte en databasfil.")
    if path.exists():
        if path.stat().st_size == 0:
            return
        with path.open("rb") as handle:
            header = handle.read(16)
        if header != b"SQLite format 3\x00":
            raise NotADatabaseError(
                f"Filen {path} är ingen SQLite-databas. Den har inte ändrats; ange en annan fil."
            )
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"Mappen för databasfilen {path} kan inte skapas: {exc}") from exc
