"""The questions on one certificate as plain cards, for the questions panel and the FK console.

A card holds a question with its reminders (newest first, shown on top), the fields a
complement request names (as links), its answer ("Re: <ämne>", who answered and when), and
"Svara senast" only while the question is not handled.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.definitions.schema import Definition
from models.store.schema import Direction, Question, QuestionStatus, Subject
from models.workflow import question_texts as q
from models.workflow.question_rules import QuestionAction, QuestionActionState, QuestionState

#: What "Ny fråga" offers, after the placeholder "Välj typ av fråga".
ASK_SUBJECTS = (Subject.AVSTMN, Subject.KONTKT, Subject.OVRIGT)
#: What Försäkringskassan may send as a new question (PAMINN goes on an earlier one).
FK_SUBJECTS = (Subject.KOMPLT, Subject.AVSTMN, Subject.KONTKT, Subject.OVRIGT)
CHOOSE_SUBJECT = "Välj typ av fråga"


@dataclass(frozen=True)
class FieldLink:
    """A field a complement request names: the link jumps to ``field_id``, labelled
    ``label``; ``text`` is what FK asks about it."""

    field_id: str
    label: str
    text: str


@dataclass(frozen=True)
class ReminderCard:
    """A reminder (PAMINN) from FK on a question."""

    id: str
    text: str
    author: str
    sent_at: dt.datetime
    last_date_to_reply: dt.date | None


@dataclass(frozen=True)
class AnswerCard:
    """The answer to a question: ``title`` is "Re: <ämne>"."""

    title: str
    text: str
    author: str
    at: dt.datetime


@dataclass(frozen=True)
class QuestionCard:
    """One question as the panel shows it; ``actions`` is empty in the FK console."""

    id: str
    certificate_id: str
    subject: str
    subject_label: str
    from_fk: bool
    author: str
    sent_at: dt.datetime
    text: str
    status: str
    handled: bool
    handled_by: str | None
    handled_at: dt.datetime | None
    # Shown only while the question is not handled.
    last_date_to_reply: dt.date | None
    reminders: tuple[ReminderCard, ...] = ()
    field_links: tuple[FieldLink, ...] = ()
    answer: AnswerCard | None = None
    # For a handled complement request: how it was answered, and the certificate to open.
    answered_with: str | None = None
    answered_by_certificate_id: str | None = None
    # The answer being written (autosaved), and its version for the next save.
    draft_text: str | None = None
    draft_version: int = 0
    actions: Mapping[QuestionAction, QuestionActionState] = field(default_factory=dict)

    @property
    def complement(self) -> bool:
        return self.subject == Subject.KOMPLT

    @property
    def answered(self) -> bool:
        return self.answer is not None


def state_of(question: Question) -> QuestionState:
    return QuestionState(
        question.subject,
        question.direction,
        handled=question.status == QuestionStatus.CLOSED,
        answered=question.answered_at is not None,
    )


def field_links(definition: Definition | None, fields: object) -> tuple[FieldLink, ...]:
    """The fields of a complement request, labelled as in the form."""
    if not isinstance(fields, list):
        return ()
    labels: dict[str, str] = {}
    if definition is not None:
        labels = {f.id: f.label for f in definition.fields()}
    links = []
    for item in fields:
        if isinstance(item, dict) and isinstance(item.get("field_id"), str):
            field_id: str = item["field_id"]
            text = item.get("text")
            label = labels.get(field_id, field_id)
            links.append(FieldLink(field_id, label, text if isinstance(text, str) else ""))
    return tuple(links)


def load_questions(
    session: Session, certificate_id: str
) -> tuple[list[Question], dict[str, list[Question]]]:
    """The certificate's questions (oldest first) and each one's reminders (newest first)."""
    rows = list(
        session.scalars(
            select(Question)
            .where(Question.certificate_id == certificate_id)
            .order_by(Question.sent_at, Question.id)
        )
    )
    reminders: dict[str, list[Question]] = {}
    for row in rows:
        if row.reminder_of_id is not None:
            reminders.setdefault(row.reminder_of_id, []).insert(0, row)
    return [row for row in rows if row.reminder_of_id is None], reminders


Actions = Callable[[Question], Mapping[QuestionAction, QuestionActionState]]


def to_card(
    question: Question,
    reminders: list[Question],
    definition: Definition | None,
    actions: Actions | None = None,
) -> QuestionCard:
    handled = question.status == QuestionStatus.CLOSED
    label = Subject(question.subject).label
    answer = None
    if question.answer_text is not None and question.answered_at is not None:
        answer = AnswerCard(
            f"Re: {label}", question.answer_text, question.answer_author or "", question.answered_at
        )
    answered_with = None
    if question.subject == Subject.KOMPLT and handled:
        if question.answered_by_certificate_id is not None:
            answered_with = q.ANSWERED_WITH_CERTIFICATE
        elif answer is not None:
            answered_with = q.ANSWERED_WITH_MESSAGE
    return QuestionCard(
        id=question.id,
        certificate_id=question.certificate_id,
        subject=question.subject,
        subject_label=label,
        from_fk=question.direction == Direction.FROM_FK,
        author=question.author,
        sent_at=question.sent_at,
        text=question.text,
        status=question.status,
        handled=handled,
        handled_by=question.handled_by,
        handled_at=question.handled_at,
        last_date_to_reply=None if handled else question.last_date_to_reply,
        reminders=tuple(
            ReminderCard(r.id, r.text, r.author, r.sent_at, r.last_date_to_reply) for r in reminders
        ),
        field_links=field_links(definition, question.complement_fields),
        answer=answer,
        answered_with=answered_with,
        answered_by_certificate_id=question.answered_by_certificate_id,
        draft_text=question.draft_text,
        draft_version=question.draft_version,
        actions=actions(question) if actions is not None else {},
    )


def sorted_cards(cards: list[QuestionCard]) -> tuple[QuestionCard, ...]:
    """Unhandled first, then newest first (by the last reminder or the question)."""

    def latest(card: QuestionCard) -> dt.datetime:
        return max([card.sent_at, *(r.sent_at for r in card.reminders)])

    cards.sort(key=lambda c: (c.handled, -latest(c).timestamp(), c.id))
    return tuple(cards)
