"""The list "Fråga/svar via Webcert" over 20,000 unhandled questions in a unit.

Targets: the first page opens in at most 150 ms and a filter answers in at most 50 ms
(median), on SQLite and on PostgreSQL. Measured on the model layer (the query the dock's model
calls), with the badge count the dock shows next to it. Under ``make test`` (benchmarks
disabled) the same code runs once on 1,000 questions.
"""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from pytest_benchmark.fixture import BenchmarkFixture
from sqlalchemy import insert, text

from models.staff import UserContext
from models.store import Store
from models.store.schema import Certificate, CertificateStatus, Question
from models.workflow.question_list import Measure, QuestionFilters, QuestionList, Sender
from tests.conftest import DOCTOR, TESTENHET_17
from tests.factories import patient_id

#: Seeded patients without protected identity (the questions are spread over them).
PERSONS = ("191212121212", "199905152477", "199905152402", "198001139297", "200201012390")
SUBJECTS = ("KOMPLT", "KONTKT", "AVSTMN", "OVRIGT")
PAGE = 200


def full_size(benchmark: BenchmarkFixture) -> bool:
    return not benchmark.disabled


def bulk_questions(store: Store, count: int) -> None:
    """``count`` unhandled questions at Testenhet 17: two on most certificates, some on one,
    from FK and from care, with and without "svara senast" (Core inserts, one transaction)."""
    patients = [patient_id(store, person) for person in PERSONS]
    base = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    certificates: list[dict[str, object]] = []
    questions: list[dict[str, object]] = []
    n = 0
    while len(questions) < count:
        at = base + dt.timedelta(minutes=n)
        certificate_id = str(uuid.uuid4())
        patient = patients[n % len(patients)]
        certificates.append(
            {
                "id": certificate_id,
                "type_code": "fk7804",
                "type_version": "1.0",
                "patient_id": patient,
                "unit_id": TESTENHET_17,
                "author_id": DOCTOR,
                "signing_responsible_id": DOCTOR,
                "status": CertificateStatus.SIGNED.value,
                "content": {},
                "is_empty": False,
                "version": 1,
                "created_at": at,
                "updated_at": at,
                "signed_at": at,
                "signed_by_id": DOCTOR,
                "sent_at": at,
                "sent_to": "FKASSA",
            }
        )
        for k in range(1 if n % 3 == 0 else 2):
            from_fk = (n + k) % 4 != 3
            questions.append(
                {
                    "id": str(uuid.uuid4()),
                    "certificate_id": certificate_id,
                    "unit_id": TESTENHET_17,
                    "patient_id": patient,
                    "responsible_id": DOCTOR,
                    "type_code": "fk7804",
                    "direction": "FK" if from_fk else "VARD",
                    "subject": SUBJECTS[(n + k) % 4] if from_fk else "KONTKT",
                    "text": "Fråga",
                    "author": "Försäkringskassan",
                    "sent_at": at + dt.timedelta(seconds=k),
                    "last_date_to_reply": dt.date(2026, 3, 1) if from_fk else None,
                    "status": "PENDING_INTERNAL_ACTION" if from_fk else "PENDING_EXTERNAL_ACTION",
                    "last_activity_at": at + dt.timedelta(seconds=k),
                    "draft_version": 0,
                }
            )
        n += 1
    questions = questions[:count]
    with store.transaction() as session:
        for start in range(0, len(certificates), 5000):
            session.execute(insert(Certificate), certificates[start : start + 5000])
        for start in range(0, len(questions), 5000):
            session.execute(insert(Question), questions[start : start + 5000])
    if store.url.get_backend_name() == "postgresql":
        # What autovacuum does shortly after a bulk load: statistics and the visibility map.
        with store.engine.connect() as connection:
            connection.execution_options(isolation_level="AUTOCOMMIT").execute(
                text("VACUUM ANALYZE questions")
            )


@pytest.fixture
def question_list(store: Store, certificates: object) -> QuestionList:
    from models.definitions.loader import shipped_definitions

    return QuestionList(store, shipped_definitions())


def test_first_page_over_20000_unhandled_questions(
    benchmark: BenchmarkFixture, store: Store, question_list: QuestionList, doctor: UserContext
) -> None:
    count = 20_000 if full_size(benchmark) else 1_000
    bulk_questions(store, count)

    def open_list() -> tuple[int, int]:
        rows = question_list.rows(doctor, "unit", limit=PAGE)
        return len(rows), question_list.count_unhandled(doctor, "unit")

    shown, badge = benchmark(open_list)
    assert shown == PAGE
    assert badge > count // 2  # one row per certificate


@pytest.mark.parametrize(
    "filters",
    [
        QuestionFilters(Measure.COMPLEMENT, Sender.FK),
        QuestionFilters(person_id="19990515-2477"),
        QuestionFilters(Measure.AWAIT_ANSWER, date_from=dt.date(2026, 1, 1)),
    ],
    ids=["komplettera", "patient", "invanta-svar-datum"],
)
def test_a_filter_over_20000_unhandled_questions(
    benchmark: BenchmarkFixture,
    store: Store,
    question_list: QuestionList,
    doctor: UserContext,
    filters: QuestionFilters,
) -> None:
    count = 20_000 if full_size(benchmark) else 1_000
    bulk_questions(store, count)

    def filtered() -> int:
        return len(question_list.rows(doctor, "unit", limit=PAGE, filters=filters))

    assert 0 < benchmark(filtered) <= PAGE
