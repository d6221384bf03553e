"""The questions panel and the clinician's actions on administrative questions (WORKFLOW.md
§4.1–4.3): when the panel is active, Ny fråga, answering with an autosaved draft, Hanterad,
and who may act."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from models.clock import FixedClock
from models.errors import AccessDeniedError, ConcurrentChangeError, NotAllowedError
from models.events import CertificateChanged
from models.staff import UserContext
from models.store import Store
from models.store.schema import CertificateStatus
from models.workflow.lifecycle import Lifecycle
from models.workflow.question_rules import QuestionAction
from tests.conftest import DOCTOR_WITHOUT_WEBCERT, NURSE, SECRETARY, SJOSTADEN, TESTENHET_17, TOLVAN
from tests.factories import make_certificate
from tests.models.workflow.conftest import PROTECTED, at, events_of, pdl, row_of
from tests.models.workflow.questions_support import (
    CASEWORKER,
    DEADLINE,
    complement_request,
    exactly,
    question_row,
    sent_certificate,
    starts,
)

WRONG_UNIT = (
    "Intyget är utfärdat på Testenhet 17. Frågor och svar kan bara hanteras där: läkaren måste "
    "vara inloggad på den enhet där intyget är skapat."
)


def test_the_panel_is_inactive_until_the_certificate_is_sent_to_fk(
    life: Lifecycle, store: Store, doctor: UserContext
) -> None:
    draft = make_certificate(store, TOLVAN, created=at(26))
    signed = make_certificate(store, TOLVAN, status=CertificateStatus.SIGNED, created=at(20))
    ag = make_certificate(
        store, TOLVAN, type_code="ag7804", status=CertificateStatus.SIGNED, created=at(20)
    )
    assert life.questions.panel(doctor, draft).inactive_reason == (
        "Utkastet är inte signerat. Frågor och svar finns först när intyget är signerat och "
        "skickat till Försäkringskassan."
    )
    panel = life.questions.panel(doctor, signed)
    assert panel.inactive_reason == (
        "Intyget är inte skickat till Försäkringskassan. Det går därför inte att ställa frågor "
        "om intyget."
    )
    assert not panel.new_question.applicable
    with pytest.raises(NotAllowedError, match="inte skickat till Försäkringskassan"):
        life.questions.ask(doctor, signed, "KONTKT", "Hej")
    assert life.questions.panel(doctor, ag).inactive_reason == (
        "Frågor och svar med Försäkringskassan finns inte för den här intygstypen."
    )
    sent = sent_certificate(store, life, doctor)
    panel = life.questions.panel(doctor, sent)
    assert panel.inactive_reason is None and panel.new_question.allowed
    assert panel.subjects == (
        ("", "Välj typ av fråga"),
        ("AVSTMN", "Avstämningsmöte"),
        ("KONTKT", "Kontakt"),
        ("OVRIGT", "Övrigt"),
    )


def test_a_new_question_goes_to_fk_with_its_event_and_pdl_entry(
    life: Lifecycle,
    store: Store,
    doctor: UserContext,
    clock: FixedClock,
    published: list[CertificateChanged],
) -> None:
    certificate_id = sent_certificate(store, life, doctor)
    with pytest.raises(NotAllowedError, match=exactly("Välj typ av fråga.")):
        life.questions.ask(doctor, certificate_id, "", "Hej")
    with pytest.raises(NotAllowedError, match=exactly("Välj typ av fråga.")):
        life.questions.ask(doctor, certificate_id, "KOMPLT", "Hej")
    with pytest.raises(NotAllowedError, match=exactly("Skriv en text.")):
        life.questions.ask(doctor, certificate_id, "KONTKT", "  ")
    with pytest.raises(NotAllowedError, match=starts("Texten är 5001 tecken lång;")):
        life.questions.ask(doctor, certificate_id, "KONTKT", "x" * 5001)
    published.clear()
    question_id = life.questions.ask(doctor, certificate_id, "AVSTMN", " Kan vi ses? ")
    card = life.questions.panel(doctor, certificate_id).administrative[0]
    assert (card.id, card.subject_label, card.text, card.author) == (
        question_id,
        "Avstämningsmöte",
        "Kan vi ses?",
        "Karin Berg",
    )
    assert (card.from_fk, card.handled, card.sent_at) == (False, False, clock.now())
    assert card.status == "PENDING_EXTERNAL_ACTION"
    assert not card.actions[QuestionAction.ANSWER].applicable  # FK answers it
    assert events_of(store, certificate_id)[-1] == (
        "NYFRFV",
        "Fråga till Försäkringskassan: Avstämningsmöte",
    )
    patient = row_of(store, certificate_id).patient_id
    assert pdl(store, patient, certificate_id)[-1] == ("Skriva", "Fråga skickad: Avstämningsmöte")
    assert [(e.certificate_id, e.kind) for e in published] == [(certificate_id, "questions")]


def test_answering_autosaves_a_draft_and_skicka_marks_the_question_handled(
    life: Lifecycle, store: Store, doctor: UserContext, clock: FixedClock
) -> None:
    certificate_id = sent_certificate(store, life, doctor)
    question_id = life.fk.send_question(
        CASEWORKER, certificate_id, "KONTKT", "Ring oss.", last_date_to_reply=DEADLINE
    )
    card = life.questions.panel(doctor, certificate_id).administrative[0]
    assert card.last_date_to_reply == DEADLINE and card.actions[QuestionAction.ANSWER].allowed
    assert card.draft_version == 0
    version = life.questions.save_answer_draft(doctor, question_id, "Jag ri", 0)
    version = life.questions.save_answer_draft(doctor, question_id, "Jag ringer", version)
    assert version == 2
    card = life.questions.panel(doctor, certificate_id).administrative[0]
    assert (card.draft_text, card.draft_version) == ("Jag ringer", 2)
    with pytest.raises(ConcurrentChangeError, match="Svaret har ändrats av någon annan"):
        life.questions.save_answer_draft(doctor, question_id, "Gammalt", 1)
    patient = row_of(store, certificate_id).patient_id
    # One PDL entry for the draft, not one per autosave.
    assert pdl(store, patient, certificate_id)[-1] == ("Skriva", "Svarsutkast: Re: Kontakt")
    life.questions.send_answer(doctor, question_id, "Jag ringer i morgon.")
    card = life.questions.panel(doctor, certificate_id).administrative[0]
    assert card.answer is not None
    assert (card.answer.title, card.answer.text, card.answer.author) == (
        "Re: Kontakt",
        "Jag ringer i morgon.",
        "Karin Berg",
    )
    assert (card.handled, card.handled_by, card.handled_at) == (True, "Karin Berg", clock.now())
    assert card.last_date_to_reply is None  # only while unhandled
    assert card.draft_text is None
    assert events_of(store, certificate_id)[-1] == ("HANFRFM", "Besvarad: Kontakt")
    assert pdl(store, patient, certificate_id)[-1] == ("Skriva", "Svar skickat: Re: Kontakt")
    with pytest.raises(NotAllowedError, match=exactly("Frågan är redan hanterad.")):
        life.questions.send_answer(doctor, question_id, "Igen")
    unhandle = card.actions[QuestionAction.UNHANDLE]
    assert unhandle.reason == "Frågan är besvarad och kan inte markeras som ohanterad."


def test_avbryt_deletes_the_answer_draft(
    life: Lifecycle, store: Store, doctor: UserContext
) -> None:
    certificate_id = sent_certificate(store, life, doctor)
    question_id = life.fk.send_question(CASEWORKER, certificate_id, "OVRIGT", "Fråga.")
    with pytest.raises(NotAllowedError, match=exactly("Det finns inget svarsutkast att radera.")):
        life.questions.delete_answer_draft(doctor, question_id)
    life.questions.save_answer_draft(doctor, question_id, "Utkast", 0)
    life.questions.delete_answer_draft(doctor, question_id)
    card = life.questions.panel(doctor, certificate_id).administrative[0]
    assert (card.draft_text, card.draft_version, card.handled) == (None, 2, False)
    patient = row_of(store, certificate_id).patient_id
    assert pdl(store, patient, certificate_id)[-1] == (
        "Radera",
        "Svarsutkast raderat: Re: Övrigt",
    )


def test_an_administrative_question_is_ticked_and_unticked_as_handled(
    life: Lifecycle, store: Store, doctor: UserContext
) -> None:
    certificate_id = sent_certificate(store, life, doctor)
    from_fk = life.fk.send_question(CASEWORKER, certificate_id, "OVRIGT", "Fråga.")
    from_care = life.questions.ask(doctor, certificate_id, "KONTKT", "Ring mig.")
    life.questions.set_handled(doctor, from_fk, True)
    assert question_row(store, from_fk).status == "CLOSED"
    with pytest.raises(NotAllowedError, match=exactly("Frågan är redan hanterad.")):
        life.questions.set_handled(doctor, from_fk, True)
    life.questions.set_handled(doctor, from_fk, False)
    assert question_row(store, from_fk).status == "PENDING_INTERNAL_ACTION"
    with pytest.raises(NotAllowedError, match=exactly("Frågan är inte markerad som hanterad.")):
        life.questions.set_handled(doctor, from_fk, False)
    life.questions.set_handled(doctor, from_care, True)
    life.questions.set_handled(doctor, from_care, False)
    assert question_row(store, from_care).status == "PENDING_EXTERNAL_ACTION"
    life.fk.answer(CASEWORKER, from_care, "Vi ringer.")
    assert question_row(store, from_care).status == "ANSWERED"
    life.questions.set_handled(doctor, from_care, True)
    life.questions.set_handled(doctor, from_care, False)
    assert question_row(store, from_care).status == "ANSWERED"
    kinds = [kind for kind, _ in events_of(store, certificate_id)]
    assert kinds[-9:] == [
        "NYFRFM",
        "NYFRFV",
        "HANFRFM",
        "HANFRFM",
        "HANFRFV",
        "HANFRFV",
        "NYSVFM",
        "HANFRFV",
        "HANFRFV",
    ]
    patient = row_of(store, certificate_id).patient_id
    assert pdl(store, patient, certificate_id)[-2:] == [
        ("Skriva", "Fråga markerad som hanterad: Kontakt"),
        ("Skriva", "Fråga markerad som ohanterad: Kontakt"),
    ]


def test_marking_a_complement_request_handled_needs_confirmation_and_is_final(
    life: Lifecycle, store: Store, doctor: UserContext
) -> None:
    certificate_id = sent_certificate(store, life, doctor)
    request = complement_request(life, certificate_id)
    card = life.questions.panel(doctor, certificate_id).complement_requests[0]
    assert card.actions[QuestionAction.HANDLE].notice == (
        "Om du markerar kompletteringsbegäran som hanterad kan det inte ångras. "
        "Försäkringskassan får ingen komplettering. Vill du markera den som hanterad?"
    )
    assert card.actions[QuestionAction.ANSWER].reason == (
        "En kompletteringsbegäran besvaras med Komplettera eller Kan ej komplettera, inte med text."
    )
    with pytest.raises(NotAllowedError, match=starts("Bekräfta först")):
        life.questions.set_handled(doctor, request, True)
    life.questions.set_handled(doctor, request, True, confirmed=True)
    assert question_row(store, request).status == "CLOSED"
    with pytest.raises(
        NotAllowedError,
        match=exactly("En hanterad kompletteringsbegäran kan inte markeras som ohanterad."),
    ):
        life.questions.set_handled(doctor, request, False)
    lines = [line.text for line in life.rules.status_lines(doctor, certificate_id)]
    assert lines[0] == "Intyget är skickat till Försäkringskassan."


def test_only_the_issuing_unit_may_act(
    life: Lifecycle,
    store: Store,
    doctor: UserContext,
    login: Callable[[str, str], UserContext],
) -> None:
    certificate_id = sent_certificate(store, life, doctor)
    question_id = life.fk.send_question(CASEWORKER, certificate_id, "KONTKT", "Ring oss.")
    elsewhere = login(doctor.staff.hsa_id, SJOSTADEN)
    panel = life.questions.panel(elsewhere, certificate_id)  # readable in the care provider
    card = panel.administrative[0]
    assert card.actions[QuestionAction.ANSWER].reason == WRONG_UNIT
    assert panel.new_question.reason == WRONG_UNIT
    with pytest.raises(AccessDeniedError, match=starts("Intyget är utfärdat på Testenhet 17")):
        life.questions.send_answer(elsewhere, question_id, "Svar")
    with pytest.raises(AccessDeniedError, match=starts("Intyget är utfärdat på Testenhet 17")):
        life.questions.ask(elsewhere, certificate_id, "KONTKT", "Fråga")
    with pytest.raises(AccessDeniedError, match=starts("Intyget är utfärdat på Testenhet 17")):
        life.questions.set_handled(elsewhere, question_id, True)


@pytest.mark.parametrize("role", [SECRETARY, NURSE])
def test_every_role_may_ask_answer_and_handle(
    life: Lifecycle,
    store: Store,
    doctor: UserContext,
    login: Callable[[str, str], UserContext],
    role: str,
) -> None:
    certificate_id = sent_certificate(store, life, doctor)
    user = login(role, TESTENHET_17)
    question_id = life.fk.send_question(CASEWORKER, certificate_id, "KONTKT", "Ring oss.")
    life.questions.send_answer(user, question_id, "Läkaren ringer.")
    asked = life.questions.ask(user, certificate_id, "OVRIGT", "Fråga från vården.")
    life.questions.set_handled(user, asked, True)
    assert question_row(store, asked).handled_by_id == role


def test_a_person_who_may_not_use_webcert_is_refused(
    life: Lifecycle,
    store: Store,
    doctor: UserContext,
    login: Callable[[str, str], UserContext],
) -> None:
    certificate_id = sent_certificate(store, life, doctor)
    question_id = life.fk.send_question(CASEWORKER, certificate_id, "KONTKT", "Ring oss.")
    user = login(DOCTOR_WITHOUT_WEBCERT, TESTENHET_17)
    with pytest.raises(AccessDeniedError, match="Använda Webcert"):
        life.questions.send_answer(user, question_id, "Svar")


def test_a_protected_patients_questions_are_hidden_from_a_vardadministrator(
    life: Lifecycle,
    store: Store,
    doctor: UserContext,
    login: Callable[[str, str], UserContext],
) -> None:
    certificate_id = sent_certificate(store, life, doctor, person=PROTECTED)
    question_id = life.fk.send_question(CASEWORKER, certificate_id, "KONTKT", "Ring oss.")
    assert life.questions.panel(doctor, certificate_id).administrative[0].id == question_id
    secretary = login(SECRETARY, TESTENHET_17)
    with pytest.raises(AccessDeniedError, match="skyddade personuppgifter"):
        life.questions.panel(secretary, certificate_id)
    with pytest.raises(AccessDeniedError, match="skyddade personuppgifter"):
        life.questions.send_answer(secretary, question_id, "Svar")
    assert life.question_list.rows(secretary, "unit") == []
    assert life.question_list.count_unhandled(secretary, "unit") == 0
    assert [r.certificate_id for r in life.question_list.rows(doctor, "unit")] == [certificate_id]


def test_a_revoked_certificates_questions_are_handled_and_read_only(
    life: Lifecycle, store: Store, doctor: UserContext
) -> None:
    certificate_id = sent_certificate(store, life, doctor)
    question_id = life.fk.send_question(CASEWORKER, certificate_id, "KONTKT", "Ring oss.")
    request = complement_request(life, certificate_id)
    asked = life.questions.ask(doctor, certificate_id, "OVRIGT", "Fråga.")
    life.revoking.revoke(doctor, certificate_id, "FEL_PATIENT")
    for handled in (question_id, request, asked):
        row = question_row(store, handled)
        assert (row.status, row.handled_by) == ("CLOSED", "Karin Berg")
    panel = life.questions.panel(doctor, certificate_id)
    assert panel.unhandled == 0
    assert panel.new_question.reason == (
        "Intyget är makulerat. Frågor och svar kan inte längre hanteras."
    )
    with pytest.raises(NotAllowedError, match=starts("Intyget är makulerat. Inga frågor")):
        life.fk.send_question(CASEWORKER, certificate_id, "KONTKT", "Igen")
    kinds = [kind for kind, _ in events_of(store, certificate_id)]
    assert kinds[-4] == "MAKULE"
    assert sorted(kinds[-3:]) == ["HANFRFM", "HANFRFM", "HANFRFV"]
