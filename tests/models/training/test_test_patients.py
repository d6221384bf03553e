"""New test patients: numbers from Skatteverket's test lists or a new reservnummer, checked
names and dates, one PDL row, and the shipped list kept in step with the shared data."""

from __future__ import annotations

import datetime as dt
import gzip
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from models.audit import entries_for_patient
from models.clock import FixedClock
from models.errors import PatientIdError
from models.patients import PatientService
from models.reference.patient_id import PatientIdKind, parse
from models.staff import StaffDirectory, UserContext
from models.store import Store
from models.store.schema import Patient
from models.training.test_patients import (
    PDL_DETAILS,
    AddressError,
    DateOfDeathError,
    MissingNameError,
    NewPatient,
    NotATestNumberError,
    PatientExistsError,
    PatientNameError,
    TestPatients,
    skatteverket_test_numbers,
)
from resources import resource_path
from resources.reference.convert_testpersonnummer import build, read_numbers
from tests.conftest import SECRETARY, TESTENHET_17

SHARED_LISTS = Path(__file__).resolve().parents[3].parent / "shared/domain/data/testpersonnummer"
UNUSED_TEST_NUMBER = "198501139995"  # in Skatteverket's list, born 1985-01-13
NOT_IN_LIST = "198501131000"  # a valid personnummer that is not a test number
SEEDED_TEST_NUMBER = "198001139297"  # Erik Sandberg in the seed
SEEDED_RESERVNUMMER = "992026000018"


@pytest.fixture
def training(store: Store, clock: FixedClock) -> TestPatients:
    return TestPatients(store, clock)


def _new(person_id: str | None, **changes: Any) -> NewPatient:
    values: dict[str, Any] = {"given_name": "Anna", "family_name": "Kurs"}
    values.update(changes)
    return NewPatient(person_id, **values)


def _stored(store: Store, digits: str) -> Patient | None:
    with store.session() as session:
        found = session.scalar(select(Patient).where(Patient.person_id == digits))
        if found is not None:
            session.expunge(found)
        return found


def test_the_shipped_list_is_skatteverkets_lists() -> None:
    assert SHARED_LISTS.is_dir(), f"The shared test lists are missing: {SHARED_LISTS}"
    shipped = gzip.decompress(resource_path("reference", "testpersonnummer.txt.gz").read_bytes())
    assert gzip.decompress(build(read_numbers(SHARED_LISTS))) == shipped, (
        "resources/reference/testpersonnummer.txt.gz is stale: run "
        ".venv/bin/python -m resources.reference.convert_testpersonnummer"
    )
    numbers = skatteverket_test_numbers()
    assert len(numbers) == 21_952
    assert {UNUSED_TEST_NUMBER, SEEDED_TEST_NUMBER} <= numbers
    assert NOT_IN_LIST not in numbers


def test_a_suggested_personnummer_is_an_unused_valid_test_number_of_working_age(
    training: TestPatients, clock: FixedClock, store: Store
) -> None:
    today = clock.today()
    first = training.suggest_person_id(PatientIdKind.PERSONNUMMER)
    parsed = parse(first, today)
    assert parsed.kind is PatientIdKind.PERSONNUMMER
    assert first in skatteverket_test_numbers()
    assert _stored(store, first) is None
    age = parsed.age(today)
    assert age is not None and 20 <= age < 65
    second = training.suggest_person_id(PatientIdKind.PERSONNUMMER, after=first)
    assert second != first and second in skatteverket_test_numbers()


def test_a_number_in_use_is_not_suggested_again(
    training: TestPatients, doctor: UserContext
) -> None:
    first = training.suggest_person_id()
    training.create(_new(first), doctor)
    assert training.suggest_person_id() != first


def test_a_suggested_samordningsnummer_has_a_complete_birth_date(
    training: TestPatients, clock: FixedClock
) -> None:
    digits = training.suggest_person_id(PatientIdKind.SAMORDNINGSNUMMER)
    parsed = parse(digits, clock.today())
    assert parsed.kind is PatientIdKind.SAMORDNINGSNUMMER
    assert parsed.birth_date is not None
    assert digits in skatteverket_test_numbers()


def test_the_next_reservnummer_follows_the_seeded_one(training: TestPatients) -> None:
    assert training.suggest_person_id(PatientIdKind.RESERVNUMMER) == "992026000026"


def test_creating_a_patient_stores_it_and_logs_the_write_for_pdl(
    training: TestPatients, doctor: UserContext, store: Store, patients: PatientService
) -> None:
    created = training.create(
        _new(
            "19850113-9995",
            given_name="  Anna  Maria ",
            street_address="Kursvägen 1",
            postal_code="123 45",
            city="Småmåla",
        ),
        doctor,
    )
    assert created.person_id == UNUSED_TEST_NUMBER
    assert created.name == "Anna Maria Kurs"
    assert created.birth_date == dt.date(1985, 1, 13)
    stored = _stored(store, UNUSED_TEST_NUMBER)
    assert stored is not None
    assert (stored.id_kind, stored.postal_code, stored.city) == (
        PatientIdKind.PERSONNUMMER,
        "12345",
        "Småmåla",
    )
    log = entries_for_patient(store, created.id)
    assert [(e.action, e.details, e.staff_id) for e in log] == [
        ("Skriva", PDL_DETAILS, doctor.staff.hsa_id)
    ]
    # The journal opens as for any patient.
    assert patients.open_journal(doctor, "198501139995").name == "Anna Maria Kurs"


