"""Exercises that follow up a certificate the scenario left (3 send with consent, 5 renew, 8 revoke
one issued on the wrong patient, 9 copy a locked draft): done right they pass every check; done
wrong they fail with the explanation a student would read in the panel."""

from __future__ import annotations

from models.workflow.revoking import RevokeReason
from tests.models.training.exercise_support import (
    ERIK,
    EULALA,
    NOWAK,
    TEST_TAKECARE,
    Student,
    lisjp,
    passes,
    period,
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
            "är skickat till Försäkringskassan med patientens samtycke.",
            "Det finns inget signerat läkarintyg för sjukpenning (FK 7804) för 19700178-2395 "
            "som är skickat till Försäkringskassan med patientens samtycke. "
            "Intyget som finns är inte skickat till Försäkringskassan.",
        )
    ]


# 5. Förnya --------------------------------------------------------------------------------------


def renew(student: Student, first_day: int) -> None:
    """Förnya Erik's certificate: 25 % for 14 days from today + ``first_day``; sign and send."""
    student.start("05-fornya-lisjp")
    doctor = student.doctor
    renewal = student.life.derived.renew(doctor, student.certificate_of(ERIK)).row.id
    answers = {
        "1": {"FYSISKUNDERSOKNING": student.today()},
        "32": {"EN_FJARDEDEL": period(student, first_day, 14)},
        "33": False,
        "39": "STOR_SANNOLIKHET",
    }
    student.fill(doctor, renewal, answers)
    student.sign(doctor, renewal)
    student.send(doctor, renewal)


def test_renewing_passes(student: Student) -> None:
    renew(student, first_day=22)  # the day after the old period ends
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
            "förnyar ett tidigare intyg och är skickat till Försäkringskassan.",
            "Det finns inget signerat läkarintyg för sjukpenning (FK 7804) för 19800113-9297 "
            "som förnyar ett tidigare intyg och är skickat till Försäkringskassan. "
            "Intyget som finns förnyar inte ett tidigare intyg.",
        )
    ]


def test_renewal_that_overlaps_the_old_period_fails(student: Student) -> None:
    renew(student, first_day=0)
    assert student.failures() == [
        (
            "Arbetsförmågan är nedsatt med 25 procent i 14 dagar, från dagen efter att det "
            "förra intyget slutar.",
            "Perioden med 25 procent är 2026-11-27 – 2026-12-10, men ska vara "
            "2026-12-19 – 2027-01-01 (14 dagar).",
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
    assert student.failures()[0][1].endswith("Intyget som finns är inte makulerat.")


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
            "är en kopia av ett låst utkast och är skickat till Försäkringskassan.",
            "Det finns inget signerat läkarintyg för sjukpenning (FK 7804) för 19990515-2477 "
            "som är en kopia av ett låst utkast och är skickat till Försäkringskassan. "
            "Intyget som finns är inte en kopia av ett låst utkast.",
        )
    ]
