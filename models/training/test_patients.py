"""Adding patients for a course (Arkiv → Ny testpatient).

A training database must never hold a real person's number, so a new patient gets either a
personnummer or samordningsnummer from Skatteverket's public test lists
(``resources/reference/testpersonnummer.txt.gz``) or a reservnummer made up here, in the seed's
style (Region Stockholm's form: ``99`` + the year + a serial + a check digit). Names, address,
skyddade personuppgifter and a date of death are the instructor's choice. Registering the patient
is a write of patient data, so it is logged for PDL like any other.
"""

from __future__ import annotations

import datetime as dt
import gzip
import re
from dataclasses import dataclass
from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.audit import AuditAction, record
from models.clock import Clock
from models.errors import NotAllowedError
from models.patients import PatientInfo, patient_info
from models.reference.patient_id import PatientId, PatientIdKind, parse, reservnummer
from models.staff import UserContext
from models.store.engine import Store
from models.store.schema import Patient
from resources import resource_path

#: Suggestions are people of working age, who can have any of the certificates.
SUGGESTED_AGES = range(20, 65)
NAME_LENGTH = 100
ADDRESS_LENGTH = 200
PDL_DETAILS = "Testpatient registrerad"
#: Words of letters, joined by spaces, hyphens or apostrophes ("Anna-Lena", "O'Neill").
_NAME = re.compile(r"^[^\W\d_]+(?:[ '’-]+[^\W\d_]+)*$")


class NewPatientError(NotAllowedError):
    """The new patient cannot be registered as given; ``field`` names the input at fault."""

    field = ""


class NotATestNumberError(NewPatientError):
    field = "person_id"


class PatientExistsError(NewPatientError):
    field = "person_id"


class PatientNameError(NewPatientError):
    """A name that cannot be registered; ``field`` says which of the two."""

    def __init__(self, message: str, field: str) -> None:
        super().__init__(message)
        self.field = field


class MissingNameError(PatientNameError):
    """No name given."""


class DateOfDeathError(NewPatientError):
    field = "date_of_death"


class AddressError(NewPatientError):
    field = "address"


@dataclass(frozen=True)
class NewPatient:
    """What the instructor fills in; ``person_id`` None means "give a new reservnummer"."""

    person_id: str | None
    given_name: str
    family_name: str
    protected_identity: bool = False
    date_of_death: dt.date | None = None
    street_address: str = ""
    postal_code: str = ""
    city: str = ""


@cache
def skatteverket_test_numbers() -> frozenset[str]:
    """Every number of Skatteverket's test lists (personnummer and samordningsnummer)."""
    data = gzip.decompress(resource_path("reference", "testpersonnummer.txt.gz").read_bytes())
    return frozenset(data.decode("ascii").split())


def _kind_of(digits: str) -> PatientIdKind:
    # In Skatteverket's lists a samordningsnummer has day 60-91 (60: the day is unknown).
    return PatientIdKind.SAMORDNINGSNUMMER if int(digits[6:8]) >= 60 else PatientIdKind.PERSONNUMMER


@cache
def _suggestion_order(kind: PatientIdKind) -> tuple[str, ...]:
    """The list's numbers of one kind in a fixed order that mixes the birth years (by the
    digits read backwards), so that successive suggestions do not look alike."""
    numbers = [n for n in skatteverket_test_numbers() if _kind_of(n) is kind]
    return tuple(sorted(numbers, key=lambda n: n[::-1]))


