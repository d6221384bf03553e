"""Shared factories: certificates and patients put straight into a test database."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import select

from models.store import Store
from models.store.schema import Certificate, CertificateStatus, Patient
from models.workflow.integrity import seal as seal_certificate
from tests.conftest import DOCTOR, TESTENHET_17


def patient_id(store: Store, person_id: str) -> int:
    with store.session() as session:
        found = session.scalar(select(Patient.id).where(Patient.person_id == person_id))
    assert found is not None, person_id
    return found


def make_certificate(
    store: Store,
    person_id: str,
    *,
    type_code: str = "fk7804",
    status: CertificateStatus = CertificateStatus.DRAFT,
    created: dt.datetime,
    unit_id: str = TESTENHET_17,
    responsible: str | None = DOCTOR,
    content: dict[str, Any] | None = None,
    is_empty: bool | None = None,
    sent_to: str | None = None,
    replaces_id: str | None = None,
    seal: bool = False,
    **columns: Any,
) -> str:
    """Insert a certificate as if made earlier; returns its id.

    ``seal``: store the signed document and hash, as signing does (signed by ``responsible``).
    Other ``columns`` (``renews_id``, ``ready_for_signing_at`` …) are set as given.
    """
    certificate_id = str(uuid.uuid4())
    content = content if content is not None else {"25": "Övrigt."}
    signed = status in (CertificateStatus.SIGNED, CertificateStatus.REVOKED)
    patient = patient_id(store, person_id)
    with store.transaction() as session:
        certificate = Certificate(
            id=certificate_id,
            type_code=type_code,
            type_version="1.0",
            patient_id=patient,
            unit_id=unit_id,
            author_id=responsible or DOCTOR,
            signing_responsible_id=responsible,
            status=status.value,
            content=content,
            is_empty=(not content) if is_empty is None else is_empty,
            created_at=created,
            updated_at=created,
            signed_at=created if signed else None,
            sent_at=created if sent_to else None,
            sent_to=sent_to,
            replaces_id=replaces_id,
            signed_by_id=responsible if signed else None,
            **columns,
        )
        if seal:
            seal_certificate(certificate, person_id)
        session.add(certificate)
    return certificate_id


def make_question(
    store: Store,
    certificate_id: str,
    *,
    subject: str = "KONTKT",
    direction: str = "FK",
    sent: dt.datetime,
    text: str = "Ring oss.",
    status: str | None = None,
    last_date_to_reply: dt.date | None = None,
    **columns: Any,
) -> str:
    """Insert a question on a certificate as if received (or asked) earlier; returns its id.

    The certificate's unit, patient, signer and type are copied as the services do.
    """
    from models.store.schema import Question

    question_id = str(uuid.uuid4())
    if status is None:
        status = "PENDING_INTERNAL_ACTION" if direction == "FK" else "PENDING_EXTERNAL_ACTION"
    with store.transaction() as session:
        certificate = session.get(Certificate, certificate_id)
        assert certificate is not None
        session.add(
            Question(
                id=question_id,
                certificate_id=certificate_id,
                unit_id=certificate.unit_id,
                patient_id=certificate.patient_id,
                responsible_id=certificate.signing_responsible_id,
                type_code=certificate.type_code,
                direction=direction,
                subject=subject,
                text=text,
                author="Försäkringskassan" if direction == "FK" else "Karin Berg",
                sent_at=sent,
                last_date_to_reply=last_date_to_reply,
                status=status,
                last_activity_at=sent,
                **columns,
            )
        )
    return question_id
