"""Exercises that write a certificate from the start (1 first LISJP, 2 a secretary's draft
signed by the doctor, 4 TS-bas, 10 DB then DOI): done right through the services they pass every
check; done wrong they fail with the explanation a student would read in the panel."""

from __future__ import annotations

import datetime as dt

from models.training.checks import NOTHING_TO_CHECK
from tests.conftest import DOCTOR
from tests.models.definitions.types import samples
from tests.models.training.exercise_support import (
    ERIK,
    GRETA,
    TOLVAN,
    Student,
    lisjp,
    passes,
    period,
)

# 1. Ditt första läkarintyg för sjukpenning ------------------------------------------------------


def first_lisjp(student: Student, code: str = "F32.1", days: int = 14) -> str:
    student.start("01-forsta-lisjp")
    doctor = student.doctor
    draft = student.create(doctor, TOLVAN, "fk7804")
    student.fill(
        doctor, draft, lisjp(student, code=code, periods={"HALFTEN": period(student, 0, days)})
    )
    return draft


def test_first_lisjp_passes(student: Student) -> None:
    draft = first_lisjp(student)
    student.sign(student.doctor, draft)
    passes(student)


def test_first_lisjp_left_unsigned_says_so(student: Student) -> None:
    first_lisjp(student)
    assert student.failures() == [
        (
            "Det finns ett signerat läkarintyg för sjukpenning (FK 7804) för 19121212-1212.",
            "Det finns inget signerat läkarintyg för sjukpenning (FK 7804) för 19121212-1212. "
            "Utkastet som finns är inte signerat.",
        )
    ]


def test_first_lisjp_with_wrong_diagnosis_and_length(student: Student) -> None:
    draft = first_lisjp(student, code="F32.0", days=15)
    student.sign(student.doctor, draft)
    assert student.failures() == [
        ("Huvuddiagnosen är F32.1.", "Huvuddiagnosen är F32.0, men ska vara F32.1."),
        (
            "Arbetsförmågan är nedsatt med 50 procent i 14 dagar från övningens första dag "
            "(2026-11-27 – 2026-12-10).",
            "Perioden med 50 procent är 2026-11-27 – 2026-12-11, men ska vara "
            "2026-11-27 – 2026-12-10 (14 dagar).",
        ),
    ]


def test_nothing_done_fails_every_check_and_says_why(student: Student) -> None:
    student.start("01-forsta-lisjp")
    results = student.grade().results
    assert [r.passed for r in results] == [False] * 4
    assert results[0].explanation == (
        "Det finns inget signerat läkarintyg för sjukpenning (FK 7804) för 19121212-1212."
    )
    assert {r.explanation for r in results[1:]} == {NOTHING_TO_CHECK}
    assert student.grade().summary == "0 av 4 kontroller är godkända."


def test_incomplete_draft_names_its_errors(student: Student) -> None:
    draft = first_lisjp(student)
    student.fill(student.doctor, draft, {"39": None, "35": None})
    result = student.grade().results[3]
    assert not result.passed
    assert result.explanation.startswith("Intyget har 2 fel: ")
    assert "Ange ett svar." in result.explanation or "Välj ett alternativ." in result.explanation


def test_the_period_counts_from_the_day_the_exercise_started(student: Student) -> None:
    """Time travel after the start does not move "from today"."""
    draft = first_lisjp(student)
    student.sign(student.doctor, draft)
    student.clock.advance(dt.timedelta(days=3))
    assert student.grade().passed


# 2. Vårdadministratören förbereder, läkaren signerar --------------------------------------------


def secretary_draft(student: Student) -> str:
    student.start("02-vardadministrator-och-lakare")
    secretary = student.secretary
    draft = student.create(secretary, ERIK, "fk7804")
    answers = lisjp(student, code="M54.4", periods={"HELT_NEDSATT": period(student, 0, 7)})
    student.fill(secretary, draft, answers)
    return draft


def test_secretary_drafts_and_doctor_signs_passes(student: Student) -> None:
    draft = secretary_draft(student)
    student.life.drafts.mark_ready_for_signing(student.secretary, draft, responsible_id=DOCTOR)
    student.sign(student.doctor, draft)
    passes(student)


