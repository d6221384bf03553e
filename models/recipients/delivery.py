"""Handing a signed certificate to its simulated recipient, inside the caller's transaction.

Used by Webcert's Skicka and Signera och skicka (``models.workflow.signing``) and by Mina
intyg's Skicka intyg. The recipient has the certificate at once; the journal learns that it was
sent either at once (``certificate.sent_at``/``sent_to`` set in the same transaction) or, for a
send from Mina intyg with a journal delay, when ``JournalNotices.deliver_due`` runs.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.recipients.authorities import SKV
from models.recipients.skatteverket import register_death
from models.store.deliveries import Channel, Delivery
from models.store.schema import Certificate


def deliver(
    session: Session,
    certificate: Certificate,
    recipient: str,
    *,
    now: dt.datetime,
    channel: Channel = Channel.WEBCERT,
    sent_by_id: str | None,
    consent: bool | None,
    journal_delay: dt.timedelta = dt.timedelta(),
) -> Delivery:
    """Record the delivery to ``recipient`` (a recipient code) sent at ``now``.

    Skatteverket receiving a DB registers the death (``skatteverket.register_death``).
    """
    due = now + max(journal_delay, dt.timedelta())
    delivery = Delivery(
        certificate_id=certificate.id,
        recipient=recipient,
        sent_at=now,
        sent_by_id=sent_by_id,
        channel=channel.value,
        patient_consent=consent,
        content_hash=certificate.content_hash,
        journal_due_at=due,
    )
    session.add(delivery)
    if due <= now:
        reach_journal(certificate, delivery, now)
    if recipient == SKV:
        register_death(session, certificate)
    return delivery


def reach_journal(certificate: Certificate, delivery: Delivery, now: dt.datetime) -> None:
    """The journal learns of the delivery: the certificate is "Skickad" to the recipient."""
    delivery.journal_at = now
    if certificate.sent_to is None:
        certificate.sent_at = delivery.sent_at
        certificate.sent_to = delivery.recipient


def first_delivery(session: Session, certificate_id: str, recipient: str) -> Delivery | None:
    """The certificate's earliest delivery to ``recipient``, journal or not."""
    return session.scalars(
        select(Delivery)
        .where(Delivery.certificate_id == certificate_id, Delivery.recipient == recipient)
        .order_by(Delivery.sent_at, Delivery.id)
        .limit(1)
    ).first()


def notify_revocation(session: Session, certificate_id: str, now: dt.datetime) -> int:
    """Tell every recipient that has the certificate that it is revoked; how many were told."""
    deliveries = session.scalars(
        select(Delivery).where(
            Delivery.certificate_id == certificate_id,
            Delivery.revocation_notified_at.is_(None),
        )
    ).all()
    for delivery in deliveries:
        delivery.revocation_notified_at = now
    return len(deliveries)
