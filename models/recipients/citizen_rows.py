"""Reading the patient's certificates as Mina intyg shows them: the list and its badges, the
history of one certificate, and whether it may be sent.

What the patient sees (WORKFLOW.md §6): signed certificates of the types that reach Mina intyg
(``definition.mina_intyg``: never DB or DOI), from every unit; a revoked one is gone; a
replaced one stays, marked "Ersatt", and cannot be sent. Whether a certificate was sent comes
from the deliveries, so Mina intyg knows at once even when the journal learns of a send later.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute, Session

from models.clock import SWEDISH_TIME
from models.definitions.schema import Definition
from models.errors import NotAllowedError
from models.recipients import citizen as c
from models.recipients.authorities import AUTHORITIES
from models.store.deliveries import Delivery
from models.store.schema import CareProvider, CareUnit, Certificate, CertificateStatus


@dataclass(frozen=True)
class Sending:
    """One delivery of the certificate, or the journal's record of a send without one."""

    recipient: str  # code
    at: dt.datetime


@dataclass(frozen=True)
class CitizenFacts:
    """One visible certificate with what the list and the page need to know about it."""

    certificate_id: str
    type_code: str
    signed_at: dt.datetime
    unit_name: str
    care_provider: str
    sendings: tuple[Sending, ...]  # oldest first
    replaced_at: dt.datetime | None  # signed time of the replacing certificate
    complemented_at: dt.datetime | None

    @property
    def sent(self) -> bool:
        return bool(self.sendings)


def sendable(definition: Definition) -> bool:
    """Whether Mina intyg can send the type (to FK or Transportstyrelsen): not the employer's."""
    recipient = AUTHORITIES.get(definition.recipient.code)
    return not definition.print_only and recipient is not None and recipient.electronic


def recipient_name(code: str) -> str:
    found = AUTHORITIES.get(code)
    return found.name if found is not None else code


def load_facts(
    session: Session,
    patient_id: int,
    definitions: Mapping[str, Definition],
    certificate_id: str | None = None,
) -> list[CitizenFacts]:
    """The patient's visible certificates (or the one asked for, if visible), newest first."""
    shown = [code for code, definition in definitions.items() if definition.mina_intyg]
    query = (
        select(
            Certificate.id,
            Certificate.type_code,
            Certificate.signed_at,
            Certificate.sent_at,
            Certificate.sent_to,
            CareUnit.name,
            CareProvider.name,
        )
        .join(CareUnit, CareUnit.hsa_id == Certificate.unit_id)
        .join(CareProvider, CareProvider.hsa_id == CareUnit.care_provider_id)
        .where(
            Certificate.patient_id == patient_id,
            Certificate.status == CertificateStatus.SIGNED.value,
            Certificate.type_code.in_(shown),
            Certificate.signed_at.is_not(None),
        )
        .order_by(Certificate.signed_at.desc(), Certificate.id.desc())
    )
    if certificate_id is not None:
        query = query.where(Certificate.id == certificate_id)
    rows = session.execute(query).all()
    ids = [row[0] for row in rows]
    sendings: dict[str, list[Sending]] = {}
    for cid, recipient, at in session.execute(
        select(Delivery.certificate_id, Delivery.recipient, Delivery.sent_at)
        .where(Delivery.certificate_id.in_(ids))
        .order_by(Delivery.sent_at, Delivery.id)
    ):
        sendings.setdefault(cid, []).append(Sending(recipient, at))
    replaced = _signed_children(session, Certificate.replaces_id, ids)
    complemented = _signed_children(session, Certificate.complements_id, ids)
    found = []
    for cid, type_code, signed_at, sent_at, sent_to, unit, provider in rows:
        assert signed_at is not None  # the query asks for signed certificates only
        sent = sendings.get(cid, [])
        if not sent and sent_to is not None:  # sent before deliveries were recorded
            sent = [Sending(sent_to, sent_at or signed_at)]
        found.append(
            CitizenFacts(
                cid,
                type_code,
                signed_at,
                unit,
                provider,
                tuple(sent),
                replaced.get(cid),
                complemented.get(cid),
            )
        )
    return found


