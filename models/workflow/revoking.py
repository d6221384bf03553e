"""Makulera (T9, T10): a signed certificate or a locked draft is revoked for a serious error.

Two reasons (WORKFLOW.md §1.6): wrong patient, with an optional text, and another serious
error, with a mandatory text of at most 3,500 characters. DB and DOI have a dialog of their
own without reasons. Revoking tells a recipient that received the certificate, takes it out of
Mina intyg (it is no longer signed), sets its questions handled, and, for a complement, makes
the parent's complement requests unhandled again.
"""

from __future__ import annotations

import enum

from models.audit import AuditAction
from models.errors import NotAllowedError
from models.recipients.delivery import notify_revocation
from models.staff import UserContext
from models.store.schema import Certificate, CertificateStatus
from models.workflow.actions import Action
from models.workflow.base import WorkflowService, changed, changed_related
from models.workflow.creation import DEATH_TYPES
from models.workflow.facts import Relation

MAX_MESSAGE = 3500


class RevokeReason(enum.StrEnum):
    """Webcert's two reasons (CS: INCORRECT_PATIENT, OTHER_SERIOUS_ERROR)."""

    FEL_PATIENT = "FEL_PATIENT"
    ANNAT_ALLVARLIGT_FEL = "ANNAT_ALLVARLIGT_FEL"

    def label(self, *, locked_draft: bool = False) -> str:
        if self is RevokeReason.FEL_PATIENT:
            if locked_draft:
                return "Utkastet har skapats på fel patient"
            return "Intyget har utfärdats på fel patient"
        return "Annat allvarligt fel"


class RevokeService(WorkflowService):
    """Makulera."""

    def revoke(
        self,
        user: UserContext,
        certificate_id: str,
        reason: RevokeReason | str | None,
        message: str = "",
    ) -> None:
        """Revoke a signed certificate or a locked draft, for ``reason`` with ``message``."""
        now = self._clock.now()
        with self._store.transaction() as session:
            certificate, facts = self._load(session, user, certificate_id)
            self._require(Action.REVOKE, user, facts)
            locked = facts.status == CertificateStatus.LOCKED_DRAFT
            chosen = _checked(reason, message, death=certificate.type_code in DEATH_TYPES)
            certificate.status = (
                CertificateStatus.LOCKED_REVOKED if locked else CertificateStatus.REVOKED
            ).value
            certificate.revoked_at = now
            certificate.revoke_reason = chosen.value if chosen else None
            certificate.revoke_message = message.strip() or None
            note = chosen.label(locked_draft=locked) if chosen else ""
            if message.strip():
                note = f"{note}: {message.strip()}" if note else message.strip()
            self._event(session, certificate, "MAKULE", user, note)
            what = "låst utkast" if locked else "intyg"
            self._log(
                session,
                user,
                AuditAction.RADERA,
                certificate,
                f"Makulerade {what}: {self._name(certificate)}",
            )
            notify_revocation(session, certificate.id, now)
            self._questions.handle_all(session, certificate.id, user.actor)
            parent = facts.parent
            if parent is not None:
                if parent.relation is Relation.COMPLEMENT:
                    self._questions.reopen_complement_requests(session, parent.id)
                row = session.get(Certificate, parent.id)
                if row is not None:
                    self._event(session, row, "RELINTYGMAKULE", user, "Relaterat intyg makulerat")
            changes = [changed(certificate)]
            if parent is not None:
                changes.append(changed_related(parent, certificate.patient_id))
        self._publish(*changes)


def _checked(
    reason: RevokeReason | str | None, message: str, *, death: bool
) -> RevokeReason | None:
    """The reason, if the choice is complete; DB and DOI need none."""
    if len(message) > MAX_MESSAGE:
        raise NotAllowedError(
            f"Beskrivningen är {len(message)} tecken lång; den får vara högst 3 500 tecken."
        )
    if reason is None or reason == "":
        if death:
            return None
        raise NotAllowedError("Välj en anledning till att intyget makuleras.")
    try:
        chosen = RevokeReason(reason)
    except ValueError:
        raise NotAllowedError("Välj en anledning till att intyget makuleras.") from None
    if chosen is RevokeReason.ANNAT_ALLVARLIGT_FEL and not message.strip() and not death:
        raise NotAllowedError(
            "Beskriv felet. En förklaring krävs när du väljer ”Annat allvarligt fel”."
        )
    return chosen
