"""Exercises that answer Försäkringskassan (6 a complement request, 7 a question about an
avstämningsmöte): done right they pass every check; done wrong they fail with the explanation
a student would read in the panel."""

from __future__ import annotations

from models.training.exercises import Exercise
from models.workflow.complement import CannotComplementReason
from tests.models.training.exercise_support import (
    ERIK,
    TOLVAN,
    Student,
    passes,
)

# 6. Komplettering -------------------------------------------------------------------------------


def test_complementing_passes(student: Student) -> None:
    student.start("06-besvara-komplettering")
    doctor = student.doctor
    draft = student.life.complements.complement(doctor, student.certificate_of(TOLVAN)).row.id
    student.fill(doctor, draft, {"35": "MADRS-S 28 poäng; psykomotoriskt långsam."})
    student.sign(doctor, draft)
    passes(student)


def test_answering_with_a_message_instead_fails(student: Student) -> None:
    student.start("06-besvara-komplettering")
    student.life.complements.cannot_complement(
        student.doctor,
        student.certificate_of(TOLVAN),
        CannotComplementReason.NO_RESPONSIBLE,
        "Läkaren har slutat.",
    )
    failures = student.failures()
    assert failures[1] == (
        "Kompletteringsbegäran från Försäkringskassan om intyget för 19121212-1212 är besvarad "
        "med ett nytt intyg.",
        "Kompletteringsbegäran besvarades med ett meddelande, inte med ett nytt intyg.",
    )
    assert failures[0][1] == (
        "Det finns inget signerat läkarintyg för sjukpenning (FK 7804) för 19121212-1212 som "
        "kompletterar ett tidigare intyg och är skickat till Försäkringskassan. Intyget "
        "som finns fanns redan när övningen startade."
    )


def test_an_unsigned_complement_leaves_the_request_open(student: Student) -> None:
    student.start("06-besvara-komplettering")
    student.life.complements.complement(student.doctor, student.certificate_of(TOLVAN))
    assert student.failures()[1][1] == (
        "Kompletteringsbegäran är inte besvarad: den är fortfarande ohanterad."
    )


# 7. Fråga från FK -------------------------------------------------------------------------------


def test_answering_the_question_passes(student: Student) -> None:
    student.start("07-besvara-fraga-fran-fk")
    question = student.question_of(student.certificate_of(ERIK), "AVSTMN")
    student.life.questions.send_answer(student.doctor, question, "Jag kan på tisdag kl. 14.")
    passes(student)


def test_marking_the_question_handled_without_answering_fails(student: Student) -> None:
    student.start("07-besvara-fraga-fran-fk")
    question = student.question_of(student.certificate_of(ERIK), "AVSTMN")
    student.life.questions.set_handled(student.doctor, question, True)
    assert student.failures() == [
        (
            "Frågan om avstämningsmöte från Försäkringskassan om intyget för 19800113-9297 är "
            "besvarad.",
            "Frågan om avstämningsmöte är markerad som hanterad men har inte besvarats med ett "
            "svar.",
        )
    ]


def test_a_question_only_to_be_handled_says_it_is_not_handled(student: Student) -> None:
    chosen = student.start("07-besvara-fraga-fran-fk")
    handled = {"kind": "question", "patient": "19800113-9297", "subject": "AVSTMN"}
    student.exercise = Exercise.model_validate(
        {
            **chosen.model_dump(exclude={"checks"}),
            "checks": [{**handled, "outcome": "handled"}],
        }
    )
    assert student.failures() == [
        (
            "Frågan om avstämningsmöte från Försäkringskassan om intyget för 19800113-9297 är "
            "hanterad.",
            "Frågan om avstämningsmöte är inte markerad som hanterad.",
        )
    ]
    question = student.question_of(student.certificate_of(ERIK), "AVSTMN")
    student.life.questions.set_handled(student.doctor, question, True)
    passes(student)
