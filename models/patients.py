"""Finding a patient and opening their journal (which is logged as a PDL read)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from models.audit import AuditAction, record
from models.clock import Clock
from models.errors import AccessDeniedError, NotFoundError
from models.reference.patient_id import PatientIdKind, formatted_person_id
from models.reference.patient_id import parse as parse_patient_id
from models.staff import UserContext
from models.store.engine import Store
from models.store.schema import Patient


@dataclass(frozen=True)
class PatientInfo:
    """A patient as plain values."""

    id: int
    person_id: str
    id_kind: PatientIdKind
    name: str
    street_address: str
    postal_code: str
    city: str
    protected_identity: bool
    date_of_death: dt.date | None
    birth_date: dt.date | None

    @property
    def formatted_id(self) -> str:
        return formatted_person_id(self.person_id)

    @property
    def deceased(self) -> bool:
        return self.date_of_death is not None

    def age(self, today: dt.date) -> int | None:
        if self.birth_date is None:
            return None
        born, until = self.birth_date, self.date_of_death or today
        return until.year - born.year - ((until.month, until.day) < (born.month, born.day))


class PatientService:
    """Looks patients up by identity number and opens journals."""

    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    def open_journal(self, user: UserContext, typed_id: str) -> PatientInfo:
        """Find the patient and log the read, in one transaction."""
        patient_id = parse_patient_id(typed_id, self._clock.today())
        with self._store.transaction() as session:
            patient = session.scalar(select(Patient).where(Patient.person_id == patient_id.digits))
            if patient is None:
                raise NotFoundError(
                    f"Det finns ingen patient med {patient_id.kind.value} "
                    f"{patient_id.formatted()} i journalsystemet."
                )
            if patient.protected_identity and not user.role.may_sign:
                # Only doctors and dentists handle patients with skyddade personuppgifter.
                raise AccessDeniedError(
                    "Behörighet saknas: patienten har skyddade personuppgifter och kan bara "
                    "hanteras av läkare och tandläkare."
                )
            record(session, self._clock, user.actor, AuditAction.LASA, patient_id=patient.id)
            return patient_info(patient, patient_id.birth_date)

    def reread(self, patient: PatientInfo) -> PatientInfo:
        """The open patient as the register says now (Skatteverket may have registered a
        death). Not a new read of the journal, so nothing is logged; a patient that is gone
        stays as it was shown."""
        with self._store.session() as session:
            row = session.get(Patient, patient.id)
            return patient if row is None else patient_info(row, patient.birth_date)


def patient_info(patient: Patient, birth_date: dt.date | None) -> PatientInfo:
    """What the journal shows of a stored patient (``birth_date`` from the parsed number)."""
    return PatientInfo(
        id=patient.id,
        person_id=patient.person_id,
        id_kind=patient.id_kind,
        name=patient.full_name,
        street_address=patient.street_address,
        postal_code=patient.postal_code,
        city=patient.city,
        protected_identity=patient.protected_identity,
        date_of_death=patient.date_of_death,
        birth_date=birth_date,
    )
