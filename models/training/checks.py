"""Grading an exercise ("Rätta"): every check evaluated on the data, in order, each with a
Swedish explanation of what is missing when it fails.

The condition language is in ``check_spec.py``; what is read from the store, in
``grading_data.py``; the kinds are graded by ``certificate_checks.py``, ``answer_checks.py``
and ``question_checks.py``. Grading only reads, in one session, and needs no Qt: the desktop
runs it off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from models.clock import Clock
from models.definitions.kind_checks import DiagnosisExists
from models.definitions.schema import Definition
from models.store.engine import Store
from models.training import answer_checks, question_checks
from models.training.attempt import Attempt
from models.training.certificate_checks import CertificateGrader
from models.training.check_spec import (
    AnswerCheck,
    CertificateCheck,
    Check,
    DiagnosisCheck,
    QuestionCheck,
    SickLeaveCheck,
)
from models.training.exercises import Exercise
from models.training.grading_data import CertificateFacts, GradingData, read_grading_data

#: Said of a check on a certificate that no earlier check found.
NOTHING_TO_CHECK = "Kan inte kontrolleras eftersom intyget saknas (se ovan)."


@dataclass(frozen=True)
class CheckResult:
    """One check as the panel shows it: the statement, whether it holds, and if not, what is
    missing (Swedish)."""

    text: str
    passed: bool
    explanation: str = ""


@dataclass(frozen=True)
class Grade:
    """The result of "Rätta": one result per check, in the exercise's order."""

    results: tuple[CheckResult, ...]

    @property
    def passed(self) -> bool:
        return all(result.passed for result in self.results)

    @property
    def passed_count(self) -> int:
        return sum(result.passed for result in self.results)

    @property
    def summary(self) -> str:
        """ "Alla 4 kontroller är godkända." or "2 av 4 kontroller är godkända."."""
        total = len(self.results)
        if self.passed:
            return f"Alla {total} kontroller är godkända. Bra gjort!"
        return f"{self.passed_count} av {total} kontroller är godkända."


def _patients(checks: tuple[Check, ...]) -> set[str]:
    return {c.patient for c in checks if isinstance(c, CertificateCheck | QuestionCheck)}


def grade(
    exercise: Exercise,
    attempt: Attempt,
    store: Store,
    clock: Clock,
    definitions: Mapping[str, Definition],
    *,
    diagnosis_exists: DiagnosisExists | None = None,
) -> Grade:
    """Evaluate every check of ``exercise`` on the data, for the attempt under way."""
    data = read_grading_data(store, clock, attempt, _patients(exercise.checks))
    return grade_data(
        exercise, attempt, data, clock, definitions, diagnosis_exists=diagnosis_exists
    )


def grade_data(
    exercise: Exercise,
    attempt: Attempt,
    data: GradingData,
    clock: Clock,
    definitions: Mapping[str, Definition],
    *,
    diagnosis_exists: DiagnosisExists | None = None,
) -> Grade:
    """Evaluate the checks on data already read."""
    bound: dict[str, CertificateFacts | None] = {}
    certificates = CertificateGrader(definitions, data.certificates, bound)
    results: list[CheckResult] = []
    for check in exercise.checks:
        if isinstance(check, CertificateCheck):
            verdict = certificates.grade(check)
            if check.bind is not None:
                bound[check.bind] = verdict.found
            results.append(CheckResult(verdict.text, verdict.passed, verdict.explanation))
            continue
        if isinstance(check, QuestionCheck):
            results.append(CheckResult(*question_checks.question(check, data, bound)))
            continue
        definition = definitions[exercise.certificate_type(check.of) or ""]
        text = answer_checks.statement(check, definition, attempt.start_date)
        certificate = bound.get(check.of)
        if certificate is None:
            results.append(CheckResult(text, False, NOTHING_TO_CHECK))
            continue
        if isinstance(check, DiagnosisCheck):
            passed, why = answer_checks.diagnosis(check, certificate, definition)
        elif isinstance(check, SickLeaveCheck):
            passed, why = answer_checks.sick_leave(
                check, certificate, definition, attempt.start_date
            )
        elif isinstance(check, AnswerCheck):
            passed, why = answer_checks.answer(check, certificate, definition)
        else:
            passed, why = answer_checks.no_errors(
                certificate,
                definition,
                data.patients.get(certificate.person_id),
                clock.today(),
                diagnosis_exists,
            )
        results.append(CheckResult(text, passed, why))
    return Grade(tuple(results))
