"""Everything the rules need to know about one certificate, read once per action.

The rules themselves (``models.workflow.rules``) are pure functions of these facts, the user
and the definitions, so that the buttons (``allowed_actions``) and the services that perform
the actions apply the same rules to the same snapshot.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from models.clock import Clock
from models.reference.patient_id import PatientIdKind
from models.staff import UserContext
from models.store.schema import CareUnit, Certificate, CertificateStatus, Patient, Staff
from models.workflow.integrity import is_tampered
from models.workflow.locking import effective_status, is_overdue
from models.workflow.questions import QuestionPort

#: The DB question "Finns skäl för polisanmälan?": when Ja, the DB is printed for the police.
POLICE_REPORT = ("db", "7")
#: Licensed professions that must also have a förskrivarkod to sign (the seed's rule).
_LICENSED = frozenset({"läkare", "tandläkare"})


class Relation(enum.StrEnum):
    """How a certificate was made from its parent."""

    REPLACE = "replace"
    RENEW = "renew"
    COMPLEMENT = "complement"
    COPY = "copy"
    CREATE_FROM = "create_from"


#: The column holding each relation on the child.
RELATION_COLUMN = {
    Relation.REPLACE: Certificate.replaces_id,
    Relation.RENEW: Certificate.renews_id,
    Relation.COMPLEMENT: Certificate.complements_id,
    Relation.COPY: Certificate.copied_from_id,
    Relation.CREATE_FROM: Certificate.created_from_id,
}


@dataclass(frozen=True)
class Related:
    """A parent or child certificate, in a few values."""

    id: str
    relation: Relation
    type_code: str
    status: str
    unit_id: str

    @property
    def signed(self) -> bool:
        return self.status == CertificateStatus.SIGNED

    @property
    def draft(self) -> bool:
        return self.status == CertificateStatus.DRAFT


@dataclass(frozen=True)
class PatientState:
    """The patient as the rules see them."""

    id: int
    person_id: str
    kind: PatientIdKind
    protected: bool
    date_of_death: dt.date | None

    @property
    def deceased(self) -> bool:
        return self.date_of_death is not None


@dataclass(frozen=True)
class Facts:
    """One certificate seen by one user, now."""

    id: str
    type_code: str
    status: str  # effective: an overdue draft is already LOCKED_DRAFT
    unit_id: str
    unit_name: str
    own_unit: bool  # the user is logged in at the certificate's unit
    in_scope: bool  # ... or at a unit above it (sub-units are within the user's scope)
    same_provider: bool
    sent_to: str | None
    responsible_id: str | None
    ready_for_signing: bool
    police_report: bool
    tampered: bool
    patient: PatientState
    parent: Related | None
    children: tuple[Related, ...]
    unhandled_complements: int
    unhandled_questions: int
    lacks_prescriber_code: bool  # the user is licensed but has no förskrivarkod
    # For a DB: the patient's DOIs that are not revoked (one DOI per patient).
    patient_doi_ids: tuple[str, ...] = ()

    def child(self, relation: Relation, *, signed: bool) -> Related | None:
        """The newest child by ``relation`` that is signed (or an unsigned draft)."""
        for child in self.children:
            if child.relation is relation and (child.signed if signed else child.draft):
                return child
        return None


def scope_units(session: Session, unit_id: str) -> set[str]:
    """The unit and every unit below it (a parent unit sees its sub-units' certificates)."""
    parents = {
        unit: parent
        for unit, parent in session.execute(select(CareUnit.hsa_id, CareUnit.parent_unit_id))
    }
    scope, changed = {unit_id}, True
    while changed:
        below = {unit for unit, parent in parents.items() if parent in scope}
        changed = not below <= scope
        scope |= below
    return scope


def parent_of(certificate: Certificate) -> tuple[Relation, str] | None:
    for relation, column in RELATION_COLUMN.items():
        parent_id = getattr(certificate, column.key)
        if parent_id is not None:
            return relation, parent_id
    return None


def _children(session: Session, certificate: Certificate, clock: Clock) -> list[Related]:
    """The certificates made from this one, newest first.

    A draft the clock has made overdue is locked and so detached already (WORKFLOW.md §1.4),
    even if the sweep has not reached it yet.
    """
    columns = list(RELATION_COLUMN.values())
    rows = session.execute(
        select(
            Certificate.id,
            Certificate.type_code,
            Certificate.status,
            Certificate.unit_id,
            Certificate.created_at,
            *columns,
        )
        .where(
            Certificate.patient_id == certificate.patient_id,
            or_(*(column == certificate.id for column in columns)),
        )
        .order_by(Certificate.created_at.desc(), Certificate.id.desc())
    ).all()
    found = []
    for row in rows:
        if is_overdue(row.status, row.created_at, clock):
            continue
        links = row[5:]  # the relation columns, in RELATION_COLUMN's order
        relation = next(r for r, link in zip(RELATION_COLUMN, links, strict=True) if link)
        found.append(Related(row.id, relation, row.type_code, row.status, row.unit_id))
    return found


def load_facts(
    session: Session,
    clock: Clock,
    user: UserContext,
    certificate: Certificate,
    questions: QuestionPort,
) -> Facts:
    """Read the facts about ``certificate`` inside the caller's session."""
    patient = session.get(Patient, certificate.patient_id)
    unit = session.get(CareUnit, certificate.unit_id)
    staff = session.get(Staff, user.staff.hsa_id)
    assert patient is not None and unit is not None
    status = effective_status(certificate.status, certificate.created_at, clock)
    link = parent_of(certificate)
    parent = None
    if link is not None:
        row = session.get(Certificate, link[1])
        if row is not None:
            parent = Related(row.id, link[0], row.type_code, row.status, row.unit_id)
    signed = status == CertificateStatus.SIGNED
    dois: list[str] = []
    if certificate.type_code == "db":
        dois = list(
            session.scalars(
                select(Certificate.id).where(
                    Certificate.patient_id == patient.id,
                    Certificate.type_code == "doi",
                    Certificate.status.not_in(
                        (CertificateStatus.REVOKED, CertificateStatus.LOCKED_REVOKED)
                    ),
                )
            )
        )
    licence = ((staff.legitimerad_yrkesgrupp if staff else None) or "").strip().casefold()
    field = POLICE_REPORT[1]
    return Facts(
        id=certificate.id,
        type_code=certificate.type_code,
        status=status,
        unit_id=certificate.unit_id,
        unit_name=unit.name,
        own_unit=certificate.unit_id == user.unit.hsa_id,
        in_scope=certificate.unit_id in scope_units(session, user.unit.hsa_id),
        same_provider=unit.care_provider_id == user.unit.care_provider_id,
        sent_to=certificate.sent_to,
        responsible_id=certificate.signing_responsible_id,
        ready_for_signing=certificate.ready_for_signing_at is not None,
        police_report=certificate.type_code == POLICE_REPORT[0]
        and (certificate.content or {}).get(field) is True,
        tampered=is_tampered(certificate, patient.person_id),
        patient=PatientState(
            patient.id,
            patient.person_id,
            patient.id_kind,
            patient.protected_identity,
            patient.date_of_death,
        ),
        parent=parent,
        children=tuple(_children(session, certificate, clock)),
        unhandled_complements=(
            questions.unhandled_complement_requests(session, certificate.id) if signed else 0
        ),
        unhandled_questions=(
            questions.unhandled_questions(session, certificate.id) if signed else 0
        ),
        lacks_prescriber_code=licence in _LICENSED and not (staff and staff.forskrivarkod),
        patient_doi_ids=tuple(dois),
    )
