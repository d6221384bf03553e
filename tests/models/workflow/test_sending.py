"""Skicka: consent for Försäkringskassan, once only, never for AG types, the unit's scope."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import select, text

from models.clock import FixedClock
from models.errors import AccessDeniedError, NotAllowedError
from models.staff import UserContext
from models.store import Store
from models.store.schema import CareUnit, CertificateStatus, Delivery
from models.workflow.actions import Action
from models.workflow.lifecycle import Lifecycle
from tests.conftest import DOCTOR, SECRETARY, SJOSTADEN, TESTENHET_17, TOLVAN
from tests.factories import make_certificate
from tests.models.workflow.conftest import PROTECTED, at, kinds_of, pdl, row_of

SIGNED = CertificateStatus.SIGNED


def signed(store: Store, person_id: str = TOLVAN, **kwargs: object) -> str:
    return make_certificate(store, person_id, status=SIGNED, created=at(20), seal=True, **kwargs)


def test_sending_to_fk_needs_the_patients_consent_and_is_recorded_for_the_recipient(
    life: Lifecycle, store: Store, login: Callable[[str, str], UserContext], clock: FixedClock
) -> None:
    certificate_id = signed(store)
    secretary = login(SECRETARY, TESTENHET_17)  # every role may send
    state = life.rules.allowed_actions(secretary, certificate_id)[Action.SEND]
    assert state.label == "Skicka till Försäkringskassan" and state.allowed
    assert state.notice is not None and "samtyckt" in state.notice
    with pytest.raises(NotAllowedError, match="bekräfta först att patienten har samtyckt"):
        life.signing.send(secretary, certificate_id)
    assert kinds_of(store, certificate_id) == []
    assert life.signing.send(secretary, certificate_id, patient_consent=True) == (
        "Försäkringskassan"
    )
    stored = row_of(store, certificate_id)
    assert (stored.sent_to, stored.sent_at) == ("FKASSA", clock.now())
    assert kinds_of(store, certificate_id) == ["SKICKA"]
    assert pdl(store, stored.patient_id) == [("Utskrift", "Intyg skickat till mottagare FKASSA")]
    with store.session() as session:
        delivery = session.scalars(select(Delivery)).one()
        assert (delivery.recipient, delivery.sent_by_id, delivery.patient_consent) == (
            "FKASSA",
            SECRETARY,
            True,
        )
        assert delivery.revocation_notified_at is None
    again = life.rules.allowed_actions(secretary, certificate_id)[Action.SEND]
    assert again.reason == "Intyget är redan skickat till Försäkringskassan."
    assert not again.applicable
    with pytest.raises(NotAllowedError, match="redan skickat"):
        life.signing.send(secretary, certificate_id, patient_consent=True)


def test_transportstyrelsen_needs_no_consent_but_not_for_a_protected_patient(
    life: Lifecycle, store: Store, doctor: UserContext
) -> None:
    ts = signed(store, type_code="ts-bas")
    assert life.rules.allowed_actions(doctor, ts)[Action.SEND].notice == (
        "Intyget ska skickas i samråd med patienten."
    )
    assert life.signing.send(doctor, ts) == "Transportstyrelsen"
    protected_ts = signed(store, PROTECTED, type_code="ts-bas")
    reason = (
        "För en patient med skyddade personuppgifter kan intyg bara skickas till Försäkringskassan."
    )
    assert life.rules.allowed_actions(doctor, protected_ts)[Action.SEND].reason == reason
    with pytest.raises(NotAllowedError, match="bara skickas till Försäkringskassan"):
        life.signing.send(doctor, protected_ts)
    protected_fk = signed(store, PROTECTED)
    life.signing.send(doctor, protected_fk, patient_consent=True)


def test_employer_certificates_are_never_sent(
    life: Lifecycle, store: Store, doctor: UserContext
) -> None:
    for code in ("ag7804", "ag114"):
        certificate_id = signed(store, type_code=code)
        state = life.rules.allowed_actions(doctor, certificate_id)[Action.SEND]
        assert not state.applicable and state.reason is not None
        assert state.reason.startswith("Intyg till arbetsgivaren skickas inte elektroniskt.")
        with pytest.raises(NotAllowedError, match="arbetsgivaren"):
            life.signing.send(doctor, certificate_id, patient_consent=True)


def test_a_certificate_replaced_by_a_signed_one_cannot_be_sent_but_an_unsigned_does_not_block(
    life: Lifecycle, store: Store, doctor: UserContext
) -> None:
    original = signed(store)
    replacement = make_certificate(store, TOLVAN, created=at(21), replaces_id=original)
    assert life.rules.allowed_actions(doctor, original)[Action.SEND].allowed
    with store.engine.begin() as connection:
        connection.execute(
            text("UPDATE certificates SET status = 'SIGNED' WHERE id = :id"), {"id": replacement}
        )
    with pytest.raises(NotAllowedError, match="ersatts av ett annat intyg"):
        life.signing.send(doctor, original, patient_consent=True)


def test_only_the_issuing_unit_and_the_units_above_it_send(
    life: Lifecycle, store: Store, login: Callable[[str, str], UserContext]
) -> None:
    certificate_id = signed(store, unit_id=SJOSTADEN)
    doctor = login(DOCTOR, TESTENHET_17)
    state = life.rules.allowed_actions(doctor, certificate_id)[Action.SEND]
    assert state.reason == (
        "Intyget är utfärdat på Vårdcentralen Sjöstaden och kan bara hanteras där."
    )
    with pytest.raises(AccessDeniedError, match="Vårdcentralen Sjöstaden"):
        life.signing.send(doctor, certificate_id, patient_consent=True)
    # Renewing (and reading) another unit's certificate of the same provider is allowed.
    assert life.rules.allowed_actions(doctor, certificate_id)[Action.RENEW].allowed
    with store.transaction() as session:
        unit = session.get(CareUnit, SJOSTADEN)
        assert unit is not None
        unit.parent_unit_id = TESTENHET_17  # Sjöstaden becomes a sub-unit of Testenhet 17
    life.signing.send(doctor, certificate_id, patient_consent=True)


def test_a_tampered_certificate_is_not_sent(
    life: Lifecycle, store: Store, doctor: UserContext
) -> None:
    certificate_id = signed(store)
    with store.engine.begin() as connection:
        connection.execute(
            text("UPDATE certificates SET content_hash = :hash WHERE id = :id"),
            {"hash": "0" * 64, "id": certificate_id},
        )
    with pytest.raises(NotAllowedError, match="stämmer inte med det som signerades"):
        life.signing.send(doctor, certificate_id, patient_consent=True)
