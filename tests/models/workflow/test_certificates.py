"""The journal's certificate list, new drafts, opening, and the work list "Att skicka"."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from models.audit import entries_for_patient
from models.clock import FixedClock
from models.errors import AccessDeniedError, NotAllowedError
from models.events import CertificateChanged, ChangeBus
from models.patients import PatientService
from models.staff import StaffDirectory, UserContext
from models.store import Store
from models.store.schema import Certificate, CertificateEvent, CertificateStatus
from models.workflow.certificates import CertificateService
from tests.conftest import NURSE, SECRETARY, SJOSTADEN, TESTENHET_17, TOLVAN
from tests.factories import make_certificate, patient_id

EULALA = "199905152477"


def at(day: int, hour: int = 9) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour, 0, tzinfo=dt.UTC)


def test_create_draft_makes_an_empty_draft_with_the_unit_filled_in(
    certificates: CertificateService,
    patients: PatientService,
    doctor: UserContext,
    store: Store,
    bus: ChangeBus,
) -> None:
    events: list[CertificateChanged] = []
    bus.subscribe(events.append)
    tolvan = patients.open_journal(doctor, TOLVAN)
    row = certificates.create_draft(doctor, tolvan, "fk7804")
    assert (row.type_name, row.status_text, row.unit_name) == (
        "Läkarintyg för sjukpenning",
        "Tomt utkast",
        "Testenhet 17",
    )
    assert row.created_at == dt.datetime(2026, 11, 27, 8, 30, tzinfo=dt.UTC)
    assert row.responsible_name == "Karin Berg"
    with store.session() as session:
        stored = session.get(Certificate, row.id)
        assert stored is not None
        assert stored.content == {
            "unit.postadress": "Storgatan 17",
            "unit.postnummer": "12345",
            "unit.postort": "Småmåla",
            "unit.telefonnummer": "0123-456 17",
        }
        assert stored.type_version == "2.0" and stored.is_empty
        kinds = session.scalars(
            select(CertificateEvent.kind).where(CertificateEvent.certificate_id == row.id)
        )
        assert list(kinds) == ["SKAPAT"]
    assert [e.action for e in entries_for_patient(store, tolvan.id)] == ["Läsa", "Skriva"]
    assert events == [CertificateChanged(row.id, tolvan.id, TESTENHET_17, "created")]


def test_a_secretary_drafts_without_a_signing_responsible(
    certificates: CertificateService, patients: PatientService, directory: StaffDirectory
) -> None:
    secretary = directory.login(SECRETARY, TESTENHET_17)
    row = certificates.create_draft(secretary, patients.open_journal(secretary, TOLVAN), "ag114")
    assert row.responsible_name == ""


def test_creating_a_refused_type_raises_and_stores_nothing(
    certificates: CertificateService, patients: PatientService, doctor: UserContext, store: Store
) -> None:
    with pytest.raises(NotAllowedError, match="inte registrerad som avliden"):
        certificates.create_draft(doctor, patients.open_journal(doctor, TOLVAN), "db")
    with store.session() as session:
        assert session.scalars(select(Certificate)).all() == []


def test_the_list_shows_statuses_newest_first(
    certificates: CertificateService, patients: PatientService, doctor: UserContext, store: Store
) -> None:
    empty = make_certificate(store, TOLVAN, created=at(1), content={}, is_empty=True)
    started = make_certificate(store, TOLVAN, created=at(2))
    sent = make_certificate(
        store, TOLVAN, status=CertificateStatus.SIGNED, created=at(3), sent_to="FKASSA"
    )
    make_certificate(
        store, TOLVAN, type_code="ag7804", status=CertificateStatus.SIGNED, created=at(4)
    )
    make_certificate(store, TOLVAN, status=CertificateStatus.LOCKED_DRAFT, created=at(5))
    make_certificate(store, TOLVAN, status=CertificateStatus.REVOKED, created=at(6))
    make_certificate(
        store, TOLVAN, status=CertificateStatus.SIGNED, created=at(7), replaces_id=sent
    )
    rows = certificates.list_for_patient(doctor, patients.open_journal(doctor, TOLVAN))
    assert [(r.status_text, r.recipient) for r in rows] == [
        ("Signerad", ""),
        ("Makulerad", ""),
        ("Låst utkast", ""),
        ("Signerad", ""),
        ("Ersatt", "Försäkringskassan"),
        ("Utkast", ""),
        ("Tomt utkast", ""),
    ]
    assert rows[-1].id == empty and rows[-2].id == started


def test_drafts_of_other_units_are_not_listed_but_signed_ones_are(
    certificates: CertificateService, patients: PatientService, doctor: UserContext, store: Store
) -> None:
    make_certificate(store, TOLVAN, created=at(1), unit_id=SJOSTADEN)
    signed = make_certificate(
        store, TOLVAN, status=CertificateStatus.SIGNED, created=at(2), unit_id=SJOSTADEN
    )
    rows = certificates.list_for_patient(doctor, patients.open_journal(doctor, TOLVAN))
    assert [(r.id, r.unit_name) for r in rows] == [(signed, "Vårdcentralen Sjöstaden")]


def test_opening_logs_a_read_and_refuses_other_units_drafts(
    certificates: CertificateService, patients: PatientService, doctor: UserContext, store: Store
) -> None:
    own = make_certificate(store, TOLVAN, created=at(1), content={"25": "Hej"})
    other = make_certificate(store, TOLVAN, created=at(2), unit_id=SJOSTADEN)
    detail = certificates.open_certificate(doctor, own)
    assert detail.content == {"25": "Hej"} and detail.definition.code == "fk7804"
    tolvan = patient_id(store, TOLVAN)
    assert [(e.action, e.certificate_id) for e in entries_for_patient(store, tolvan)] == [
        ("Läsa", own)
    ]
    with pytest.raises(AccessDeniedError, match="saknar behörighet"):
        certificates.open_certificate(doctor, other)


def test_opening_says_whether_the_answers_may_be_changed(
    certificates: CertificateService, doctor: UserContext, store: Store, clock: FixedClock
) -> None:
    draft = make_certificate(store, TOLVAN, created=clock.now())
    old = make_certificate(store, TOLVAN, created=clock.now() - dt.timedelta(days=20))
    signed = make_certificate(store, TOLVAN, status=CertificateStatus.SIGNED, created=at(2))
    assert certificates.open_certificate(doctor, draft).edit_refusal is None
    assert certificates.open_certificate(doctor, old).edit_refusal == (
        "Utkastet är låst eftersom det skapades för mer än 14 dagar sedan."
    )
    assert certificates.open_certificate(doctor, signed).edit_refusal == (
        "Intyget är signerat och kan inte ändras. Använd Ersätt för att göra ändringar."
    )


def test_work_list_scopes(
    certificates: CertificateService, directory: StaffDirectory, doctor: UserContext, store: Store
) -> None:
    mine = make_certificate(store, TOLVAN, created=at(1))
    nurses = make_certificate(store, EULALA, created=at(2), responsible=None)
    signed_unsent = make_certificate(store, EULALA, status=CertificateStatus.SIGNED, created=at(3))
    make_certificate(store, TOLVAN, created=at(4), content={}, is_empty=True)  # not started
    make_certificate(
        store, TOLVAN, status=CertificateStatus.SIGNED, created=at(5), sent_to="FKASSA"
    )
    make_certificate(
        store, TOLVAN, type_code="ag7804", status=CertificateStatus.SIGNED, created=at(6)
    )
    make_certificate(store, TOLVAN, created=at(7), unit_id=SJOSTADEN)  # another unit
    assert [r.id for r in certificates.work_list(doctor, "mine")] == [signed_unsent, mine]
    assert [r.id for r in certificates.work_list(doctor, "unit")] == [signed_unsent, nurses, mine]
    eulala = patient_id(store, EULALA)
    assert [r.id for r in certificates.work_list(doctor, "patient", patient_id=eulala)] == [
        signed_unsent,
        nurses,
    ]
    assert certificates.work_list(doctor, "patient") == []
    nurse = directory.login(NURSE, TESTENHET_17)
    assert certificates.work_list(nurse, "mine") == []


def test_work_list_pages(
    certificates: CertificateService, doctor: UserContext, store: Store
) -> None:
    ids = [make_certificate(store, TOLVAN, created=at(1, hour)) for hour in range(10)]
    first = certificates.work_list(doctor, "unit", limit=4)
    rest = certificates.work_list(doctor, "unit", offset=4, limit=10)
    assert [r.id for r in first + rest] == list(reversed(ids))


def test_protected_patients_are_hidden_from_a_secretarys_lists(
    certificates: CertificateService, directory: StaffDirectory, doctor: UserContext, store: Store
) -> None:
    make_certificate(store, "197006121144", created=at(1))
    visible = make_certificate(store, TOLVAN, created=at(2))
    secretary = directory.login(SECRETARY, TESTENHET_17)
    assert [r.id for r in certificates.work_list(secretary, "unit")] == [visible]
    assert len(certificates.work_list(doctor, "unit")) == 2
