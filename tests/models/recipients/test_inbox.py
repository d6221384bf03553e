"""The authorities' inboxes: what arrived, from whom, revocation notices; Skatteverket
registering a death from a DB."""

from __future__ import annotations

import datetime as dt

import pytest

from models.clock import FixedClock
from models.errors import NotFoundError
from models.patients import PatientService
from models.recipients.authorities import AUTHORITIES, authority
from models.recipients.inbox import Inbox
from models.recipients.mina_intyg import MinaIntyg
from models.staff import UserContext
from models.workflow.actions import Action
from models.workflow.certificates import CertificateService
from models.workflow.lifecycle import Lifecycle
from models.workflow.revoking import RevokeReason
from tests.conftest import TOLVAN
from tests.models.definitions.types import samples
from tests.models.recipients.conftest import ERIK, SignNow
from tests.models.workflow.conftest import DECEASED

DEATH_NOTICE = "Patienten är avliden. Endast dödsbevis och dödsorsaksintyg kan skapas."


def test_the_recipients_match_the_definitions(certificates: CertificateService) -> None:
    codes = {d.recipient.code: d.recipient.name for d in certificates.definitions.values()}
    assert {code: AUTHORITIES[code].name for code in codes} == codes
    assert [a.code for a in AUTHORITIES.values() if not a.electronic] == ["ARBETSGIVARE"]
    assert authority("AG").name == "Arbetsgivaren"
    with pytest.raises(NotFoundError):
        authority("XYZ")


def test_ts_certificates_reach_transportstyrelsen_and_hear_of_a_revocation(
    inbox: Inbox, life: Lifecycle, doctor: UserContext, clock: FixedClock, sign: SignNow
) -> None:
    ts = sign("ts-bas")
    life.signing.send(doctor, ts)
    [item] = inbox.received("TRANSP")
    assert (item.certificate_id, item.type_name, item.form) == (
        ts,
        "Transportstyrelsens läkarintyg",
        "TSTRK1007",
    )
    assert (item.person_id, item.patient_name, item.unit_name, item.sent_by) == (
        TOLVAN,
        "Tolvan Tolvansson",
        "Testenhet 17",
        "Karin Berg",
    )
    assert (item.received_at, item.revoked_at, item.revoke_text) == (clock.now(), None, None)
    document = inbox.open(item.delivery_id)
    assert document.content == samples.ts_bas()
    assert document.definition.code == "ts-bas"

    clock.advance(dt.timedelta(hours=2))
    life.revoking.revoke(doctor, ts, RevokeReason.FEL_PATIENT, "Förväxlad med annan patient.")
    [item] = inbox.received("TRANSP")
    assert item.revoked_at == clock.now()
    assert item.revoke_text == (
        "Intyget har utfärdats på fel patient. Förväxlad med annan patient."
    )
    assert inbox.received("FKASSA") == [] and inbox.received("ARBETSGIVARE") == []
    with pytest.raises(NotFoundError):
        inbox.open(item.delivery_id + 100)


def test_newest_first(
    inbox: Inbox, life: Lifecycle, doctor: UserContext, clock: FixedClock, sign: SignNow
) -> None:
    first = sign()
    second = sign()
    life.signing.send(doctor, first, patient_consent=True)
    clock.advance(dt.timedelta(minutes=1))
    life.signing.send(doctor, second, patient_consent=True)
    assert [i.certificate_id for i in inbox.received("FKASSA")] == [second, first]


def test_a_db_to_skatteverket_registers_the_death_and_the_deceased_rules_apply(
    inbox: Inbox,
    life: Lifecycle,
    doctor: UserContext,
    patients: PatientService,
    certificates: CertificateService,
    mina: MinaIntyg,
    sign: SignNow,
) -> None:
    fk = sign(person_id=ERIK)
    assert not patients.open_journal(doctor, ERIK).deceased
    db = sign("db", ERIK)
    [item] = inbox.received("SKV")
    assert (item.certificate_id, item.form) == (db, "DB")
    erik = patients.open_journal(doctor, ERIK)
    assert erik.date_of_death == dt.date(2026, 11, 26)
    choices = {c.code: c.reason for c in certificates.type_choices(doctor, erik)}
    assert choices["fk7804"] == DEATH_NOTICE
    assert choices["doi"] is None
    actions = life.rules.allowed_actions(doctor, fk)
    assert not actions[Action.RENEW].allowed
    assert actions[Action.SEND].allowed
    assert not next(o for o in mina.patients() if o.person_id == ERIK).may_log_in

    # The DOI goes to Socialstyrelsen.
    doi = sign("doi", ERIK)
    assert [i.certificate_id for i in inbox.received("SOS")] == [doi]


def test_an_uncertain_death_date_is_registered_as_the_day_the_body_was_found(
    doctor: UserContext, patients: PatientService, sign: SignNow
) -> None:
    sign("db", ERIK, content=samples.db_uncertain())
    assert patients.open_journal(doctor, ERIK).date_of_death == dt.date(2026, 11, 24)


def test_a_registered_death_is_not_changed_by_a_db(
    doctor: UserContext, patients: PatientService, sign: SignNow
) -> None:
    sign("db", DECEASED)
    assert patients.open_journal(doctor, DECEASED).date_of_death == dt.date(2026, 11, 20)


def test_a_db_for_the_police_does_not_reach_skatteverket(
    inbox: Inbox, doctor: UserContext, patients: PatientService, sign: SignNow
) -> None:
    sign("db", ERIK, content={**samples.db(), "7": True})
    assert inbox.received("SKV") == []
    assert not patients.open_journal(doctor, ERIK).deceased
