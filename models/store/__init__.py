"""Storage: one engine per database URL, migrations on open, seed data for an empty database."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import URL

from models.clock import Clock
from models.store.engine import Store, create_store
from models.store.migrate import MigrationResult, migrate
from models.store.seed import reset_training, seed_if_empty


@dataclass(frozen=True)
class OpenedStore:
    """A ready database and what opening it did."""

    store: Store
    migration: MigrationResult
    seeded: bool


def open_store(url: URL, clock: Clock, seed_dir: Path, *, reset: bool = False) -> OpenedStore:
    """Connect, migrate to the newest schema, and seed an empty database (or reset it)."""
    store = create_store(url)
    try:
        migration = migrate(store, clock)
        if reset:
            reset_training(store, seed_dir, clock)
            seeded = True
        else:
            seeded = seed_if_empty(store, seed_dir, clock)
    except BaseException:
        store.close()
        raise
    return OpenedStore(store, migration, seeded)


__all__ = ["MigrationResult", "OpenedStore", "Store", "open_store"]
