"""The clinician's side of questions with Försäkringskassan (WORKFLOW.md §4).

The panel's cards (:meth:`QuestionService.panel`), "Ny fråga", answering an administrative
question (the answer draft autosaves with a version; Skicka sends it and marks the question
handled; Avbryt deletes the draft), "Hanterad" (a toggle for administrative questions, one way
for complement requests, after a confirmation), and the two answers to a complement request:
Komplettera (``complement.py``) and Kan ej komplettera.

Every write is one transaction with its status event (§8.5) and PDL entry (§8.4), followed by
a ``CertificateChanged(kind="questions")`` on the bus.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy.orm import Session

from models.audit import AuditAction
from models.clock import Clock
from models.definitions.schema import Definition
from models.errors import ConcurrentChangeError, NotAllowedError, NotFoundError
from models.events import ChangeBus
from models.staff import UserContext
from models.store.engine import Store
from models.store.schema import Certificate, Direction, Question, QuestionStatus, Subject
from models.workflow import question_texts as q
from models.workflow.base import WorkflowService, changed
from models.workflow.facts import Facts
from models.workflow.question_cards import (
    ASK_SUBJECTS,
    CHOOSE_SUBJECT,
    QuestionCard,
    load_questions,
    sorted_cards,
    state_of,
    to_card,
)
from models.workflow.question_port import handled_event, open_status, set_handled, staff_name
from models.workflow.question_rules import (
    QuestionAction,
    QuestionActionState,
    complement_draft,
    inactive_reason,
    new_question_state,
    question_state,
    question_states,
)
from models.workflow.questions import QuestionPort


@dataclass(frozen=True)
class QuestionPanel:
    """The questions panel of one certificate.

    ``inactive_reason``: why there can be no questions (not sent to FK, a type without them);
    then the tabs are empty. ``subjects``: what "Ny fråga" offers, after ``CHOOSE_SUBJECT``.
    """

    certificate_id: str
    inactive_reason: str | None
    complement_requests: tuple[QuestionCard, ...]
    administrative: tuple[QuestionCard, ...]
    new_question: QuestionActionState
    subjects: tuple[tuple[str, str], ...]
    complement_draft_id: str | None

    @property
    def unhandled(self) -> int:
        return sum(not c.handled for c in (*self.complement_requests, *self.administrative))


def checked_text(text: str, limit: int = q.MAX_TEXT, what: str = "Texten") -> str:
    cleaned = text.strip()
    if not cleaned:
        raise NotAllowedError(q.EMPTY_TEXT)
    if len(cleaned) > limit:
        raise NotAllowedError(q.too_long(len(cleaned), limit, what))
    return cleaned


class QuestionService(WorkflowService):
    """Ny fråga, Svara, Hanterad and Kan ej komplettera (Komplettera: ``ComplementService``)."""

    def __init__(
        self,
        store: Store,
        clock: Clock,
        definitions: Mapping[str, Definition],
        bus: ChangeBus,
        *,
        questions: QuestionPort,
    ) -> None:
        super().__init__(store, clock, definitions, bus, questions=questions)

    # Reading ------------------------------------------------------------------------------

    def panel(self, user: UserContext, certificate_id: str) -> QuestionPanel:
        """The cards of the panel, grouped by tab, with each card's allowed actions.

        AccessDeniedError if the user may not see the certificate (a protected patient for a
        role that does not sign, another care provider).
        """
        with self._store.session() as session:
            certificate, facts = self._read(session, user, certificate_id)
            definition = self._definitions.get(certificate.type_code)
            inactive = inactive_reason(facts)
            cards: list[QuestionCard] = []
            if inactive is None:
                questions, reminders = load_questions(session, certificate_id)
                cards = [
                    to_card(
                        row,
                        reminders.get(row.id, []),
                        definition,
                        lambda r: question_states(user, facts, state_of(r)),
                    )
                    for row in questions
                ]
        return QuestionPanel(
            certificate_id=certificate_id,
            inactive_reason=inactive,
            complement_requests=sorted_cards([c for c in cards if c.complement]),
            administrative=sorted_cards([c for c in cards if not c.complement]),
            new_question=new_question_state(user, facts),
            subjects=(("", CHOOSE_SUBJECT), *((s.value, s.label) for s in ASK_SUBJECTS)),
            complement_draft_id=complement_draft(facts),
        )

    questions_for = panel

    # Ny fråga -----------------------------------------------------------------------------

    def ask(self, user: UserContext, certificate_id: str, subject: str, text: str) -> str:
        """Send a new question to FK (AVSTMN, KONTKT or OVRIGT); returns its id."""
        if subject not in {s.value for s in ASK_SUBJECTS}:
            raise NotAllowedError(q.CHOOSE_SUBJECT)
        body = checked_text(text)
        now = self._clock.now()
        with self._store.transaction() as session:
            certificate, facts = self._load(session, user, certificate_id)
            _raise(new_question_state(user, facts))
            name = staff_name(session, user.staff.hsa_id)
            question = new_question(
                certificate, Direction.FROM_CARE, Subject(subject), body, name, now
            )
            question.author_id = user.staff.hsa_id
            session.add(question)
            label = Subject(subject).label
            self._event(session, certificate, "NYFRFV", user, f"Fråga till {q.FK_NAME}: {label}")
            self._log(session, user, AuditAction.SKRIVA, certificate, f"Fråga skickad: {label}")
            change = changed(certificate, "questions")
        self._publish(change)
        return question.id

    # Svara --------------------------------------------------------------------------------

    def save_answer_draft(
        self, user: UserContext, question_id: str, text: str, version: int
    ) -> int:
        """Autosave the answer being written; returns the version for the next save.

        ConcurrentChangeError if someone else saved the draft since ``version`` was read.
        """
        if len(text) > q.MAX_TEXT:
            raise NotAllowedError(q.too_long(len(text), q.MAX_TEXT))
        with self._store.transaction() as session:
            certificate, facts, question = self._question(session, user, question_id)
            _raise(question_state(QuestionAction.ANSWER, user, facts, state_of(question)))
            if question.draft_version != version:
                raise ConcurrentChangeError(q.DRAFT_CONFLICT)
            first = question.draft_text is None
            question.draft_text = text
            question.draft_version = version + 1
            question.draft_saved_at = self._clock.now()
            question.draft_author_id = user.staff.hsa_id
            if first:  # one PDL entry per answer, not one per autosave
                self._log(
                    session, user, AuditAction.SKRIVA, certificate, _what("Svarsutkast", question)
                )
            saved = question.draft_version
        return saved

    def delete_answer_draft(self, user: UserContext, question_id: str) -> None:
        """Avbryt: delete the answer draft (the UI has asked for confirmation)."""
        with self._store.transaction() as session:
            certificate, facts, question = self._question(session, user, question_id)
            _raise(question_state(QuestionAction.ANSWER, user, facts, state_of(question)))
            if question.draft_text is None:
                raise NotAllowedError(q.NO_DRAFT)
            question.draft_text = None
            question.draft_saved_at = question.draft_author_id = None
            question.draft_version += 1
            what = _what("Svarsutkast raderat", question)
            self._log(session, user, AuditAction.RADERA, certificate, what)
            change = changed(certificate, "questions")
        self._publish(change)

    def send_answer(self, user: UserContext, question_id: str, text: str) -> None:
        """Skicka: answer an administrative question from FK; the question becomes handled."""
        body = checked_text(text)
        now = self._clock.now()
        with self._store.transaction() as session:
            certificate, facts, question = self._question(session, user, question_id)
            _raise(question_state(QuestionAction.ANSWER, user, facts, state_of(question)))
            name = staff_name(session, user.staff.hsa_id)
            answer_question(question, body, name, user.staff.hsa_id, now)
            set_handled(question, now, name, user.staff.hsa_id)
            label = Subject(question.subject).label
            self._event(session, certificate, "HANFRFM", user, f"Besvarad: {label}")
            self._log(session, user, AuditAction.SKRIVA, certificate, f"Svar skickat: Re: {label}")
            change = changed(certificate, "questions")
        self._publish(change)

    # Hanterad -----------------------------------------------------------------------------

    def set_handled(
        self, user: UserContext, question_id: str, handled: bool, *, confirmed: bool = False
    ) -> None:
        """Tick or untick "Hanterad".

        A complement request can only be ticked, after the user confirmed (``confirmed``:
        the UI showed ``HANDLE``'s notice and the user agreed); it cannot be undone.
        """
        now = self._clock.now()
        action = QuestionAction.HANDLE if handled else QuestionAction.UNHANDLE
        with self._store.transaction() as session:
            certificate, facts, question = self._question(session, user, question_id)
            state = question_state(action, user, facts, state_of(question))
            _raise(state)
            if state.notice is not None and not confirmed:
                raise NotAllowedError(q.CONFIRM_NEEDED)
            label = Subject(question.subject).label
            if handled:
                set_handled(
                    question, now, staff_name(session, user.staff.hsa_id), user.staff.hsa_id
                )
                note = f"Markerad som hanterad: {label}"
            else:
                question.status = open_status(question)
                question.handled_at = question.handled_by = question.handled_by_id = None
                note = f"Markerad som ohanterad: {label}"
            self._event(session, certificate, handled_event(question), user, note)
            self._log(
                session, user, AuditAction.SKRIVA, certificate, f"Fråga {note[0].lower()}{note[1:]}"
            )
            change = changed(certificate, "questions")
        self._publish(change)

    # Helpers ------------------------------------------------------------------------------

    def _question(
        self, session: Session, user: UserContext, question_id: str
    ) -> tuple[Certificate, Facts, Question]:
        """The question and its certificate (locked, read-checked) in this transaction."""
        found = session.get(Question, question_id)
        if found is None or found.reminder_of_id is not None:
            raise NotFoundError(q.GONE)
        certificate, facts = self._load(session, user, found.certificate_id)
        question = session.get(Question, question_id, populate_existing=True)
        assert question is not None
        return certificate, facts, question


def _raise(state: QuestionActionState) -> None:
    if state.refusal is not None:
        raise state.refusal.error()


def _what(prefix: str, question: Question) -> str:
    return f"{prefix}: Re: {Subject(question.subject).label}"


def answer_question(
    question: Question, text: str, author: str, author_id: str | None, at: dt.datetime
) -> None:
    """Put the answer on the question (the draft, if any, has served)."""
    question.answer_text = text
    question.answer_author = author
    question.answer_author_id = author_id
    question.answered_at = at
    question.last_activity_at = at
    question.draft_text = None
    question.draft_saved_at = question.draft_author_id = None


def new_question(
    certificate: Certificate,
    direction: Direction,
    subject: Subject,
    text: str,
    author: str,
    at: dt.datetime,
) -> Question:
    """A new question on ``certificate``, unhandled, with the certificate's list columns."""
    status = (
        QuestionStatus.PENDING_INTERNAL_ACTION
        if direction is Direction.FROM_FK
        else QuestionStatus.PENDING_EXTERNAL_ACTION
    )
    return Question(
        id=str(uuid.uuid4()),
        certificate_id=certificate.id,
        unit_id=certificate.unit_id,
        patient_id=certificate.patient_id,
        responsible_id=certificate.signing_responsible_id,
        type_code=certificate.type_code,
        direction=direction.value,
        subject=subject.value,
        text=text,
        author=author,
        sent_at=at,
        status=status.value,
        last_activity_at=at,
        draft_version=0,
    )
