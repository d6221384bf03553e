"""The lifecycle's view of the stored questions (:class:`QuestionPort` on the ``questions``
table): counting unhandled ones, and handling them when a certificate is revoked or answered
by a new certificate."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from models.audit import Actor
from models.clock import Clock
from models.store.questions import OPEN_STATUSES
from models.store.schema import (
    Certificate,
    CertificateEvent,
    CertificateStatus,
    Direction,
    Question,
    QuestionStatus,
    Staff,
    Subject,
)

CLOSED = QuestionStatus.CLOSED.value


def staff_name(session: Session, hsa_id: str) -> str:
    staff = session.get(Staff, hsa_id)
    return f"{staff.given_name} {staff.family_name}" if staff is not None else hsa_id


def open_status(question: Question) -> str:
    """The state an unhandled question is in: what it waits for."""
    if question.direction == Direction.FROM_FK:
        return QuestionStatus.PENDING_INTERNAL_ACTION.value
    if question.answered_at is not None:
        return QuestionStatus.ANSWERED.value
    return QuestionStatus.PENDING_EXTERNAL_ACTION.value


def handled_event(question: Question) -> str:
    """HANFRFM for a question from FK, HANFRFV for one from care (WORKFLOW.md §8.5)."""
    return "HANFRFM" if question.direction == Direction.FROM_FK else "HANFRFV"


def set_handled(question: Question, at: dt.datetime, by: str, by_id: str | None) -> None:
    question.status = CLOSED
    question.handled_at = at
    question.handled_by = by
    question.handled_by_id = by_id


def add_event(
    session: Session, certificate_id: str, at: dt.datetime, kind: str, actor: str | None, note: str
) -> None:
    status = session.scalar(select(Certificate.status).where(Certificate.id == certificate_id))
    session.add(
        CertificateEvent(
            certificate_id=certificate_id,
            at=at,
            kind=kind,
            status=status or "",
            actor_id=actor,
            note=note,
        )
    )


class StoredQuestions:
    """:class:`models.workflow.questions.QuestionPort` on the questions table."""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock

    def unhandled_complement_requests(self, session: Session, certificate_id: str) -> int:
        return self._count(session, certificate_id, Question.subject == Subject.KOMPLT)

    def unhandled_questions(self, session: Session, certificate_id: str) -> int:
        return self._count(session, certificate_id)

    def _count(self, session: Session, certificate_id: str, *where: object) -> int:
        found = session.scalar(
            select(func.count())
            .select_from(Question)
            .where(
                Question.certificate_id == certificate_id,
                Question.status.in_(OPEN_STATUSES),
                *where,  # type: ignore[arg-type]
            )
        )
        return int(found or 0)

    def _open(self, session: Session, certificate_id: str, *where: object) -> list[Question]:
        return list(
            session.scalars(
                select(Question)
                .where(
                    Question.certificate_id == certificate_id,
                    Question.status.in_(OPEN_STATUSES),
                    *where,  # type: ignore[arg-type]
                )
                .order_by(Question.sent_at, Question.id)
            )
        )

    def handle_all(self, session: Session, certificate_id: str, actor: Actor) -> None:
        now = self._clock.now()
        name = staff_name(session, actor.staff_id)
        for question in self._open(session, certificate_id):
            set_handled(question, now, name, actor.staff_id)
            note = f"Hanterad när intyget makulerades: {Subject(question.subject).label}"
            add_event(session, certificate_id, now, handled_event(question), actor.staff_id, note)

    def close_complement_requests(
        self, session: Session, certificate_id: str, actor: Actor
    ) -> None:
        requests = self._open(session, certificate_id, Question.subject == Subject.KOMPLT)
        if not requests:
            return
        now = self._clock.now()
        name = staff_name(session, actor.staff_id)
        answer = _newest_child(session, certificate_id)
        for question in requests:
            set_handled(question, now, name, actor.staff_id)
            question.answered_by_certificate_id = answer
            question.last_activity_at = now
            note = "Kompletteringsbegäran besvarad med ett nytt intyg"
            add_event(session, certificate_id, now, "HANFRFM", actor.staff_id, note)

    def reopen_complement_requests(self, session: Session, certificate_id: str) -> None:
        revoked = select(Certificate.id).where(
            Certificate.status.in_((CertificateStatus.REVOKED, CertificateStatus.LOCKED_REVOKED))
        )
        requests = session.scalars(
            select(Question).where(
                Question.certificate_id == certificate_id,
                Question.subject == Subject.KOMPLT,
                Question.status == CLOSED,
                Question.answered_by_certificate_id.in_(revoked),
            )
        )
        now = self._clock.now()
        for question in requests:
            question.status = QuestionStatus.PENDING_INTERNAL_ACTION.value
            question.handled_at = question.handled_by = question.handled_by_id = None
            question.answered_by_certificate_id = None
            question.last_activity_at = now
            note = "Kompletteringsbegäran ohanterad igen: kompletteringen makulerades"
            add_event(session, certificate_id, now, "HANFRFM", None, note)


def _newest_child(session: Session, parent_id: str) -> str | None:
    """The certificate that answers a complement request: the newest complement, renewal or
    replacement of the parent: the one signed last (being signed in this transaction), else
    the newest draft (a renewal made in this transaction)."""
    signed = Certificate.signed_at.is_not(None)
    return session.scalar(
        select(Certificate.id)
        .where(
            or_(
                Certificate.complements_id == parent_id,
                Certificate.renews_id == parent_id,
                Certificate.replaces_id == parent_id,
            )
        )
        .order_by(
            signed.desc(),
            Certificate.signed_at.desc(),
            Certificate.created_at.desc(),
            Certificate.id.desc(),
        )
        .limit(1)
    )
