"""Complement requests (KOMPLT, WORKFLOW.md §4.4): Komplettera, Kan ej komplettera, and how
signing, renewing, replacing and revoking handle the requests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import select

from models.clock import FixedClock
from models.errors import NotAllowedError
from models.staff import UserContext
from models.store import Store
from models.store.schema import Delivery
from models.workflow.actions import Action
from models.workflow.complement import CannotComplementReason
from models.workflow.lifecycle import Lifecycle
from models.workflow.question_rules import QuestionAction
from tests.conftest import SECRETARY, TESTENHET_17
from tests.models.definitions.types import samples
from tests.models.workflow.conftest import events_of, pdl, row_of, signature
from tests.models.workflow.questions_support import (
    CASEWORKER,
    complement_request,
    exactly,
    question_row,
    sent_certificate,
    starts,
)

NO_INFO = CannotComplementReason.NO_FURTHER_INFORMATION
NO_ONE = CannotComplementReason.NO_RESPONSIBLE
OVRIGT = samples.fk7804()["25"]
TOO_LONG_COMMENT = "Kommentaren är 501 tecken lång; den får vara högst 500 tecken."


def test_an_incoming_request_shows_its_fields_deadline_and_header(
    life: Lifecycle, store: Store, doctor: UserContext
) -> None:
    certificate_id = sent_certificate(store, life, doctor)
    complement_request(life, certificate_id, "25", "1")
    panel = life.questions.panel(doctor, certificate_id)
    card = panel.complement_requests[0]
    assert panel.administrative == ()
    assert [(link.field_id, link.text) for link in card.field_links] == [
        ("25", "Förtydliga fält 25."),
        ("1", "Förtydliga fält 1."),
    ]
    assert card.field_links[0].label == "Övriga upplysningar"
    assert card.author == CASEWORKER and card.last_date_to_reply is not None
    assert card.actions[QuestionAction.COMPLEMENT].allowed
    assert card.actions[QuestionAction.CANNOT_COMPLEMENT].allowed
    lines = [line.text for line in life.rules.status_lines(doctor, certificate_id)]
    assert lines[0] == "Försäkringskassan har begärt komplettering."
    assert life.rules.allowed_actions(doctor, certificate_id)[Action.REPLACE].reason == (
        "Intyget har minst en ohanterad kompletteringsbegäran och kan därför inte ersättas."
    )
    assert events_of(store, certificate_id)[-1] == (
        "NYFRFM",
        "Fråga från Försäkringskassan: Komplettering",
    )


def test_komplettera_makes_a_draft_a_second_press_continues_it_and_signing_closes_the_request(
    life: Lifecycle, store: Store, doctor: UserContext, clock: FixedClock
) -> None:
    certificate_id = sent_certificate(store, life, doctor)
    request = complement_request(life, certificate_id)
    first = life.complements.complement(doctor, certificate_id)
    assert first.created
    again = life.complements.complement(doctor, certificate_id)
    assert (again.created, again.row.id) == (False, first.row.id)
    draft = row_of(store, first.row.id)
    assert draft.complements_id == certificate_id and draft.content["25"] == OVRIGT
    assert events_of(store, draft.id)[-1][0] == "KOMPLETTERAR"
    patient = draft.patient_id
    assert pdl(store, patient, draft.id)[-1] == (
        "Skriva",
        "Kompletteringsutkast: Läkarintyg för sjukpenning",
    )
    # The complement goes to FK as it is signed, and its button says so.
    sign = life.rules.allowed_actions(doctor, draft.id)[Action.SIGN]
    assert sign.label == "Signera och skicka"
    assert life.rules.allowed_actions(doctor, certificate_id)[Action.SIGN].label == (
        "Signera intyget"
    )
    # FK's questions next to the fields of the draft.
    notes = life.complements.complement_notes(doctor, draft.id)
    assert [(n.field_id, n.text) for n in notes] == [("25", "Förtydliga fält 25.")]
    panel = life.questions.panel(doctor, certificate_id)
    assert panel.complement_draft_id == draft.id
    assert panel.new_question.reason == (
        "Det finns redan en påbörjad komplettering. Signera eller radera den innan du ställer "
        "en ny fråga."
    )
    card = panel.complement_requests[0]
    assert card.actions[QuestionAction.COMPLEMENT].continues == draft.id
    assert card.actions[QuestionAction.CANNOT_COMPLEMENT].reason == (
        "Det finns redan en påbörjad komplettering. Öppna utkastet och slutför kompletteringen."
    )
    with pytest.raises(NotAllowedError, match="Signera eller radera den"):
        life.questions.ask(doctor, certificate_id, "KONTKT", "Hej")

    life.drafts.save(doctor, draft.id, {**samples.fk7804(), "25": "Kompletterat."}, draft.version)
    result = life.signing.sign(doctor, draft.id, draft.version + 1, signature(doctor, clock))
    assert result.sent_to == "Försäkringskassan"
    with store.session() as session:
        assert session.scalars(
            select(Delivery.recipient).where(Delivery.certificate_id == draft.id)
        ).all() == ["FKASSA"]
    stored = question_row(store, request)
    assert (stored.status, stored.answered_by_certificate_id) == ("CLOSED", draft.id)
    card = life.questions.panel(doctor, certificate_id).complement_requests[0]
    assert card.answered_with == "Kompletteringsbegäran har besvarats med ett nytt intyg."
    assert card.answered_by_certificate_id == draft.id
    assert events_of(store, certificate_id)[-1] == (
        "HANFRFM",
        "Kompletteringsbegäran besvarad med ett nytt intyg",
    )
    lines = [line.text for line in life.rules.status_lines(doctor, certificate_id)]
    assert lines[0] == "Intyget har kompletterats med ett annat intyg."


def test_revoking_the_signed_complement_reopens_the_parents_requests(
    life: Lifecycle, store: Store, doctor: UserContext, clock: FixedClock
) -> None:
    certificate_id = sent_certificate(store, life, doctor)
    request = complement_request(life, certificate_id)
    draft = row_of(store, life.complements.complement(doctor, certificate_id).row.id)
    life.signing.sign(doctor, draft.id, draft.version, signature(doctor, clock))
    assert question_row(store, request).status == "CLOSED"
    life.revoking.revoke(doctor, draft.id, "FEL_PATIENT")
    stored = question_row(store, request)
    assert (stored.status, stored.handled_at, stored.answered_by_certificate_id) == (
        "PENDING_INTERNAL_ACTION",
        None,
        None,
    )
    card = life.questions.panel(doctor, certificate_id).complement_requests[0]
    assert not card.handled and card.last_date_to_reply is not None


def test_a_request_handled_by_hand_stays_handled_when_a_complement_is_revoked(
    life: Lifecycle, store: Store, doctor: UserContext, clock: FixedClock
) -> None:
    certificate_id = sent_certificate(store, life, doctor)
    by_hand = complement_request(life, certificate_id)
    life.questions.set_handled(doctor, by_hand, True, confirmed=True)
    request = complement_request(life, certificate_id)
    draft = row_of(store, life.complements.complement(doctor, certificate_id).row.id)
    life.signing.sign(doctor, draft.id, draft.version, signature(doctor, clock))
    life.revoking.revoke(doctor, draft.id, "FEL_PATIENT")
    assert question_row(store, request).status == "PENDING_INTERNAL_ACTION"
    assert question_row(store, by_hand).status == "CLOSED"


def test_renewing_at_the_same_unit_closes_the_requests(
    life: Lifecycle, store: Store, doctor: UserContext
) -> None:
    certificate_id = sent_certificate(store, life, doctor)
    request = complement_request(life, certificate_id)
    renewal = life.derived.renew(doctor, certificate_id)
    stored = question_row(store, request)
    assert (stored.status, stored.answered_by_certificate_id) == ("CLOSED", renewal.row.id)


def test_kan_ej_komplettera_checks_the_reason_and_comment(
    life: Lifecycle, store: Store, doctor: UserContext
) -> None:
    certificate_id = sent_certificate(store, life, doctor)
    complement_request(life, certificate_id)
    cannot = life.complements.cannot_complement
    with pytest.raises(NotAllowedError, match=starts("Välj en anledning till att")):
        cannot(doctor, certificate_id, "", "Kommentar")
    with pytest.raises(NotAllowedError, match=starts("Skriv en kommentar. Den krävs")):
        cannot(doctor, certificate_id, NO_ONE, "  ")
    with pytest.raises(
        NotAllowedError,
        match=exactly(TOO_LONG_COMMENT),
    ):
        cannot(doctor, certificate_id, NO_ONE, "x" * 501)


def test_kan_ej_komplettera_without_further_information_makes_a_draft_with_the_comment(
    life: Lifecycle, store: Store, doctor: UserContext
) -> None:
    certificate_id = sent_certificate(store, life, doctor)
    request = complement_request(life, certificate_id)
    made = life.complements.cannot_complement(
        doctor, certificate_id, NO_INFO, "Patienten har inte kommit på återbesök."
    )
    assert made is not None and made.created
    draft = row_of(store, made.row.id)
    assert draft.complements_id == certificate_id
    assert draft.content["25"] == f"{OVRIGT}\n\nPatienten har inte kommit på återbesök."
    assert question_row(store, request).status == "PENDING_INTERNAL_ACTION"  # until signed


def test_kan_ej_komplettera_when_no_one_can_take_responsibility_sends_a_message(
    life: Lifecycle, store: Store, doctor: UserContext
) -> None:
    certificate_id = sent_certificate(store, life, doctor)
    request = complement_request(life, certificate_id)
    made = life.complements.cannot_complement(doctor, certificate_id, NO_ONE, "Läkaren har slutat.")
    assert made is None
    card = life.questions.panel(doctor, certificate_id).complement_requests[0]
    assert card.handled and card.answer is not None
    assert card.answer.title == "Re: Komplettering"
    assert card.answer.text == (
        "Ingen på vårdenheten kan ansvara för det medicinska innehållet i intyget.\n\n"
        "Läkaren har slutat."
    )
    assert card.answered_with == "Kompletteringsbegäran har besvarats med ett meddelande."
    assert question_row(store, request).status == "CLOSED"
    patient = row_of(store, certificate_id).patient_id
    assert pdl(store, patient, certificate_id)[-1] == (
        "Skriva",
        "Kan ej komplettera: Ingen på vårdenheten kan ansvara för det medicinska innehållet i "
        "intyget.",
    )
    with pytest.raises(NotAllowedError, match=starts("Det finns ingen ohanterad")):
        life.complements.complement(doctor, certificate_id)


def test_a_vardadministrator_may_complement_but_not_sign(
    life: Lifecycle,
    store: Store,
    doctor: UserContext,
    login: Callable[[str, str], UserContext],
) -> None:
    certificate_id = sent_certificate(store, life, doctor)
    complement_request(life, certificate_id)
    secretary = login(SECRETARY, TESTENHET_17)
    made = life.complements.complement(secretary, certificate_id)
    states = life.rules.allowed_actions(secretary, made.row.id)
    assert states[Action.SIGN].reason == "Endast läkare och tandläkare kan signera intyg."


def test_the_fk_console_complement_request_must_name_known_fields(
    life: Lifecycle, store: Store, doctor: UserContext
) -> None:
    certificate_id = sent_certificate(store, life, doctor)
    with pytest.raises(
        NotAllowedError, match=exactly("Ange vilka fält i intyget kompletteringen gäller.")
    ):
        life.fk.send_question(CASEWORKER, certificate_id, "KOMPLT", "Komplettera.")
    with pytest.raises(NotAllowedError, match=exactly("Fältet ”999” finns inte i intyget.")):
        life.fk.send_question(
            CASEWORKER, certificate_id, "KOMPLT", "Komplettera.", fields=[("999", "?")]
        )
