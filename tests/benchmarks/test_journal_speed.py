"""Opening a journal with 1,000 certificates, and the work dock over 100,000 in the unit.

Under ``make test`` (benchmarks disabled) the same code runs once on smaller data, so the
benchmarks keep working; ``make bench`` uses the full sizes and reports the figures.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable

import pytest
from pytest_benchmark.fixture import BenchmarkFixture
from sqlalchemy import insert, text

from desktop.main_window import MainWindow
from models.staff import UserContext
from models.store import Store
from models.store.schema import Certificate, CertificateStatus
from tests.conftest import DOCTOR, TESTENHET_17, TOLVAN
from tests.factories import patient_id


def full_size(benchmark: BenchmarkFixture) -> bool:
    """Full data under ``make bench``; small data when benchmarks only run once."""
    return not benchmark.disabled


def bulk_certificates(store: Store, person_id: str, count: int, *, started: bool) -> None:
    """Insert ``count`` certificates fast (Core insert, one transaction)."""
    pid = patient_id(store, person_id)
    base = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    statuses = [CertificateStatus.DRAFT, CertificateStatus.SIGNED, CertificateStatus.LOCKED_DRAFT]
    rows = [
        {
            "id": str(uuid.uuid4()),
            "type_code": ("fk7804", "luse", "ag114", "ts-bas")[n % 4],
            "type_version": "1.0",
            "patient_id": pid,
            "unit_id": TESTENHET_17,
            "author_id": DOCTOR,
            "signing_responsible_id": DOCTOR,
            "status": statuses[n % 3].value,
            "content": {},
            "is_empty": not started,
            "version": 1,
            "created_at": base + dt.timedelta(minutes=n),
            "updated_at": base + dt.timedelta(minutes=n),
            "signed_at": base + dt.timedelta(minutes=n) if n % 3 == 1 else None,
        }
        for n in range(count)
    ]
    with store.transaction() as session:
        for start in range(0, count, 5000):
            session.execute(insert(Certificate), rows[start : start + 5000])
    if store.url.get_backend_name() == "postgresql":
        # What autovacuum does shortly after a bulk load: statistics for the planner.
        with store.engine.begin() as connection:
            connection.execute(text("ANALYZE certificates"))


@pytest.fixture
def window(main_window_for: Callable[[UserContext], MainWindow], doctor: UserContext) -> MainWindow:
    return main_window_for(doctor)


def test_open_patient_with_1000_certificates(
    benchmark: BenchmarkFixture, store: Store, window: MainWindow
) -> None:
    count = 1000 if full_size(benchmark) else 200
    bulk_certificates(store, TOLVAN, count, started=True)

    def open_journal() -> int:
        window.open_patient(TOLVAN)
        window.certificate_list.table.viewport().repaint()
        return window.certificate_model.rowCount()

    assert benchmark(open_journal) == count


def test_work_dock_over_100000_certificates(
    benchmark: BenchmarkFixture, store: Store, window: MainWindow
) -> None:
    count = 100_000 if full_size(benchmark) else 1_000
    bulk_certificates(store, TOLVAN, count, started=True)
    dock = window.work_dock
    dock.set_scope("unit")

    def open_dock() -> int:
        dock.refresh()
        dock.to_send.viewport().repaint()
        return dock.to_send_model.rowCount()

    assert benchmark(open_dock) == 200  # the first page; the rest arrives as the view scrolls
