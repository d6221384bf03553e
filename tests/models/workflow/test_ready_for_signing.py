"""Markera klart för signering, the signing responsible, and Radera utkast by the rules."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from models.errors import AccessDeniedError, NotAllowedError
from models.roles import Role
from models.staff import UserContext
from models.store import Store
from models.workflow.actions import Action
from models.workflow.certificates import CertificateService
from models.workflow.lifecycle import Lifecycle
from tests.conftest import (
    AT_DOCTOR,
    DENTIST,
    DOCTOR,
    NURSE,
    SECRETARY,
    SJOSTADEN,
    TESTENHET_17,
    TOLVAN,
)
from tests.factories import make_certificate
from tests.models.workflow.conftest import PROTECTED, at, events_of, pdl, row_of


def test_a_marked_draft_goes_to_the_signing_responsibles_list(
    life: Lifecycle,
    store: Store,
    certificates: CertificateService,
    login: Callable[[str, str], UserContext],
) -> None:
    secretary = login(SECRETARY, TESTENHET_17)
    draft = make_certificate(
        store, TOLVAN, created=at(27, 7), responsible=None, content={}, is_empty=True
    )
    doctor = login(DOCTOR, TESTENHET_17)
    assert certificates.work_list(doctor, "mine") == []
    state = life.rules.allowed_actions(secretary, draft)[Action.MARK_READY]
    assert state.allowed and state.notice is not None
    life.drafts.mark_ready_for_signing(secretary, draft, responsible_id=DOCTOR)
    [row] = certificates.work_list(doctor, "mine")
    assert (row.id, row.ready_for_signing, row.responsible_name) == (draft, True, "Karin Berg")
    assert events_of(store, draft) == [("KFSIGN", "Markerat klart för signering")]
    assert pdl(store, row.patient_id) == [("Skriva", "Markerade klart för signering")]
    assert life.rules.allowed_actions(secretary, draft)[Action.MARK_READY].reason == (
        "Utkastet är redan markerat klart för signering."
    )
    assert [line.text for line in life.rules.status_lines(doctor, draft)] == [
        "Utkastet är markerat klart för signering."
    ]
    doctors_view = life.rules.allowed_actions(doctor, draft)[Action.MARK_READY]
    assert (doctors_view.reason, doctors_view.applicable) == (
        "Läkare och tandläkare signerar utkastet själva.",
        False,
    )


def test_the_signing_responsible_is_a_signing_role_with_webcert_at_the_drafts_unit(
    life: Lifecycle, store: Store, login: Callable[[str, str], UserContext]
) -> None:
    nurse = login(NURSE, TESTENHET_17)
    draft = make_certificate(store, TOLVAN, created=at(27, 7), responsible=None)
    candidates = life.drafts.signing_candidates(nurse, draft)
    assert [(c.name, c.role) for c in candidates] == [
        ("Karin Berg", Role.LAKARE),
        ("Johan Ek", Role.LAKARE),
    ]  # not Lena Åberg: she lacks "Använda Webcert"; the dentist works at Sjöstaden
    life.drafts.set_signing_responsible(nurse, draft, AT_DOCTOR)
    assert row_of(store, draft).signing_responsible_id == AT_DOCTOR
    assert events_of(store, draft) == [("ANSVARIG", "Signeringsansvarig: Johan Ek")]
    with pytest.raises(NotAllowedError, match="bara läkare och tandläkare"):
        life.drafts.set_signing_responsible(nurse, draft, NURSE)
    dentist_unit_draft = make_certificate(
        store, TOLVAN, type_code="luse", created=at(27, 7), unit_id=SJOSTADEN
    )
    secretary = login(SECRETARY, SJOSTADEN)
    names = [c.hsa_id for c in life.drafts.signing_candidates(secretary, dentist_unit_draft)]
    assert names == [DOCTOR]  # the dentist may not sign an LUSE
    fk = make_certificate(store, TOLVAN, created=at(27, 7), unit_id=SJOSTADEN)
    names = [c.hsa_id for c in life.drafts.signing_candidates(secretary, fk)]
    assert names == [DOCTOR, DENTIST]


def test_a_protected_patients_draft_is_out_of_reach_for_roles_that_do_not_sign(
    life: Lifecycle, store: Store, login: Callable[[str, str], UserContext]
) -> None:
    draft = make_certificate(store, PROTECTED, created=at(27, 7))
    secretary = login(SECRETARY, TESTENHET_17)
    message = "Behörighet saknas: patienten har skyddade personuppgifter."
    with pytest.raises(AccessDeniedError, match=message):
        life.rules.allowed_actions(secretary, draft)
    with pytest.raises(AccessDeniedError, match=message):
        life.drafts.delete(secretary, draft)
    doctor_elsewhere = login(DOCTOR, SJOSTADEN)
    with pytest.raises(AccessDeniedError, match="Kunde inte hämta intyget"):
        life.rules.allowed_actions(doctor_elsewhere, draft)
    doctor = login(DOCTOR, TESTENHET_17)
    print_state = life.rules.allowed_actions(doctor, draft)[Action.PRINT]
    assert print_state.notice == (
        "Patienten har skyddade personuppgifter. Hantera utskriften varsamt så att uppgifterna "
        "inte sprids."
    )
    assert life.signing.record_print(doctor, draft) == print_state.notice
    assert pdl(store, row_of(store, draft).patient_id) == [("Utskrift", "Utkastet utskrivet")]
    life.drafts.delete(doctor, draft)
    assert row_of(store, draft) is None
