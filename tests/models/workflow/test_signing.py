"""Signing: the SITHS card, what must be complete, the frozen content, and DB/DOI sent at once."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import select, text

from models.audit import entries_for_patient
from models.clock import FixedClock
from models.errors import AccessDeniedError, NotAllowedError
from models.events import CertificateChanged
from models.staff import UserContext
from models.store import Store
from models.store.schema import Certificate, CertificateStatus, Delivery, Staff
from models.workflow.actions import Action
from models.workflow.certificates import CertificateService
from models.workflow.drafts import DraftConflictError
from models.workflow.integrity import TAMPER_WARNING, sha256
from models.workflow.lifecycle import Lifecycle
from models.workflow.signing import IncompleteDraftError
from models.workflow.siths import (
    TRAINING_PIN,
    SigningCancelledError,
    SithsCard,
    WrongPinError,
)
from tests.conftest import AT_DOCTOR, DOCTOR, TESTENHET_17, TOLVAN
from tests.factories import make_certificate, patient_id
from tests.models.definitions.types import samples
from tests.models.workflow.conftest import (
    DECEASED,
    FakeQuestions,
    at,
    events_of,
    kinds_of,
    pdl,
    row_of,
    signature,
)


def draft(store: Store, content: dict[str, object], **kwargs: object) -> str:
    return make_certificate(store, TOLVAN, created=at(27, 7), content=content, **kwargs)


def test_signing_freezes_the_content_with_its_hash_and_signer(
    life: Lifecycle,
    store: Store,
    doctor: UserContext,
    clock: FixedClock,
    published: list[CertificateChanged],
) -> None:
    certificate_id = draft(store, samples.fk7804(), responsible=None)
    result = life.signing.sign(doctor, certificate_id, 1, signature(doctor, clock))
    assert (result.sent_to, result.notice, result.print_for_police) == (None, None, False)
    stored = row_of(store, certificate_id)
    assert stored.status == "SIGNED" and stored.signed_at == clock.now()
    assert stored.signed_by_id == DOCTOR and stored.signing_responsible_id == DOCTOR
    assert stored.content_hash == sha256(stored.signed_json)
    assert '"patient":"191212121212"' in stored.signed_json
    assert '"signer":"TSTNMT2321000156-L001"' in stored.signed_json
    assert kinds_of(store, certificate_id) == ["SIGNAT"]
    assert pdl(store, stored.patient_id) == [("Signera", "Läkarintyg för sjukpenning")]
    assert [(e.certificate_id, e.kind) for e in published] == [(certificate_id, "status")]
    with pytest.raises(NotAllowedError, match="signerat och kan inte ändras"):
        life.drafts.save(doctor, certificate_id, {"25": "Ändrat i efterhand"}, stored.version)


def test_no_code_path_can_write_a_signed_certificates_content(
    store: Store, clock: FixedClock
) -> None:
    certificate_id = make_certificate(
        store, TOLVAN, status=CertificateStatus.SIGNED, created=at(20), seal=True
    )
    with pytest.raises(NotAllowedError, match="kan inte ändras"), store.transaction() as session:
        certificate = session.get(Certificate, certificate_id)
        assert certificate is not None
        certificate.content = {"25": "Ändrat"}
    assert row_of(store, certificate_id).content == {"25": "Övrigt."}


def test_a_certificate_changed_behind_the_apps_back_opens_with_a_warning_and_a_log_entry(
    certificates: CertificateService, store: Store, doctor: UserContext
) -> None:
    certificate_id = make_certificate(
        store, TOLVAN, status=CertificateStatus.SIGNED, created=at(20), seal=True
    )
    assert certificates.open_certificate(doctor, certificate_id).integrity_warning is None
    changed_content = '{"25": "Ändrat med SQL"}'
    with store.engine.begin() as connection:
        connection.execute(
            text("UPDATE certificates SET content = :content WHERE id = :id"),
            {"content": changed_content, "id": certificate_id},
        )
    detail = certificates.open_certificate(doctor, certificate_id)
    assert detail.integrity_warning == TAMPER_WARNING
    actions = [e.action for e in entries_for_patient(store, patient_id(store, TOLVAN))]
    assert actions == ["Läsa", "Läsa", "Integritetsvarning"]


def test_an_incomplete_draft_is_refused_with_the_sections_that_lack_answers(
    life: Lifecycle, store: Store, doctor: UserContext, clock: FixedClock
) -> None:
    content = samples.fk7804()
    del content["6"], content["39"]
    certificate_id = draft(store, content)
    with pytest.raises(IncompleteDraftError) as raised:
        life.signing.sign(doctor, certificate_id, 1, signature(doctor, clock))
    assert raised.value.message == (
        "Utkastet saknar uppgifter i följande avsnitt:\n• Diagnos\n• Prognos"
    )
    assert [item.field_id for item in raised.value.missing] == ["6", "39"]
    assert row_of(store, certificate_id).status == "DRAFT"
    assert kinds_of(store, certificate_id) == []


def test_signing_an_outdated_view_or_with_someone_elses_card_is_refused(
    life: Lifecycle,
    store: Store,
    doctor: UserContext,
    clock: FixedClock,
    login: Callable[[str, str], UserContext],
) -> None:
    certificate_id = draft(store, samples.fk7804())
    life.drafts.save(doctor, certificate_id, samples.fk7804(), 1)
    with pytest.raises(DraftConflictError, match="Karin Berg"):
        life.signing.sign(doctor, certificate_id, 1, signature(doctor, clock))
    at_doctor = login(AT_DOCTOR, TESTENHET_17)
    with pytest.raises(NotAllowedError, match="annat SITHS-kort"):
        life.signing.sign(doctor, certificate_id, 2, signature(at_doctor, clock))
    life.signing.sign(doctor, certificate_id, 2, signature(doctor, clock))


def test_three_wrong_pins_cancel_the_signing(doctor: UserContext, clock: FixedClock) -> None:
    card = SithsCard(doctor, clock)
    assert card.holder_name == "Karin Berg"
    with pytest.raises(WrongPinError, match="Du har 2 försök kvar"):
        card.enter_pin("0000")
    assert not card.accepts("1111")
    assert card.attempts_left == 1
    with pytest.raises(SigningCancelledError, match="tre gånger"):
        card.enter_pin("2222")
    assert not card.accepts(TRAINING_PIN)  # the card refuses further tries
    fresh = SithsCard(doctor, clock)
    assert fresh.accepts(f" {TRAINING_PIN} ") and fresh.signature is not None
    assert fresh.signature.holder_id == DOCTOR


def test_a_licensed_doctor_without_forskrivarkod_may_not_sign(
    life: Lifecycle,
    store: Store,
    clock: FixedClock,
    login: Callable[[str, str], UserContext],
) -> None:
    with store.transaction() as session:
        staff = session.get(Staff, DOCTOR)
        assert staff is not None
        staff.forskrivarkod = None
    doctor = login(DOCTOR, TESTENHET_17)
    certificate_id = draft(store, samples.fk7804())
    state = life.rules.allowed_actions(doctor, certificate_id)[Action.SIGN]
    assert state.reason == "Du saknar förskrivarkod och kan därför inte signera intyg."
    with pytest.raises(AccessDeniedError, match="förskrivarkod"):
        life.signing.sign(doctor, certificate_id, 1, signature(doctor, clock))
    # An AT-läkare is a doctor by the role rules alone, without förskrivarkod.
    at_doctor = login(AT_DOCTOR, TESTENHET_17)
    life.signing.sign(at_doctor, certificate_id, 1, signature(at_doctor, clock))


def death_certificate(store: Store, code: str, content: dict[str, object]) -> str:
    return make_certificate(store, DECEASED, type_code=code, created=at(27, 7), content=content)


def test_db_and_doi_are_signed_and_sent_in_one_step(
    life: Lifecycle, store: Store, doctor: UserContext, clock: FixedClock
) -> None:
    for code, content, recipient in (
        ("db", samples.db(), ("SKV", "Skatteverket")),
        ("doi", samples.doi(), ("SOS", "Socialstyrelsen")),
    ):
        certificate_id = death_certificate(store, code, content)
        state = life.rules.allowed_actions(doctor, certificate_id)[Action.SIGN]
        assert state.label == "Signera och skicka"
        result = life.signing.sign(doctor, certificate_id, 1, signature(doctor, clock))
        assert result.sent_to == recipient[1]
        stored = row_of(store, certificate_id)
        assert (stored.status, stored.sent_to) == ("SIGNED", recipient[0])
        assert kinds_of(store, certificate_id) == ["SIGNAT", "SKICKA"]
        assert [a for a, _ in pdl(store, stored.patient_id, certificate_id)] == [
            "Signera",
            "Utskrift",
        ]
        with store.session() as session:
            delivery = session.scalars(
                select(Delivery).where(Delivery.certificate_id == certificate_id)
            ).one()
            assert (delivery.recipient, delivery.patient_consent) == (recipient[0], None)
            assert delivery.content_hash == stored.content_hash


def test_a_db_with_reason_for_a_police_report_is_signed_but_printed_for_the_police(
    life: Lifecycle, store: Store, doctor: UserContext, clock: FixedClock
) -> None:
    content = {**samples.db(), "7": True}
    certificate_id = death_certificate(store, "db", content)
    notice = "Dödsbeviset skickas inte till Skatteverket eftersom det finns skäl för polisanmälan."
    assert life.rules.allowed_actions(doctor, certificate_id)[Action.SIGN].notice.startswith(notice)
    result = life.signing.sign(doctor, certificate_id, 1, signature(doctor, clock))
    assert result.sent_to is None and result.print_for_police
    assert result.notice is not None and result.notice.startswith(notice)
    assert row_of(store, certificate_id).sent_to is None
    actions = life.rules.allowed_actions(doctor, certificate_id)
    assert actions[Action.SEND].reason is not None
    assert actions[Action.SEND].reason.startswith(notice)
    assert actions[Action.PRINT].allowed
    assert actions[Action.PRINT].notice == (
        "Skriv ut dödsbeviset och lämna det till Polismyndigheten."
    )


def test_signing_a_complement_sends_it_and_closes_the_parents_requests(
    life_with_questions: Lifecycle,
    questions: FakeQuestions,
    store: Store,
    doctor: UserContext,
    clock: FixedClock,
) -> None:
    parent = make_certificate(
        store, TOLVAN, status=CertificateStatus.SIGNED, created=at(20), seal=True, sent_to="FKASSA"
    )
    child = draft(store, samples.fk7804(), complements_id=parent)
    result = life_with_questions.signing.sign(doctor, child, 1, signature(doctor, clock))
    assert result.sent_to == "Försäkringskassan"
    assert questions.calls == [("close", parent)]
    assert kinds_of(store, child) == ["SIGNAT", "SKICKA"]


def test_signing_a_renewal_closes_the_parents_complement_requests(
    life_with_questions: Lifecycle,
    questions: FakeQuestions,
    store: Store,
    doctor: UserContext,
    clock: FixedClock,
    published: list[CertificateChanged],
) -> None:
    parent = make_certificate(
        store, TOLVAN, status=CertificateStatus.SIGNED, created=at(20), seal=True
    )
    child = draft(store, samples.fk7804(), renews_id=parent)
    result = life_with_questions.signing.sign(doctor, child, 1, signature(doctor, clock))
    assert result.sent_to is None
    assert questions.calls == [("close", parent)]
    assert [e.certificate_id for e in published] == [child, parent]


def test_a_signed_certificate_is_available_to_the_patient_unless_it_is_a_db(
    life: Lifecycle, store: Store, doctor: UserContext, clock: FixedClock
) -> None:
    certificate_id = draft(store, samples.fk7804())
    life.signing.sign(doctor, certificate_id, 1, signature(doctor, clock))
    assert [line.text for line in life.rules.status_lines(doctor, certificate_id)] == [
        "Intyget är signerat.",
        "Intyget är tillgängligt för patienten.",
    ]
    db = death_certificate(store, "db", samples.db())
    life.signing.sign(doctor, db, 1, signature(doctor, clock))
    assert [line.text for line in life.rules.status_lines(doctor, db)] == [
        "Intyget är skickat till Skatteverket."
    ]
    assert events_of(store, db)[1] == ("SKICKA", "Skickat till Skatteverket")
