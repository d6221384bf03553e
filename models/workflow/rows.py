"""Certificates as plain rows for lists: the journal table and the work lists."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import Connection, Select, select
from sqlalchemy.orm import aliased

from models.definitions.schema import Definition
from models.errors import NotFoundError
from models.store.engine import Store
from models.store.schema import CareUnit, Certificate, CertificateStatus, Patient, Staff
from models.workflow.status import status_text

Scope = Literal["mine", "unit", "patient"]


@dataclass(frozen=True)
class CertificateRow:
    """What a list shows about one certificate."""

    id: str
    type_code: str
    type_name: str
    status: str
    status_text: str
    timestamp: dt.datetime
    created_at: dt.datetime
    updated_at: dt.datetime
    unit_id: str
    unit_name: str
    recipient: str
    patient_id: int
    person_id: str
    patient_name: str
    responsible_name: str
    # Skyddade personuppgifter: lists show a lock icon.
    protected_identity: bool = False
    # Marked "klart för signering" by a role that does not sign.
    ready_for_signing: bool = False

    @property
    def formatted_person_id(self) -> str:
        return f"{self.person_id[:8]}-{self.person_id[8:]}"


Responsible = aliased(Staff)

ROW_COLUMNS = (
    Certificate.id,
    Certificate.type_code,
    Certificate.status,
    Certificate.is_empty,
    Certificate.created_at,
    Certificate.updated_at,
    Certificate.signed_at,
    Certificate.sent_to,
    Certificate.unit_id,
    CareUnit.name,
    Certificate.patient_id,
    Patient.person_id,
    Patient.given_name,
    Patient.family_name,
    Responsible.given_name,
    Responsible.family_name,
    Patient.protected_identity,
    Certificate.ready_for_signing_at,
)


def row_query() -> Select[*tuple[Any, ...]]:
    """The columns of a row, without the content (lists never read answers)."""
    return (
        select(*ROW_COLUMNS)
        .join(CareUnit, CareUnit.hsa_id == Certificate.unit_id)
        .join(Patient, Patient.id == Certificate.patient_id)
        .outerjoin(Responsible, Responsible.hsa_id == Certificate.signing_responsible_id)
    )


def to_rows(
    results: Sequence[Any], definitions: Mapping[str, Definition], replaced: set[str]
) -> list[CertificateRow]:
    rows = []
    for r in results:
        definition = definitions.get(r[1])
        recipient = r[7] or ""
        if recipient and definition is not None and definition.recipient.code == recipient:
            recipient = definition.recipient.name
        responsible = f"{r[14]} {r[15]}" if r[14] else ""
        rows.append(
            CertificateRow(
                id=r[0],
                type_code=r[1],
                type_name=definition.name if definition else r[1],
                status=r[2],
                status_text=status_text(
                    r[2], is_empty=r[3], sent_to=r[7], replaced=r[0] in replaced
                ),
                timestamp=r[6] or r[4],
                created_at=r[4],
                updated_at=r[5],
                unit_id=r[8],
                unit_name=r[9],
                recipient=recipient,
                patient_id=r[10],
                person_id=r[11],
                patient_name=f"{r[12]} {r[13]}",
                responsible_name=responsible,
                protected_identity=bool(r[16]),
                ready_for_signing=r[17] is not None,
            )
        )
    return rows


def replaced_ids(connection: Connection, where: Any) -> set[str]:
    """Ids of certificates (among those ``where`` selects) that have a signed replacement."""
    found = connection.execute(
        select(Certificate.replaces_id).where(
            where,
            Certificate.replaces_id.is_not(None),
            Certificate.status == CertificateStatus.SIGNED,
        )
    ).scalars()
    return {i for i in found if i is not None}


def fetch_row(
    store: Store, definitions: Mapping[str, Definition], certificate_id: str
) -> CertificateRow:
    """One certificate's row, read now."""
    with store.failures_reported(), store.engine.connect() as connection:
        result = connection.execute(row_query().where(Certificate.id == certificate_id)).all()
        if not result:
            raise NotFoundError("Intyget finns inte längre.")
        replaced = replaced_ids(connection, Certificate.replaces_id == certificate_id)
    return to_rows(result, definitions, replaced)[0]
