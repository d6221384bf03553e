"""The journal (TakeCare) learning that a certificate was sent from Mina intyg.

Webcert tells the EHR of a send with a status update (WORKFLOW.md §8.5); for a send by the
patient the seed warns "Det kan ta upp till 5 minuter innan intyget visas i TakeCare". A send
from Mina intyg with a delay is recorded with ``journal_due_at``; until then the certificate
is not "Skickad" in the journal, its header or its Mottagare column, though the recipient and
Mina intyg have it. The desktop calls :meth:`JournalNotices.deliver_due` from a timer.
"""

from __future__ import annotations

from sqlalchemy import select

from models.clock import Clock
from models.events import CertificateChanged, ChangeBus
from models.recipients.delivery import reach_journal
from models.store.deliveries import Delivery
from models.store.engine import Store
from models.store.schema import Certificate
from models.workflow.base import changed


class JournalNotices:
    """Delivers the due "sent" notices to the journal."""

    def __init__(self, store: Store, clock: Clock, bus: ChangeBus) -> None:
        self._store = store
        self._clock = clock
        self._bus = bus

    def deliver_due(self) -> list[str]:
        """Mark as sent every certificate whose notice is due; their ids, in sending order."""
        now = self._clock.now()
        changes: list[CertificateChanged] = []
        with self._store.transaction() as session:
            due = session.scalars(
                select(Delivery)
                .where(Delivery.journal_at.is_(None), Delivery.journal_due_at <= now)
                .order_by(Delivery.sent_at, Delivery.id)
                .with_for_update()
            ).all()
            for delivery in due:
                certificate = session.get(Certificate, delivery.certificate_id)
                assert certificate is not None
                reach_journal(certificate, delivery, now)
                changes.append(changed(certificate))
        for change in changes:
            self._bus.publish(change)
        return [change.certificate_id for change in changes]

    def pending(self) -> int:
        """How many sends the journal has not learnt of yet."""
        with self._store.session() as session:
            return len(
                session.scalars(select(Delivery.id).where(Delivery.journal_at.is_(None))).all()
            )
