"""Bring a database to the schema this version of Intygsstudio expects.

Migrations run on open. An SQLite file that needs upgrading is first copied aside; a database
written by a newer version, or a database that belongs to some other program, is refused and
left untouched.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from models.clock import Clock
from models.errors import DatabaseTooNewError, NotADatabaseError
from models.store.engine import Store

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


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
    config = Config()
    config.set_main_option("script_location", str(migrations_dir))
    return config


def head_revision(migrations_dir: Path = MIGRATIONS_DIR) -> str:
    head = ScriptDirectory.from_config(alembic_config(migrations_dir)).get_current_head()
    assert head is not None, "the migration scripts have no head"
    return head


def current_revision(store: Store) -> str | None:
    with store.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def migrate(
    store: Store,
    clock: Clock,
    target: str = "head",
    *,
    migrations_dir: Path = MIGRATIONS_DIR,
) -> MigrationResult:
    """Upgrade ``store`` to ``target`` (normally the newest schema)."""
    config = alembic_config(migrations_dir)
    script = ScriptDirectory.from_config(config)
    known = {revision.revision for revision in script.walk_revisions()}
    current = current_revision(store)
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
