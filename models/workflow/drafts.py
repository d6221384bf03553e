"""Editing drafts: autosave with optimistic locking, and deleting ("Radera utkast")."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from models.audit import AuditAction, record
from models.clock import Clock
from models.definitions.engine import is_empty
from models.definitions.schema import Definition
from models.errors import AccessDeniedError, ConcurrentChangeError, NotAllowedError, NotFoundError
from models.events import CertificateChanged, ChangeBus
from models.staff import UserContext
from models.store.engine import Store
from models.store.schema import Certificate, CertificateEvent, CertificateStatus, Staff
from models.workflow.creation import webcert_blocker

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


def edit_blocker(user: UserContext, status: str, unit_id: str) -> str | None:
    """Why this user may not change this certificate's answers now (None if they may)."""
    if status == CertificateStatus.LOCKED_DRAFT:
        return "Utkastet är låst eftersom det skapades för mer än 14 dagar sedan."
    if status != CertificateStatus.DRAFT:
        return "Intyget är signerat och kan inte ändras. Använd Ersätt för att göra ändringar."
    if unit_id != user.unit.hsa_id:
        return "Utkastet tillhör en annan vårdenhet och kan bara ändras där."
    return webcert_blocker(user)


def _clean(content: Mapping[str, Any]) -> dict[str, Any]:
    """Drop unanswered keys, so that what is stored is exactly what the form shows."""
    return {key: value for key, value in content.items() if value is not None}


class DraftService:
    """Stores a draft's answers and deletes drafts."""

    def __init__(
        self,
        store: Store,
        clock: Clock,
        definitions: Mapping[str, Definition],
        bus: ChangeBus,
    ) -> None:
        self._store = store
        self._clock = clock
        self._definitions = definitions
        self._bus = bus

    def _editable(self, user: UserContext, certificate: Certificate | None) -> Certificate:
        if certificate is None:
            raise NotFoundError("Utkastet finns inte längre. Det kan ha raderats.")
        reason = edit_blocker(user, certificate.status, certificate.unit_id)
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
                name = self._last_editor(certificate_id) or "okänd"
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
                session.add(
                    CertificateEvent(
                        certificate_id=certificate_id,
                        at=now,
                        kind="ANDRAT",
                        status=certificate.status,
                        actor_id=user.staff.hsa_id,
                    )
                )
                record(
                    session,
                    self._clock,
                    user.actor,
                    AuditAction.SKRIVA,
                    patient_id=certificate.patient_id,
                    certificate_id=certificate_id,
                    details="Ändrade utkast",
                )
            session.flush()
            saved = SavedDraft(certificate_id, certificate.version, certificate.is_empty)
            patient_id, unit_id = certificate.patient_id, certificate.unit_id
        self._bus.publish(CertificateChanged(certificate_id, patient_id, unit_id, "updated"))
        return saved

    def _last_editor(self, certificate_id: str) -> str | None:
        with self._store.session() as session:
            row = session.execute(
                select(Staff.given_name, Staff.family_name)
                .join(CertificateEvent, CertificateEvent.actor_id == Staff.hsa_id)
                .where(CertificateEvent.certificate_id == certificate_id)
                .order_by(CertificateEvent.id.desc())
                .limit(1)
            ).first()
        return f"{row[0]} {row[1]}" if row else None

    def delete(self, user: UserContext, certificate_id: str) -> None:
        """Radera utkast: the draft is removed; the deletion is logged (PDL "Radera")."""
        with self._store.transaction() as session:
            certificate = self._editable(user, session.get(Certificate, certificate_id))
            patient_id, unit_id = certificate.patient_id, certificate.unit_id
            definition = self._definitions.get(certificate.type_code)
            name = definition.name if definition else certificate.type_code
            record(
                session,
                self._clock,
                user.actor,
                AuditAction.RADERA,
                patient_id=patient_id,
                certificate_id=certificate_id,
                details=f"Raderade utkast: {name}",
            )
            session.delete(certificate)
        self._bus.publish(CertificateChanged(certificate_id, patient_id, unit_id, "deleted"))
