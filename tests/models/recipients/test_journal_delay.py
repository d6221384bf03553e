"""A send from Mina intyg may reach the journal later than the recipient."""

from __future__ import annotations

import datetime as dt

import pytest

from models.clock import FixedClock
from models.errors import NotAllowedError
from models.events import CertificateChanged
from models.recipients.journal_notices import JournalNotices
from models.recipients.mina_intyg import Citizen, MinaIntyg
from models.staff import UserContext
from models.store import Store
from models.workflow.actions import Action
from models.workflow.lifecycle import Lifecycle
from tests.models.recipients.conftest import SignNow
from tests.models.workflow.conftest import row_of
from tests.models.workflow.questions_support import exactly

FIVE_MINUTES = dt.timedelta(minutes=5)


def test_the_journal_learns_of_the_send_when_the_delay_is_over(
    mina: MinaIntyg,
    tolvan: Citizen,
    notices: JournalNotices,
    life: Lifecycle,
    store: Store,
    doctor: UserContext,
    clock: FixedClock,
    published: list[CertificateChanged],
    sign: SignNow,
) -> None:
    fk = sign()
    mina.journal_delay = FIVE_MINUTES
    sent_at = clock.now()
    mina.send(tolvan, fk)

    # FK and the patient have it; the journal does not know yet.
    assert [r.certificate_id for r in life.fk.received()] == [fk]
    assert mina.certificates(tolvan)[0].badges == ("Nytt", "Skickat")
    assert row_of(store, fk).sent_to is None
    assert life.rules.status_lines(doctor, fk)[0].text == "Intyget är signerat."
    assert notices.pending() == 1
    # Webcert's Skicka still looks possible, but the send is refused with what happened.
    assert life.rules.allowed_actions(doctor, fk)[Action.SEND].allowed
    with pytest.raises(
        NotAllowedError,
        match=exactly(
            "Intyget är redan skickat till Försäkringskassan 2026-11-27 09:30 av patienten via "
            "Mina intyg."
        ),
    ):
        life.signing.send(doctor, fk, patient_consent=True)

    clock.advance(dt.timedelta(minutes=4))
    assert notices.deliver_due() == []
    published.clear()
    clock.advance(dt.timedelta(minutes=1))
    assert notices.deliver_due() == [fk]
    assert [(e.certificate_id, e.kind) for e in published] == [(fk, "status")]
    stored = row_of(store, fk)
    assert (stored.sent_to, stored.sent_at) == ("FKASSA", sent_at)
    assert life.rules.status_lines(doctor, fk)[0].text == (
        "Intyget är skickat till Försäkringskassan."
    )
    assert notices.deliver_due() == [] and notices.pending() == 0


def test_without_a_delay_nothing_waits(
    mina: MinaIntyg, tolvan: Citizen, notices: JournalNotices, store: Store, sign: SignNow
) -> None:
    fk = sign()
    mina.send(tolvan, fk)
    assert row_of(store, fk).sent_to == "FKASSA"
    assert notices.pending() == 0 and notices.deliver_due() == []
