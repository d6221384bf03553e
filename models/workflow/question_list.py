"""The work list "Fråga/svar via Webcert" in Mitt/Vårt/Patientens arbete, with the filters of
Webcert's "Ej hanterade ärenden" (WORKFLOW.md §4.6).

One row per certificate however many questions it has; by default the row stays while anything
on it is unhandled. The rows are found by one grouped query over the questions table alone
(the certificate's unit, patient, signer and type are copied onto each question, and the index
``ix_questions_unit_list`` holds every column the grouping reads); names are then read for the
page's rows only.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import ColumnElement, and_, case, func, select
from sqlalchemy.orm import aliased

from models.clock import SWEDISH_TIME
from models.definitions.schema import Definition
from models.roles import Role
from models.staff import UserContext
from models.store.engine import Store
from models.store.questions import OPEN_STATUSES, QUESTION_STATUSES
from models.store.schema import (
    Certificate,
    Direction,
    Patient,
    Question,
    QuestionStatus,
    Staff,
    Subject,
)
from models.workflow.creation import DENTIST_TYPES
from models.workflow.rows import Scope


class Measure(enum.StrEnum):
    """The filter "Åtgärd"; the value is the option's text."""

    ALL_UNHANDLED = "Alla ej hanterade"
    COMPLEMENT = "Komplettera"
    ANSWER = "Svara"
    READ_ANSWER = "Läs inkommet svar"
    AWAIT_ANSWER = "Invänta svar"
    HANDLED = "Alla hanterade"
    ALL = "Visa alla"


class Sender(enum.StrEnum):
    """The filter "Avsändare"."""

    ALL = "Visa alla"
    FK = "Försäkringskassan"
    CARE = "Vårdenheten"


@dataclass(frozen=True)
class QuestionFilters:
    """The list's filters; the defaults show every certificate with something unhandled.

    ``signed_by``: a staff HSA-id; ``person_id``: a personnummer (with or without dash);
    ``date_from``/``date_to``: Swedish dates of the newest message; ``reply_by``: only
    questions whose "svara senast" is on or before this date.
    """

    measure: Measure = Measure.ALL_UNHANDLED
    sender: Sender = Sender.ALL
    signed_by: str | None = None
    person_id: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    reply_by: dt.date | None = None


Icon = Literal["incoming", "awaiting", "handled"]
INCOMING = "Inkommen fråga/svar"
SENT = "Skickad fråga"
HANDLED = "Hanterad"


@dataclass(frozen=True)
class QuestionRow:
    """One certificate in the list.

    ``kind`` (column Typ) and ``icon``: "Inkommen fråga/svar" (yellow) while a question from FK
    or an answer from FK waits for care; "Skickad fråga" (blue) while only care's questions
    wait for FK. ``latest_at``: Datum/Tid of the newest message; ``last_date_to_reply``: the
    earliest "svara senast" of the unhandled questions.
    """

    certificate_id: str
    type_code: str
    type_name: str
    patient_id: int
    person_id: str
    patient_name: str
    responsible_name: str
    kind: str
    icon: Icon
    latest_at: dt.datetime
    last_date_to_reply: dt.date | None
    unhandled: int
    protected_identity: bool = False

    @property
    def formatted_person_id(self) -> str:
        return f"{self.person_id[:8]}-{self.person_id[8:]}"


_PENDING = QuestionStatus.PENDING_INTERNAL_ACTION.value
_MEASURES: dict[Measure, ColumnElement[bool]] = {
    Measure.ALL_UNHANDLED: Question.status.in_(OPEN_STATUSES),
    Measure.COMPLEMENT: and_(Question.status == _PENDING, Question.subject == Subject.KOMPLT),
    Measure.ANSWER: and_(
        Question.status == _PENDING,
        Question.subject.in_((Subject.OVRIGT, Subject.AVSTMN, Subject.KONTKT)),
    ),
    Measure.READ_ANSWER: Question.status == QuestionStatus.ANSWERED,
    Measure.AWAIT_ANSWER: Question.status == QuestionStatus.PENDING_EXTERNAL_ACTION,
    Measure.HANDLED: Question.status == QuestionStatus.CLOSED,
    Measure.ALL: Question.status.in_(QUESTION_STATUSES),
}
_OPEN = Question.status.in_(OPEN_STATUSES)
_LATEST = func.max(Question.last_activity_at)
_AGGREGATES = (
    Question.certificate_id,
    _LATEST,
    func.min(case((_OPEN, Question.last_date_to_reply))),
    func.max(case((Question.status.in_((_PENDING, QuestionStatus.ANSWERED.value)), 1), else_=0)),
    func.max(case((Question.status == QuestionStatus.PENDING_EXTERNAL_ACTION, 1), else_=0)),
    func.sum(case((_OPEN, 1), else_=0)),
)
Responsible = aliased(Staff)


def _start_of(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), SWEDISH_TIME)


