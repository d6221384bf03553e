"""Who may do what with the questions on a certificate (WORKFLOW.md §4, §2.2, §2.3).

Pure functions of the certificate's facts, one question's state and the user, like
``rules.py``: the panel's buttons and the services that perform the actions apply the same
rules, so a button and its service never disagree. Every role may ask, answer, complement and
mark questions handled (§2.2), but only at the unit where the certificate was issued.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from models.staff import UserContext
from models.store.schema import CertificateStatus, Direction, Subject
from models.workflow import question_texts as q
from models.workflow.actions import Refusal, Verdict
from models.workflow.creation import staff_blocker
from models.workflow.facts import Facts, Relation
from models.workflow.rules import new_certificate_refusal


class QuestionAction(enum.StrEnum):
    """A button of the questions panel; the value is a stable id for the UI."""

    NEW_QUESTION = "new_question"
    ANSWER = "answer"
    COMPLEMENT = "complement"
    CANNOT_COMPLEMENT = "cannot_complement"
    HANDLE = "handle"
    UNHANDLE = "unhandle"


_LABELS = {
    QuestionAction.NEW_QUESTION: q.ASK,
    QuestionAction.ANSWER: q.ANSWER,
    QuestionAction.COMPLEMENT: q.COMPLEMENT,
    QuestionAction.CANNOT_COMPLEMENT: q.CANNOT_COMPLEMENT,
    QuestionAction.HANDLE: q.HANDLE,
    QuestionAction.UNHANDLE: q.UNHANDLE,
}


@dataclass(frozen=True)
class QuestionActionState(Verdict):
    """One button: allowed, or refused with the reason its tooltip shows (as ``ActionState``).

    ``notice``: what to confirm before acting (marking a complement request handled);
    ``continues``: the complement draft "Komplettera" opens instead of making a new one.
    """

    action: QuestionAction
    label: str
    refusal: Refusal | None = None
    notice: str | None = None
    continues: str | None = None


@dataclass(frozen=True)
class QuestionState:
    """One question as the rules see it."""

    subject: str
    direction: str
    handled: bool
    answered: bool

    @property
    def complement(self) -> bool:
        return self.subject == Subject.KOMPLT

    @property
    def from_fk(self) -> bool:
        return self.direction == Direction.FROM_FK


def inactive_reason(facts: Facts) -> str | None:
    """Why the certificate has no questions panel (None once it is sent to FK)."""
    if facts.type_code not in q.QA_TYPES:
        return q.NO_QA_TYPE
    if facts.status in (CertificateStatus.DRAFT, CertificateStatus.LOCKED_DRAFT):
        return q.DRAFT
    if facts.status == CertificateStatus.LOCKED_REVOKED or facts.sent_to != q.FK:
        return q.NOT_SENT
    return None


def _not_applicable(message: str) -> Refusal:
    return Refusal(message, applicable=False)


def base_refusal(user: UserContext, facts: Facts) -> Refusal | None:
    """What refuses every action: the panel is inactive, the person may not use Webcert, the
    user is at another unit, or the certificate is revoked."""
    inactive = inactive_reason(facts)
    if inactive is not None:
        return _not_applicable(inactive)
    blocker = staff_blocker(user)
    if blocker is not None:
        return Refusal(blocker, denied=True)
    if not facts.own_unit:
        return Refusal(q.wrong_unit(facts.unit_name), denied=True)
    if facts.status == CertificateStatus.REVOKED:
        return Refusal(q.REVOKED)
    return None


def complement_draft(facts: Facts) -> str | None:
    """The unsigned complement draft of the certificate, if there is one."""
    child = facts.child(Relation.COMPLEMENT, signed=False)
    return child.id if child is not None else None


def _state(
    action: QuestionAction, refusal: Refusal | None, **more: str | None
) -> QuestionActionState:
    return QuestionActionState(action, _LABELS[action], refusal, **more)


def new_question_state(user: UserContext, facts: Facts) -> QuestionActionState:
    """ "Ny fråga": not while an unsigned complement draft exists."""
    refusal = base_refusal(user, facts)
    if refusal is None and complement_draft(facts) is not None:
        refusal = Refusal(q.COMPLEMENT_DRAFT_EXISTS)
    return _state(QuestionAction.NEW_QUESTION, refusal)


def _answer(user: UserContext, facts: Facts, question: QuestionState) -> QuestionActionState:
    refusal: Refusal | None
    if question.complement:
        refusal = _not_applicable(q.COMPLEMENT_NOT_TEXT)
    elif not question.from_fk:
        refusal = _not_applicable(q.FK_ANSWERS)
    elif question.handled:
        refusal = _not_applicable(q.HANDLED)
    else:
        refusal = base_refusal(user, facts)
    return _state(QuestionAction.ANSWER, refusal)


def _complement_refusal(user: UserContext, facts: Facts, question: QuestionState) -> Refusal | None:
    if not question.complement:
        return _not_applicable(q.NOT_COMPLEMENT)
    if question.handled:
        return _not_applicable(q.COMPLEMENT_HANDLED)
    return base_refusal(user, facts) or (
        Refusal(q.REPLACED) if facts.child(Relation.REPLACE, signed=True) else None
    )


def _complement(user: UserContext, facts: Facts, question: QuestionState) -> QuestionActionState:
    refusal = _complement_refusal(user, facts, question)
    draft = complement_draft(facts)
    if refusal is None and draft is not None:
        return _state(QuestionAction.COMPLEMENT, None, continues=draft)
    refusal = refusal or new_certificate_refusal(user, facts, facts.type_code)
    return _state(QuestionAction.COMPLEMENT, refusal)


def _cannot(user: UserContext, facts: Facts, question: QuestionState) -> QuestionActionState:
    refusal = _complement_refusal(user, facts, question)
    if refusal is None and complement_draft(facts) is not None:
        refusal = Refusal(q.CANNOT_WHILE_DRAFT)
    return _state(QuestionAction.CANNOT_COMPLEMENT, refusal)


def _handle(user: UserContext, facts: Facts, question: QuestionState) -> QuestionActionState:
    if question.handled:
        message = q.COMPLEMENT_HANDLED if question.complement else q.HANDLED
        return _state(QuestionAction.HANDLE, _not_applicable(message))
    notice = q.CONFIRM_COMPLEMENT_HANDLED if question.complement else None
    return _state(QuestionAction.HANDLE, base_refusal(user, facts), notice=notice)


def _unhandle(user: UserContext, facts: Facts, question: QuestionState) -> QuestionActionState:
    refusal: Refusal | None
    if question.complement:
        refusal = _not_applicable(q.COMPLEMENT_FINAL)
    elif not question.handled:
        refusal = _not_applicable(q.NOT_HANDLED)
    elif question.from_fk and question.answered:
        refusal = Refusal(q.ANSWERED_FINAL)
    else:
        refusal = base_refusal(user, facts)
    return _state(QuestionAction.UNHANDLE, refusal)


_CARD_RULES = {
    QuestionAction.ANSWER: _answer,
    QuestionAction.COMPLEMENT: _complement,
    QuestionAction.CANNOT_COMPLEMENT: _cannot,
    QuestionAction.HANDLE: _handle,
    QuestionAction.UNHANDLE: _unhandle,
}


def question_state(
    action: QuestionAction, user: UserContext, facts: Facts, question: QuestionState
) -> QuestionActionState:
    """The state of one action on one question."""
    return _CARD_RULES[action](user, facts, question)


def question_states(
    user: UserContext, facts: Facts, question: QuestionState
) -> dict[QuestionAction, QuestionActionState]:
    """Every action of a question card, in the order of QuestionAction."""
    return {action: rule(user, facts, question) for action, rule in _CARD_RULES.items()}
