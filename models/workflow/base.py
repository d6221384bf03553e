"""What every lifecycle service shares: loading a certificate with its facts, checking a rule,
and writing the status event and the PDL entry of an action."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy.orm import Session

from models.audit import AuditAction, record
from models.clock import Clock
from models.definitions.schema import Definition
from models.errors import NotFoundError
from models.events import CertificateChanged, ChangeBus, ChangeKind
from models.staff import UserContext
from models.store.engine import Store
from models.store.schema import Certificate, CertificateEvent
from models.workflow.actions import Action, ActionState
from models.workflow.facts import Facts, Related, load_facts
from models.workflow.locking import is_overdue, lock_draft
from models.workflow.questions import NO_QUESTIONS, QuestionPort
from models.workflow.rules import action_state, read_refusal

GONE = "Intyget finns inte längre. Det kan ha raderats."


class WorkflowService:
    """Base of the lifecycle services; each public method is one action in one transaction."""

    def __init__(
        self,
        store: Store,
        clock: Clock,
        definitions: Mapping[str, Definition],
        bus: ChangeBus,
        *,
        questions: QuestionPort = NO_QUESTIONS,
    ) -> None:
        self._store = store
        self._clock = clock
        self._definitions = definitions
        self._bus = bus
        self._questions = questions

    @property
    def definitions(self) -> Mapping[str, Definition]:
        return self._definitions

    def _load(
        self, session: Session, user: UserContext, certificate_id: str, *, for_update: bool = True
    ) -> tuple[Certificate, Facts]:
        """The certificate, locked for this transaction, and its facts; refused if unreadable.

        A draft the clock says is overdue is locked here first (as the sweep would), so the
        action sees it as the rules do.
        """
        # On PostgreSQL the row stays locked until the action commits, so that two workstations
        # acting on one certificate take turns (and the second sees what the first made).
        certificate = session.get(Certificate, certificate_id, with_for_update=for_update)
        if certificate is None:
            raise NotFoundError(GONE)
        if is_overdue(certificate.status, certificate.created_at, self._clock):
            lock_draft(session, certificate, self._clock.now())
            session.flush()
        return certificate, self._readable_facts(session, user, certificate)

    def _read(
        self, session: Session, user: UserContext, certificate_id: str
    ) -> tuple[Certificate, Facts]:
        """The certificate and its facts for a read that changes nothing (an overdue draft is
        not locked here); NotFoundError if gone, the refusal if the user may not read it."""
        certificate = session.get(Certificate, certificate_id)
        if certificate is None:
            raise NotFoundError(GONE)
        return certificate, self._readable_facts(session, user, certificate)

    def _readable_facts(
        self, session: Session, user: UserContext, certificate: Certificate
    ) -> Facts:
        """The certificate's facts; its refusal raised if the user may not read it."""
        facts = load_facts(session, self._clock, user, certificate, self._questions)
        refusal = read_refusal(user, facts)
        if refusal is not None:
            raise refusal.error()
        return facts

    def _require(self, action: Action, user: UserContext, facts: Facts) -> ActionState:
        """The action's state if it is allowed; otherwise its refusal, raised."""
        state = action_state(action, user, facts, self._definitions)
        if state.refusal is not None:
            raise state.refusal.error()
        return state

    def _event(
        self,
        session: Session,
        certificate: Certificate,
        kind: str,
        user: UserContext | None,
        note: str = "",
    ) -> None:
        session.add(
            CertificateEvent(
                certificate_id=certificate.id,
                at=self._clock.now(),
                kind=kind,
                status=certificate.status,
                actor_id=user.staff.hsa_id if user is not None else None,
                note=note,
            )
        )

    def _log(
        self,
        session: Session,
        user: UserContext,
        action: AuditAction,
        certificate: Certificate,
        details: str = "",
    ) -> None:
        record(
            session,
            self._clock,
            user.actor,
            action,
            patient_id=certificate.patient_id,
            certificate_id=certificate.id,
            details=details,
        )

    def _name(self, certificate: Certificate) -> str:
        definition = self._definitions.get(certificate.type_code)
        return definition.name if definition is not None else certificate.type_code

    def _publish(self, *changes: CertificateChanged) -> None:
        for change in changes:
            self._bus.publish(change)


def changed_related(related: Related, patient_id: int) -> CertificateChanged:
    return CertificateChanged(related.id, patient_id, related.unit_id, "status")


def changed(certificate: Certificate, kind: ChangeKind = "status") -> CertificateChanged:
    return CertificateChanged(certificate.id, certificate.patient_id, certificate.unit_id, kind)
