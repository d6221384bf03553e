"""The access log required by patientdatalagen: every read and write of patient data."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.clock import Clock
from models.store.engine import Store
from models.store.schema import AuditEntry


class AuditAction(enum.StrEnum):
    """PDL activity types, named as in Webcert's log messages."""

    LASA = "Läsa"
    SKRIVA = "Skriva"
    SIGNERA = "Signera"
    UTSKRIFT = "Utskrift"
    RADERA = "Radera"
    # Not a PDL activity of Webcert's: a signed certificate whose stored content no longer
    # matches what was signed was opened.
    INTEGRITET = "Integritetsvarning"
    # Not Webcert's either: a user replaced all data with a training scenario
    # (Arkiv → Återställ övningsdata); no patient, so it shows in the unit's event log.
    OVNINGSDATA = "Återställ övningsdata"


@dataclass(frozen=True)
class Actor:
    """Who does something, and from which unit."""

    staff_id: str
    unit_id: str


def record(
    session: Session,
    clock: Clock,
    actor: Actor,
    action: AuditAction,
    *,
    patient_id: int | None,
    certificate_id: str | None = None,
    details: str = "",
) -> None:
    """Add an entry inside the caller's transaction, so it commits with the change it logs."""
    session.add(
        AuditEntry(
            at=clock.now(),
            staff_id=actor.staff_id,
            unit_id=actor.unit_id,
            patient_id=patient_id,
            certificate_id=certificate_id,
            action=action.value,
            details=details,
        )
    )


@dataclass(frozen=True)
class AuditRow:
    """One log entry as a plain value."""

    staff_id: str
    unit_id: str
    patient_id: int | None
    certificate_id: str | None
    action: str
    details: str


def entries_for_patient(store: Store, patient_id: int) -> list[AuditRow]:
    """The log entries about one patient, oldest first."""
    with store.session() as session:
        rows = session.scalars(
            select(AuditEntry).where(AuditEntry.patient_id == patient_id).order_by(AuditEntry.id)
        )
        return [
            AuditRow(r.staff_id, r.unit_id, r.patient_id, r.certificate_id, r.action, r.details)
            for r in rows
        ]
