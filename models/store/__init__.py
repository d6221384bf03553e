"""Storage: one engine per database URL, migrations on open, seed data for an empty database."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.engine import URL

from models.clock import Clock
from models.store.engine import Store, create_store
from models.store.migrate import MigrationResult, migrate
from models.store.seed import seed_if_empty

if TYPE_CHECKING:
    from models.training.scenarios import Scenario


@dataclass(frozen=True)
class OpenedStore:
    """A ready database and what opening it did."""

    store: Store
    migration: MigrationResult
    seeded: bool


def open_store(
    url: URL, clock: Clock, seed_dir: Path, *, reset: Scenario | str | None = None
) -> OpenedStore:
    """Connect, migrate to the newest schema, and seed an empty database.

    ``reset``: replace all data with this training scenario (or the one with this key) instead;
    an unknown key raises NotFoundError before anything is opened.
    """
    if reset is not None:
        # Imported here: the training builder uses the workflow services, which use the store.
        from models.training.reset import reset_to
        from models.training.scenarios import scenario

        reset = scenario(reset) if isinstance(reset, str) else reset
    store = create_store(url)
    try:
        with _one_workstation_at_a_time(store):
            migration = migrate(store, clock)
            if reset is not None:
                reset_to(store, clock, reset)
                seeded = True
            else:
                seeded = seed_if_empty(store, seed_dir, clock)
    except BaseException:
        store.close()
        raise
    return OpenedStore(store, migration, seeded)


# An arbitrary constant naming Intygsstudio's schema lock among PostgreSQL advisory locks.
_SCHEMA_LOCK_KEY = 0x1D7C57D0


@contextmanager
def _one_workstation_at_a_time(store: Store) -> Iterator[None]:
    """On PostgreSQL, workstations starting together migrate and seed one after the other."""
    if store.url.get_backend_name() != "postgresql":
        yield
        return
    with store.engine.connect() as connection:
        connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": _SCHEMA_LOCK_KEY})
        connection.commit()
        try:
            yield
        finally:
            connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": _SCHEMA_LOCK_KEY})
            connection.commit()


__all__ = ["MigrationResult", "OpenedStore", "Store", "open_store"]
