"""What the lifecycle needs to know about questions and complement requests (ärenden).

:class:`QuestionPort` is the lifecycle's view of them; ``question_port.StoredQuestions``
implements it on the questions table and ``lifecycle(...)`` uses it unless a test hands in a
stand-in (``questions=``). :data:`NO_QUESTIONS` answers for a world without questions: no
certificate has an unhandled question, and handling them does nothing. The lifecycle's rules:

* T12: a certificate with an unhandled complement request cannot be replaced;
* T6: signing a complement, renewal or replacement sets the parent's complement requests
  handled; T13: renewing on the original's unit closes them too;
* T9: revoking sets every question on the certificate handled, and revoking a complement makes
  the parent's complement requests unhandled again.

Every method runs inside the caller's transaction (``session``), so the questions change
together with the certificate or not at all.
"""

from __future__ import annotations

from typing import Protocol

from sqlalchemy.orm import Session

from models.audit import Actor


class QuestionPort(Protocol):
    """Questions and complement requests on certificates, as the lifecycle sees them."""

    def unhandled_complement_requests(self, session: Session, certificate_id: str) -> int:
        """How many complement requests (KOMPLT) on the certificate are not handled."""
        ...

    def unhandled_questions(self, session: Session, certificate_id: str) -> int:
        """How many questions of any kind on the certificate are not handled."""
        ...

    def handle_all(self, session: Session, certificate_id: str, actor: Actor) -> None:
        """Set every question on the certificate handled (it is being revoked)."""
        ...

    def close_complement_requests(
        self, session: Session, certificate_id: str, actor: Actor
    ) -> None:
        """Set the certificate's complement requests handled (answered by a new certificate)."""
        ...

    def reopen_complement_requests(self, session: Session, certificate_id: str) -> None:
        """Make the certificate's complement requests unhandled again (its complement was
        revoked)."""
        ...


class NoQuestions:
    """No certificate has questions yet."""

    def unhandled_complement_requests(self, session: Session, certificate_id: str) -> int:
        return 0

    def unhandled_questions(self, session: Session, certificate_id: str) -> int:
        return 0

    def handle_all(self, session: Session, certificate_id: str, actor: Actor) -> None:
        return None

    def close_complement_requests(
        self, session: Session, certificate_id: str, actor: Actor
    ) -> None:
        return None

    def reopen_complement_requests(self, session: Session, certificate_id: str) -> None:
        return None


NO_QUESTIONS: QuestionPort = NoQuestions()
