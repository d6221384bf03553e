"""Every shipped exercise: done right through the services it passes every check; done wrong it
fails with the explanation a student would read in the panel."""

from __future__ import annotations

import datetime as dt

import pytest

from models.clock import FixedClock
from models.store import Store
from models.training.checks import NOTHING_TO_CHECK
from models.workflow.complement import CannotComplementReason
from models.workflow.revoking import RevokeReason
from tests.conftest import DOCTOR
from tests.models.definitions.types import samples
from tests.models.training.exercise_support import (
    ERIK,
    EULALA,
    GRETA,
    NOWAK,
    TEST_TAKECARE,
    TOLVAN,
    Student,
    lisjp,
    period,
)


@pytest.fixture
def student(store: Store, clock: FixedClock) -> Student:
    return Student(store, clock)


def passes(student: Student) -> None:
    grade = student.grade()
    assert [r for r in grade.results if not r.passed] == []
    assert grade.passed
    assert grade.summary == f"Alla {len(grade.results)} kontroller är godkända. Bra gjort!"


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
            "har skrivits av en vårdadministratör och som har markerats klart för signering och "
            "som har signerats av en läkare.",
            "Det finns inget signerat läkarintyg för sjukpenning (FK 7804) för 19800113-9297 som "
            "har skrivits av en vårdadministratör och som har markerats klart för signering och "
            "som har signerats av en läkare. Intyget som finns skrevs inte av en "
            "vårdadministratör utan av en läkare och har aldrig markerats klart för signering.",
        )
    ]


def test_marked_ready_but_not_signed_fails(student: Student) -> None:
    draft = secretary_draft(student)
    student.life.drafts.mark_ready_for_signing(student.secretary, draft, responsible_id=DOCTOR)
    explanation = student.failures()[0][1]
    assert explanation.endswith(
        "Utkastet som finns är inte signerat och har inte signerats av en läkare."
    )


# 3. Skicka med samtycke --------------------------------------------------------------------------


def test_sending_with_consent_passes(student: Student) -> None:
    student.start("03-skicka-med-samtycke")
    student.send(student.doctor, student.certificate_of(NOWAK))
    passes(student)


def test_not_sent_fails(student: Student) -> None:
    student.start("03-skicka-med-samtycke")
    assert student.failures() == [
        (
            "Det finns ett signerat läkarintyg för sjukpenning (FK 7804) för 19700178-2395 som "
            "är skickat till Försäkringskassan och som skickades med patientens samtycke.",
            "Det finns inget signerat läkarintyg för sjukpenning (FK 7804) för 19700178-2395 "
            "som är skickat till Försäkringskassan och som skickades med patientens samtycke. "
            "Intyget som finns är inte skickat till Försäkringskassan och skickades inte med "
            "patientens samtycke.",
        )
    ]


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
            "Det finns ett signerat Transportstyrelsens läkarintyg (TSTRK 1007) för "
            "19800113-9297 som är skickat till Transportstyrelsen.",
            "Det finns inget signerat Transportstyrelsens läkarintyg (TSTRK 1007) för "
            "19800113-9297 som är skickat till Transportstyrelsen. Intyget som finns är inte "
            "skickat till Transportstyrelsen.",
        ),
        ("”Intyget avser” omfattar C, CE.", "I ”Intyget avser” saknas CE."),
        (
            "”Behörigheter som kraven är uppfyllda för” omfattar C, CE.",
            "I ”Behörigheter som kraven är uppfyllda för” saknas CE.",
        ),
    ]


# 5. Förnya --------------------------------------------------------------------------------------


def renewal_answers(student: Student) -> dict[str, object]:
    return {
        "1": {"FYSISKUNDERSOKNING": student.today()},
        "32": {"EN_FJARDEDEL": period(student, 22, 14)},
        "33": False,
        "39": "STOR_SANNOLIKHET",
    }


def test_renewing_passes(student: Student) -> None:
    student.start("05-fornya-lisjp")
    doctor = student.doctor
    renewal = student.life.derived.renew(doctor, student.certificate_of(ERIK)).row.id
    student.fill(doctor, renewal, renewal_answers(student))
    student.sign(doctor, renewal)
    student.send(doctor, renewal)
    passes(student)


def test_a_new_certificate_instead_of_a_renewal_fails(student: Student) -> None:
    student.start("05-fornya-lisjp")
    doctor = student.doctor
    draft = student.create(doctor, ERIK, "fk7804")
    answers = lisjp(student, code="M54.4", periods={"EN_FJARDEDEL": period(student, 22, 14)})
    student.fill(doctor, draft, answers)
    student.sign(doctor, draft)
    student.send(doctor, draft)
    assert student.failures() == [
        (
            "Det finns ett signerat läkarintyg för sjukpenning (FK 7804) för 19800113-9297 som "
            "förnyar ett tidigare intyg och som är skickat till Försäkringskassan.",
            "Det finns inget signerat läkarintyg för sjukpenning (FK 7804) för 19800113-9297 "
            "som förnyar ett tidigare intyg och som är skickat till Försäkringskassan. "
            "Intyget som finns förnyar inte ett tidigare intyg.",
        )
    ]


