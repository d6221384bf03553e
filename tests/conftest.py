"""Shared fixtures: headless Qt, a private home folder, and a fresh seeded database per test.

Tests that take ``store`` (or anything built on it) run twice: on SQLite, and on PostgreSQL when
``INTYGSSTUDIO_TEST_POSTGRES`` holds a URL (CI sets it). Each PostgreSQL run gets its own schema.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never touch the real user's data, logs or settings from a test.
os.environ["INTYGSSTUDIO_HOME"] = tempfile.mkdtemp(prefix="intygsstudio-test-home-")
os.environ.pop("INTYGSSTUDIO_DATABASE_URL", None)

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL

from models.clock import SWEDISH_TIME, FixedClock
from models.definitions.loader import shipped_definitions
from models.events import ChangeBus
from models.patients import PatientService
from models.reference.hsa import shipped_befattningar
from models.staff import StaffDirectory, UserContext
from models.store import OpenedStore, Store, open_store
from models.store.urls import parse_url
from models.workflow.certificates import CertificateService
from models.workflow.lifecycle import Lifecycle, lifecycle
from resources import resource_path

POSTGRES_ENV = "INTYGSSTUDIO_TEST_POSTGRES"
SEED_DIR = resource_path("seed")
BEFATTNINGAR = shipped_befattningar()

DOCTOR = "TSTNMT2321000156-L001"
AT_DOCTOR = "TSTNMT2321000156-L002"
DOCTOR_WITHOUT_WEBCERT = "TSTNMT2321000156-L003"
SECRETARY = "TSTNMT2321000156-A001"
NURSE = "TSTNMT2321000156-S001"
DENTIST = "TSTNMT2321000156-T001"
NO_COMMISSION = "TSTNMT2321000156-X001"
TESTENHET_17 = "TSTNMT2321000156-1077"
SJOSTADEN = "TSTNMT2321000156-1078"
AKUTEN = "TSTNMT2321000156-107A"
TOLVAN = "191212121212"


def _icd_exists(code: str) -> bool:
    from models.reference.diagnoses import icd10se

    return icd10se().exists(code)


@pytest.fixture
def clock() -> FixedClock:
    """Friday 27 November 2026, 09:30 in Sweden."""
    return FixedClock(dt.datetime(2026, 11, 27, 9, 30, tzinfo=SWEDISH_TIME))


def _postgres_url() -> str | None:
    return os.environ.get(POSTGRES_ENV) or None


@pytest.fixture
def sqlite_url(tmp_path: Path) -> URL:
    return parse_url(f"sqlite:///{tmp_path / 'intygsstudio.sqlite3'}")


@pytest.fixture
def postgres_url() -> Iterator[URL]:
    """A URL whose connections see only a schema made for this test."""
    base = _postgres_url()
    if base is None:
        pytest.skip(f"{POSTGRES_ENV} is not set; PostgreSQL tests run in CI")
    schema = f"test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(parse_url(base))
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = parse_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest) -> URL:
    """The URL of an empty database, on each backend."""
    name = "sqlite_url" if request.param == "sqlite" else "postgres_url"
    url: URL = request.getfixturevalue(name)
    return url


@pytest.fixture
def opened(database_url: URL, clock: FixedClock) -> Iterator[OpenedStore]:
    """A fresh database, migrated and seeded."""
    result = open_store(database_url, clock, SEED_DIR)
    try:
        yield result
    finally:
        result.store.close()


@pytest.fixture
def store(opened: OpenedStore) -> Store:
    return opened.store


@pytest.fixture
def directory(store: Store) -> StaffDirectory:
    return StaffDirectory(store, BEFATTNINGAR)


@pytest.fixture
def patients(store: Store, clock: FixedClock) -> PatientService:
    return PatientService(store, clock)


@pytest.fixture
def doctor(directory: StaffDirectory) -> UserContext:
    """The seeded doctor, logged in at Testenhet 17."""
    return directory.login(DOCTOR, TESTENHET_17)


@pytest.fixture
def bus() -> ChangeBus:
    return ChangeBus()


@pytest.fixture
def certificates(store: Store, clock: FixedClock, bus: ChangeBus) -> CertificateService:
    return CertificateService(store, clock, shipped_definitions(), bus)


@pytest.fixture
def life(
    store: Store, clock: FixedClock, bus: ChangeBus, certificates: CertificateService
) -> Lifecycle:
    """The lifecycle services on the test database, checking diagnoses against ICD-10-SE."""
    from models.reference.diagnoses import icd10se

    return lifecycle(store, clock, certificates.definitions, bus, diagnosis_exists=icd10se().exists)


@pytest.fixture
def main_window_for(
    qtbot: Any,
    patients: PatientService,
    certificates: CertificateService,
    bus: ChangeBus,
    clock: FixedClock,
    store: Store,
    tmp_path: Path,
) -> Callable[[UserContext], Any]:
    """Opens the real main window for a logged-in user on the test database."""
    from desktop.main_window import MainWindow, WindowServices
    from desktop.settings import Paths
    from models.printing import PrintService
    from models.qt.bridge import ChangeBridge
    from models.workflow.fmb_warning import SickLeaveHistory

    def make(user: UserContext) -> MainWindow:
        flow = lifecycle(store, clock, certificates.definitions, bus, diagnosis_exists=_icd_exists)
        services = WindowServices(
            patients,
            certificates,
            flow,
            ChangeBridge(bus),
            clock,
            SickLeaveHistory(store),
            PrintService(store, clock, certificates.definitions, flow.signing),
            store,
            bus,
        )
        window = MainWindow(user, services, Paths.under(tmp_path), store.description)
        qtbot.addWidget(window)
        window.show()
        return window

    return make
