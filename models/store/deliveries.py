"""Certificates delivered to a simulated recipient (Försäkringskassan, Transportstyrelsen …)."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import Boolean, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from models.store.base import Base, UtcDateTime


class Channel(enum.StrEnum):
    """Who sent: care staff from Webcert, or the patient from Mina intyg (Intyg on 1177)."""

    WEBCERT = "WEBCERT"
    MINA_INTYG = "MINA_INTYG"


class Delivery(Base):
    """One sending of a signed certificate to its recipient, as the recipient received it.

    The recipients' inboxes (``models.recipients``) read this table: what arrived, when, from
    whom, with which signed content, and whether they were told that it was revoked.
    """

    __tablename__ = "deliveries"

    id: Mapped[int] = mapped_column(primary_key=True)
    certificate_id: Mapped[str] = mapped_column(
        ForeignKey("certificates.id", ondelete="CASCADE"), index=True
    )
    # The definition's recipient code: FKASSA, TRANSP, SKV, SOS.
    recipient: Mapped[str] = mapped_column(String(20))
    sent_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    # The staff member who sent it; None when the patient sent it from Mina intyg.
    sent_by_id: Mapped[str | None] = mapped_column(ForeignKey("staff.hsa_id"))
    channel: Mapped[str] = mapped_column(
        String(20), default=Channel.WEBCERT.value, server_default=Channel.WEBCERT.value
    )
    # The sender confirmed that the patient agreed to the sending (asked for FK types only;
    # None where nothing was asked, e.g. DB/DOI sent when signed).
    patient_consent: Mapped[bool | None] = mapped_column(Boolean)
    # The signed content's SHA-256 at the time of sending.
    content_hash: Mapped[str | None] = mapped_column(String(64))
    # When the recipient was told that the certificate was revoked (makulerat).
    revocation_notified_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    # When the "sent" status is due in the journal (TakeCare), and when it got there: a send
    # from Mina intyg may reach the journal later (models.recipients.journal_notices).
    journal_due_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    journal_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)

    __table_args__ = (
        Index("ix_deliveries_recipient_sent", "recipient", "sent_at"),
        Index("ix_deliveries_journal_pending", "journal_at", "journal_due_at"),
    )