class QuestionList:
    """The rows and the badge count of "Fråga/svar via Webcert"."""

    def __init__(self, store: Store, definitions: Mapping[str, Definition]) -> None:
        self._store = store
        self._definitions = definitions

    def _where(
        self, user: UserContext, scope: Scope, patient_id: int | None, filters: QuestionFilters
    ) -> list[ColumnElement[bool]]:
        where = [Question.unit_id == user.unit.hsa_id, _MEASURES[filters.measure]]
        if scope == "mine":
            where.append(Question.responsible_id == user.staff.hsa_id)
        elif scope == "patient":
            where.append(Question.patient_id == patient_id)
        if not user.role.may_sign:
            protected = select(Patient.id).where(Patient.protected_identity.is_(True))
            where.append(Question.patient_id.not_in(protected))
        if user.role is Role.TANDLAKARE:
            where.append(Question.type_code.in_(DENTIST_TYPES))
        if filters.sender is Sender.FK:
            where.append(Question.direction == Direction.FROM_FK)
        elif filters.sender is Sender.CARE:
            where.append(Question.direction == Direction.FROM_CARE)
        if filters.signed_by:
            where.append(Question.responsible_id == filters.signed_by)
        if filters.person_id:
            digits = "".join(c for c in filters.person_id if c.isdigit())
            patients = select(Patient.id).where(Patient.person_id == digits)
            where.append(Question.patient_id.in_(patients))
        if filters.date_from is not None:
            where.append(Question.last_activity_at >= _start_of(filters.date_from))
        if filters.date_to is not None:
            end = _start_of(filters.date_to + dt.timedelta(days=1))
            where.append(Question.last_activity_at < end)
        if filters.reply_by is not None:
            where.append(Question.last_date_to_reply <= filters.reply_by)
        return where

    def rows(
        self,
        user: UserContext,
        scope: Scope,
        *,
        patient_id: int | None = None,
        offset: int = 0,
        limit: int = 200,
        filters: QuestionFilters | None = None,
    ) -> list[QuestionRow]:
        """One page of the list, newest first."""
        if scope == "patient" and patient_id is None:
            return []
        where = self._where(user, scope, patient_id, filters or QuestionFilters())
        grouped = (
            select(*_AGGREGATES)
            .where(*where)
            .group_by(Question.certificate_id)
            .order_by(_LATEST.desc(), Question.certificate_id.desc())
            .offset(offset)
            .limit(limit)
        )
        with self._store.failures_reported(), self._store.engine.connect() as connection:
            groups = connection.execute(grouped).all()
            ids = [g[0] for g in groups]
            details = {
                d[0]: d
                for d in connection.execute(
                    select(
                        Certificate.id,
                        Certificate.type_code,
                        Certificate.patient_id,
                        Patient.person_id,
                        Patient.given_name,
                        Patient.family_name,
                        Patient.protected_identity,
                        Responsible.given_name,
                        Responsible.family_name,
                    )
                    .join(Patient, Patient.id == Certificate.patient_id)
                    .outerjoin(
                        Responsible, Responsible.hsa_id == Certificate.signing_responsible_id
                    )
                    .where(Certificate.id.in_(ids))
                )
            }
        return [self._row(g, details[g[0]]) for g in groups if g[0] in details]

    question_work_list = rows

    def _row(self, group: Any, d: Any) -> QuestionRow:
        definition = self._definitions.get(d[1])
        incoming, awaiting = bool(group[3]), bool(group[4])
        icon: Icon = "incoming" if incoming else "awaiting" if awaiting else "handled"
        return QuestionRow(
            certificate_id=d[0],
            type_code=d[1],
            type_name=definition.name if definition else d[1],
            patient_id=d[2],
            person_id=d[3],
            patient_name=f"{d[4]} {d[5]}",
            responsible_name=f"{d[7]} {d[8]}" if d[7] else "",
            kind=INCOMING if incoming else SENT if awaiting else HANDLED,
            icon=icon,
            latest_at=group[1],
            last_date_to_reply=group[2],
            unhandled=int(group[5] or 0),
            protected_identity=bool(d[6]),
        )

    def count(
        self,
        user: UserContext,
        scope: Scope,
        *,
        patient_id: int | None = None,
        filters: QuestionFilters | None = None,
    ) -> int:
        """How many rows the list has with these filters (for paging)."""
        if scope == "patient" and patient_id is None:
            return 0
        where = self._where(user, scope, patient_id, filters or QuestionFilters())
        query = select(func.count(func.distinct(Question.certificate_id))).where(*where)
        with self._store.failures_reported(), self._store.engine.connect() as connection:
            return int(connection.execute(query).scalar() or 0)

    def count_unhandled(
        self, user: UserContext, scope: Scope, *, patient_id: int | None = None
    ) -> int:
        """The dock tab's badge: rows with something unhandled."""
        return self.count(user, scope, patient_id=patient_id)

    def signers(self, user: UserContext) -> list[tuple[str, str]]:
        """The options of "Signerat av": who signed certificates with questions at the unit."""
        query = (
            select(Staff.hsa_id, Staff.given_name, Staff.family_name)
            .where(
                Staff.hsa_id.in_(
                    select(Question.responsible_id).where(Question.unit_id == user.unit.hsa_id)
                )
            )
            .order_by(Staff.family_name, Staff.given_name)
        )
        with self._store.failures_reported(), self._store.engine.connect() as connection:
            return [(r[0], f"{r[1]} {r[2]}") for r in connection.execute(query)]
