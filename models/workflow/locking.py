"""Locking old drafts: a draft not signed within fourteen days becomes "Låst utkast" (T7).

Webcert's nightly job locks every draft whose creation time is at or before the start of the
day fourteen days ago: a draft created on day D (after midnight) is locked from day D+15. Here
the rule follows the clock, not a night job: :meth:`LockService.lock_overdue` is run at
start-up, whenever training moves the clock, and periodically while the app runs; and every
action treats an overdue draft as locked even before the sweep has reached it.

On locking, the draft's relations to other certificates are cleared (a locked replacement is
detached from the certificate it was to replace) and the internal event LAST is written. No
PDL entry: nobody read or wrote patient data.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.clock import SWEDISH_TIME, Clock
from models.events import CertificateChanged, ChangeBus
from models.store.engine import Store
from models.store.schema import Certificate, CertificateEvent, CertificateStatus

#: Days a draft stays editable after the day it was created.
LOCK_AFTER_DAYS = 14
#: The relation columns, child → parent.
RELATION_COLUMNS = (
    Certificate.replaces_id,
    Certificate.renews_id,
    Certificate.complements_id,
    Certificate.copied_from_id,
    Certificate.created_from_id,
)
LOCKED_TEXT = "Utkastet är låst eftersom det skapades för mer än 14 dagar sedan."


def lock_cutoff(clock: Clock) -> dt.datetime:
    """Drafts created before this instant are locked: the start of today − 14 days in Sweden."""
    day = clock.today() - dt.timedelta(days=LOCK_AFTER_DAYS)
    return dt.datetime.combine(day, dt.time(0), tzinfo=SWEDISH_TIME)


def next_sweep(clock: Clock) -> dt.datetime:
    """When the next drafts can become overdue: the coming midnight in Sweden. A periodic
    sweep need not run more often (apart from when training moves the clock)."""
    tomorrow = clock.today() + dt.timedelta(days=1)
    return dt.datetime.combine(tomorrow, dt.time(0), tzinfo=SWEDISH_TIME)


def is_overdue(status: str, created_at: dt.datetime, clock: Clock) -> bool:
    return status == CertificateStatus.DRAFT and created_at < lock_cutoff(clock)


def effective_status(status: str, created_at: dt.datetime, clock: Clock) -> str:
    """The status the rules apply: an overdue draft is locked even before the sweep."""
    if is_overdue(status, created_at, clock):
        return CertificateStatus.LOCKED_DRAFT.value
    return status


def lock_draft(session: Session, certificate: Certificate, now: dt.datetime) -> None:
    """Lock one draft inside the caller's transaction."""
    certificate.status = CertificateStatus.LOCKED_DRAFT.value
    # Only the draft's own links need clearing: nothing can point at an unlocked draft, since
    # replacing, renewing and "skapa från" start from signed certificates and copying from
    # locked drafts.
    for column in RELATION_COLUMNS:
        setattr(certificate, column.key, None)
    session.add(
        CertificateEvent(
            certificate_id=certificate.id,
            at=now,
            kind="LAST",
            status=CertificateStatus.LOCKED_DRAFT.value,
            actor_id=None,
            note="Utkastet låstes eftersom det inte signerades inom 14 dagar.",
        )
    )


class LockService:
    """Locks every overdue draft; run at start-up, when the clock moves, and periodically."""

    def __init__(self, store: Store, clock: Clock, bus: ChangeBus) -> None:
        self._store = store
        self._clock = clock
        self._bus = bus

    def lock_overdue(self) -> list[str]:
        """Lock the drafts the clock says are too old; returns their ids."""
        now = self._clock.now()
        changed: list[CertificateChanged] = []
        with self._store.transaction() as session:
            overdue = session.scalars(
                select(Certificate)
                .where(
                    Certificate.status == CertificateStatus.DRAFT,
                    Certificate.created_at < lock_cutoff(self._clock),
                )
                .order_by(Certificate.created_at)
            ).all()
            for certificate in overdue:
                lock_draft(session, certificate, now)
                changed.append(
                    CertificateChanged(
                        certificate.id, certificate.patient_id, certificate.unit_id, "status"
                    )
                )
        for event in changed:
            self._bus.publish(event)
        return [event.certificate_id for event in changed]
