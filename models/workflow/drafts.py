"""Editing drafts: autosave with optimistic locking; Radera utkast; Markera klart för
signering; and choosing who signs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from models.audit import AuditAction
from models.definitions.engine import is_empty
from models.errors import AccessDeniedError, ConcurrentChangeError, NotAllowedError, NotFoundError
from models.roles import Role, resolve_role
from models.staff import UserContext
from models.store.schema import Certificate, CertificateEvent, CertificateStatus, Staff
from models.text import swedish_key
from models.workflow.actions import Action
from models.workflow.base import WorkflowService, changed
from models.workflow.creation import DENTIST_TYPES, webcert_blocker
from models.workflow.locking import effective_status

#: Saves by the same person within this time extend one ANDRAT event (and one PDL entry)
#: instead of adding one per autosave.
EDIT_SESSION = dt.timedelta(minutes=5)


class DraftConflictError(ConcurrentChangeError):
    """Someone saved the draft after this user loaded it."""

    def __init__(self, message: str, changed_by: str) -> None:
        super().__init__(message)
        self.changed_by = changed_by


@dataclass(frozen=True)
class SavedDraft:
    """What a save left in the database."""

    certificate_id: str
    version: int
    is_empty: bool


@dataclass(frozen=True)
class SigningCandidate:
    """Someone who may be chosen to sign a draft at its unit."""

    hsa_id: str
    name: str
    role: Role


def edit_blocker(user: UserContext, status: str, unit_id: str) -> str | None:
    """Why this user may not change this certificate's answers now (None if they may)."""
    if status == CertificateStatus.LOCKED_DRAFT:
        return "Utkastet är låst eftersom det skapades för mer än 14 dagar sedan."
    if status != CertificateStatus.DRAFT:
        return "Intyget är signerat och kan inte ändras. Använd Ersätt för att göra ändringar."
    if unit_id != user.unit.hsa_id:
        return "Utkastet tillhör en annan vårdenhet och kan bara ändras där."
    return webcert_blocker(user)


def last_editor(session: Session, certificate_id: str) -> str | None:
    """The name of whoever last wrote an event on the certificate."""
    row = session.execute(
        select(Staff.given_name, Staff.family_name)
        .join(CertificateEvent, CertificateEvent.actor_id == Staff.hsa_id)
        .where(CertificateEvent.certificate_id == certificate_id)
        .order_by(CertificateEvent.id.desc())
        .limit(1)
    ).first()
    return f"{row[0]} {row[1]}" if row else None


def _clean(content: Mapping[str, Any]) -> dict[str, Any]:
    """Drop unanswered keys, so that what is stored is exactly what the form shows."""
    return {key: value for key, value in content.items() if value is not None}


