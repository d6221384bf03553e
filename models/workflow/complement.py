"""Answering Försäkringskassan's complement requests (KOMPLT, WORKFLOW.md §4.4).

Komplettera makes a new draft copying the certificate (relation COMPLEMENT); a second press
continues the unsigned one. Signing it sends it to FK at once and sets the requests handled
(``signing.py`` through the question port). Kan ej komplettera has two reasons: (a) no further
medical information can be given — for FK's SIT types this too makes a complement draft, with
the comment in "Övriga upplysningar", to be signed and sent; (b) nobody at the unit can take
responsibility for the content — the comment is sent as the answer and the requests are
handled.
"""

from __future__ import annotations

import enum

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.audit import AuditAction
from models.definitions.engine import is_empty
from models.errors import NotAllowedError, NotFoundError
from models.staff import UserContext
from models.store.questions import OPEN_STATUSES
from models.store.schema import Certificate, Question, Subject
from models.workflow import question_texts as q
from models.workflow.base import GONE, changed
from models.workflow.facts import Facts, Relation
from models.workflow.question_cards import FieldLink, field_links, state_of
from models.workflow.question_port import set_handled, staff_name
from models.workflow.question_rules import QuestionAction, question_state
from models.workflow.question_service import answer_question
from models.workflow.relations import DerivedDraft, DerivedDraftService
from models.workflow.rows import fetch_row

NO_REQUEST = "Det finns ingen ohanterad kompletteringsbegäran på intyget."


class CannotComplementReason(enum.StrEnum):
    """The two reasons of "Kan ej komplettera"."""

    NO_FURTHER_INFORMATION = "NO_FURTHER_INFORMATION"
    NO_RESPONSIBLE = "NO_RESPONSIBLE"

    @property
    def label(self) -> str:
        if self is CannotComplementReason.NO_FURTHER_INFORMATION:
            return "Ingen ytterligare medicinsk information kan anges."
        return "Ingen på vårdenheten kan ansvara för det medicinska innehållet i intyget."


class ComplementService(DerivedDraftService):
    """Komplettera, Kan ej komplettera, and FK's questions shown on a complement draft."""

    def complement(self, user: UserContext, certificate_id: str) -> DerivedDraft:
        """A complement draft copying the certificate; an unsigned one is continued."""
        return self._complement(user, certificate_id, QuestionAction.COMPLEMENT, None)

    def cannot_complement(
        self,
        user: UserContext,
        certificate_id: str,
        reason: CannotComplementReason | str,
        comment: str,
    ) -> DerivedDraft | None:
        """Kan ej komplettera: for reason (a) the new complement draft (with the comment in
        "Övriga upplysningar") to sign; for (b) None, the comment having been sent."""
        try:
            chosen = CannotComplementReason(reason)
        except ValueError:
            raise NotAllowedError(q.CHOOSE_REASON) from None
        text = comment.strip()
        if not text:
            raise NotAllowedError(q.EMPTY_COMMENT)
        if len(text) > q.MAX_COMMENT:
            raise NotAllowedError(q.too_long(len(text), q.MAX_COMMENT, "Kommentaren"))
        field = q.QA_TYPES.get(self._type_of(certificate_id))
        if chosen is CannotComplementReason.NO_FURTHER_INFORMATION and field is not None:
            return self._complement(user, certificate_id, QuestionAction.CANNOT_COMPLEMENT, text)
        self._answer_with_message(user, certificate_id, chosen, text)
        return None

    def complement_notes(self, user: UserContext, certificate_id: str) -> tuple[FieldLink, ...]:
        """For a complement draft: what FK asks about which field, from the parent's
        unhandled complement requests (shown next to the fields)."""
        with self._store.session() as session:
            draft = self._read(session, user, certificate_id)[0]
            if draft.complements_id is None:
                return ()
            definition = self._definitions.get(draft.type_code)
            links: list[FieldLink] = []
            for request in _open_requests(session, draft.complements_id):
                links += field_links(definition, request.complement_fields)
        return tuple(links)

    def _type_of(self, certificate_id: str) -> str:
        with self._store.session() as session:
            code = session.scalar(
                select(Certificate.type_code).where(Certificate.id == certificate_id)
            )
        if code is None:
            raise NotFoundError(GONE)
        return code

    def _checked(
        self, session: Session, user: UserContext, certificate_id: str, action: QuestionAction
    ) -> tuple[Certificate, Facts, list[Question]]:
        parent, facts = self._load(session, user, certificate_id)
        requests = _open_requests(session, certificate_id)
        if not requests:
            raise NotAllowedError(NO_REQUEST)
        state = question_state(action, user, facts, state_of(requests[0]))
        if state.refusal is not None:
            raise state.refusal.error()
        return parent, facts, requests

    def _complement(
        self, user: UserContext, certificate_id: str, action: QuestionAction, comment: str | None
    ) -> DerivedDraft:
        with self._store.transaction() as session:
            parent, facts, requests = self._checked(session, user, certificate_id, action)
            # Kan ej komplettera (a) makes the same draft, under the same patient and unit rules.
            state = question_state(QuestionAction.COMPLEMENT, user, facts, state_of(requests[0]))
            if state.refusal is not None:
                raise state.refusal.error()
            existing = state.continues
            if existing is None:
                child = self.new_draft(session, user, parent, Relation.COMPLEMENT)
                if comment is not None:
                    self._add_comment(child, comment)
                changes = [changed(child, "created"), changed(parent, "questions")]
        if existing is not None:
            return DerivedDraft(fetch_row(self._store, self._definitions, existing), False)
        self._publish(*changes)
        return DerivedDraft(fetch_row(self._store, self._definitions, child.id), True)

    def _add_comment(self, child: Certificate, comment: str) -> None:
        """Put the comment in "Övriga upplysningar", after what the certificate said there."""
        field = q.QA_TYPES[child.type_code]
        content = dict(child.content or {})
        before = content.get(field)
        content[field] = (
            f"{before}\n\n{comment}" if isinstance(before, str) and before.strip() else comment
        )
        child.content = content
        child.is_empty = is_empty(content, self._definitions[child.type_code])

    def _answer_with_message(
        self,
        user: UserContext,
        certificate_id: str,
        reason: CannotComplementReason,
        comment: str,
    ) -> None:
        now = self._clock.now()
        with self._store.transaction() as session:
            parent, _facts, requests = self._checked(
                session, user, certificate_id, QuestionAction.CANNOT_COMPLEMENT
            )
            name = staff_name(session, user.staff.hsa_id)
            text = f"{reason.label}\n\n{comment}"
            for request in requests:
                answer_question(request, text, name, user.staff.hsa_id, now)
                set_handled(request, now, name, user.staff.hsa_id)
                self._event(
                    session,
                    parent,
                    "HANFRFM",
                    user,
                    "Kompletteringsbegäran besvarad med ett meddelande",
                )
            self._log(
                session,
                user,
                AuditAction.SKRIVA,
                parent,
                f"Kan ej komplettera: {reason.label}",
            )
            change = changed(parent, "questions")
        self._publish(change)


def _open_requests(session: Session, certificate_id: str) -> list[Question]:
    return list(
        session.scalars(
            select(Question)
            .where(
                Question.certificate_id == certificate_id,
                Question.subject == Subject.KOMPLT,
                Question.status.in_(OPEN_STATUSES),
            )
            .order_by(Question.sent_at, Question.id)
        )
    )
