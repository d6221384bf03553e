"""The list "Fråga/svar via Webcert": one row per certificate, its columns, scopes, the badge,
and the filters of "Ej hanterade ärenden" (WORKFLOW.md §4.6)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from models.clock import FixedClock
from models.staff import UserContext
from models.store import Store
from models.workflow.lifecycle import Lifecycle
from models.workflow.question_list import Measure, QuestionFilters, Sender
from tests.conftest import AT_DOCTOR, SECRETARY, SJOSTADEN, TESTENHET_17, TOLVAN
from tests.models.workflow.conftest import EULALA
from tests.models.workflow.questions_support import (
    CASEWORKER,
    DEADLINE,
    complement_request,
    sent_certificate,
)


def test_three_questions_make_one_row_that_stays_until_all_are_handled(
    life: Lifecycle, store: Store, doctor: UserContext, clock: FixedClock
) -> None:
    certificate_id = sent_certificate(store, life, doctor)
    first = life.fk.send_question(
        CASEWORKER, certificate_id, "KONTKT", "Ring.", last_date_to_reply=DEADLINE
    )
    clock.advance(dt.timedelta(minutes=5))
    request = complement_request(life, certificate_id)  # svara senast DEADLINE
    clock.advance(dt.timedelta(minutes=5))
    asked = life.questions.ask(doctor, certificate_id, "OVRIGT", "Fråga.")
    rows = life.question_list.rows(doctor, "unit")
    assert len(rows) == 1
    row = rows[0]
    assert (row.certificate_id, row.person_id, row.patient_name) == (
        certificate_id,
        TOLVAN,
        "Tolvan Tolvansson",
    )
    assert (row.kind, row.icon, row.unhandled) == ("Inkommen fråga/svar", "incoming", 3)
    assert row.type_name == "Läkarintyg för sjukpenning"
    assert row.responsible_name == "Karin Berg"
    assert (row.latest_at, row.last_date_to_reply) == (clock.now(), DEADLINE)
    assert life.question_list.count_unhandled(doctor, "unit") == 1
    life.questions.send_answer(doctor, first, "Jag ringer.")
    life.questions.set_handled(doctor, request, True, confirmed=True)
    row = life.question_list.rows(doctor, "unit")[0]
    assert (row.kind, row.icon, row.unhandled) == ("Skickad fråga", "awaiting", 1)
    assert row.last_date_to_reply is None  # the handled questions' deadlines no longer count
    life.fk.answer(CASEWORKER, asked, "Svar.")
    row = life.question_list.rows(doctor, "unit")[0]
    assert (row.kind, row.icon) == ("Inkommen fråga/svar", "incoming")
    life.questions.set_handled(doctor, asked, True)
    assert life.question_list.rows(doctor, "unit") == []
    assert life.question_list.count_unhandled(doctor, "unit") == 0
    handled = life.question_list.rows(doctor, "unit", filters=QuestionFilters(Measure.HANDLED))
    assert [(r.certificate_id, r.icon) for r in handled] == [(certificate_id, "handled")]


def test_a_reminder_attaches_to_its_question_and_moves_the_row_up(
    life: Lifecycle, store: Store, doctor: UserContext, clock: FixedClock
) -> None:
    older = sent_certificate(store, life, doctor)
    newer = sent_certificate(store, life, doctor, person=EULALA)
    question = life.fk.send_question(CASEWORKER, older, "KONTKT", "Ring.")
    clock.advance(dt.timedelta(minutes=1))
    life.fk.send_question(CASEWORKER, newer, "KONTKT", "Ring.")
    assert [r.certificate_id for r in life.question_list.rows(doctor, "unit")] == [newer, older]
    clock.advance(dt.timedelta(minutes=1))
    later = dt.date(2026, 12, 20)
    reminder = life.fk.send_reminder(CASEWORKER, question, "Vi väntar.", last_date_to_reply=later)
    rows = life.question_list.rows(doctor, "unit")
    assert [r.certificate_id for r in rows] == [older, newer]
    assert rows[0].unhandled == 1 and rows[0].last_date_to_reply == later
    card = life.questions.panel(doctor, older).administrative[0]
    assert [(r.id, r.text, r.author) for r in card.reminders] == [
        (reminder, "Vi väntar.", CASEWORKER)
    ]


def test_scopes_mine_unit_and_patient(
    life: Lifecycle,
    store: Store,
    doctor: UserContext,
    login: Callable[[str, str], UserContext],
) -> None:
    other_doctor = login(AT_DOCTOR, TESTENHET_17)
    mine = sent_certificate(store, life, doctor)
    theirs = sent_certificate(store, life, other_doctor, person=EULALA, responsible=AT_DOCTOR)
    for certificate_id in (mine, theirs):
        life.fk.send_question(CASEWORKER, certificate_id, "KONTKT", "Ring.")
    assert {r.certificate_id for r in life.question_list.rows(doctor, "unit")} == {mine, theirs}
    assert [r.certificate_id for r in life.question_list.rows(doctor, "mine")] == [mine]
    patient = life.question_list.rows(doctor, "unit")[0].patient_id
    by_patient = life.question_list.rows(doctor, "patient", patient_id=patient)
    assert len(by_patient) == 1 and by_patient[0].patient_id == patient
    assert life.question_list.rows(doctor, "patient") == []
    assert life.question_list.count_unhandled(doctor, "mine") == 1
    elsewhere = login(doctor.staff.hsa_id, SJOSTADEN)
    assert life.question_list.rows(elsewhere, "unit") == []
    signers = life.question_list.signers(doctor)
    assert [name for _id, name in signers] == ["Karin Berg", "Johan Ek"]


def test_the_filters(
    life: Lifecycle,
    store: Store,
    doctor: UserContext,
    clock: FixedClock,
    login: Callable[[str, str], UserContext],
) -> None:
    complement = sent_certificate(store, life, doctor)
    complement_request(life, complement)  # svara senast 2026-12-11
    clock.advance(dt.timedelta(days=1))
    answer = sent_certificate(store, life, doctor, person=EULALA)
    life.fk.send_question(
        CASEWORKER, answer, "AVSTMN", "Möte?", last_date_to_reply=dt.date(2026, 12, 24)
    )
    clock.advance(dt.timedelta(days=1))
    other = login(AT_DOCTOR, TESTENHET_17)
    awaiting = sent_certificate(store, life, other, responsible=AT_DOCTOR)
    life.questions.ask(other, awaiting, "KONTKT", "Ring mig.")
    clock.advance(dt.timedelta(days=1))
    read = sent_certificate(store, life, doctor)
    asked = life.questions.ask(doctor, read, "OVRIGT", "Fråga.")
    life.fk.answer(CASEWORKER, asked, "Svar.")

    def ids(**given: object) -> list[str]:
        filters = QuestionFilters(**given)  # type: ignore[arg-type]
        found = [r.certificate_id for r in life.question_list.rows(doctor, "unit", filters=filters)]
        assert life.question_list.count(doctor, "unit", filters=filters) == len(found)
        return found

    assert ids() == [read, awaiting, answer, complement]
    assert ids(measure=Measure.COMPLEMENT) == [complement]
    assert ids(measure=Measure.ANSWER) == [answer]
    assert ids(measure=Measure.AWAIT_ANSWER) == [awaiting]
    assert ids(measure=Measure.READ_ANSWER) == [read]
    assert ids(measure=Measure.HANDLED) == []
    assert ids(measure=Measure.ALL) == [read, awaiting, answer, complement]
    assert ids(sender=Sender.FK) == [answer, complement]
    assert ids(sender=Sender.CARE) == [read, awaiting]
    assert ids(signed_by=AT_DOCTOR) == [awaiting]
    assert ids(person_id="19990515-2477") == [answer]
    assert ids(date_from=dt.date(2026, 11, 28), date_to=dt.date(2026, 11, 29)) == [
        awaiting,
        answer,
    ]
    assert ids(reply_by=dt.date(2026, 12, 11)) == [complement]
    assert ids(reply_by=dt.date(2026, 12, 31)) == [answer, complement]
    rows = life.question_list.rows(doctor, "unit", offset=1, limit=2)
    assert [r.certificate_id for r in rows] == [awaiting, answer]
    # A vårdadministratör sees the unit's rows too.
    secretary = login(SECRETARY, TESTENHET_17)
    assert len(life.question_list.rows(secretary, "unit")) == 4
