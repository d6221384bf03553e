"""Fixtures for the lifecycle: the services, logins and patients of every kind."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select

from models.audit import entries_for_patient
from models.clock import FixedClock
from models.events import CertificateChanged, ChangeBus
from models.reference.diagnoses import icd10se
from models.staff import StaffDirectory, UserContext
from models.store import Store
from models.store.schema import CertificateEvent
from models.workflow.certificates import CertificateService
from models.workflow.lifecycle import Lifecycle, lifecycle
from models.workflow.siths import TRAINING_PIN, Signature, SithsCard

NOWAK = "197001782395"  # samordningsnummer
RESERV = "992026000018"  # reservnummer
PROTECTED = "197006121144"  # skyddade personuppgifter
DECEASED = "194001079120"  # died 2026-11-20
EULALA = "199905152477"


def at(day: int, hour: int = 8, month: int = 11) -> dt.datetime:
    """A UTC instant in 2026 (the clock stands at 27 November 08:30 UTC)."""
    return dt.datetime(2026, month, day, hour, 0, tzinfo=dt.UTC)


@pytest.fixture
def login(directory: StaffDirectory) -> Callable[[str, str], UserContext]:
    return directory.login


@pytest.fixture
def published(bus: ChangeBus) -> list[CertificateChanged]:
    events: list[CertificateChanged] = []
    bus.subscribe(events.append)
    return events


def signature(user: UserContext, clock: FixedClock) -> Signature:
    return SithsCard(user, clock).enter_pin(TRAINING_PIN)


def events_of(store: Store, certificate_id: str) -> list[tuple[str, str]]:
    """(kind, note) of the certificate's events, oldest first."""
    with store.session() as session:
        rows = session.execute(
            select(CertificateEvent.kind, CertificateEvent.note)
            .where(CertificateEvent.certificate_id == certificate_id)
            .order_by(CertificateEvent.id)
        ).all()
    return [(kind, note) for kind, note in rows]


def kinds_of(store: Store, certificate_id: str) -> list[str]:
    return [kind for kind, _note in events_of(store, certificate_id)]


def pdl(store: Store, patient: int, certificate_id: str | None = None) -> list[tuple[str, str]]:
    """(action, details) of the PDL entries about the patient (or one certificate)."""
    return [
        (entry.action, entry.details)
        for entry in entries_for_patient(store, patient)
        if certificate_id is None or entry.certificate_id == certificate_id
    ]


def row_of(store: Store, certificate_id: str) -> Any:
    from models.store.schema import Certificate

    with store.session() as session:
        return session.get(Certificate, certificate_id)


class FakeQuestions:
    """Stands in for the questions of a later issue: counts set by the test, calls recorded."""

    def __init__(self) -> None:
        self.unhandled: dict[str, int] = {}
        self.calls: list[tuple[str, str]] = []

    def unhandled_complement_requests(self, session: Any, certificate_id: str) -> int:
        return self.unhandled.get(certificate_id, 0)

    def unhandled_questions(self, session: Any, certificate_id: str) -> int:
        return self.unhandled.get(certificate_id, 0)

    def handle_all(self, session: Any, certificate_id: str, actor: Any) -> None:
        self.calls.append(("handle_all", certificate_id))

    def close_complement_requests(self, session: Any, certificate_id: str, actor: Any) -> None:
        self.calls.append(("close", certificate_id))

    def reopen_complement_requests(self, session: Any, certificate_id: str) -> None:
        self.calls.append(("reopen", certificate_id))


@pytest.fixture
def questions() -> FakeQuestions:
    return FakeQuestions()


@pytest.fixture
def life_with_questions(
    store: Store,
    clock: FixedClock,
    bus: ChangeBus,
    certificates: CertificateService,
    questions: FakeQuestions,
) -> Lifecycle:
    return lifecycle(
        store,
        clock,
        certificates.definitions,
        bus,
        questions=questions,
        diagnosis_exists=icd10se().exists,
    )
