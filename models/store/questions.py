"""Questions and answers between care and Försäkringskassan (ärendekommunikation).

One row per message: a question from FK (KOMPLT, AVSTMN, KONTKT, OVRIGT), a question from care
(AVSTMN, KONTKT, OVRIGT), or a reminder (PAMINN) linked to the FK question it reminds about.
The answer to a question is kept on the question's row, with the answer draft that autosaves
while it is written. The certificate's unit, patient, signer and type are copied onto the row
so that the work list "Fråga/svar via Webcert" reads one table.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.store.base import Base, JsonDocument, UtcDateTime


class Subject(enum.StrEnum):
    """Ämne. Care may ask AVSTMN, KONTKT and OVRIGT; FK sends all five."""

    KOMPLT = "KOMPLT"
    AVSTMN = "AVSTMN"
    KONTKT = "KONTKT"
    OVRIGT = "OVRIGT"
    PAMINN = "PAMINN"

    @property
    def label(self) -> str:
        return _SUBJECT_LABELS[self]


_SUBJECT_LABELS = {
    Subject.KOMPLT: "Komplettering",
    Subject.AVSTMN: "Avstämningsmöte",
    Subject.KONTKT: "Kontakt",
    Subject.OVRIGT: "Övrigt",
    Subject.PAMINN: "Påminnelse",
}


class Direction(enum.StrEnum):
    """Who sent the question: Försäkringskassan or the care unit."""

    FROM_FK = "FK"
    FROM_CARE = "VARD"


class QuestionStatus(enum.StrEnum):
    """Webcert's states of a question (WORKFLOW.md §4.2); reminders have one of their own."""

    PENDING_INTERNAL_ACTION = "PENDING_INTERNAL_ACTION"  # from FK: care must act
    PENDING_EXTERNAL_ACTION = "PENDING_EXTERNAL_ACTION"  # from care: waiting for FK
    ANSWERED = "ANSWERED"  # FK answered care's question: care reads it and marks it handled
    CLOSED = "CLOSED"  # handled
    REMINDER = "REMINDER"  # a PAMINN row; handled with the question it belongs to


#: The states of a question that is not handled (a reminder is none of them).
OPEN_STATUSES = (
    QuestionStatus.PENDING_INTERNAL_ACTION.value,
    QuestionStatus.PENDING_EXTERNAL_ACTION.value,
    QuestionStatus.ANSWERED.value,
)
#: Every state of a question (not of a reminder).
QUESTION_STATUSES = (*OPEN_STATUSES, QuestionStatus.CLOSED.value)


class Question(Base):
    """One message between care and Försäkringskassan about one certificate."""

    __tablename__ = "questions"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    certificate_id: Mapped[str] = mapped_column(
        ForeignKey("certificates.id", ondelete="CASCADE"), index=True
    )
    # Copied from the certificate (a signed certificate's unit, patient, signer and type never
    # change), so that the work list needs no join to find its rows.
    unit_id: Mapped[str] = mapped_column(ForeignKey("care_units.hsa_id"))
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"))
    responsible_id: Mapped[str | None] = mapped_column(ForeignKey("staff.hsa_id"))
    type_code: Mapped[str] = mapped_column(String(20))
    direction: Mapped[str] = mapped_column(String(10))
    subject: Mapped[str] = mapped_column(String(10))
    text: Mapped[str] = mapped_column(Text)
    # The name shown on the card: the FK handläggare, or the staff member who asked.
    author: Mapped[str] = mapped_column(String(200))
    author_id: Mapped[str | None] = mapped_column(ForeignKey("staff.hsa_id"))
    sent_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    # "Svara senast": set by FK in the message, never computed.
    last_date_to_reply: Mapped[dt.date | None] = mapped_column(Date)
    # KOMPLT: the fields the request concerns, [{"field_id": "...", "text": "..."}].
    complement_fields: Mapped[list[dict[str, Any]] | None] = mapped_column(JsonDocument)
    # PAMINN: the question this reminds about.
    reminder_of_id: Mapped[str | None] = mapped_column(
        ForeignKey("questions.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(String(30))
    # The newest of the question, its reminders and its answer: the list's "Datum/Tid".
    last_activity_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    answer_text: Mapped[str | None] = mapped_column(Text)
    answer_author: Mapped[str | None] = mapped_column(String(200))
    answer_author_id: Mapped[str | None] = mapped_column(ForeignKey("staff.hsa_id"))
    answered_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    # A complement request answered by a new certificate (complement, renewal, replacement).
    answered_by_certificate_id: Mapped[str | None] = mapped_column(
        ForeignKey("certificates.id", ondelete="SET NULL")
    )
    # The answer being written (autosaved); the version guards against two writers.
    draft_text: Mapped[str | None] = mapped_column(Text)
    draft_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    draft_saved_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    draft_author_id: Mapped[str | None] = mapped_column(ForeignKey("staff.hsa_id"))
    handled_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    handled_by: Mapped[str | None] = mapped_column(String(200))
    handled_by_id: Mapped[str | None] = mapped_column(ForeignKey("staff.hsa_id"))

    __table_args__ = (
        # The work list: a unit's open questions, grouped per certificate, newest first; the
        # filter columns are in the index so that a list never reads the table itself.
        Index(
            "ix_questions_unit_list",
            "unit_id",
            "status",
            "certificate_id",
            "last_activity_at",
            "last_date_to_reply",
            "direction",
            "subject",
            "responsible_id",
            "patient_id",
        ),
        Index("ix_questions_responsible_status", "responsible_id", "status"),
        Index("ix_questions_patient_status", "patient_id", "status"),
    )
