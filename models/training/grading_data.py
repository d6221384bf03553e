"""What the grader reads from the store: the certificates and questions of the patients an
exercise names, as plain values, in one short session.

Grading reads nothing else and writes nothing, so it can run off the GUI thread while the
student keeps working.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from models.clock import Clock
from models.reference.patient_id import PatientIdKind
from models.roles import Role, resolve_role
from models.store.engine import Store
from models.store.schema import (
    Certificate,
    CertificateEvent,
    CertificateStatus,
    Delivery,
    Patient,
    Question,
    QuestionStatus,
    Staff,
)
from models.training.attempt import Attempt
from models.workflow.locking import effective_status

#: The relation columns of a certificate, by the name the checks use.
RELATION_COLUMNS = {
    "renews": "renews_id",
    "replaces": "replaces_id",
    "complements": "complements_id",
    "copied_from": "copied_from_id",
    "created_from": "created_from_id",
}
_REVOKED = (CertificateStatus.REVOKED.value, CertificateStatus.LOCKED_REVOKED.value)


@dataclass(frozen=True)
class PatientFacts:
    """What validation needs to know about a patient."""

    person_id: str
    id_kind: PatientIdKind
    date_of_death: dt.date | None


@dataclass(frozen=True)
class CertificateFacts:
    """One certificate as the checks see it.

    ``status``: draft, locked_draft, signed or revoked (an overdue draft counts as locked);
    ``new``: made during the exercise; ``recipients``: where it was delivered;
    ``parents``: relation name → the certificate it was made from.
    """

    id: str
    type_code: str
    person_id: str
    status: str
    created_at: dt.datetime
    new: bool
    content: Mapping[str, Any]
    recipients: frozenset[str]
    consent: bool
    parents: Mapping[str, str]
    author_role: Role | None
    signer_role: Role | None
    marked_ready: bool
    revoke_reason: str | None


@dataclass(frozen=True)
class QuestionFacts:
    """One question (not a reminder) about a certificate."""

    id: str
    certificate_id: str
    person_id: str
    subject: str
    direction: str
    handled: bool
    answer_text: str | None
    answered_by: str | None


@dataclass(frozen=True)
class GradingData:
    """The certificates and questions of the exercise's patients."""

    patients: Mapping[str, PatientFacts]
    certificates: tuple[CertificateFacts, ...]
    questions: tuple[QuestionFacts, ...]

    def certificate(self, certificate_id: str | None) -> CertificateFacts | None:
        for found in self.certificates:
            if found.id == certificate_id:
                return found
        return None


def _status(certificate: Certificate, clock: Clock) -> str:
    stored = effective_status(certificate.status, certificate.created_at, clock)
    if stored in _REVOKED:
        return "revoked"
    return {
        CertificateStatus.DRAFT.value: "draft",
        CertificateStatus.LOCKED_DRAFT.value: "locked_draft",
        CertificateStatus.SIGNED.value: "signed",
    }.get(stored, stored.lower())


def read_grading_data(
    store: Store, clock: Clock, attempt: Attempt, person_ids: Iterable[str]
) -> GradingData:
    """Everything the checks of one exercise look at, about these patients."""
    wanted = sorted(set(person_ids))
    with store.session() as session:
        patients = list(session.scalars(select(Patient).where(Patient.person_id.in_(wanted))))
        by_row = {p.id: p.person_id for p in patients}
        rows = list(session.scalars(select(Certificate).where(Certificate.patient_id.in_(by_row))))
        ids = [row.id for row in rows]
        deliveries = list(session.scalars(select(Delivery).where(Delivery.certificate_id.in_(ids))))
        marked = set(
            session.scalars(
                select(CertificateEvent.certificate_id).where(
                    CertificateEvent.certificate_id.in_(ids), CertificateEvent.kind == "KFSIGN"
                )
            )
        )
        roles = {
            staff.hsa_id: resolve_role(
                staff.legitimerad_yrkesgrupp, staff.befattningskod, staff.forskrivarkod
            )
            for staff in session.scalars(select(Staff))
        }
        questions = list(
            session.scalars(
                select(Question).where(
                    Question.patient_id.in_(by_row),
                    Question.status != QuestionStatus.REMINDER.value,
                )
            )
        )
        certificates = tuple(
            CertificateFacts(
                id=row.id,
                type_code=row.type_code,
                person_id=by_row[row.patient_id],
                status=_status(row, clock),
                created_at=row.created_at,
                new=attempt.is_new(row.id),
                content=dict(row.content or {}),
                recipients=frozenset(d.recipient for d in deliveries if d.certificate_id == row.id),
                consent=any(d.patient_consent for d in deliveries if d.certificate_id == row.id),
                parents={
                    name: getattr(row, column)
                    for name, column in RELATION_COLUMNS.items()
                    if getattr(row, column) is not None
                },
                author_role=roles.get(row.author_id),
                signer_role=roles.get(row.signed_by_id) if row.signed_by_id else None,
                marked_ready=row.id in marked,
                revoke_reason=row.revoke_reason,
            )
            for row in rows
        )
        return GradingData(
            patients={
                p.person_id: PatientFacts(p.person_id, p.id_kind, p.date_of_death) for p in patients
            },
            certificates=certificates,
            questions=tuple(
                QuestionFacts(
                    id=q.id,
                    certificate_id=q.certificate_id,
                    person_id=by_row[q.patient_id],
                    subject=q.subject,
                    direction=q.direction,
                    handled=q.status == QuestionStatus.CLOSED.value,
                    answer_text=q.answer_text,
                    answered_by=q.answered_by_certificate_id,
                )
                for q in questions
            ),
        )
