"""Opening a database: migrate, seed, and refuse what must not be touched."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.engine import URL

from models.clock import FixedClock
from models.errors import (
    DatabaseTooNewError,
    DatabaseUnreachableError,
    DatabaseUrlError,
    NotADatabaseError,
    StoreError,
)
from models.store import Store, open_store
from models.store.migrate import MIGRATIONS_DIR, current_revision, head_revision, migrate
from models.store.schema import CareProvider, CareUnit, Patient, Staff
from models.store.urls import default_url, describe, parse_url
from tests.conftest import SEED_DIR


def _count(store: Store, model: type) -> int:
    with store.session() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_fresh_database_is_migrated_to_head_and_seeded(store: Store) -> None:
    assert current_revision(store) == head_revision()
    assert _count(store, CareProvider) == 1
    assert _count(store, CareUnit) == 3
    assert _count(store, Staff) == 7
    assert _count(store, Patient) == 10
    with store.session() as session:
        unit = session.scalar(select(CareUnit).where(CareUnit.name == "Testenhet 17"))
        assert unit is not None and unit.arbetsplatskod == "1234567890"


def test_reopening_neither_migrates_nor_seeds_again(
    database_url: URL, clock: FixedClock, store: Store
) -> None:
    again = open_store(database_url, clock, SEED_DIR)
    try:
        assert not again.seeded
        assert not again.migration.changed
        assert _count(again.store, Patient) == 10
    finally:
        again.store.close()


def test_sqlite_runs_with_wal_foreign_keys_and_busy_timeout(
    sqlite_url: URL, clock: FixedClock
) -> None:
    opened = open_store(sqlite_url, clock, SEED_DIR)
    try:
        with opened.store.engine.connect() as connection:
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 5000
    finally:
        opened.store.close()


def test_default_url_is_a_file_in_the_data_folder(tmp_path: Path) -> None:
    url = default_url(tmp_path)
    assert url.get_backend_name() == "sqlite"
    assert describe(url) == f"SQLite: {tmp_path / 'intygsstudio.sqlite3'}"


def test_postgresql_url_gets_the_shipped_driver() -> None:
    url = parse_url("postgresql://intyg:hemligt@db.example/intyg")
    assert url.drivername == "postgresql+psycopg"
    assert "hemligt" not in describe(url)


@pytest.mark.parametrize(
    ("text_url", "fragment"),
    [
        ("inte en adress", "kan inte tolkas"),
        ("mysql://root@localhost/intyg", "stöds inte"),
        ("postgresql://localhost", "saknar namnet"),
    ],
)
def test_bad_urls_are_refused_in_swedish(text_url: str, fragment: str) -> None:
    with pytest.raises(DatabaseUrlError) as raised:
        parse_url(text_url)
    assert fragment in raised.value.message


def test_unreachable_postgresql_is_reported(clock: FixedClock) -> None:
    url = parse_url("postgresql://postgres@127.0.0.1:1/test")
    with pytest.raises(DatabaseUnreachableError) as raised:
        open_store(url, clock, SEED_DIR)
    assert "svarar inte" in raised.value.message


def test_a_file_that_is_not_sqlite_is_refused_and_left_unchanged(
    tmp_path: Path, clock: FixedClock
) -> None:
    path = tmp_path / "anteckningar.txt"
    path.write_text("Inte en databas, bara text.\n" * 100, encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(NotADatabaseError) as raised:
        open_store(parse_url(f"sqlite:///{path}"), clock, SEED_DIR)
    assert "ingen SQLite-databas" in raised.value.message
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["anteckningar.txt"]


def test_a_folder_is_refused(tmp_path: Path, clock: FixedClock) -> None:
    with pytest.raises(StoreError):
        open_store(parse_url(f"sqlite:///{tmp_path}"), clock, SEED_DIR)


def test_a_database_from_a_newer_version_is_refused_untouched(
    sqlite_url: URL, clock: FixedClock
) -> None:
    open_store(sqlite_url, clock, SEED_DIR).store.close()
    store = Store.__new__(Store)
    from models.store.engine import create_store

    store = create_store(sqlite_url)
    with store.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    store.close()
    path = Path(str(sqlite_url.database))
    before = path.read_bytes()
    with pytest.raises(DatabaseTooNewError) as raised:
        open_store(sqlite_url, clock, SEED_DIR)
    assert "nyare version" in raised.value.message
    assert path.read_bytes() == before


def test_another_programs_database_is_refused(sqlite_url: URL, clock: FixedClock) -> None:
    from models.store.engine import create_store

    store = create_store(sqlite_url)
    with store.engine.begin() as connection:
        connection.execute(text("CREATE TABLE recept (id INTEGER PRIMARY KEY)"))
    store.close()
    with pytest.raises(NotADatabaseError) as raised:
        open_store(sqlite_url, clock, SEED_DIR)
    assert "recept" in raised.value.message


NEXT_REVISION = '''"""a later schema, for the upgrade test"""

import sqlalchemy as sa
from alembic import op

revision = "0099"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("later_table", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade() -> None:
    op.drop_table("later_table")
'''


def test_upgrading_an_older_sqlite_file_copies_it_aside_first(
    sqlite_url: URL, clock: FixedClock, tmp_path: Path
) -> None:
    opened = open_store(sqlite_url, clock, SEED_DIR)
    opened.store.close()
    later = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, later, ignore=shutil.ignore_patterns("__pycache__"))
    from models.store.migrate import SCHEMA_HEAD

    later_script = NEXT_REVISION.replace("{head}", SCHEMA_HEAD)
    (later / "versions" / "0099_later.py").write_text(later_script, encoding="utf-8")

    from models.store.engine import create_store

    store = create_store(sqlite_url)
    try:
        result = migrate(store, clock, migrations_dir=later)
        assert (result.from_revision, result.to_revision) == (SCHEMA_HEAD, "0099")
        assert result.backup is not None
        assert result.backup.name == f"intygsstudio.backup-{SCHEMA_HEAD}-20261127-093000.sqlite3"
        assert current_revision(store) == "0099"
    finally:
        store.close()
    backup = create_store(parse_url(f"sqlite:///{result.backup}"))
    try:
        assert current_revision(backup) == SCHEMA_HEAD
        assert _count(backup, Patient) == 10
    finally:
        backup.close()


def test_schema_head_constant_matches_the_migration_scripts() -> None:
    from models.store.migrate import SCHEMA_HEAD

    assert head_revision() == SCHEMA_HEAD


def test_migration_scripts_build_the_schema_the_models_describe(
    database_url: URL, clock: FixedClock
) -> None:
    """New databases are created from the models; old ones are upgraded by the scripts."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from models.store.engine import create_store
    from models.store.schema import Base

    store = create_store(database_url)
    try:
        from models.store.migrate import SCHEMA_HEAD

        # A target given by name takes the script path even for a blank database.
        result = migrate(store, clock, target=SCHEMA_HEAD)
        assert result.to_revision == SCHEMA_HEAD
        with store.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        store.close()


