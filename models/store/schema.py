"""Every mapped class in one import, so that Base.metadata is complete."""

from models.reference.patient_id import PatientIdKind
from models.store.audit_log import AuditEntry
from models.store.base import Base
from models.store.certificates import Certificate, CertificateEvent, CertificateStatus
from models.store.deliveries import Delivery
from models.store.organisation import CareProvider, CareUnit, Staff, staff_units
from models.store.patients import Patient
from models.store.questions import Direction, Question, QuestionStatus, Subject

__all__ = [
    "AuditEntry",
    "Base",
    "CareProvider",
    "CareUnit",
    "Certificate",
    "CertificateEvent",
    "CertificateStatus",
    "Delivery",
    "Direction",
    "Patient",
    "PatientIdKind",
    "Question",
    "QuestionStatus",
    "Staff",
    "Subject",
    "staff_units",
]
