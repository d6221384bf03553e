"""Makulera: the reasons, the recipient told, questions handled, and the relations."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from models.clock import FixedClock
from models.errors import NotAllowedError
from models.staff import UserContext
from models.store import Store
from models.store.schema import CertificateStatus, Delivery
from models.workflow.actions import Action
from models.workflow.lifecycle import Lifecycle
from models.workflow.revoking import RevokeReason
from tests.conftest import TOLVAN
from tests.factories import make_certificate
from tests.models.definitions.types import samples
from tests.models.workflow.conftest import (
    DECEASED,
    FakeQuestions,
    at,
    events_of,
    pdl,
    row_of,
    signature,
)

SIGNED = CertificateStatus.SIGNED


def test_the_reason_must_be_complete(life: Lifecycle, store: Store, doctor: UserContext) -> None:
    certificate_id = make_certificate(store, TOLVAN, status=SIGNED, created=at(20))
    with pytest.raises(NotAllowedError, match="Välj en anledning"):
        life.revoking.revoke(doctor, certificate_id, None)
    with pytest.raises(NotAllowedError, match="Välj en anledning"):
        life.revoking.revoke(doctor, certificate_id, "FEL_DATUM")
    with pytest.raises(NotAllowedError, match="En förklaring krävs"):
        life.revoking.revoke(doctor, certificate_id, RevokeReason.ANNAT_ALLVARLIGT_FEL, "  ")
    with pytest.raises(NotAllowedError, match="högst 3 500 tecken"):
        life.revoking.revoke(doctor, certificate_id, RevokeReason.ANNAT_ALLVARLIGT_FEL, "x" * 3501)
    assert row_of(store, certificate_id).status == "SIGNED"
    life.revoking.revoke(doctor, certificate_id, "ANNAT_ALLVARLIGT_FEL", "y" * 3500)
    stored = row_of(store, certificate_id)
    assert (stored.status, stored.revoke_reason) == ("REVOKED", "ANNAT_ALLVARLIGT_FEL")
    assert stored.revoke_message == "y" * 3500


def test_revoking_a_sent_certificate_tells_the_recipient_and_the_patient_no_longer_sees_it(
    life_with_questions: Lifecycle,
    questions: FakeQuestions,
    store: Store,
    doctor: UserContext,
    clock: FixedClock,
) -> None:
    life = life_with_questions
    certificate_id = make_certificate(store, TOLVAN, status=SIGNED, created=at(20), seal=True)
    life.signing.send(doctor, certificate_id, patient_consent=True)
    questions.unhandled[certificate_id] = 1
    notice = life.rules.allowed_actions(doctor, certificate_id)[Action.REVOKE].notice
    assert notice is not None
    assert "Intyget har skickats till Försäkringskassan, som informeras." in notice
    assert "Patienten kan inte längre se intyget i Intyg på 1177." in notice
    assert "Ohanterade frågor och svar på intyget markeras som hanterade." in notice
    life.revoking.revoke(doctor, certificate_id, RevokeReason.FEL_PATIENT, "Fel Tolvan")
    assert events_of(store, certificate_id)[-1] == (
        "MAKULE",
        "Intyget har utfärdats på fel patient: Fel Tolvan",
    )
    patient = row_of(store, certificate_id).patient_id
    assert pdl(store, patient)[-1] == ("Radera", "Makulerade intyg: Läkarintyg för sjukpenning")
    with store.session() as session:
        delivery = session.scalars(select(Delivery)).one()
        assert delivery.revocation_notified_at == clock.now()
    assert questions.calls == [("handle_all", certificate_id)]
    lines = [line.text for line in life.rules.status_lines(doctor, certificate_id)]
    assert lines == ["Intyget är makulerat. Patienten kan inte längre se det i Intyg på 1177."]


def test_revoking_a_complement_reopens_the_parents_requests_and_marks_the_parent(
    life_with_questions: Lifecycle, questions: FakeQuestions, store: Store, doctor: UserContext
) -> None:
    parent = make_certificate(store, TOLVAN, status=SIGNED, created=at(10), sent_to="FKASSA")
    complement = make_certificate(
        store, TOLVAN, status=SIGNED, created=at(20), complements_id=parent
    )
    life_with_questions.revoking.revoke(doctor, complement, RevokeReason.FEL_PATIENT)
    assert questions.calls == [("handle_all", complement), ("reopen", parent)]
    assert events_of(store, parent) == [("RELINTYGMAKULE", "Relaterat intyg makulerat")]
    lines = life_with_questions.rules.status_lines(doctor, complement)
    assert (lines[1].text, lines[1].link_id) == (
        "Intyget som detta intyg kompletterade kan också behöva makuleras.",
        parent,
    )


def test_a_revoked_replacement_no_longer_replaces(
    life: Lifecycle, store: Store, doctor: UserContext
) -> None:
    original = make_certificate(store, TOLVAN, status=SIGNED, created=at(10), seal=True)
    replacement = make_certificate(
        store, TOLVAN, status=SIGNED, created=at(20), replaces_id=original
    )
    assert not life.rules.allowed_actions(doctor, original)[Action.SEND].allowed
    life.revoking.revoke(doctor, replacement, RevokeReason.FEL_PATIENT)
    assert life.rules.allowed_actions(doctor, original)[Action.SEND].allowed
    assert life.rules.allowed_actions(doctor, original)[Action.REPLACE].allowed


def test_db_and_doi_have_no_reasons_and_say_whom_to_call(
    life: Lifecycle, store: Store, doctor: UserContext, clock: FixedClock
) -> None:
    db = make_certificate(store, DECEASED, type_code="db", created=at(27, 7), content=samples.db())
    life.signing.sign(doctor, db, 1, signature(doctor, clock))
    notice = life.rules.allowed_actions(doctor, db)[Action.REVOKE].notice
    assert notice is not None and "ringa Skatteverket (010-574 94 89)" in notice
    life.revoking.revoke(doctor, db, None)
    stored = row_of(store, db)
    assert (stored.status, stored.revoke_reason, stored.revoke_message) == ("REVOKED", None, None)
    with store.session() as session:
        assert session.scalars(select(Delivery.revocation_notified_at)).one() == clock.now()
