"""The händelselogg: status events and PDL entries merged, newest first, in Swedish."""

from __future__ import annotations

import datetime as dt

import pytest

from models.clock import FixedClock
from models.patients import PatientService
from models.staff import StaffDirectory, UserContext
from models.store import Store
from models.store.schema import CertificateStatus
from models.training.event_log import EventLog, LogEntry, LogFilter, status_text
from models.workflow.certificates import CertificateService
from models.workflow.lifecycle import Lifecycle
from tests.conftest import SECRETARY, TESTENHET_17, TOLVAN
from tests.factories import make_certificate

MINUTE = dt.timedelta(minutes=1)
DOCTOR_WHO = "Karin Berg (Läkare, Testenhet 17)"


@pytest.fixture
def log(store: Store, certificates: CertificateService) -> EventLog:
    return EventLog(store, certificates.definitions)


def _rows(entries: list[LogEntry]) -> list[tuple[str, str, str, str, str, str]]:
    return [(e.time, e.kind, e.who, e.patient, e.certificate_type, e.what) for e in entries]


def test_a_fresh_database_has_an_empty_log(log: EventLog) -> None:
    assert log.latest() == []


def test_status_events_and_pdl_entries_are_merged_newest_first(
    log: EventLog,
    life: Lifecycle,
    store: Store,
    clock: FixedClock,
    doctor: UserContext,
    patients: PatientService,
    certificates: CertificateService,
    directory: StaffDirectory,
) -> None:
    tolvan = patients.open_journal(doctor, TOLVAN)  # 09:30
    clock.advance(MINUTE)
    certificates.create_draft(doctor, tolvan, "fk7804")  # 09:31
    signed = make_certificate(
        store,
        TOLVAN,
        status=CertificateStatus.SIGNED,
        created=clock.now() - dt.timedelta(days=2),
        seal=True,
    )
    clock.advance(MINUTE)
    secretary = directory.login(SECRETARY, TESTENHET_17)
    life.signing.send(secretary, signed, patient_consent=True)  # 09:32
    clock.advance(MINUTE)
    life.fk.send_question("Handläggare", signed, "KONTKT", "Ring mig.")  # 09:33

    entries = log.latest()
    assert _rows(entries) == [
        (
            "2026-11-27 09:33",
            "Status",
            "Försäkringskassan",
            "19121212-1212",
            "FK7804",
            "Fråga från Försäkringskassan: Kontakt",
        ),
        (
            "2026-11-27 09:32",
            "Status",
            f"{secretary.staff.name} (Vårdadministratör, Testenhet 17)",
            "19121212-1212",
            "FK7804",
            "Intyget skickat till Försäkringskassan",
        ),
        (
            "2026-11-27 09:32",
            "PDL",
            f"{secretary.staff.name} (Vårdadministratör, Testenhet 17)",
            "19121212-1212",
            "FK7804",
            "Utskrift – Intyg skickat till Försäkringskassan",
        ),
        ("2026-11-27 09:31", "Status", DOCTOR_WHO, "19121212-1212", "FK7804", "Utkast skapat"),
        (
            "2026-11-27 09:31",
            "PDL",
            DOCTOR_WHO,
            "19121212-1212",
            "FK7804",
            "Skriva – Skapade utkast: Läkarintyg för sjukpenning",
        ),
        ("2026-11-27 09:30", "PDL", DOCTOR_WHO, "19121212-1212", "", "Läsa – Journalen öppnad"),
    ]
    assert entries[0].certificate_name == "Läkarintyg för sjukpenning"
    assert entries[0].code == "NYFRFM" and entries[2].code == "Utskrift"

    status = log.latest(show=LogFilter.STATUS)
    assert {e.kind for e in status} == {"Status"} and len(status) == 3
    pdl = log.latest(show=LogFilter.PDL)
    assert {e.kind for e in pdl} == {"PDL"} and len(pdl) == 3
    assert _rows(log.latest(limit=2)) == _rows(entries[:2])


def test_a_locked_draft_is_the_systems_doing_and_a_protected_patient_is_marked(
    log: EventLog, life: Lifecycle, store: Store, clock: FixedClock
) -> None:
    make_certificate(store, "197006121144", created=clock.now() - dt.timedelta(days=15))
    assert len(life.locking.lock_overdue()) == 1
    (entry,) = log.latest()
    assert (entry.who, entry.what, entry.protected_identity) == (
        "Systemet",
        "Utkastet låstes eftersom det inte signerades inom 14 dagar.",
        True,
    )


@pytest.mark.parametrize(
    ("kind", "note", "shown"),
    [
        ("SKAPAT", "", "Utkast skapat"),
        ("KFSIGN", "Markerat klart för signering", "Utkast markerat klart för signering"),
        ("ANSVARIG", "Signeringsansvarig: Johan Ek", "Signeringsansvarig: Johan Ek"),
        (
            "SKICKA",
            "Skickat till Försäkringskassan av patienten via Mina intyg",
            "Intyget skickat till Försäkringskassan av patienten via Mina intyg",
        ),
        ("NYFRFM", "Påminnelse: Kontakt", "Påminnelse: Kontakt"),
        ("NYSVFM", "Svar från Försäkringskassan: Kontakt", "Svar från Försäkringskassan: Kontakt"),
        ("HANFRFM", "Besvarad: Kontakt", "Fråga besvarad: Kontakt"),
        ("HANFRFV", "Markerad som ohanterad: Övrigt", "Fråga markerad som ohanterad: Övrigt"),
        (
            "HANFRFM",
            "Kompletteringsbegäran besvarad med ett nytt intyg",
            "Kompletteringsbegäran besvarad med ett nytt intyg",
        ),
        (
            "FORLANGER",
            "Läkarintyg för sjukpenning (3f2c9a0e-1b7d-4c55-9a51-8d0b6f1e2a47)",
            "Förnyande utkast skapat: Läkarintyg för sjukpenning",
        ),
        ("RELINTYGMAKULE", "Relaterat intyg makulerat", "Relaterat intyg makulerat"),
        (
            "MAKULE",
            "Intyget har utfärdats på fel patient: Fel journal",
            "Intyget makulerat: Intyget har utfärdats på fel patient: Fel journal",
        ),
    ],
)
def test_a_status_event_reads_as_one_sentence_without_repeating_itself(
    kind: str, note: str, shown: str
) -> None:
    # The notes are the ones the services write (models/workflow/*).
    assert status_text(kind, note) == shown
