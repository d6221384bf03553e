"""Certificates (intyg and drafts) and their status history."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, event, inspect
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Mapped, Mapper, mapped_column, relationship

from models.errors import NotAllowedError
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
    signed_by_id: Mapped[str | None] = mapped_column(ForeignKey("staff.hsa_id"))
    # What was signed: the canonical JSON of the certificate (models.workflow.integrity) and its
    # SHA-256, so that a later change of the stored content can be told from the signed one.
    signed_json: Mapped[str | None] = mapped_column(Text)
    content_hash: Mapped[str | None] = mapped_column(String(64))
    # "Markera klart för signering" (Webcert's KFSIGN): when a non-signing role marked the draft.
    ready_for_signing_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    sent_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    sent_to: Mapped[str | None] = mapped_column(String(20))
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    # FEL_PATIENT or ANNAT_ALLVARLIGT_FEL (none for DB/DOI, whose dialog has no reasons).
    revoke_reason: Mapped[str | None] = mapped_column(String(30))
    revoke_message: Mapped[str | None] = mapped_column(Text)
    # Relations to the parent certificate; at most one is set. Locking a draft clears them.
    replaces_id: Mapped[str | None] = mapped_column(ForeignKey("certificates.id"))
    renews_id: Mapped[str | None] = mapped_column(ForeignKey("certificates.id"))
    complements_id: Mapped[str | None] = mapped_column(ForeignKey("certificates.id"))
    copied_from_id: Mapped[str | None] = mapped_column(ForeignKey("certificates.id"))
    # "Skapa från": an AG7804 made from an FK7804, a DOI made from a DB.
    created_from_id: Mapped[str | None] = mapped_column(ForeignKey("certificates.id"))

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


#: Statuses whose content may still change; every other status's content is frozen.
EDITABLE = frozenset({CertificateStatus.DRAFT.value})


@event.listens_for(Certificate, "before_update")
def _signed_content_is_frozen(
    _mapper: Mapper[Certificate], _c: Connection, target: Certificate
) -> None:
    """Refuse to write new content to a certificate that was not a draft when it was loaded.

    The services never try; this stops a future one from doing it by mistake.
    """
    state = inspect(target)
    content = state.attrs.content.history
    if not content.added or content.added == content.deleted:
        return
    status = state.attrs.status.history
    loaded_status = status.deleted[0] if status.deleted else target.status
    if loaded_status not in EDITABLE:
        raise NotAllowedError(
            "Ett signerat eller låst intygs innehåll kan inte ändras. Använd Ersätt för att göra "
            "ändringar."
        )
