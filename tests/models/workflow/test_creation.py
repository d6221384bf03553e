"""Who may create which type for which patient, with the reason shown when not."""

from __future__ import annotations

import datetime as dt

import pytest

from models.patients import PatientService
from models.staff import StaffDirectory, UserContext
from models.store import Store
from models.store.schema import CertificateStatus
from models.workflow.certificates import CertificateService
from tests.conftest import (
    AKUTEN,
    DENTIST,
    DOCTOR,
    DOCTOR_WITHOUT_WEBCERT,
    SECRETARY,
    SJOSTADEN,
    TESTENHET_17,
    TOLVAN,
)
from tests.factories import make_certificate

DECEASED = "194001079120"
PROTECTED = "197006121144"
RESERV = "992026000018"
EVERY_TYPE = [
    "fk7804",
    "luse",
    "luae_na",
    "luae_fs",
    "ts-bas",
    "ts-diabetes",
    "ag114",
    "ag7804",
    "db",
    "doi",
]


def reasons(
    certificates: CertificateService, patients: PatientService, user: UserContext, person: str
) -> dict[str, str | None]:
    patient = patients.open_journal(user, person)
    return {c.code: c.reason for c in certificates.type_choices(user, patient)}


def test_a_doctor_may_create_every_type_but_death_certificates_for_the_living(
    certificates: CertificateService, patients: PatientService, doctor: UserContext
) -> None:
    found = reasons(certificates, patients, doctor, TOLVAN)
    assert list(found) == EVERY_TYPE
    assert {code for code, reason in found.items() if reason is None} == set(EVERY_TYPE) - {
        "db",
        "doi",
    }
    assert found["db"] == "Patienten är inte registrerad som avliden."


def test_choices_carry_name_recipient_and_mina_intyg(
    certificates: CertificateService, patients: PatientService, doctor: UserContext
) -> None:
    patient = patients.open_journal(doctor, TOLVAN)
    first = certificates.type_choices(doctor, patient)[0]
    assert (first.name, first.recipient, first.mina_intyg) == (
        "Läkarintyg för sjukpenning",
        "Försäkringskassan",
        True,
    )
    assert first.description


def test_dentists_only_their_types(
    certificates: CertificateService, patients: PatientService, directory: StaffDirectory
) -> None:
    dentist = directory.login(DENTIST, SJOSTADEN)
    found = reasons(certificates, patients, dentist, TOLVAN)
    assert {c for c, r in found.items() if r is None} == {"fk7804", "ag114", "ag7804"}
    assert found["luse"] == (
        "Tandläkare kan bara utfärda läkarintyg för sjukpenning och intyg till arbetsgivaren."
    )


def test_protected_identity_allows_no_ts_db_or_doi(
    certificates: CertificateService, patients: PatientService, doctor: UserContext
) -> None:
    found = reasons(certificates, patients, doctor, PROTECTED)
    for code in ("ts-bas", "ts-diabetes"):
        assert found[code] == "Kan inte utfärdas för en patient med skyddade personuppgifter."
    assert found["fk7804"] is None


def test_reservnummer_allows_nothing(
    certificates: CertificateService, patients: PatientService, doctor: UserContext
) -> None:
    found = reasons(certificates, patients, doctor, RESERV)
    assert set(found.values()) == {
        "Intyg kan inte utfärdas för en patient med reservnummer. Webcert hanterar enbart "
        "person- och samordningsnummer."
    }


def test_a_deceased_patient_only_db_and_doi(
    certificates: CertificateService, patients: PatientService, doctor: UserContext
) -> None:
    found = reasons(certificates, patients, doctor, DECEASED)
    assert {c for c, r in found.items() if r is None} == {"db", "doi"}
    assert (
        found["fk7804"] == "Patienten är avliden. Endast dödsbevis och dödsorsaksintyg kan skapas."
    )


def test_a_second_db_is_refused_until_the_first_is_revoked(
    certificates: CertificateService,
    patients: PatientService,
    doctor: UserContext,
    store: Store,
    clock: object,
) -> None:
    created = dt.datetime(2026, 11, 21, 8, 0, tzinfo=dt.UTC)
    first = make_certificate(store, DECEASED, type_code="db", created=created)
    found = reasons(certificates, patients, doctor, DECEASED)
    assert found["db"] == "Det finns redan ett dödsbevis för patienten. Ändringar görs med Ersätt."
    assert found["doi"] is None
    from sqlalchemy import update

    from models.store.schema import Certificate

    with store.transaction() as session:
        session.execute(
            update(Certificate)
            .where(Certificate.id == first)
            .values(status=CertificateStatus.REVOKED)
        )
    assert reasons(certificates, patients, doctor, DECEASED)["db"] is None


@pytest.mark.parametrize(
    ("staff", "unit", "reason"),
    [
        (
            DOCTOR_WITHOUT_WEBCERT,
            TESTENHET_17,
            "Du saknar behörigheten ”Använda Webcert” i TakeCare.",
        ),
        (
            DOCTOR,
            AKUTEN,
            "Vårdenheten Akutmottagningen Övningssjukhuset saknar arbetsplatskod och kan inte "
            "utfärda intyg.",
        ),
    ],
)
def test_prerequisites_block_every_type(
    certificates: CertificateService,
    patients: PatientService,
    directory: StaffDirectory,
    staff: str,
    unit: str,
    reason: str,
) -> None:
    user = directory.login(staff, unit)
    assert set(reasons(certificates, patients, user, TOLVAN).values()) == {reason}


def test_a_secretary_may_draft_but_not_see_protected_patients(
    certificates: CertificateService, patients: PatientService, directory: StaffDirectory
) -> None:
    secretary = directory.login(SECRETARY, TESTENHET_17)
    assert reasons(certificates, patients, secretary, TOLVAN)["fk7804"] is None
    from models.errors import AccessDeniedError

    with pytest.raises(AccessDeniedError, match="Behörighet saknas"):
        patients.open_journal(secretary, PROTECTED)
