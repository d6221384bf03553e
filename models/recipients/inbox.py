"""What a simulated recipient has received: its inbox, newest first, and one document opened.

Read-only: the authorities do nothing with what they get except Försäkringskassan, whose
caseworker console (``models.workflow.fk_console``) also asks questions. A revoked certificate
stays in the inbox with the revocation notice the recipient got. Not care staff, so nothing
here is a PDL activity.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import aliased

from models.definitions.schema import Definition
from models.errors import NotFoundError
from models.printing.service import shown_content
from models.store.deliveries import Delivery
from models.store.engine import Store
from models.store.schema import CareUnit, Certificate, Patient, Staff
from models.workflow.revoking import RevokeReason

#: Who sent a certificate the patient sent from Mina intyg.
BY_PATIENT = "patienten via Mina intyg"  # as the inbox heading says it: "från …"
GONE = "Intyget finns inte längre hos mottagaren."


@dataclass(frozen=True)
class InboxItem:
    """One received certificate, as the recipient's list shows it."""

    delivery_id: int
    certificate_id: str
    type_code: str
    type_name: str
    form: str
    type_version: str
    received_at: dt.datetime  # aware, UTC
    person_id: str  # 12 digits
    patient_name: str
    unit_name: str  # the sending care unit
    sent_by: str  # the staff member's name, or BY_PATIENT
    revoked_at: dt.datetime | None  # when the revocation notice arrived
    revoke_text: str | None  # the reason and message, as the notice gives them
    recipient: str = ""  # the recipient code
    protected_identity: bool = False


@dataclass(frozen=True)
class ReceivedDocument:
    """A received certificate opened: its definition and the answers as signed."""

    item: InboxItem
    definition: Definition
    content: Mapping[str, Any]


Sender = aliased(Staff)


def revoke_text(reason: str | None, message: str | None) -> str:
    """The revocation notice: Webcert's reason and the doctor's message, if any."""
    parts = []
    if reason is not None and reason in RevokeReason.__members__:
        parts.append(RevokeReason(reason).label())
    if message:
        parts.append(message)
    return ". ".join(parts) if parts else "Vården har makulerat intyget."


class Inbox:
    """The inboxes of every recipient, on one store."""

    def __init__(self, store: Store, definitions: Mapping[str, Definition]) -> None:
        self._store = store
        self._definitions = definitions

    def received(self, recipient_code: str) -> list[InboxItem]:
        """What the recipient has received, newest first (nothing for the employer)."""
        query = self._query().where(Delivery.recipient == recipient_code)
        with self._store.session() as session:
            rows = session.execute(
                query.order_by(Delivery.sent_at.desc(), Delivery.id.desc())
            ).all()
        return [self._item(row) for row in rows]

    def open(self, delivery_id: int) -> ReceivedDocument:
        """One received certificate with the content it was signed with."""
        with self._store.session() as session:
            row = session.execute(self._query().where(Delivery.id == delivery_id)).first()
            if row is None:
                raise NotFoundError(GONE)
            item = self._item(row)
            certificate = session.get(Certificate, item.certificate_id)
            assert certificate is not None
            content = shown_content(certificate)
        return ReceivedDocument(item, self._definitions[item.type_code], content)

    def _query(self) -> Select[*tuple[Any, ...]]:
        return (
            select(
                Delivery.id,
                Delivery.recipient,
                Delivery.sent_at,
                Delivery.revocation_notified_at,
                Certificate.id,
                Certificate.type_code,
                Certificate.type_version,
                Certificate.revoke_reason,
                Certificate.revoke_message,
                Patient.person_id,
                Patient.given_name,
                Patient.middle_name,
                Patient.family_name,
                Patient.protected_identity,
                CareUnit.name,
                Sender.given_name,
                Sender.family_name,
            )
            .join(Certificate, Certificate.id == Delivery.certificate_id)
            .join(Patient, Patient.id == Certificate.patient_id)
            .join(CareUnit, CareUnit.hsa_id == Certificate.unit_id)
            .outerjoin(Sender, Sender.hsa_id == Delivery.sent_by_id)
        )

    def _item(self, r: Any) -> InboxItem:
        definition = self._definitions.get(r[5])
        revoked_at = r[3]
        sender = f"{r[15]} {r[16]}" if r[15] is not None else BY_PATIENT
        return InboxItem(
            delivery_id=r[0],
            certificate_id=r[4],
            type_code=r[5],
            type_name=definition.name if definition else r[5],
            form=definition.form if definition else r[5],
            type_version=r[6],
            received_at=r[2],
            person_id=r[9],
            patient_name=" ".join(name for name in (r[10], r[11], r[12]) if name),
            unit_name=r[14],
            sent_by=sender,
            revoked_at=revoked_at,
            revoke_text=revoke_text(r[7], r[8]) if revoked_at is not None else None,
            recipient=r[1],
            protected_identity=bool(r[13]),
        )
