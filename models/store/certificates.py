"""Certificates (intyg and drafts) and their status history."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.store.base import Base, JsonDocument, UtcDateTime


class CertificateStatus(enum.StrEnum):
    """Stored status. "Tomt utkast" vs "Utkast" and sent/replaced are derived, as in Webcert."""

    DRAFT = "DRAFT"
    LOCKED_DRAFT = "LOCKED_DRAFT"
    SIGNED = "SIGNED"
    REVOKED = "REVOKED"
    LOCKED_REVOKED = "LOCKED_REVOKED"


class Certificate(Base):
    """One certificate or draft. Content is the form's answers as a JSON document."""

    __tablename__ = "certificates"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    type_code: Mapped[str] = mapped_column(String(20))
    type_version: Mapped[str] = mapped_column(String(10))
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"), index=True)
    unit_id: Mapped[str] = mapped_column(ForeignKey("care_units.hsa_id"), index=True)
    author_id: Mapped[str] = mapped_column(ForeignKey("staff.hsa_id"))
    signing_responsible_id: Mapped[str | None] = mapped_column(ForeignKey("staff.hsa_id"))
    status: Mapped[str] = mapped_column(String(20), default=CertificateStatus.DRAFT.value)
    content: Mapped[dict[str, Any]] = mapped_column(JsonDocument, default=dict)
    # Kept with every save so that lists can tell "Tomt utkast" from "Utkast" without reading
    # every certificate's content.
    is_empty: Mapped[bool] = mapped_column(Boolean, default=True, server_default="1")
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    signed_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    sent_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    sent_to: Mapped[str | None] = mapped_column(String(20))
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    replaces_id: Mapped[str | None] = mapped_column(ForeignKey("certificates.id"))
    renews_id: Mapped[str | None] = mapped_column(ForeignKey("certificates.id"))
    complements_id: Mapped[str | None] = mapped_column(ForeignKey("certificates.id"))
    copied_from_id: Mapped[str | None] = mapped_column(ForeignKey("certificates.id"))

    events: Mapped[list[CertificateEvent]] = relationship(
        back_populates="certificate",
        order_by="CertificateEvent.id",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )

    # Optimistic locking: an UPDATE whose version no longer matches raises StaleDataError.
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
    __table_args__ = (
        Index("ix_certificates_unit_status_updated", "unit_id", "status", "updated_at"),
        Index(
            "ix_certificates_responsible_status",
            "signing_responsible_id",
            "status",
            "updated_at",
        ),
    )


class CertificateEvent(Base):
    """One step in a certificate's status history (SKAPAT, ANDRAT, SIGNAT, SKICKA, ...)."""

    __tablename__ = "certificate_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    certificate_id: Mapped[str] = mapped_column(
        ForeignKey("certificates.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    kind: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20))
    actor_id: Mapped[str | None] = mapped_column(ForeignKey("staff.hsa_id"))
    note: Mapped[str] = mapped_column(Text, default="")

    certificate: Mapped[Certificate] = relationship(back_populates="events")