def test_without_a_number_the_patient_gets_the_next_reservnummer(
    training: TestPatients, doctor: UserContext, store: Store
) -> None:
    first = training.create(_new(None), doctor)
    second = training.create(_new(None, given_name="Bo"), doctor)
    assert (first.person_id, second.person_id) == ("992026000026", "992026000034")
    assert first.id_kind is PatientIdKind.RESERVNUMMER
    assert parse(second.person_id, dt.date(2026, 11, 27)).kind is PatientIdKind.RESERVNUMMER


def test_a_protected_and_deceased_patient(
    training: TestPatients, doctor: UserContext, clock: FixedClock
) -> None:
    created = training.create(
        _new(UNUSED_TEST_NUMBER, protected_identity=True, date_of_death=clock.today()), doctor
    )
    assert created.protected_identity
    assert created.deceased and created.date_of_death == dt.date(2026, 11, 27)


def test_a_number_outside_skatteverkets_list_is_refused(
    training: TestPatients, doctor: UserContext, store: Store
) -> None:
    with pytest.raises(NotATestNumberError) as refused:
        training.create(_new(NOT_IN_LIST), doctor)
    assert "19850113-1000 är inte ett testpersonnummer från Skatteverket" in refused.value.message
    assert refused.value.field == "person_id"
    assert _stored(store, NOT_IN_LIST) is None


def test_a_malformed_number_is_refused(training: TestPatients, doctor: UserContext) -> None:
    with pytest.raises(PatientIdError, match="fel kontrollsiffra"):
        training.create(_new("198501139994"), doctor)


@pytest.mark.parametrize("number", [SEEDED_TEST_NUMBER, SEEDED_RESERVNUMMER])
def test_an_existing_patient_is_refused(
    training: TestPatients, doctor: UserContext, number: str
) -> None:
    with pytest.raises(PatientExistsError, match="Det finns redan en patient med"):
        training.create(_new(number), doctor)


@pytest.mark.parametrize(
    ("died", "message"),
    [
        (dt.date(2026, 11, 28), "Dödsdatumet kan inte ligga i framtiden."),
        (dt.date(1985, 1, 12), "Dödsdatumet kan inte ligga före födelsedatumet (1985-01-13)."),
    ],
)
def test_an_impossible_date_of_death_is_refused(
    training: TestPatients, doctor: UserContext, store: Store, died: dt.date, message: str
) -> None:
    with pytest.raises(DateOfDeathError) as refused:
        training.create(_new(UNUSED_TEST_NUMBER, date_of_death=died), doctor)
    assert refused.value.message == message
    assert _stored(store, UNUSED_TEST_NUMBER) is None


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"given_name": "  "}, "given_name", "Ange patientens förnamn."),
        ({"family_name": ""}, "family_name", "Ange patientens efternamn."),
    ],
)
def test_empty_names_are_refused(
    training: TestPatients, doctor: UserContext, changes: dict[str, str], field: str, message: str
) -> None:
    with pytest.raises(MissingNameError) as refused:
        training.create(_new(UNUSED_TEST_NUMBER, **changes), doctor)
    assert (refused.value.field, refused.value.message) == (field, message)


@pytest.mark.parametrize(
    ("given", "family", "accepted"),
    [
        ("Anna-Lena", "O'Neill", True),
        ("Åsa  Maria", "von Essen", True),
        ("Kurs 1", "Deltagare", False),
        ("Anna", "<b>Kurs</b>", False),
        ("-", "Kurs", False),
    ],
)
def test_a_name_is_letters_joined_by_spaces_hyphens_or_apostrophes(
    training: TestPatients, doctor: UserContext, given: str, family: str, accepted: bool
) -> None:
    new = _new(UNUSED_TEST_NUMBER, given_name=given, family_name=family)
    if accepted:
        assert training.create(new, doctor).name == f"{' '.join(given.split())} {family}"
        return
    with pytest.raises(PatientNameError) as refused:
        training.create(new, doctor)
    field = "given_name" if given != "Anna" else "family_name"
    what = "förnamn" if field == "given_name" else "efternamn"
    assert (refused.value.field, refused.value.message) == (
        field,
        f"Patientens {what} får bara innehålla bokstäver, mellanslag, bindestreck och apostrof.",
    )


def test_a_protected_patient_has_no_address_and_a_postal_code_has_five_digits(
    training: TestPatients, doctor: UserContext
) -> None:
    with pytest.raises(AddressError, match="skyddade personuppgifter har ingen adress"):
        training.create(_new(UNUSED_TEST_NUMBER, protected_identity=True, city="Småmåla"), doctor)
    with pytest.raises(AddressError, match="fem siffror"):
        training.create(_new(UNUSED_TEST_NUMBER, postal_code="1234"), doctor)


def test_a_secretary_may_register_a_patient_too(
    training: TestPatients, directory: StaffDirectory, store: Store
) -> None:
    secretary = directory.login(SECRETARY, TESTENHET_17)
    created = training.create(_new(None), secretary)
    assert [e.staff_id for e in entries_for_patient(store, created.id)] == [SECRETARY]