def _signed_children(
    session: Session, column: InstrumentedAttribute[str | None], ids: list[str]
) -> dict[str, dt.datetime]:
    """For each parent in ``ids``: when its first signed child by ``column`` was signed."""
    found: dict[str, dt.datetime] = {}
    rows = session.execute(
        select(column, Certificate.signed_at)
        .where(column.in_(ids), Certificate.status == CertificateStatus.SIGNED.value)
        .order_by(Certificate.signed_at)
    )
    for parent, signed_at in rows:
        if parent is not None and signed_at is not None:
            found.setdefault(parent, signed_at)
    return found


def to_row(facts: CitizenFacts, definition: Definition, today: dt.date) -> c.CitizenRow:
    """The list's row, with its badges in order."""
    replaced = facts.replaced_at is not None
    new = (today - facts.signed_at.astimezone(SWEDISH_TIME).date()).days <= c.NEW_DAYS
    badges = [
        c.NEW if new else None,
        c.SENT if facts.sent else None,
        c.NOT_SENT if not facts.sent and sendable(definition) and not replaced else None,
        c.REPLACED if replaced else None,
    ]
    first = facts.sendings[0].recipient if facts.sendings else None
    return c.CitizenRow(
        certificate_id=facts.certificate_id,
        signed_at=facts.signed_at,
        type_code=facts.type_code,
        type_name=definition.name,
        form=definition.form,
        unit_name=facts.unit_name,
        care_provider=facts.care_provider,
        badges=tuple(badge for badge in badges if badge is not None),
        sent=facts.sent,
        replaced=replaced,
        sent_to=recipient_name(first) if first is not None else None,
    )


def matches(row: c.CitizenRow, filters: c.CitizenFilters) -> bool:
    if filters.year is not None and row.signed_at.astimezone(SWEDISH_TIME).year != filters.year:
        return False
    if filters.unit is not None and row.unit_name != filters.unit:
        return False
    if filters.type_code is not None and row.type_code != filters.type_code:
        return False
    return filters.status is None or filters.status in row.badges


def history(facts: CitizenFacts) -> tuple[c.HistoryEntry, ...]:
    """What happened to the certificate, oldest first."""
    entries = [c.HistoryEntry(facts.signed_at, c.issued(facts.unit_name))]
    entries += [
        c.HistoryEntry(sending.at, c.sent_to(recipient_name(sending.recipient)))
        for sending in facts.sendings
    ]
    if facts.replaced_at is not None:
        entries.append(c.HistoryEntry(facts.replaced_at, "Ersatt av ett nytt intyg"))
    if facts.complemented_at is not None:
        entries.append(c.HistoryEntry(facts.complemented_at, "Kompletterat med ett nytt intyg"))
    return tuple(sorted(entries, key=lambda entry: entry.at))


def replaced_notice(facts: CitizenFacts) -> str | None:
    if facts.replaced_at is not None:
        return c.REPLACED_NOTICE
    if facts.complemented_at is not None:
        return c.COMPLEMENTED_NOTICE
    return None


def print_refusal(facts: CitizenFacts) -> str | None:
    """Why Skriv ut / Spara PDF is not offered: a replaced or complemented certificate offers
    no actions (WORKFLOW.md §6); None when it may be printed."""
    if facts.replaced_at is not None:
        return c.REPLACED_PRINT
    if facts.complemented_at is not None:
        return c.COMPLEMENTED_PRINT
    return None


def refused_send(
    facts: CitizenFacts, definition: Definition, *, tampered: bool
) -> NotAllowedError | None:
    """Why Skicka intyg cannot be done now, as the error the send raises; None when it can.

    A replaced or complemented certificate says so before anything else (it offers no
    sending at all); one already sent says to whom and when (``AlreadySentError``).
    """
    if not sendable(definition):
        return NotAllowedError(c.PRINT_ONLY)
    if facts.replaced_at is not None:
        return NotAllowedError(c.REPLACED_SEND)
    if facts.complemented_at is not None:
        return NotAllowedError(c.COMPLEMENTED_SEND)
    if facts.sendings:
        first = facts.sendings[0]
        return c.AlreadySentError(c.already_sent(recipient_name(first.recipient), first.at))
    if tampered:
        return NotAllowedError(c.TAMPERED)
    return None