@pytest.mark.postgres
def test_workstations_starting_together_on_postgresql(postgres_url: URL, clock: FixedClock) -> None:
    from concurrent.futures import ThreadPoolExecutor

    def start() -> bool:
        opened = open_store(postgres_url, clock, SEED_DIR)
        opened.store.close()
        return opened.seeded

    with ThreadPoolExecutor(max_workers=4) as pool:
        seeded = list(pool.map(lambda _: start(), range(4)))
    assert sorted(seeded) == [False, False, False, True]
    check = open_store(postgres_url, clock, SEED_DIR)
    try:
        assert _count(check.store, Patient) == 10
    finally:
        check.store.close()


def test_a_database_at_the_first_revision_is_upgraded_with_its_data(
    sqlite_url: URL, clock: FixedClock
) -> None:
    """A workstation that ran the first release keeps its data through every migration."""
    from models.store.engine import create_store
    from models.store.migrate import SCHEMA_HEAD
    from models.store.seed import seed_if_empty

    store = create_store(sqlite_url)
    try:
        migrate(store, clock, target="0001")
        with store.engine.begin() as connection:
            connection.execute(
                text("INSERT INTO care_providers (hsa_id, name) VALUES (:id, 'Gammal')"),
                {"id": "TSTNMT2321000156-XX"},
            )
        result = migrate(store, clock)
        assert (result.from_revision, result.to_revision) == ("0001", SCHEMA_HEAD)
        assert result.backup is not None and result.backup.exists()
        assert not seed_if_empty(store, SEED_DIR, clock)
        with store.session() as session:
            assert session.scalar(select(CareProvider.name)) == "Gammal"
    finally:
        store.close()
