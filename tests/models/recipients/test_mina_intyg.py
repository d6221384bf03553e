"""Mina intyg: what the patient sees, and Skicka intyg showing up on the clinician's side."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from models.audit import entries_for_patient
from models.clock import FixedClock
from models.errors import NotAllowedError, NotFoundError
from models.events import CertificateChanged
from models.patients import PatientService
from models.recipients import citizen as c
from models.recipients.inbox import BY_PATIENT, Inbox
from models.recipients.mina_intyg import (
    AlreadySentError,
    Citizen,
    CitizenFilters,
    MinaIntyg,
    UnderAgeError,
)
from models.staff import UserContext
from models.store import Store
from models.store.deliveries import Delivery
from models.workflow.certificates import CertificateService
from models.workflow.lifecycle import Lifecycle
from models.workflow.revoking import RevokeReason
from tests.conftest import SJOSTADEN, TOLVAN
from tests.factories import make_certificate, patient_id
from tests.models.definitions.types import samples
from tests.models.recipients.conftest import ERIK, NILS, SignNow, signed_before
from tests.models.workflow.conftest import PROTECTED, at, events_of, row_of
from tests.models.workflow.questions_support import exactly


def ids(rows: list) -> list[str]:  # type: ignore[type-arg]
    return [row.certificate_id for row in rows]


def test_a_signed_fk7804_is_there_at_once_a_db_never_and_a_revoked_one_disappears(
    mina: MinaIntyg,
    tolvan: Citizen,
    life: Lifecycle,
    doctor: UserContext,
    clock: FixedClock,
    sign: SignNow,
) -> None:
    assert mina.certificates(tolvan) == []
    fk = sign()
    rows = mina.certificates(tolvan)
    assert ids(rows) == [fk]
    row = rows[0]
    assert (row.type_name, row.form, row.unit_name, row.care_provider) == (
        "Läkarintyg för sjukpenning",
        "FK7804",
        "Testenhet 17",
        "Region Övningslän",
    )
    assert row.badges == ("Nytt", "Ej skickat")
    assert row.signed_at == clock.now()
    assert [line.text for line in life.rules.status_lines(doctor, fk)][-1] == (
        "Intyget är tillgängligt för patienten."
    )

    erik = mina.log_in(ERIK)
    sign("db", ERIK)
    assert mina.certificates(erik) == []

    life.revoking.revoke(doctor, fk, RevokeReason.ANNAT_ALLVARLIGT_FEL, "Fel period.")
    assert mina.certificates(tolvan) == []
    with pytest.raises(NotFoundError, match="finns inte bland dina intyg"):
        mina.certificate(tolvan, fk)


def test_sending_from_mina_intyg_shows_as_sent_to_the_clinician_and_reaches_fk(
    mina: MinaIntyg,
    tolvan: Citizen,
    life: Lifecycle,
    store: Store,
    doctor: UserContext,
    clock: FixedClock,
    certificates: CertificateService,
    patients: PatientService,
    published: list[CertificateChanged],
    sign: SignNow,
) -> None:
    fk = sign()
    page = mina.certificate(tolvan, fk)
    assert (page.recipient, page.send_refusal) == ("Försäkringskassan", None)
    published.clear()

    assert mina.send(tolvan, fk) == "Försäkringskassan"

    assert [(e.certificate_id, e.kind) for e in published] == [(fk, "status")]
    stored = row_of(store, fk)
    assert (stored.sent_to, stored.sent_at) == ("FKASSA", clock.now())
    assert [line.text for line in life.rules.status_lines(doctor, fk)] == [
        "Intyget är skickat till Försäkringskassan.",
        "Intyget är tillgängligt för patienten.",
    ]
    journal = certificates.list_for_patient(doctor, patients.open_journal(doctor, TOLVAN))
    assert [(r.id, r.status_text, r.recipient) for r in journal] == [
        (fk, "Skickad", "Försäkringskassan")
    ]
    received = life.fk.received()
    assert [r.certificate_id for r in received] == [fk]
    assert events_of(store, fk)[-1] == (
        "SKICKA",
        "Skickat till Försäkringskassan av patienten via Mina intyg",
    )
    with store.session() as session:
        delivery = session.scalars(select(Delivery)).one()
        assert (delivery.channel, delivery.sent_by_id, delivery.patient_consent) == (
            "MINA_INTYG",
            None,
            True,
        )
    # The patient is not care staff: no PDL entry for the send.
    actions = [e.action for e in entries_for_patient(store, patient_id(store, TOLVAN))]
    assert actions.count("Utskrift") == 0
    row = mina.certificates(tolvan)[0]
    assert (row.badges, row.sent, row.sent_to) == (("Nytt", "Skickat"), True, "Försäkringskassan")


def test_a_second_send_is_refused_with_the_recipient_and_date(
    mina: MinaIntyg,
    tolvan: Citizen,
    life: Lifecycle,
    doctor: UserContext,
    clock: FixedClock,
    sign: SignNow,
) -> None:
    fk = sign()
    mina.send(tolvan, fk)
    clock.advance(dt.timedelta(hours=1))
    message = "Intyget är redan skickat till Försäkringskassan 2026-11-27 09:30."
    assert mina.certificate(tolvan, fk).send_refusal == message
    with pytest.raises(AlreadySentError) as refused:
        mina.send(tolvan, fk)
    assert refused.value.message == message
    # The clinician's Skicka knows too.
    with pytest.raises(NotAllowedError, match="redan skickat"):
        life.signing.send(doctor, fk, patient_consent=True)
    # Sent by the clinician first: the patient is told when.
    other = sign()
    life.signing.send(doctor, other, patient_consent=True)
    with pytest.raises(
        AlreadySentError,
        match=exactly("Intyget är redan skickat till Försäkringskassan 2026-11-27 10:30."),
    ):
        mina.send(tolvan, other)


def test_a_replaced_certificate_stays_marked_ersatt_and_cannot_be_sent(
    mina: MinaIntyg, tolvan: Citizen, store: Store, clock: FixedClock, sign: SignNow
) -> None:
    old = signed_before(store, signed=at(20))
    new = sign(replaces_id=old)
    rows = mina.certificates(tolvan)
    assert ids(rows) == [new, old]
    assert rows[1].badges == ("Nytt", "Ersatt") and rows[1].replaced
    page = mina.certificate(tolvan, old)
    assert page.replaced_notice == "Detta intyg har ersatts av ett nytt intyg."
    assert page.send_refusal == "Intyget har ersatts av ett nytt intyg och kan inte skickas."
    assert [(h.at, h.text) for h in page.history] == [
        (at(20), "Intyget utfärdades av Testenhet 17"),
        (clock.now(), "Ersatt av ett nytt intyg"),
    ]
    with pytest.raises(NotAllowedError, match="ersatts") as refused:
        mina.send(tolvan, old)
    assert not isinstance(refused.value, AlreadySentError)
    assert row_of(store, old).sent_to is None
    # No actions at all (WORKFLOW.md §6): neither Skicka nor Skriv ut / Spara PDF.
    assert (page.may_send, page.may_print) == (False, False)
    with pytest.raises(NotAllowedError, match=exactly(c.REPLACED_PRINT)):
        mina.pdf(tolvan, old)
    current = mina.certificate(tolvan, new)
    assert (current.may_send, current.may_print, current.send_refusal) == (True, True, None)


def test_a_sent_certificate_once_replaced_says_replaced_not_already_sent(
    mina: MinaIntyg, tolvan: Citizen, store: Store
) -> None:
    old = signed_before(store, signed=at(20), sent_to="FKASSA")
    signed_before(store, signed=at(25), replaces_id=old)
    page = mina.certificate(tolvan, old)
    assert page.send_refusal == c.REPLACED_SEND and not page.may_send
    with pytest.raises(NotAllowedError, match=exactly(c.REPLACED_SEND)) as refused:
        mina.send(tolvan, old)
    assert not isinstance(refused.value, AlreadySentError)


def test_a_complemented_certificate_offers_no_actions(
    mina: MinaIntyg, tolvan: Citizen, store: Store
) -> None:
    old = signed_before(store, signed=at(20))
    signed_before(store, signed=at(25), complements_id=old)
    [row] = [r for r in mina.certificates(tolvan) if r.certificate_id == old]
    assert row.badges == ("Nytt", "Ej skickat")  # §6 has no badge for it
    page = mina.certificate(tolvan, old)
    assert page.replaced_notice == "Detta intyg har kompletterats med ett nytt intyg."
    assert [h.text for h in page.history][-1] == "Kompletterat med ett nytt intyg"
    assert (page.may_send, page.may_print, page.send_refusal) == (
        False,
        False,
        c.COMPLEMENTED_SEND,
    )
    with pytest.raises(NotAllowedError, match=exactly(c.COMPLEMENTED_SEND)):
        mina.send(tolvan, old)
    with pytest.raises(NotAllowedError, match=exactly(c.COMPLEMENTED_PRINT)):
        mina.pdf(tolvan, old)


def test_a_patient_with_protected_identity_sees_their_own_certificates(
    mina: MinaIntyg, store: Store
) -> None:
    # Skyddade personuppgifter limit care staff, not the citizen's own view (WORKFLOW.md §3, §6).
    kerstin = mina.log_in(PROTECTED)
    own = signed_before(store, signed=at(25), person_id=PROTECTED)
    assert ids(mina.certificates(kerstin)) == [own]
    assert mina.certificate(kerstin, own).may_send


def test_employer_certificates_are_printed_not_sent(
    mina: MinaIntyg, tolvan: Citizen, sign: SignNow
) -> None:
    ag = sign("ag7804")
    assert mina.certificates(tolvan)[0].badges == ("Nytt",)
    page = mina.certificate(tolvan, ag)
    assert page.recipient is None
    assert page.send_refusal is not None and "arbetsgivare" in page.send_refusal
    assert page.may_hide_diagnosis and page.hide_refusal is None
    with pytest.raises(NotAllowedError, match="kan inte skickas digitalt"):
        mina.send(tolvan, ag)
    fk = mina.certificate(tolvan, sign())
    assert not fk.may_hide_diagnosis


def test_ts_certificates_go_to_transportstyrelsen(
    mina: MinaIntyg, tolvan: Citizen, inbox: Inbox, store: Store, sign: SignNow
) -> None:
    ts = sign("ts-diabetes")
    assert mina.certificate(tolvan, ts).recipient == "Transportstyrelsen"
    assert mina.send(tolvan, ts) == "Transportstyrelsen"
    [item] = inbox.received("TRANSP")
    assert (item.certificate_id, item.form, item.sent_by) == (ts, "TSTRK1031", BY_PATIENT)
    assert inbox.received("FKASSA") == []
    assert row_of(store, ts).sent_to == "TRANSP"


def test_history_says_when_and_to_whom_it_was_sent(
    mina: MinaIntyg, tolvan: Citizen, clock: FixedClock, sign: SignNow
) -> None:
    fk = sign()
    clock.advance(dt.timedelta(minutes=10))
    mina.send(tolvan, fk)
    page = mina.certificate(tolvan, fk)
    assert [(h.at, h.text) for h in page.history] == [
        (at(27, 8) + dt.timedelta(minutes=30), "Intyget utfärdades av Testenhet 17"),
        (clock.now(), "Skickat till Försäkringskassan"),
    ]
    assert page.content == samples.fk7804()


def test_badges_new_for_fourteen_days(
    mina: MinaIntyg, tolvan: Citizen, store: Store, clock: FixedClock
) -> None:
    fourteen = signed_before(store, signed=at(13, 10))
    fifteen = signed_before(store, signed=at(12, 10))
    badges = {row.certificate_id: row.badges for row in mina.certificates(tolvan)}
    assert badges == {fourteen: ("Nytt", "Ej skickat"), fifteen: ("Ej skickat",)}


def test_filters_by_year_unit_type_and_status(
    mina: MinaIntyg, tolvan: Citizen, store: Store
) -> None:
    old = signed_before(store, signed=dt.datetime(2025, 3, 4, 9, tzinfo=dt.UTC))
    sent = signed_before(store, signed=at(20), sent_to="FKASSA")
    ts = signed_before(store, "ts-bas", signed=at(21), unit_id=SJOSTADEN)
    ag = signed_before(store, "ag114", signed=at(22))
    assert ids(mina.certificates(tolvan)) == [ag, ts, sent, old]
    options = mina.filter_options(tolvan)
    assert options.years == (2026, 2025)
    assert options.units == ("Testenhet 17", "Vårdcentralen Sjöstaden")
    assert options.types == (
        ("fk7804", "Läkarintyg för sjukpenning"),
        ("ag114", "Läkarintyg om arbetsförmåga – sjuklöneperioden"),
        ("ts-bas", "Transportstyrelsens läkarintyg"),
    )

    def found(**filters: object) -> list[str]:
        return ids(mina.certificates(tolvan, CitizenFilters(**filters)))  # type: ignore[arg-type]

    assert found(year=2025) == [old]
    assert found(unit="Vårdcentralen Sjöstaden") == [ts]
    assert found(type_code="fk7804") == [sent, old]
    assert found(status="Skickat") == [sent]
    assert found(status="Ej skickat") == [ts, old]
    assert found(year=2026, type_code="fk7804", status="Ej skickat") == []


def test_only_patients_of_sixteen_or_more_may_log_in(mina: MinaIntyg) -> None:
    options = {option.person_id: option for option in mina.patients()}
    assert "992026000018" not in options  # reservnummer: not in the portal
    nils = options[NILS]
    assert (nils.name, nils.age, nils.may_log_in) == ("Nils Eriksson", 9, False)
    assert options[TOLVAN].may_log_in and options[TOLVAN].age == 113
    assert options["197001782395"].may_log_in  # samordningsnummer
    assert not options["194001079120"].may_log_in  # deceased
    with pytest.raises(
        UnderAgeError, match=exactly("Du måste ha fyllt 16 år för att kunna använda Intyg.")
    ):
        mina.log_in(NILS)
    assert mina.log_in("19121212-1212") == Citizen(TOLVAN, "Tolvan Tolvansson")
    with pytest.raises(NotFoundError):
        mina.log_in("199905152410")


def test_a_patient_sees_only_their_own_signed_certificates(
    mina: MinaIntyg, tolvan: Citizen, store: Store
) -> None:
    eriks = signed_before(store, signed=at(20), person_id=ERIK)
    draft = make_certificate(store, TOLVAN, created=at(26))
    own = signed_before(store, signed=at(25))
    assert ids(mina.certificates(tolvan)) == [own]
    for hidden in (eriks, draft):
        with pytest.raises(NotFoundError):
            mina.certificate(tolvan, hidden)
        with pytest.raises(NotFoundError):
            mina.send(tolvan, hidden)
