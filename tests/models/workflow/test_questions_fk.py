"""The simulated Försäkringskassan's console: what it received, its messages to care, and
the guards on them."""

from __future__ import annotations

import datetime as dt

import pytest

from models.clock import FixedClock
from models.errors import NotAllowedError, NotFoundError
from models.events import CertificateChanged
from models.staff import UserContext
from models.store import Store
from models.store.schema import CertificateStatus
from models.workflow.lifecycle import Lifecycle
from tests.conftest import TOLVAN
from tests.factories import make_certificate
from tests.models.definitions.types import samples
from tests.models.workflow.conftest import at, events_of, pdl, row_of
from tests.models.workflow.questions_support import (
    CASEWORKER,
    complement_request,
    exactly,
    question_row,
    sent_certificate,
    starts,
)

NOT_RECEIVED = "Försäkringskassan har inte tagit emot intyget."


def test_the_console_lists_what_fk_received_and_opens_it_read_only(
    life: Lifecycle, store: Store, doctor: UserContext, clock: FixedClock
) -> None:
    make_certificate(store, TOLVAN, status=CertificateStatus.SIGNED, created=at(20))  # not sent
    certificate_id = sent_certificate(store, life, doctor)
    complement_request(life, certificate_id)
    received = life.fk.received()
    assert [r.certificate_id for r in received] == [certificate_id]
    row = received[0]
    assert (row.type_name, row.person_id, row.unit_name, row.signed_by) == (
        "Läkarintyg för sjukpenning",
        TOLVAN,
        "Testenhet 17",
        "Karin Berg",
    )
    assert (row.received_at, row.revocation_notice, row.open_questions) == (clock.now(), None, 1)
    opened = life.fk.open_certificate(certificate_id)
    assert opened.content == samples.fk7804()
    assert [c.subject for c in opened.questions] == ["KOMPLT"]
    assert opened.questions[0].actions == {}
    with pytest.raises(NotFoundError, match=exactly(NOT_RECEIVED)):
        life.fk.open_certificate("no-such-certificate")


def test_a_revocation_notice_reaches_the_console(
    life: Lifecycle, store: Store, doctor: UserContext
) -> None:
    certificate_id = sent_certificate(store, life, doctor)
    life.revoking.revoke(doctor, certificate_id, "ANNAT_ALLVARLIGT_FEL", "Fel diagnos.")
    row = life.fk.received()[0]
    assert (
        row.revocation_notice
        == "Vården makulerade intyget 2026-11-27 09:30. Meddelande: Fel diagnos."
    )


def test_fk_messages_are_checked(
    life: Lifecycle, store: Store, doctor: UserContext, clock: FixedClock
) -> None:
    not_sent = make_certificate(store, TOLVAN, status=CertificateStatus.SIGNED, created=at(20))
    with pytest.raises(NotAllowedError, match=exactly(NOT_RECEIVED)):
        life.fk.send_question(CASEWORKER, not_sent, "KONTKT", "Ring.")
    certificate_id = sent_certificate(store, life, doctor)
    with pytest.raises(NotAllowedError, match=starts("Välj ämne: Komplettering, Avstämningsmöte")):
        life.fk.send_question(CASEWORKER, certificate_id, "PAMINN", "Ring.")
    with pytest.raises(NotAllowedError, match=starts("Svara senast kan inte vara")):
        life.fk.send_question(
            CASEWORKER, certificate_id, "KONTKT", "Ring.", last_date_to_reply=dt.date(2026, 11, 26)
        )
    asked = life.questions.ask(doctor, certificate_id, "KONTKT", "Ring mig.")
    with pytest.raises(NotAllowedError, match=starts("Påminnelser skickas bara")):
        life.fk.send_reminder(CASEWORKER, asked, "Påminnelse")
    from_fk = life.fk.send_question(CASEWORKER, certificate_id, "OVRIGT", "Fråga.")
    with pytest.raises(
        NotAllowedError, match=starts("Försäkringskassan svarar bara på frågor som vården")
    ):
        life.fk.answer(CASEWORKER, from_fk, "Svar")
    life.fk.answer(CASEWORKER, asked, "Svar")
    with pytest.raises(NotAllowedError, match=exactly("Frågan är redan besvarad.")):
        life.fk.answer(CASEWORKER, asked, "Svar igen")
    life.questions.set_handled(doctor, from_fk, True)
    with pytest.raises(NotAllowedError, match=starts("Frågan är redan hanterad; ingen påminnelse")):
        life.fk.send_reminder(CASEWORKER, from_fk, "Påminnelse")


def test_fk_messages_write_events_but_no_pdl_entries_and_tell_the_lists(
    life: Lifecycle,
    store: Store,
    doctor: UserContext,
    published: list[CertificateChanged],
) -> None:
    certificate_id = sent_certificate(store, life, doctor)
    patient = row_of(store, certificate_id).patient_id
    before = pdl(store, patient)
    published.clear()
    question = life.fk.send_question(CASEWORKER, certificate_id, "KONTKT", "Ring.")
    life.fk.send_reminder(CASEWORKER, question, "Ring nu.")
    asked = life.questions.ask(doctor, certificate_id, "OVRIGT", "Fråga.")
    life.fk.answer(CASEWORKER, asked, "Svar.")
    assert [kind for kind, _ in events_of(store, certificate_id)][-4:] == [
        "NYFRFM",
        "NYFRFM",
        "NYFRFV",
        "NYSVFM",
    ]
    assert pdl(store, patient) == [*before, ("Skriva", "Fråga skickad: Övrigt")]
    assert {(e.certificate_id, e.kind) for e in published} == {(certificate_id, "questions")}
    assert len(published) == 4
    stored = question_row(store, asked)
    assert (stored.status, stored.answer_author) == ("ANSWERED", CASEWORKER)