def test_doctor_writing_it_alone_fails(student: Student) -> None:
    student.start("02-vardadministrator-och-lakare")
    doctor = student.doctor
    draft = student.create(doctor, ERIK, "fk7804")
    periods = {"HELT_NEDSATT": period(student, 0, 7)}
    student.fill(doctor, draft, lisjp(student, code="M54.4", periods=periods))
    student.sign(doctor, draft)
    assert student.failures() == [
        (
            "Det finns ett signerat läkarintyg för sjukpenning (FK 7804) för 19800113-9297 som "
            "har skrivits av en vårdadministratör, har markerats klart för signering och har "
            "signerats av en läkare.",
            "Det finns inget signerat läkarintyg för sjukpenning (FK 7804) för 19800113-9297 som "
            "har skrivits av en vårdadministratör, har markerats klart för signering och har "
            "signerats av en läkare. Intyget som finns skrevs inte av en "
            "vårdadministratör utan av en läkare och har aldrig markerats klart för signering.",
        )
    ]


def test_marked_ready_but_not_signed_fails(student: Student) -> None:
    draft = secretary_draft(student)
    student.life.drafts.mark_ready_for_signing(student.secretary, draft, responsible_id=DOCTOR)
    explanation = student.failures()[0][1]
    assert explanation.endswith("Utkastet som finns är inte signerat.")


# 4. TS-bas --------------------------------------------------------------------------------------


def ts_bas(student: Student, **changes: object) -> str:
    student.start("04-ts-bas")
    doctor = student.doctor
    draft = student.create(doctor, ERIK, "ts-bas")
    student.fill(doctor, draft, {**samples.ts_bas(), **changes})
    student.sign(doctor, draft)
    return draft


def test_ts_bas_passes(student: Student) -> None:
    draft = ts_bas(student)
    student.send(student.doctor, draft)
    passes(student)


def test_ts_bas_for_the_wrong_licence_unsent(student: Student) -> None:
    ts_bas(student, **{"1": ["IAV3"], "45": ["VAR3"]})
    assert student.failures() == [
        (
            "Det finns ett signerat intyg av typen Transportstyrelsens läkarintyg (TSTRK 1007) för "
            "19800113-9297 som är skickat till Transportstyrelsen.",
            "Det finns inget signerat intyg av typen Transportstyrelsens läkarintyg (TSTRK 1007) "
            "för 19800113-9297 som är skickat till Transportstyrelsen. Intyget som finns är inte "
            "skickat till Transportstyrelsen.",
        ),
        ("”Intyget avser” omfattar C, CE.", "I ”Intyget avser” saknas CE."),
        (
            "”Behörigheter som kraven är uppfyllda för” omfattar C, CE.",
            "I ”Behörigheter som kraven är uppfyllda för” saknas CE.",
        ),
    ]


# 10. DB och DOI ---------------------------------------------------------------------------------


def death_certificate(student: Student) -> str:
    student.start("10-dodsbevis-och-dodsorsaksintyg")
    doctor = student.doctor
    db = student.create(doctor, GRETA, "db")
    student.fill(doctor, db, {**samples.db(), "2.2": student.today(-1)})
    student.sign(doctor, db)
    return db


def doi_answers(student: Student) -> dict[str, object]:
    return {
        "8": {"description": "Hjärtsvikt", "debut": "2020-01-01", "specification": "KRONISK"},
        "11": "NEJ",
        "12": False,
        "13": ["UNDERSOKNING_FORE_DODEN"],
    }


def test_db_then_doi_from_it_passes(student: Student) -> None:
    db = death_certificate(student)
    doi = student.life.derived.create_from(student.doctor, db).row.id
    student.fill(student.doctor, doi, doi_answers(student))
    student.sign(student.doctor, doi)
    passes(student)


def test_doi_not_made_from_the_db_fails(student: Student) -> None:
    death_certificate(student)
    doctor = student.doctor
    doi = student.create(doctor, GRETA, "doi")
    answers = {**samples.db(), **doi_answers(student), "2.2": student.today(-1)}
    for db_only in ("5", "5.2", "6", "7"):
        answers.pop(db_only)
    student.fill(doctor, doi, answers)
    student.sign(doctor, doi)
    assert student.failures() == [
        (
            "Det finns ett signerat dödsorsaksintyg (DOI) för 19400107-9120 som är skapat från "
            "intyget ovan och är skickat till Socialstyrelsen.",
            "Det finns inget signerat dödsorsaksintyg (DOI) för 19400107-9120 som är skapat "
            "från intyget ovan och är skickat till Socialstyrelsen. Intyget som finns är "
            "inte skapat från intyget ovan.",
        )
    ]