def test_renewal_that_overlaps_the_old_period_fails(student: Student) -> None:
    student.start("05-fornya-lisjp")
    doctor = student.doctor
    renewal = student.life.derived.renew(doctor, student.certificate_of(ERIK)).row.id
    answers = {**renewal_answers(student), "32": {"EN_FJARDEDEL": period(student, 0, 14)}}
    student.fill(doctor, renewal, answers)
    student.sign(doctor, renewal)
    student.send(doctor, renewal)
    assert student.failures() == [
        (
            "Arbetsförmågan är nedsatt med 25 procent i 14 dagar, från dagen efter att det "
            "förra intyget slutar.",
            "Perioden med 25 procent är 2026-11-27 – 2026-12-10, men ska vara "
            "2026-12-19 – 2027-01-01 (14 dagar).",
        )
    ]


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
        "kompletterar ett tidigare intyg och som är skickat till Försäkringskassan. Intyget "
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


# 8. Makulera fel patient ------------------------------------------------------------------------


def right_patient(student: Student) -> None:
    doctor = student.doctor
    draft = student.create(doctor, TEST_TAKECARE, "fk7804")
    periods = {"HELT_NEDSATT": period(student, -1, 8)}
    student.fill(doctor, draft, lisjp(student, code="J03.9", periods=periods))
    student.sign(doctor, draft)
    student.send(doctor, draft)


def test_revoking_and_rewriting_passes(student: Student) -> None:
    student.start("08-makulera-fel-patient")
    student.life.revoking.revoke(
        student.doctor, student.certificate_of(EULALA), RevokeReason.FEL_PATIENT
    )
    right_patient(student)
    passes(student)


def test_revoking_for_another_reason_fails(student: Student) -> None:
    student.start("08-makulera-fel-patient")
    student.life.revoking.revoke(
        student.doctor,
        student.certificate_of(EULALA),
        RevokeReason.ANNAT_ALLVARLIGT_FEL,
        "Fel journal.",
    )
    right_patient(student)
    assert student.failures() == [
        (
            "Intyget på Eulåla Nilsson (19990515-2477) är makulerat med anledningen ”Intyget "
            "har utfärdats på fel patient”.",
            "Det finns inget makulerat läkarintyg för sjukpenning (FK 7804) för 19990515-2477 "
            "med anledningen ”Intyget har utfärdats på fel patient”. Intyget som finns "
            "makulerades med anledningen ”Annat allvarligt fel”.",
        )
    ]


def test_not_revoking_fails(student: Student) -> None:
    student.start("08-makulera-fel-patient")
    right_patient(student)
    assert student.failures()[0][1].endswith(
        "Intyget som finns är inte makulerat och makulerades inte med den anledningen."
    )


# 9. Kopiera låst utkast -------------------------------------------------------------------------


def complete_copy(student: Student, draft: str) -> None:
    doctor = student.doctor
    student.fill(
        doctor,
        draft,
        {
            "1": {"FYSISKUNDERSOKNING": student.today()},
            "35": "Kognitiv trötthet, minnes- och koncentrationssvårigheter.",
            "17": "Klarar inte att planera och leda barngruppen.",
            "19": "Samtalsbehandling.",
            "32": {"HALFTEN": period(student, 0, 28)},
            "33": False,
            "39": "STOR_SANNOLIKHET",
        },
    )
    student.sign(doctor, draft)
    student.send(doctor, draft)


def test_copying_the_locked_draft_passes(student: Student) -> None:
    student.start("09-kopiera-last-utkast")
    copy = student.life.derived.copy(student.doctor, student.certificate_of(EULALA)).row.id
    complete_copy(student, copy)
    passes(student)


def test_writing_a_new_draft_instead_of_copying_fails(student: Student) -> None:
    student.start("09-kopiera-last-utkast")
    draft = student.create(student.doctor, EULALA, "fk7804")
    student.fill(student.doctor, draft, lisjp(student, code="F43.8A", periods={}))
    complete_copy(student, draft)
    assert student.failures() == [
        (
            "Det finns ett signerat läkarintyg för sjukpenning (FK 7804) för 19990515-2477 som "
            "är en kopia av ett låst utkast och som är skickat till Försäkringskassan.",
            "Det finns inget signerat läkarintyg för sjukpenning (FK 7804) för 19990515-2477 "
            "som är en kopia av ett låst utkast och som är skickat till Försäkringskassan. "
            "Intyget som finns är inte en kopia av ett låst utkast.",
        )
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
            "intyget ovan och som är skickat till Socialstyrelsen.",
            "Det finns inget signerat dödsorsaksintyg (DOI) för 19400107-9120 som är skapat "
            "från intyget ovan och som är skickat till Socialstyrelsen. Intyget som finns är "
            "inte skapat från intyget ovan.",
        )
    ]