class DraftService(WorkflowService):
    """Stores a draft's answers, deletes drafts, marks them ready and chooses who signs."""

    def _editable(self, user: UserContext, certificate: Certificate | None) -> Certificate:
        if certificate is None:
            raise NotFoundError("Utkastet finns inte längre. Det kan ha raderats.")
        # Another unit's draft is out of reach whatever its state (Webcert: never accessible).
        status = certificate.status
        if status == CertificateStatus.DRAFT and certificate.unit_id == user.unit.hsa_id:
            status = effective_status(status, certificate.created_at, self._clock)
        reason = edit_blocker(user, status, certificate.unit_id)
        if reason is not None:
            if certificate.unit_id != user.unit.hsa_id:
                raise AccessDeniedError(reason)
            raise NotAllowedError(reason)
        return certificate

    def save(
        self,
        user: UserContext,
        certificate_id: str,
        content: Mapping[str, Any],
        version: int,
    ) -> SavedDraft:
        """Store the answers if nobody saved since ``version``; one transaction."""
        now = self._clock.now()
        stored = _clean(content)
        with self._store.transaction() as session:
            certificate = self._editable(user, session.get(Certificate, certificate_id))
            if certificate.version != version:
                name = last_editor(session, certificate_id) or "okänd"
                raise DraftConflictError(
                    f"Utkastet har ändrats av en annan användare ({name}) sedan du öppnade det. "
                    "Det har lästs in på nytt; det du skrev finns kvar att kopiera.",
                    changed_by=name,
                )
            definition = self._definitions[certificate.type_code]
            certificate.content = stored
            certificate.is_empty = is_empty(stored, definition)
            certificate.updated_at = now
            last = session.scalars(
                select(CertificateEvent)
                .where(CertificateEvent.certificate_id == certificate_id)
                .order_by(CertificateEvent.id.desc())
                .limit(1)
            ).first()
            same_session = (
                last is not None
                and last.kind == "ANDRAT"
                and last.actor_id == user.staff.hsa_id
                and now - last.at <= EDIT_SESSION
            )
            if same_session and last is not None:
                last.at = now
            else:
                self._event(session, certificate, "ANDRAT", user)
                self._log(session, user, AuditAction.SKRIVA, certificate, "Ändrade utkast")
            session.flush()
            saved = SavedDraft(certificate_id, certificate.version, certificate.is_empty)
            change = changed(certificate, "updated")
        self._publish(change)
        return saved

    def delete(self, user: UserContext, certificate_id: str) -> None:
        """Radera utkast (T3): the draft is removed; the deletion is logged (PDL "Radera").

        The draft's events go with it (Webcert's RADERA notification has nowhere to stay);
        the PDL entry remains.
        """
        with self._store.transaction() as session:
            certificate, facts = self._load(session, user, certificate_id)
            self._require(Action.DELETE, user, facts)
            self._log(
                session,
                user,
                AuditAction.RADERA,
                certificate,
                f"Raderade utkast: {self._name(certificate)}",
            )
            change = changed(certificate, "deleted")
            session.delete(certificate)
        self._publish(change)

    def mark_ready_for_signing(
        self, user: UserContext, certificate_id: str, *, responsible_id: str | None = None
    ) -> None:
        """Markera klart för signering (T4, KFSIGN): for roles that do not sign. The draft goes
        to the signing responsible's "Att skicka" list (chosen here, or earlier)."""
        now = self._clock.now()
        with self._store.transaction() as session:
            certificate, facts = self._load(session, user, certificate_id)
            self._require(Action.MARK_READY, user, facts)
            if responsible_id is not None:
                self._choose(session, certificate, responsible_id)
            certificate.ready_for_signing_at = now
            certificate.updated_at = now
            self._event(session, certificate, "KFSIGN", user, "Markerat klart för signering")
            self._log(
                session, user, AuditAction.SKRIVA, certificate, "Markerade klart för signering"
            )
            change = changed(certificate)
        self._publish(change)

    def set_signing_responsible(
        self, user: UserContext, certificate_id: str, responsible_id: str
    ) -> None:
        """Choose who is to sign the draft (TakeCare's signing responsible)."""
        with self._store.transaction() as session:
            certificate, facts = self._load(session, user, certificate_id)
            self._require(Action.SET_RESPONSIBLE, user, facts)
            name = self._choose(session, certificate, responsible_id)
            self._event(session, certificate, "ANSVARIG", user, f"Signeringsansvarig: {name}")
            self._log(session, user, AuditAction.SKRIVA, certificate, f"Signeringsansvarig: {name}")
            change = changed(certificate, "updated")
        self._publish(change)

    def signing_candidates(self, user: UserContext, certificate_id: str) -> list[SigningCandidate]:
        """Who may be chosen to sign the draft: signing roles at its unit, with Webcert."""
        with self._store.session() as session:
            certificate, _facts = self._load(session, user, certificate_id, for_update=False)
            return self._candidates(session, certificate)

    def _candidates(self, session: Session, certificate: Certificate) -> list[SigningCandidate]:
        staff = sorted(
            session.scalars(select(Staff).options(selectinload(Staff.units))),
            key=lambda s: (swedish_key(s.family_name), swedish_key(s.given_name)),
        )
        found = []
        for person in staff:
            role = resolve_role(
                person.legitimerad_yrkesgrupp, person.befattningskod, person.forskrivarkod
            )
            works_here = any(unit.hsa_id == certificate.unit_id for unit in person.units)
            usable = person.may_use_webcert and person.has_vard_och_behandling
            dentist_type = role is not Role.TANDLAKARE or certificate.type_code in DENTIST_TYPES
            if role.may_sign and works_here and usable and dentist_type:
                found.append(SigningCandidate(person.hsa_id, person.full_name, role))
        return found

    def _choose(self, session: Session, certificate: Certificate, responsible_id: str) -> str:
        for candidate in self._candidates(session, certificate):
            if candidate.hsa_id == responsible_id:
                certificate.signing_responsible_id = candidate.hsa_id
                return candidate.name
        raise NotAllowedError(
            "Den valda personen kan inte signera utkastet: bara läkare och tandläkare med "
            "behörighet till Webcert på utkastets vårdenhet kan vara signeringsansvariga."
        )
