"""Autosave with optimistic locking, and Radera utkast."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from models.audit import entries_for_patient
from models.clock import FixedClock
from models.errors import AccessDeniedError, NotAllowedError, NotFoundError
from models.events import CertificateChanged, ChangeBus
from models.patients import PatientService
from models.staff import StaffDirectory, UserContext
from models.store import Store
from models.store.schema import Certificate, CertificateEvent, CertificateStatus
from models.workflow.certificates import CertificateService
from models.workflow.drafts import DraftConflictError, DraftService
from tests.conftest import SECRETARY, SJOSTADEN, TESTENHET_17, TOLVAN
from tests.factories import make_certificate


@pytest.fixture
def drafts(
    store: Store, clock: FixedClock, bus: ChangeBus, certificates: CertificateService
) -> DraftService:
    return DraftService(store, clock, certificates.definitions, bus)


@pytest.fixture
def draft(certificates: CertificateService, patients: PatientService, doctor: UserContext) -> str:
    return certificates.create_draft(doctor, patients.open_journal(doctor, TOLVAN), "fk7804").id


def test_the_first_answer_turns_tomt_utkast_into_utkast(
    drafts: DraftService,
    certificates: CertificateService,
    doctor: UserContext,
    draft: str,
    store: Store,
) -> None:
    detail = certificates.open_certificate(doctor, draft)
    content = {**detail.content, "25": "Patienten önskar kontakt.", "27": None}
    saved = drafts.save(doctor, draft, content, detail.version)
    assert saved.version == detail.version + 1 and not saved.is_empty
    assert certificates.get_row(draft).status_text == "Utkast"
    with store.session() as session:
        stored = session.get(Certificate, draft)
        assert stored is not None
        assert stored.content["25"] == "Patienten önskar kontakt."
        assert "27" not in stored.content  # unanswered keys are not stored


def test_saves_in_one_sitting_make_one_event_and_one_log_entry(
    drafts: DraftService,
    certificates: CertificateService,
    doctor: UserContext,
    draft: str,
    store: Store,
    clock: FixedClock,
) -> None:
    version = certificates.open_certificate(doctor, draft).version
    for text in ("P", "Pa", "Pat"):
        version = drafts.save(doctor, draft, {"25": text}, version).version
        clock.advance(dt.timedelta(seconds=2))
    clock.advance(dt.timedelta(minutes=6))
    drafts.save(doctor, draft, {"25": "Patient"}, version)
    with store.session() as session:
        kinds = list(
            session.scalars(
                select(CertificateEvent.kind)
                .where(CertificateEvent.certificate_id == draft)
                .order_by(CertificateEvent.id)
            )
        )
    assert kinds == ["SKAPAT", "ANDRAT", "ANDRAT"]
    patient = certificates.get_row(draft).patient_id
    assert [e.action for e in entries_for_patient(store, patient)] == [
        "Läsa",
        "Skriva",
        "Läsa",
        "Skriva",
        "Skriva",
    ]


def test_a_save_over_someone_elses_is_refused_with_their_name(
    drafts: DraftService,
    certificates: CertificateService,
    doctor: UserContext,
    draft: str,
    directory: StaffDirectory,
) -> None:
    version = certificates.open_certificate(doctor, draft).version
    secretary = directory.login(SECRETARY, TESTENHET_17)
    drafts.save(secretary, draft, {"25": "Sekreterarens text"}, version)
    with pytest.raises(DraftConflictError) as raised:
        drafts.save(doctor, draft, {"25": "Läkarens text"}, version)
    assert raised.value.changed_by == "Maria Lind"
    assert raised.value.message.startswith(
        "Utkastet har ändrats av en annan användare (Maria Lind)"
    )
    assert certificates.open_certificate(doctor, draft).content == {"25": "Sekreterarens text"}


def test_signed_locked_and_other_units_certificates_cannot_be_saved(
    drafts: DraftService, doctor: UserContext, store: Store, directory: StaffDirectory
) -> None:
    when = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
    signed = make_certificate(store, TOLVAN, status=CertificateStatus.SIGNED, created=when)
    locked = make_certificate(store, TOLVAN, status=CertificateStatus.LOCKED_DRAFT, created=when)
    other = make_certificate(store, TOLVAN, created=when, unit_id=SJOSTADEN)
    with pytest.raises(NotAllowedError, match="signerat och kan inte ändras"):
        drafts.save(doctor, signed, {}, 1)
    with pytest.raises(NotAllowedError, match="låst"):
        drafts.save(doctor, locked, {}, 1)
    with pytest.raises(AccessDeniedError, match="annan vårdenhet"):
        drafts.save(doctor, other, {}, 1)


def test_radera_utkast(
    drafts: DraftService,
    certificates: CertificateService,
    doctor: UserContext,
    draft: str,
    store: Store,
    bus: ChangeBus,
) -> None:
    events: list[CertificateChanged] = []
    bus.subscribe(events.append)
    patient = certificates.get_row(draft).patient_id
    drafts.delete(doctor, draft)
    with store.session() as session:
        assert session.get(Certificate, draft) is None
        assert session.scalars(select(CertificateEvent)).all() == []
    assert [e.action for e in entries_for_patient(store, patient)][-1] == "Radera"
    assert [e.kind for e in events] == ["deleted"]
    with pytest.raises(NotFoundError):
        drafts.save(doctor, draft, {}, 1)
