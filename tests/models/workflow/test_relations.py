"""Ersätt, Förnya and Skapa från: what the new draft carries and how the relation shows."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from models.clock import FixedClock
from models.errors import NotAllowedError
from models.patients import PatientService
from models.staff import UserContext
from models.store import Store
from models.store.schema import CareUnit, CertificateStatus
from models.workflow.actions import Action
from models.workflow.certificates import CertificateService
from models.workflow.lifecycle import Lifecycle
from tests.conftest import DOCTOR, SJOSTADEN, TESTENHET_17, TOLVAN
from tests.factories import make_certificate
from tests.models.definitions.types import samples
from tests.models.workflow.conftest import (
    DECEASED,
    FakeQuestions,
    at,
    kinds_of,
    pdl,
    row_of,
    signature,
)

SIGNED = CertificateStatus.SIGNED
OLD_UNIT = {
    "unit.postadress": "Gamla vägen 2",
    "unit.postnummer": "99999",
    "unit.postort": "Förr",
    "unit.telefonnummer": "000",
}
NEW_UNIT = {
    "unit.postadress": "Storgatan 17",
    "unit.postnummer": "12345",
    "unit.postort": "Småmåla",
    "unit.telefonnummer": "0123-456 17",
}


def signed_fk7804(store: Store, **kwargs: object) -> str:
    content = {**samples.fk7804(), **OLD_UNIT}
    return make_certificate(
        store, TOLVAN, status=SIGNED, created=at(20), content=content, seal=True, **kwargs
    )


def test_a_replacement_carries_everything_but_the_units_address(
    life: Lifecycle, store: Store, doctor: UserContext, clock: FixedClock
) -> None:
    original = signed_fk7804(store)
    made = life.derived.replace(doctor, original)
    assert made.created and made.row.status_text == "Utkast"
    draft = row_of(store, made.row.id)
    assert draft.content == {**samples.fk7804(), **NEW_UNIT}
    assert draft.replaces_id == original and draft.type_version == "2.0"
    assert kinds_of(store, draft.id) == ["SKAPAT", "ERSATTER"]
    assert pdl(store, draft.patient_id) == [
        ("Läsa", "Ersättande utkast"),
        ("Skriva", "Ersättande utkast: Läkarintyg för sjukpenning"),
    ]
    # A second press continues the unsigned replacement.
    state = life.rules.allowed_actions(doctor, original)[Action.REPLACE]
    assert (state.continues, state.notice) == (
        draft.id,
        "Det finns redan ett påbörjat utkast som ska ersätta detta intyg.",
    )
    again = life.derived.replace(doctor, original)
    assert (again.created, again.row.id) == (False, draft.id)
    line = life.rules.status_lines(doctor, original)[0]
    assert (line.text, line.link_id, line.link_text) == (
        "Det finns redan ett påbörjat utkast som ska ersätta detta intyg.",
        draft.id,
        "Öppna utkastet",
    )
    # Signed, the replacement makes the original "Ersatt".
    life.signing.sign(doctor, draft.id, draft.version, signature(doctor, clock))
    line = life.rules.status_lines(doctor, original)[0]
    assert (line.text, line.link_id) == ("Intyget har ersatts av ett annat intyg.", draft.id)
    actions = life.rules.allowed_actions(doctor, original)
    assert actions[Action.REPLACE].reason == "Intyget har redan ersatts av ett signerat intyg."
    assert actions[Action.RENEW].reason == (
        "Intyget har ersatts av ett annat intyg och kan inte förnyas."
    )
    assert actions[Action.SEND].reason == (
        "Intyget har ersatts av ett annat intyg och kan inte skickas."
    )


def test_the_original_shows_ersatt_in_the_journal(
    life: Lifecycle,
    store: Store,
    doctor: UserContext,
    clock: FixedClock,
    certificates: CertificateService,
    patients: PatientService,
) -> None:
    original = signed_fk7804(store)
    made = life.derived.replace(doctor, original)
    life.signing.sign(doctor, made.row.id, 1, signature(doctor, clock))
    rows = certificates.list_for_patient(doctor, patients.open_journal(doctor, TOLVAN))
    assert {row.id: row.status_text for row in rows} == {
        made.row.id: "Signerad",
        original: "Ersatt",
    }


def test_no_replacement_while_a_complement_request_is_unhandled(
    life_with_questions: Lifecycle, questions: FakeQuestions, store: Store, doctor: UserContext
) -> None:
    original = signed_fk7804(store, sent_to="FKASSA")
    questions.unhandled[original] = 1
    state = life_with_questions.rules.allowed_actions(doctor, original)[Action.REPLACE]
    assert state.reason == (
        "Intyget har minst en ohanterad kompletteringsbegäran och kan därför inte ersättas."
    )
    with pytest.raises(NotAllowedError, match="ohanterad kompletteringsbegäran"):
        life_with_questions.derived.replace(doctor, original)
    assert life_with_questions.rules.status_lines(doctor, original)[0].text == (
        "Försäkringskassan har begärt komplettering."
    )


def test_a_renewal_leaves_out_what_must_be_assessed_again(
    life_with_questions: Lifecycle, questions: FakeQuestions, store: Store, doctor: UserContext
) -> None:
    original = signed_fk7804(store, sent_to="FKASSA")
    questions.unhandled[original] = 1
    notice = life_with_questions.rules.allowed_actions(doctor, original)[Action.RENEW].notice
    assert notice is not None
    assert notice.endswith("Kompletteringsbegäran på intyget markeras som hanterad.")
    made = life_with_questions.derived.renew(doctor, original)
    assert made.info == (
        "Det föregående intyget angav nedsatt arbetsförmåga till och med 2027-01-10 (50 procent)."
    )
    content = row_of(store, made.row.id).content
    kept = {key: value for key, value in samples.fk7804().items() if key not in NEW_UNIT}
    for left_out in ("1", "32", "33", "39"):
        del kept[left_out]
    assert content == {**kept, **NEW_UNIT}
    assert row_of(store, made.row.id).renews_id == original
    assert kinds_of(store, made.row.id) == ["SKAPAT", "FORLANGER"]
    assert questions.calls == [("close", original)]


def test_renewing_another_units_certificate_makes_the_draft_here_and_leaves_its_requests(
    life_with_questions: Lifecycle,
    questions: FakeQuestions,
    store: Store,
    login: Callable[[str, str], UserContext],
) -> None:
    original = signed_fk7804(store, unit_id=SJOSTADEN)
    doctor = login(DOCTOR, TESTENHET_17)
    questions.unhandled[original] = 1
    made = life_with_questions.derived.renew(doctor, original)
    assert made.row.unit_name == "Testenhet 17"
    assert questions.calls == []


def test_only_some_types_are_renewed(life: Lifecycle, store: Store, doctor: UserContext) -> None:
    for code in ("ts-bas", "ts-diabetes", "ag114"):
        certificate_id = make_certificate(
            store, TOLVAN, type_code=code, status=SIGNED, created=at(20)
        )
        state = life.rules.allowed_actions(doctor, certificate_id)[Action.RENEW]
        assert (state.reason, state.applicable) == (
            "Den här intygstypen kan inte förnyas.",
            False,
        )
    for code in ("luse", "luae_na", "luae_fs", "ag7804"):
        certificate_id = make_certificate(
            store, TOLVAN, type_code=code, status=SIGNED, created=at(20)
        )
        assert life.rules.allowed_actions(doctor, certificate_id)[Action.RENEW].allowed


def test_an_inactive_unit_makes_nothing_new_but_still_sends_and_revokes(
    life: Lifecycle, store: Store, login: Callable[[str, str], UserContext]
) -> None:
    original = signed_fk7804(store)
    with store.transaction() as session:
        unit = session.get(CareUnit, TESTENHET_17)
        assert unit is not None
        unit.active = False
    doctor = login(DOCTOR, TESTENHET_17)
    actions = life.rules.allowed_actions(doctor, original)
    inactive = "Vårdenheten Testenhet 17 är inaktiv och kan inte utfärda nya intyg."
    assert actions[Action.RENEW].reason == inactive
    assert actions[Action.REPLACE].reason == inactive
    assert actions[Action.CREATE_FROM].reason == inactive
    assert actions[Action.SEND].allowed and actions[Action.REVOKE].allowed


def test_an_ag7804_from_an_fk7804_takes_the_shared_answers(
    life: Lifecycle, store: Store, login: Callable[[str, str], UserContext]
) -> None:
    original = signed_fk7804(store)
    nurse = login("TSTNMT2321000156-S001", TESTENHET_17)
    state = life.rules.allowed_actions(nurse, original)[Action.CREATE_FROM]
    assert state.label == "Skapa AG7804" and state.allowed
    assert state.notice == (
        "Läkarintyget för sjukpenning är inte skickat till Försäkringskassan. Skicka det först "
        "om patienten ska ansöka om sjukpenning."
    )
    made = life.derived.create_from(nurse, original)
    draft = row_of(store, made.row.id)
    assert (draft.type_code, draft.created_from_id) == ("ag7804", original)
    expected = {
        key: value
        for key, value in samples.fk7804().items()
        if key not in ("26", "26.2") and key not in NEW_UNIT
    }
    assert draft.content == {**expected, **NEW_UNIT}
    assert kinds_of(store, draft.id) == ["SKAPAT", "SKAPATFRAN"]
    again = life.derived.create_from(nurse, original)
    assert (again.created, again.row.id) == (False, draft.id)


def test_a_doi_from_a_db_takes_the_shared_answers_once_per_patient(
    life: Lifecycle, store: Store, doctor: UserContext, clock: FixedClock
) -> None:
    db = make_certificate(store, DECEASED, type_code="db", created=at(27, 7), content=samples.db())
    life.signing.sign(doctor, db, 1, signature(doctor, clock))
    state = life.rules.allowed_actions(doctor, db)[Action.CREATE_FROM]
    assert state.label == "Skapa dödsorsaksintyg" and state.allowed
    made = life.derived.create_from(doctor, db)
    content = row_of(store, made.row.id).content
    assert content == {
        "1": "Känd av personalen",
        "2": True,
        "2.2": "2026-11-26",
        "3.1": "Växjö",
        "3.2": "SARSKILT_BOENDE",
        "4": False,
        **NEW_UNIT,
    }
    assert life.derived.create_from(doctor, db).row.id == made.row.id
    make_certificate(store, DECEASED, type_code="doi", status=SIGNED, created=at(27, 7))
    life.drafts.delete(doctor, made.row.id)
    state = life.rules.allowed_actions(doctor, db)[Action.CREATE_FROM]
    assert state.reason == (
        "Det finns redan ett dödsorsaksintyg för patienten. Ändringar görs med Ersätt."
    )


def test_a_deceased_patients_db_can_be_replaced(
    life: Lifecycle, store: Store, doctor: UserContext
) -> None:
    db = make_certificate(
        store, DECEASED, type_code="db", status=SIGNED, created=at(27, 7), content=samples.db()
    )
    made = life.derived.replace(doctor, db)
    assert made.row.type_code == "db"
