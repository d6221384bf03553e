"""Listing certificates, choosing a type and creating drafts."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from models.audit import AuditAction, record
from models.clock import Clock
from models.definitions.engine import UnitFacts, is_empty, unit_prefill
from models.definitions.schema import Definition
from models.errors import AccessDeniedError, NotAllowedError, NotFoundError
from models.events import CertificateChanged, ChangeBus
from models.patients import PatientInfo
from models.roles import Role
from models.staff import UserContext
from models.store.engine import Store
from models.store.schema import (
    CareUnit,
    Certificate,
    CertificateEvent,
    CertificateStatus,
    Patient,
)
from models.workflow.creation import (
    DENTIST_TYPES,
    ONE_PER_PATIENT,
    TypeChoice,
    type_choices,
    type_reason,
)
from models.workflow.drafts import edit_blocker
from models.workflow.facts import load_facts
from models.workflow.integrity import TAMPER_WARNING
from models.workflow.questions import NO_QUESTIONS
from models.workflow.rows import (
    CertificateRow,
    Scope,
    fetch_row,
    replaced_ids,
    row_query,
    to_rows,
)
from models.workflow.rules import read_refusal

REVOKED = (CertificateStatus.REVOKED, CertificateStatus.LOCKED_REVOKED)
#: Drafts, locked or revoked too, belong to their unit alone.
DRAFTS = (
    CertificateStatus.DRAFT,
    CertificateStatus.LOCKED_DRAFT,
    CertificateStatus.LOCKED_REVOKED,
)


@dataclass(frozen=True)
class CertificateDetail:
    """An opened certificate: its row, its definition and its answers."""

    row: CertificateRow
    definition: Definition
    content: dict[str, Any]
    version: int
    # Set when a signed certificate's stored content no longer matches what was signed.
    integrity_warning: str | None = None
    # Why the user may not change the answers (None: a draft they may edit, with autosave).
    edit_refusal: str | None = None


def unit_content(definition: Definition, user: UserContext) -> dict[str, Any]:
    """The user's unit's contact details for the form's unit fields."""
    unit = user.unit
    return unit_prefill(
        definition, UnitFacts(unit.street_address, unit.postal_code, unit.city, unit.phone)
    )


def add_draft(
    session: Session,
    clock: Clock,
    user: UserContext,
    patient_id: int,
    definition: Definition,
    content: dict[str, Any],
    **relation: str,
) -> Certificate:
    """A new draft at the user's unit, with its SKAPAT event, in the caller's transaction.

    ``relation``: the column linking it to the certificate it was made from, if any.
    """
    now = clock.now()
    certificate = Certificate(
        id=str(uuid.uuid4()),
        type_code=definition.code,
        type_version=definition.version,
        patient_id=patient_id,
        unit_id=user.unit.hsa_id,
        author_id=user.staff.hsa_id,
        signing_responsible_id=user.staff.hsa_id if user.role.may_sign else None,
        status=CertificateStatus.DRAFT.value,
        content=content,
        is_empty=is_empty(content, definition),
        created_at=now,
        updated_at=now,
        **relation,
    )
    session.add(certificate)
    session.flush()
    session.add(
        CertificateEvent(
            certificate_id=certificate.id,
            at=now,
            kind="SKAPAT",
            status=certificate.status,
            actor_id=user.staff.hsa_id,
        )
    )
    return certificate


