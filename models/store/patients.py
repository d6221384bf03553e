"""Patients as TakeCare knows them (the population register is simulated by this table)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, Enum, String
from sqlalchemy.orm import Mapped, mapped_column

from models.reference.patient_id import PatientIdKind
from models.store.base import Base


class Patient(Base):
    """A patient, identified by a 12-digit number without separator."""

    __tablename__ = "patients"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[str] = mapped_column(String(12), unique=True)
    id_kind: Mapped[PatientIdKind] = mapped_column(
        Enum(
            PatientIdKind,
            native_enum=False,
            length=20,
            values_callable=lambda kinds: [kind.value for kind in kinds],
        )
    )
    given_name: Mapped[str] = mapped_column(String(100))
    middle_name: Mapped[str] = mapped_column(String(100), default="")
    family_name: Mapped[str] = mapped_column(String(100))
    street_address: Mapped[str] = mapped_column(String(200), default="")
    postal_code: Mapped[str] = mapped_column(String(6), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    protected_identity: Mapped[bool] = mapped_column(Boolean, default=False)
    date_of_death: Mapped[dt.date | None] = mapped_column(Date)

    @property
    def full_name(self) -> str:
        names = [self.given_name, self.middle_name, self.family_name]
        return " ".join(n for n in names if n)
