"""The access log required by patientdatalagen (PDL)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.store.base import Base, UtcDateTime


class AuditEntry(Base):
    """Who did what with which patient's data, when, and from which unit."""

    __tablename__ = "audit_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime, index=True)
    staff_id: Mapped[str] = mapped_column(ForeignKey("staff.hsa_id"))
    unit_id: Mapped[str] = mapped_column(ForeignKey("care_units.hsa_id"))
    patient_id: Mapped[int | None] = mapped_column(ForeignKey("patients.id"), index=True)
    certificate_id: Mapped[str | None] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(String(30))
    details: Mapped[str] = mapped_column(Text, default="")