class CertificateService:
    """The certificate list of a journal, the work lists, and new drafts."""

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
        self._sendable = sorted(code for code, d in definitions.items() if not d.print_only)

    @property
    def definitions(self) -> Mapping[str, Definition]:
        return self._definitions

    def _provider_units(self, user: UserContext) -> list[str]:
        with self._store.session() as session:
            return list(
                session.scalars(
                    select(CareUnit.hsa_id).where(
                        CareUnit.care_provider_id == user.unit.care_provider_id
                    )
                )
            )

    def list_for_patient(self, user: UserContext, patient: PatientInfo) -> list[CertificateRow]:
        """The patient's certificates the user may see, newest first.

        Signed certificates of every unit of the care provider are readable; drafts only on
        the unit that owns them (Webcert: other units' drafts are never accessible). Dentists
        see only the types they may issue.
        """
        if patient.protected_identity and not user.role.may_sign:
            raise AccessDeniedError("Behörighet saknas: patienten har skyddade personuppgifter.")
        # A protected patient's certificates are handled only at the unit that issued them.
        units = [user.unit.hsa_id] if patient.protected_identity else self._provider_units(user)
        query = row_query().where(
            Certificate.patient_id == patient.id,
            Certificate.unit_id.in_(units),
            (Certificate.unit_id == user.unit.hsa_id) | Certificate.status.not_in(DRAFTS),
        )
        if user.role is Role.TANDLAKARE:
            query = query.where(Certificate.type_code.in_(DENTIST_TYPES))
        # Core, not the ORM: a list reads plain columns, and a thousand rows should be quick.
        with self._store.failures_reported(), self._store.engine.connect() as connection:
            results = connection.execute(query).all()
            replaced = replaced_ids(connection, Certificate.patient_id == patient.id)
        rows = to_rows(results, self._definitions, replaced)
        rows.sort(key=lambda row: (row.timestamp, row.id), reverse=True)
        return rows

    def _existing_unique(self, patient_id: int) -> set[str]:
        with self._store.session() as session:
            return set(
                session.scalars(
                    select(Certificate.type_code).where(
                        Certificate.patient_id == patient_id,
                        Certificate.type_code.in_(ONE_PER_PATIENT),
                        Certificate.status.not_in(REVOKED),
                    )
                )
            )

    def type_choices(self, user: UserContext, patient: PatientInfo) -> list[TypeChoice]:
        """The type chooser's rows, each enabled or with the reason it is not."""
        return type_choices(user, patient, self._definitions, self._existing_unique(patient.id))

    def create_draft(
        self, user: UserContext, patient: PatientInfo, type_code: str
    ) -> CertificateRow:
        """Create an empty draft ("Tomt utkast") and log the write."""
        definition = self._definitions.get(type_code)
        if definition is None:
            raise NotFoundError(f"Intygstypen ”{type_code}” finns inte.")
        reason = type_reason(type_code, user, patient, self._existing_unique(patient.id))
        if reason is not None:
            raise NotAllowedError(reason)
        with self._store.transaction() as session:
            certificate = add_draft(
                session, self._clock, user, patient.id, definition, unit_content(definition, user)
            )
            certificate_id = certificate.id
            record(
                session,
                self._clock,
                user.actor,
                AuditAction.SKRIVA,
                patient_id=patient.id,
                certificate_id=certificate_id,
                details=f"Skapade utkast: {definition.name}",
            )
        self._bus.publish(
            CertificateChanged(certificate_id, patient.id, user.unit.hsa_id, "created")
        )
        return self.get_row(certificate_id)

    def open_certificate(self, user: UserContext, certificate_id: str) -> CertificateDetail:
        """Read one certificate (logged as a PDL read), if the user may see it.

        A signed certificate whose stored content no longer matches what was signed opens
        with a warning, and the mismatch is logged.
        """
        with self._store.transaction() as session:
            certificate = session.get(Certificate, certificate_id)
            if certificate is None:
                raise NotFoundError("Intyget finns inte längre.")
            facts = load_facts(session, self._clock, user, certificate, NO_QUESTIONS)
            refusal = read_refusal(user, facts)
            if refusal is not None:
                raise refusal.error()
            content = dict(certificate.content or {})
            version = certificate.version
            edit_refusal = edit_blocker(user, facts.status, certificate.unit_id)
            record(
                session,
                self._clock,
                user.actor,
                AuditAction.LASA,
                patient_id=certificate.patient_id,
                certificate_id=certificate_id,
            )
            warning = None
            if facts.tampered:
                warning = TAMPER_WARNING
                record(
                    session,
                    self._clock,
                    user.actor,
                    AuditAction.INTEGRITET,
                    patient_id=certificate.patient_id,
                    certificate_id=certificate_id,
                    details="Det lagrade innehållet stämmer inte med det signerade intyget.",
                )
        definition = self._definitions[certificate.type_code]
        row = self.get_row(certificate_id)
        return CertificateDetail(row, definition, content, version, warning, edit_refusal)

    def get_row(self, certificate_id: str) -> CertificateRow:
        return fetch_row(self._store, self._definitions, certificate_id)

    def work_list(
        self,
        user: UserContext,
        scope: Scope,
        *,
        patient_id: int | None = None,
        offset: int = 0,
        limit: int = 200,
    ) -> list[CertificateRow]:
        """One page of "Att skicka" for the scope, most recently changed first: started drafts
        (and drafts marked ready for signing), and signed certificates not yet sent.

        Started drafts and signed-but-unsent certificates are read by two queries that each
        follow an index in order, then merged: one query with OR would sort the whole unit.
        """
        if scope == "patient" and patient_id is None:
            return []
        wanted = offset + limit
        parts = [
            and_(
                Certificate.status == CertificateStatus.DRAFT,
                or_(
                    Certificate.is_empty.is_(False),
                    Certificate.ready_for_signing_at.is_not(None),
                ),
            ),
            and_(
                Certificate.status == CertificateStatus.SIGNED,
                Certificate.sent_at.is_(None),
                Certificate.type_code.in_(self._sendable),
            ),
        ]
        results: list[Any] = []
        with self._store.failures_reported(), self._store.engine.connect() as connection:
            for part in parts:
                query = row_query().where(Certificate.unit_id == user.unit.hsa_id, part)
                if scope == "mine":
                    query = query.where(Certificate.signing_responsible_id == user.staff.hsa_id)
                elif scope == "patient":
                    query = query.where(Certificate.patient_id == patient_id)
                if not user.role.may_sign:
                    query = query.where(Patient.protected_identity.is_(False))
                if user.role is Role.TANDLAKARE:
                    query = query.where(Certificate.type_code.in_(DENTIST_TYPES))
                query = query.order_by(Certificate.updated_at.desc(), Certificate.id.desc())
                results += connection.execute(query.limit(wanted)).all()
        results.sort(key=lambda r: (r[5], r[0]), reverse=True)  # updated_at, id
        results = results[offset:wanted]
        return to_rows(results, self._definitions, set())
