"""Bring a database to the schema this version of Intygsstudio expects.

Migrations run on open. An SQLite file that needs upgrading is first copied aside; a database
written by a newer version, or a database that belongs to some other program, is refused and
left untouched. Alembic is imported only when the schema is not already current, which keeps
it off the normal start-up path.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError

from models.clock import Clock
from models.errors import DatabaseTooNewError, NotADatabaseError
from models.store.engine import Store

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# The newest revision in migrations/versions; a test keeps the two in step.
SCHEMA_HEAD = "0005"


@dataclass(frozen=True)
class MigrationResult:
    """What opening the database did to its schema."""

    from_revision: str | None
    to_revision: str
    backup: Path | None

    @property
    def changed(self) -> bool:
        return self.from_revision != self.to_revision


def alembic_config(migrations_dir: Path = MIGRATIONS_DIR) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir))
    return config


def head_revision(migrations_dir: Path = MIGRATIONS_DIR) -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config(migrations_dir)).get_current_head()
    assert head is not None, "the migration scripts have no head"
    return head


def current_revision(store: Store) -> str | None:
    """The schema revision stored in the database, or None for a database without one."""
    with store.engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        try:
            revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except DBAPIError:
            return None
    return None if revision is None else str(revision)


def migrate(
    store: Store,
    clock: Clock,
    target: str = "head",
    *,
    migrations_dir: Path = MIGRATIONS_DIR,
) -> MigrationResult:
    """Upgrade ``store`` to ``target`` (normally the newest schema)."""
    current = current_revision(store)
    default = target == "head" and migrations_dir == MIGRATIONS_DIR
    if default and current == SCHEMA_HEAD:
        return MigrationResult(current, current, None)
    if default and current is None and _is_blank(store):
        _create_at_head(store)
        return MigrationResult(None, SCHEMA_HEAD, None)

    from alembic import command
    from alembic.script import ScriptDirectory

    config = alembic_config(migrations_dir)
    script = ScriptDirectory.from_config(config)
    known = {revision.revision for revision in script.walk_revisions()}
    if current is not None and current not in known:
        raise DatabaseTooNewError(
            "Databasen är skapad av en nyare version av Intygsstudio "
            f"(schemaversion {current}). Uppdatera programmet; databasen har inte ändrats."
        )
    if current is None:
        with store.engine.connect() as connection:
            foreign_tables = inspect(connection).get_table_names()
        if foreign_tables:
            raise NotADatabaseError(
                "Databasen innehåller redan tabeller som inte kommer från Intygsstudio "
                f"({', '.join(sorted(foreign_tables)[:5])}). Den har inte ändrats; "
                "ange en tom databas eller en Intygsstudio-databas."
            )
    target_revision = script.get_revision(target)
    assert target_revision is not None
    if current == target_revision.revision:
        return MigrationResult(current, current, None)

    backup = None
    if current is not None and store.sqlite_file is not None:
        backup = _backup_sqlite(store.sqlite_file, current, clock)
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, target)
    return MigrationResult(current, target_revision.revision, backup)


def _is_blank(store: Store) -> bool:
    with store.engine.connect() as connection:
        return not inspect(connection).get_table_names()


def _create_at_head(store: Store) -> None:
    """A new database gets the newest schema directly and is stamped with its revision.

    This is Alembic's documented "create_all, then stamp" start; a test proves that the
    migration scripts and the mapped classes describe the same schema.
    """
    from models.store.schema import Base

    with store.engine.begin() as connection:
        Base.metadata.create_all(connection)
        connection.execute(
            text(
                "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
                "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"
            )
        )
        connection.execute(
            text("INSERT INTO alembic_version (version_num) VALUES (:head)"),
            {"head": SCHEMA_HEAD},
        )


def _backup_sqlite(path: Path, revision: str, clock: Clock) -> Path:
    """Copy the database aside with SQLite's backup API (safe with a WAL journal)."""
    stamp = clock.local_now().strftime("%Y%m%d-%H%M%S")
    backup = path.with_name(f"{path.stem}.backup-{revision}-{stamp}{path.suffix}")
    source = sqlite3.connect(path)
    try:
        target = sqlite3.connect(backup)
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()
    return backup
