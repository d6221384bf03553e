"""The simulated Försäkringskassan's side (the caseworker console): what FK has received, the
certificate read-only with its questions, and FK's messages to care.

FK sends any of its subjects with a text, a "svara senast" date and, for KOMPLT, the fields it
concerns; a reminder (PAMINN) on one of its earlier questions; and answers questions from care.
The messages are written to the same table the clinician's services read, with the event the
EHR would get (NYFRFM for a question or reminder, NYSVFM for an answer; WORKFLOW.md §8.5).
FK's caseworker is not care staff, so nothing here is a PDL activity.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from models.clock import Clock, local_text
from models.definitions.schema import Definition
from models.errors import NotAllowedError, NotFoundError
from models.events import CertificateChanged, ChangeBus
from models.store.engine import Store
from models.store.questions import OPEN_STATUSES
from models.store.schema import (
    CareUnit,
    Certificate,
    CertificateStatus,
    Delivery,
    Direction,
    Patient,
    Question,
    QuestionStatus,
    Staff,
    Subject,
)
from models.workflow import question_texts as q
from models.workflow.base import GONE
from models.workflow.question_cards import (
    FK_SUBJECTS,
    QuestionCard,
    load_questions,
    sorted_cards,
    to_card,
)
from models.workflow.question_port import add_event
from models.workflow.question_service import answer_question, checked_text, new_question

REVOKED = (CertificateStatus.REVOKED.value, CertificateStatus.LOCKED_REVOKED.value)


@dataclass(frozen=True)
class ReceivedCertificate:
    """A certificate FK has received; ``revocation_notice`` once care has revoked it."""

    certificate_id: str
    type_code: str
    type_name: str
    person_id: str
    patient_name: str
    unit_name: str
    signed_by: str
    received_at: dt.datetime
    revocation_notice: str | None
    open_questions: int
    protected_identity: bool = False


@dataclass(frozen=True)
class FkCertificate:
    """A received certificate opened read-only, with every question about it."""

    received: ReceivedCertificate
    definition: Definition
    content: dict[str, Any]
    questions: tuple[QuestionCard, ...]


Signer = aliased(Staff)


class FkConsole:
    """Försäkringskassan's handläggare."""

    def __init__(
        self, store: Store, clock: Clock, definitions: Mapping[str, Definition], bus: ChangeBus
    ) -> None:
        self._store = store
        self._clock = clock
        self._definitions = definitions
        self._bus = bus

    def received(
        self, *, certificate_id: str | None = None, offset: int = 0, limit: int = 200
    ) -> list[ReceivedCertificate]:
        """What FK has received, newest first."""
        open_count = (
            select(func.count())
            .where(
                Question.certificate_id == Certificate.id,
                Question.status.in_(OPEN_STATUSES),
            )
            .correlate(Certificate)
            .scalar_subquery()
        )
        query = (
            select(
                Certificate.id,
                Certificate.type_code,
                Patient.person_id,
                Patient.given_name,
                Patient.family_name,
                CareUnit.name,
                Signer.given_name,
                Signer.family_name,
                Delivery.sent_at,
                Delivery.revocation_notified_at,
                Certificate.revoke_message,
                open_count,
                Patient.protected_identity,
            )
            .join(Certificate, Certificate.id == Delivery.certificate_id)
            .join(Patient, Patient.id == Certificate.patient_id)
            .join(CareUnit, CareUnit.hsa_id == Certificate.unit_id)
            .outerjoin(Signer, Signer.hsa_id == Certificate.signed_by_id)
            .where(Delivery.recipient == q.FK)
            .order_by(Delivery.sent_at.desc(), Delivery.id.desc())
        )
        if certificate_id is not None:
            query = query.where(Certificate.id == certificate_id)
        with self._store.failures_reported(), self._store.engine.connect() as connection:
            rows = connection.execute(query.offset(offset).limit(limit)).all()
        return [self._received(row) for row in rows]

    def _received(self, r: Any) -> ReceivedCertificate:
        definition = self._definitions.get(r[1])
        notice = None
        if r[9] is not None:
            when = local_text(r[9])
            notice = f"Vården makulerade intyget {when}."
            if r[10]:
                notice += f" Meddelande: {r[10]}"
        return ReceivedCertificate(
            certificate_id=r[0],
            type_code=r[1],
            type_name=definition.name if definition else r[1],
            person_id=r[2],
            patient_name=f"{r[3]} {r[4]}",
            unit_name=r[5],
            signed_by=f"{r[6]} {r[7]}" if r[6] else "",
            received_at=r[8],
            revocation_notice=notice,
            open_questions=int(r[11] or 0),
            protected_identity=bool(r[12]),
        )

    def open_certificate(self, certificate_id: str) -> FkCertificate:
        """The received certificate as signed, read-only, with its questions."""
        found = self.received(certificate_id=certificate_id, limit=1)
        if not found:
            raise NotFoundError(q.NOT_RECEIVED)
        with self._store.session() as session:
            certificate = session.get(Certificate, certificate_id)
            assert certificate is not None
            definition = self._definitions[certificate.type_code]
            questions, reminders = load_questions(session, certificate_id)
            cards = [to_card(row, reminders.get(row.id, []), definition) for row in questions]
            content = dict(certificate.content or {})
        return FkCertificate(found[0], definition, content, sorted_cards(cards))

    # Writing -----------------------------------------------------------------------------

    def send_question(
        self,
        caseworker: str,
        certificate_id: str,
        subject: Subject | str,
        text: str,
        *,
        last_date_to_reply: dt.date | None = None,
        fields: Sequence[tuple[str, str]] = (),
    ) -> str:
        """Send a question (KOMPLT, AVSTMN, KONTKT, OVRIGT) to the certificate's unit.

        ``fields``: for KOMPLT, (field id, what FK asks about it) for each field concerned.
        """
        if subject not in {s.value for s in FK_SUBJECTS}:
            raise NotAllowedError(q.FK_SUBJECT)
        chosen = Subject(subject)
        body = checked_text(text)
        self._check_date(last_date_to_reply)
        now = self._clock.now()
        with self._store.transaction() as session:
            certificate = self._certificate(session, certificate_id)
            requested: list[dict[str, str]] = []
            if chosen is Subject.KOMPLT:
                requested = self._fields(certificate, fields)
            question = new_question(
                certificate, Direction.FROM_FK, chosen, body, _name(caseworker), now
            )
            question.last_date_to_reply = last_date_to_reply
            question.complement_fields = requested or None
            session.add(question)
            add_event(
                session,
                certificate.id,
                now,
                "NYFRFM",
                None,
                f"Fråga från {q.FK_NAME}: {chosen.label}",
            )
            change = _changed(certificate)
        self._bus.publish(change)
        return question.id

    def send_reminder(
        self,
        caseworker: str,
        question_id: str,
        text: str,
        *,
        last_date_to_reply: dt.date | None = None,
    ) -> str:
        """Remind care of one of FK's unhandled questions (PAMINN); returns the reminder's id."""
        body = checked_text(text)
        self._check_date(last_date_to_reply)
        now = self._clock.now()
        with self._store.transaction() as session:
            question, certificate = self._question(session, question_id)
            if question.direction != Direction.FROM_FK:
                raise NotAllowedError(q.REMIND_FK_ONLY)
            if question.status == QuestionStatus.CLOSED:
                raise NotAllowedError(q.REMIND_HANDLED)
            reminder = new_question(
                certificate, Direction.FROM_FK, Subject.PAMINN, body, _name(caseworker), now
            )
            reminder.status = QuestionStatus.REMINDER.value
            reminder.reminder_of_id = question.id
            reminder.last_date_to_reply = last_date_to_reply
            session.add(reminder)
            question.last_activity_at = now
            if last_date_to_reply is not None:
                question.last_date_to_reply = last_date_to_reply
            label = Subject(question.subject).label
            add_event(session, certificate.id, now, "NYFRFM", None, f"Påminnelse: {label}")
            change = _changed(certificate)
        self._bus.publish(change)
        return reminder.id

    def answer(self, caseworker: str, question_id: str, text: str) -> None:
        """Answer a question from care; care then reads it and marks it handled."""
        body = checked_text(text)
        now = self._clock.now()
        with self._store.transaction() as session:
            question, certificate = self._question(session, question_id)
            if question.direction != Direction.FROM_CARE:
                raise NotAllowedError(q.ANSWER_CARE_ONLY)
            if question.answered_at is not None:
                raise NotAllowedError(q.ALREADY_ANSWERED)
            answer_question(question, body, _name(caseworker), None, now)
            if question.status != QuestionStatus.CLOSED:
                question.status = QuestionStatus.ANSWERED.value
            label = Subject(question.subject).label
            add_event(
                session, certificate.id, now, "NYSVFM", None, f"Svar från {q.FK_NAME}: {label}"
            )
            change = _changed(certificate)
        self._bus.publish(change)

    # Helpers -----------------------------------------------------------------------------

    def _certificate(self, session: Session, certificate_id: str) -> Certificate:
        certificate = session.get(Certificate, certificate_id, with_for_update=True)
        if certificate is None:
            raise NotFoundError(GONE)
        received = session.scalar(
            select(Delivery.id).where(
                Delivery.certificate_id == certificate_id, Delivery.recipient == q.FK
            )
        )
        if received is None:
            raise NotAllowedError(q.NOT_RECEIVED)
        if certificate.status in REVOKED:
            raise NotAllowedError(q.FK_REVOKED)
        return certificate

    def _question(self, session: Session, question_id: str) -> tuple[Question, Certificate]:
        found = session.get(Question, question_id)
        if found is None or found.reminder_of_id is not None:
            raise NotFoundError(q.GONE)
        certificate = self._certificate(session, found.certificate_id)
        question = session.get(Question, question_id, populate_existing=True)
        assert question is not None
        return question, certificate

    def _fields(
        self, certificate: Certificate, fields: Sequence[tuple[str, str]]
    ) -> list[dict[str, str]]:
        if not fields:
            raise NotAllowedError(q.NO_FIELDS)
        definition = self._definitions[certificate.type_code]
        known = {f.id for f in definition.fields() if f.holds_answer}
        requested = []
        for field_id, text in fields:
            if field_id not in known:
                raise NotAllowedError(q.unknown_field(field_id))
            requested.append({"field_id": field_id, "text": text.strip()})
        return requested

    def _check_date(self, day: dt.date | None) -> None:
        if day is not None and day < self._clock.today():
            raise NotAllowedError(q.PAST_DATE)


def may_remind(card: QuestionCard) -> bool:
    """FK reminds care only of its own questions that care has not handled (as
    :meth:`FkConsole.send_reminder` checks)."""
    return card.from_fk and not card.handled


def may_answer(card: QuestionCard) -> bool:
    """FK answers only care's questions, and each once (as :meth:`FkConsole.answer` checks)."""
    return not card.from_fk and not card.answered


def _name(caseworker: str) -> str:
    return caseworker.strip() or q.FK_NAME


def _changed(certificate: Certificate) -> CertificateChanged:
    return CertificateChanged(
        certificate.id, certificate.patient_id, certificate.unit_id, "questions"
    )
