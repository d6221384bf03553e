"""Opening a journal: lookup in every typed form, the PDL read, and the seeded cases."""

from __future__ import annotations

import datetime as dt

import pytest

from models.audit import entries_for_patient
from models.errors import NotFoundError, PatientIdError
from models.patients import PatientService
from models.reference.patient_id import PatientIdKind
from models.staff import UserContext
from models.store import Store
from tests.conftest import DOCTOR, TESTENHET_17

TODAY = dt.date(2026, 11, 27)


@pytest.mark.parametrize("typed", ["19121212-1212", "191212121212", "121212+1212"])
def test_open_tolvan_and_log_the_read(
    patients: PatientService, doctor: UserContext, store: Store, typed: str
) -> None:
    patient = patients.open_journal(doctor, typed)
    assert patient.name == "Tolvan Tolvansson"
    assert patient.formatted_id == "19121212-1212"
    entries = entries_for_patient(store, patient.id)
    assert [(e.staff_id, e.unit_id, e.action) for e in entries] == [(DOCTOR, TESTENHET_17, "Läsa")]


def test_short_form_with_minus_is_another_person(
    patients: PatientService, doctor: UserContext
) -> None:
    with pytest.raises(NotFoundError) as raised:
        patients.open_journal(doctor, "121212-1212")
    assert "20121212-1212" in raised.value.message


def test_malformed_number_is_refused(patients: PatientService, doctor: UserContext) -> None:
    with pytest.raises(PatientIdError):
        patients.open_journal(doctor, "19121212-1213")


@pytest.mark.parametrize(
    ("typed", "check"),
    [
        ("19700178-2395", lambda p: p.id_kind is PatientIdKind.SAMORDNINGSNUMMER),
        ("99202600-0018", lambda p: p.id_kind is PatientIdKind.RESERVNUMMER),
        ("19700612-1144", lambda p: p.protected_identity),
        ("19400107-9120", lambda p: p.deceased and p.age(TODAY) == 86),
        ("20020101-2390", lambda p: 19 <= p.age(TODAY) <= 29),
        ("20170101-2393", lambda p: p.age(TODAY) < 18),
        ("19990515-2477", lambda p: p.name == "Eulåla Nilsson"),
        ("19990515-2402", lambda p: p.name == "Test TakeCare"),
    ],
)
def test_seed_covers_every_kind_of_patient(
    patients: PatientService, doctor: UserContext, typed: str, check: object
) -> None:
    patient = patients.open_journal(doctor, typed)
    assert callable(check) and check(patient)
