"""Opening a new database (create, migrate, seed) and opening a journal."""

from __future__ import annotations

from pathlib import Path

from pytest_benchmark.fixture import BenchmarkFixture

from models.clock import FixedClock
from models.patients import PatientService
from models.staff import UserContext
from models.store import open_store
from models.store.urls import parse_url
from tests.conftest import SEED_DIR


def test_create_migrate_and_seed_sqlite(
    benchmark: BenchmarkFixture, tmp_path: Path, clock: FixedClock
) -> None:
    counter = iter(range(10_000))

    def create() -> bool:
        url = parse_url(f"sqlite:///{tmp_path / f'db{next(counter)}.sqlite3'}")
        opened = open_store(url, clock, SEED_DIR)
        opened.store.close()
        return opened.seeded

    assert benchmark.pedantic(create, rounds=10)


def test_open_journal(
    benchmark: BenchmarkFixture, patients: PatientService, doctor: UserContext
) -> None:
    patient = benchmark(patients.open_journal, doctor, "19121212-1212")
    assert patient.name == "Tolvan Tolvansson"
