"""Who sees which certificates: dentists their types, a protected patient's only at the
issuing unit."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from models.errors import AccessDeniedError
from models.patients import PatientService
from models.staff import UserContext
from models.store import Store
from models.store.schema import CertificateStatus
from models.workflow.certificates import CertificateService
from models.workflow.lifecycle import Lifecycle
from tests.conftest import DENTIST, DOCTOR, SJOSTADEN, TESTENHET_17, TOLVAN
from tests.factories import make_certificate
from tests.models.workflow.conftest import PROTECTED, at

SIGNED = CertificateStatus.SIGNED


def test_dentists_see_and_open_only_their_types(
    certificates: CertificateService,
    patients: PatientService,
    life: Lifecycle,
    store: Store,
    login: Callable[[str, str], UserContext],
) -> None:
    fk = make_certificate(store, TOLVAN, status=SIGNED, created=at(20), unit_id=SJOSTADEN)
    luse = make_certificate(
        store, TOLVAN, type_code="luse", status=SIGNED, created=at(21), unit_id=SJOSTADEN
    )
    dentist = login(DENTIST, SJOSTADEN)
    rows = certificates.list_for_patient(dentist, patients.open_journal(dentist, TOLVAN))
    assert [row.id for row in rows] == [fk]
    message = "tandläkare hanterar bara läkarintyg för sjukpenning"
    with pytest.raises(AccessDeniedError, match=message):
        certificates.open_certificate(dentist, luse)
    with pytest.raises(AccessDeniedError, match=message):
        life.rules.allowed_actions(dentist, luse)


def test_a_protected_patients_certificates_stay_at_the_issuing_unit(
    certificates: CertificateService,
    patients: PatientService,
    store: Store,
    login: Callable[[str, str], UserContext],
) -> None:
    here = make_certificate(store, PROTECTED, status=SIGNED, created=at(20))
    elsewhere = make_certificate(store, PROTECTED, status=SIGNED, created=at(21), unit_id=SJOSTADEN)
    doctor = login(DOCTOR, TESTENHET_17)
    rows = certificates.list_for_patient(doctor, patients.open_journal(doctor, PROTECTED))
    assert [(row.id, row.protected_identity) for row in rows] == [(here, True)]
    with pytest.raises(AccessDeniedError, match="på den vårdenhet där de utfärdades"):
        certificates.open_certificate(doctor, elsewhere)
