"""Doing exercises through the services, as a student would through the window."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select

from models.clock import FixedClock
from models.definitions.loader import shipped_definitions
from models.events import ChangeBus
from models.patients import PatientService
from models.reference.diagnoses import icd10se
from models.staff import StaffDirectory, UserContext
from models.store import Store
from models.store.schema import Certificate, Patient, Question
from models.training.attempt import Attempt, begin
from models.training.checks import Grade, grade
from models.training.exercises import Exercise, exercise
from models.training.reset import reset_to
from models.training.scenarios import scenario
from models.workflow.certificates import CertificateService
from models.workflow.lifecycle import Lifecycle, lifecycle
from models.workflow.siths import TRAINING_PIN, SithsCard
from tests.conftest import BEFATTNINGAR, DOCTOR, SECRETARY, TESTENHET_17

TOLVAN = "191212121212"
ERIK = "198001139297"
NOWAK = "197001782395"
EULALA = "199905152477"
TEST_TAKECARE = "199905152402"
GRETA = "194001079120"


class Student:
    """Starts an exercise (reset + attempt), does its steps through the services, grades it."""

    def __init__(self, store: Store, clock: FixedClock) -> None:
        self.store = store
        self.clock = clock
        self.definitions = shipped_definitions()
        bus = ChangeBus()
        self.certificates = CertificateService(store, clock, self.definitions, bus)
        self.patients = PatientService(store, clock)
        self.life: Lifecycle = lifecycle(
            store, clock, self.definitions, bus, diagnosis_exists=icd10se().exists
        )
        self._directory = StaffDirectory(store, BEFATTNINGAR)
        self.exercise: Exercise | None = None
        self.attempt: Attempt | None = None

    # -- the course --------------------------------------------------------------------------

    def start(self, exercise_id: str) -> Exercise:
        self.exercise = exercise(exercise_id)
        reset_to(self.store, self.clock, scenario(self.exercise.scenario))
        self.attempt = begin(self.store, self.clock, exercise_id)
        return self.exercise

    def grade(self) -> Grade:
        assert self.exercise is not None and self.attempt is not None
        return grade(
            self.exercise,
            self.attempt,
            self.store,
            self.clock,
            self.definitions,
            diagnosis_exists=icd10se().exists,
        )

    def failures(self) -> list[tuple[str, str]]:
        """(statement, explanation) of every failed check."""
        return [(r.text, r.explanation) for r in self.grade().results if not r.passed]

    # -- people ------------------------------------------------------------------------------

    @property
    def doctor(self) -> UserContext:
        return self._directory.login(DOCTOR, TESTENHET_17)

    @property
    def secretary(self) -> UserContext:
        return self._directory.login(SECRETARY, TESTENHET_17)

    # -- what a student does -----------------------------------------------------------------

    def today(self, days: int = 0) -> str:
        return (self.clock.today() + dt.timedelta(days=days)).isoformat()

    def create(self, user: UserContext, person_id: str, type_code: str) -> str:
        patient = self.patients.open_journal(user, person_id)
        return self.certificates.create_draft(user, patient, type_code).id

    def version(self, certificate_id: str) -> int:
        with self.store.session() as session:
            row = session.get(Certificate, certificate_id)
            assert row is not None
            return row.version

    def content(self, certificate_id: str) -> dict[str, Any]:
        with self.store.session() as session:
            row = session.get(Certificate, certificate_id)
            assert row is not None
            return dict(row.content)

    def fill(self, user: UserContext, certificate_id: str, answers: Mapping[str, Any]) -> None:
        """Change the answers given (None clears one), as the editor's autosave does."""
        content = {**self.content(certificate_id), **answers}
        self.life.drafts.save(user, certificate_id, content, self.version(certificate_id))

    def sign(self, user: UserContext, certificate_id: str) -> None:
        signature = SithsCard(user, self.clock).enter_pin(TRAINING_PIN)
        self.life.signing.sign(user, certificate_id, self.version(certificate_id), signature)

    def send(self, user: UserContext, certificate_id: str) -> None:
        self.life.signing.send(user, certificate_id, patient_consent=True)

    # -- finding what the scenario made ------------------------------------------------------

    def certificate_of(self, person_id: str, type_code: str = "fk7804") -> str:
        """The id of the patient's only certificate of the type."""
        with self.store.session() as session:
            found = list(
                session.scalars(
                    select(Certificate.id)
                    .join(Patient, Patient.id == Certificate.patient_id)
                    .where(Patient.person_id == person_id, Certificate.type_code == type_code)
                )
            )
        assert len(found) == 1, found
        return found[0]

    def question_of(self, certificate_id: str, subject: str) -> str:
        with self.store.session() as session:
            found = session.scalar(
                select(Question.id).where(
                    Question.certificate_id == certificate_id, Question.subject == subject
                )
            )
        assert found is not None
        return found


def lisjp(
    student: Student, *, code: str, periods: Mapping[str, Any], **more: Any
) -> dict[str, Any]:
    """The answers of a complete FK7804 written today, with this diagnosis and these periods."""
    answers: dict[str, Any] = {
        "1": {"FYSISKUNDERSOKNING": student.today()},
        "28": ["NUVARANDE_ARBETE"],
        "29": "Arbetar heltid.",
        "6": [{"code": code, "text": "Diagnos"}],
        "35": "Tydliga fynd vid undersökningen.",
        "17": "Klarar inte sina arbetsuppgifter.",
        "19": "Behandling pågår.",
        "32": dict(periods),
        "39": "STOR_SANNOLIKHET",
    }
    if any(degree != "HELT_NEDSATT" for degree in periods):
        answers["33"] = False
    answers.update(more)
    return answers


def period(student: Student, first: int, days: int) -> dict[str, str]:
    """{"from", "to"}: ``days`` days from today + ``first``."""
    return {"from": student.today(first), "to": student.today(first + days - 1)}


def passes(student: Student) -> None:
    """Every check of the exercise holds, and the panel's summary says so."""
    grade = student.grade()
    assert [r for r in grade.results if not r.passed] == []
    assert grade.passed
    assert grade.summary == f"Alla {len(grade.results)} kontroller är godkända. Bra gjort!"