class TestPatients:
    """Suggests unused test numbers and registers new patients."""

    __test__ = False  # not a pytest test class, despite the name

    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    # Numbers --------------------------------------------------------------------------------

    def suggest_person_id(
        self, kind: PatientIdKind = PatientIdKind.PERSONNUMMER, *, after: str | None = None
    ) -> str:
        """An unused number of the kind (12 digits): from Skatteverket's list, of someone of
        working age with a complete birth date, or the next reservnummer. ``after``: the
        previous suggestion, to get another one."""
        if kind is PatientIdKind.RESERVNUMMER:
            return self._next_reservnummer()
        today = self._clock.today()
        used = self._used_numbers()
        order = _suggestion_order(kind)
        start = order.index(after) + 1 if after in order else 0
        for digits in order[start:] + order[:start]:
            if digits in used or digits == after:
                continue
            parsed = parse(digits, today)
            age = parsed.age(today)
            if age is not None and age in SUGGESTED_AGES:
                return digits
        raise NotATestNumberError("Det finns inga oanvända testnummer kvar i Skatteverkets lista.")

    def is_test_number(self, digits: str) -> bool:
        return digits in skatteverket_test_numbers()

    def _used_numbers(self) -> set[str]:
        with self._store.session() as session:
            return set(session.scalars(select(Patient.person_id)))

    def _next_reservnummer(self) -> str:
        with self._store.session() as session:
            return self._reservnummer_in(session)

    def _reservnummer_in(self, session: Session) -> str:
        """The year's next serial after the highest one in use."""
        year = self._clock.today().year
        prefix = f"99{year:04d}"
        taken = session.scalars(
            select(Patient.person_id).where(Patient.person_id.startswith(prefix))
        ).all()
        serial = max((int(n[6:11]) for n in taken), default=0) + 1
        return reservnummer(year, serial)

    # Registering ----------------------------------------------------------------------------

    def create(self, new: NewPatient, by: UserContext) -> PatientInfo:
        """Register the patient (and log it for PDL) in one transaction."""
        given = _name(new.given_name, "förnamn", "given_name")
        family = _name(new.family_name, "efternamn", "family_name")
        address = _address(new)
        today = self._clock.today()
        typed = None if new.person_id is None else self._typed_number(new.person_id, today)
        _check_death(new.date_of_death, typed, today)
        with self._store.transaction() as session:
            # A reservnummer is taken inside the transaction, so two instructors get two.
            number = typed or PatientId(
                self._reservnummer_in(session), PatientIdKind.RESERVNUMMER, None
            )
            digits = number.digits
            if session.scalar(select(Patient.id).where(Patient.person_id == digits)) is not None:
                raise PatientExistsError(
                    f"Det finns redan en patient med {number.kind.value} "
                    f"{number.formatted()} i journalsystemet."
                )
            patient = Patient(
                person_id=digits,
                id_kind=number.kind,
                given_name=given,
                middle_name="",
                family_name=family,
                street_address=address[0],
                postal_code=address[1],
                city=address[2],
                protected_identity=new.protected_identity,
                date_of_death=new.date_of_death,
            )
            session.add(patient)
            session.flush()
            record(
                session,
                self._clock,
                by.actor,
                AuditAction.SKRIVA,
                patient_id=patient.id,
                details=PDL_DETAILS,
            )
            return patient_info(patient, number.birth_date)

    def _typed_number(self, typed: str, today: dt.date) -> PatientId:
        number = parse(typed, today)
        if number.kind is not PatientIdKind.RESERVNUMMER and not self.is_test_number(number.digits):
            raise NotATestNumberError(
                f"{number.formatted()} är inte ett testpersonnummer från Skatteverket. Riktiga "
                "personnummer får inte användas i övningsmiljön: välj Föreslå för ett nummer ur "
                "Skatteverkets testlista, eller ge patienten ett reservnummer."
            )
        return number


def _name(text: str, what: str, field: str) -> str:
    name = " ".join(text.split())
    if not name:
        raise MissingNameError(f"Ange patientens {what}.", field)
    if len(name) > NAME_LENGTH:
        raise PatientNameError(f"Patientens {what} får vara högst {NAME_LENGTH} tecken.", field)
    if not _NAME.match(name):
        # As in the population register: what goes on every certificate and printout.
        raise PatientNameError(
            f"Patientens {what} får bara innehålla bokstäver, mellanslag, bindestreck och "
            "apostrof.",
            field,
        )
    return name


def _address(new: NewPatient) -> tuple[str, str, str]:
    street, city = " ".join(new.street_address.split()), " ".join(new.city.split())
    postal = "".join(new.postal_code.split())
    if new.protected_identity and (street or postal or city):
        raise AddressError(
            "En patient med skyddade personuppgifter har ingen adress i journalen; "
            "lämna adressen tom."
        )
    if postal and (len(postal) != 5 or not postal.isdigit()):
        raise AddressError("Postnumret ska vara fem siffror, till exempel 123 45.")
    if len(street) > ADDRESS_LENGTH or len(city) > NAME_LENGTH:
        raise AddressError("Adressen är för lång.")
    return street, postal, city


def _check_death(died: dt.date | None, number: PatientId | None, today: dt.date) -> None:
    if died is None:
        return
    if died > today:
        raise DateOfDeathError("Dödsdatumet kan inte ligga i framtiden.")
    if number is None:
        return  # a reservnummer says nothing about the birth
    born = number.birth_date
    if born is not None and died < born:
        raise DateOfDeathError(
            f"Dödsdatumet kan inte ligga före födelsedatumet ({born.isoformat()})."
        )
    year = number.birth_year
    if born is None and year is not None and died.year < year:
        raise DateOfDeathError(f"Dödsdatumet kan inte ligga före födelseåret ({year}).")
