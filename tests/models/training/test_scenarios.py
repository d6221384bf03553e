"""The shipped training scenarios: each loads and is what its description says; a reset
restores it after changes; and a bad name or file is refused in Swedish."""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from models.audit import AuditAction
from models.clock import SWEDISH_TIME, FixedClock
from models.errors import NotFoundError
from models.events import ChangeBus
from models.reference.diagnoses import icd10se
from models.staff import StaffDirectory
from models.store import Store
from models.store.schema import (
    AuditEntry,
    CareUnit,
    Certificate,
    Delivery,
    Patient,
    Question,
    Staff,
)
from models.training.reset import reset_to
from models.training.scenarios import ScenarioError, load_scenario, scenario, scenarios
from models.workflow.actions import Action
from models.workflow.certificates import CertificateService
from models.workflow.integrity import is_tampered
from models.workflow.lifecycle import lifecycle
from tests.conftest import DOCTOR, SECRETARY, TESTENHET_17, TOLVAN
from tests.factories import make_certificate

ERIK = "198001139297"
NOWAK = "197001782395"
EULALA = "199905152477"
TEST_TAKECARE = "199905152402"
GRETA = "194001079120"
TODAY = dt.date(2026, 11, 27)


def certificates_of(store: Store) -> dict[str, list[Certificate]]:
    """Every certificate by the patient's personnummer, oldest first."""
    found: dict[str, list[Certificate]] = {}
    with store.session() as session:
        rows = session.execute(
            select(Certificate, Patient.person_id)
            .join(Patient, Patient.id == Certificate.patient_id)
            .order_by(Certificate.created_at)
        ).all()
    for certificate, person_id in rows:
        found.setdefault(person_id, []).append(certificate)
    return found


def questions_on(store: Store, certificate_id: str) -> list[Question]:
    with store.session() as session:
        return list(
            session.scalars(select(Question).where(Question.certificate_id == certificate_id))
        )


def snapshot(store: Store) -> dict[str, Any]:
    """What a scenario consists of, without ids and times that differ from reset to reset."""
    with store.session() as session:
        return {
            "units": sorted(session.scalars(select(CareUnit.hsa_id))),
            "staff": sorted(session.scalars(select(Staff.hsa_id))),
            "patients": sorted(
                session.execute(
                    select(Patient.person_id, Patient.given_name, Patient.date_of_death)
                ).all()
            ),
            "certificates": sorted(
                session.execute(
                    select(
                        Patient.person_id,
                        Certificate.type_code,
                        Certificate.status,
                        Certificate.sent_to,
                        Certificate.author_id,
                        Certificate.created_at,
                    ).join(Patient, Patient.id == Certificate.patient_id)
                ).all()
            ),
            "questions": sorted(session.execute(select(Question.subject, Question.status)).all()),
            "deliveries": len(session.scalars(select(Delivery.id)).all()),
        }


def test_the_shipped_scenarios_are_listed_with_grundkurs_first() -> None:
    found = scenarios()
    assert found[0].key == "grundkurs"
    assert {s.key for s in found} >= {"grundkurs", "uppfoljning", "dodsfall"}
    for each in found:
        assert each.name and len(each.description) > 80


def test_a_scenario_is_found_by_key_or_name_in_any_case() -> None:
    assert scenario("Uppföljning").key == "uppfoljning"
    assert scenario("DODSFALL").name == "Dödsfall"


def test_an_unknown_scenario_names_the_valid_ones() -> None:
    with pytest.raises(NotFoundError) as caught:
        scenario("avancerad")
    keys = ", ".join(s.key for s in scenarios())
    assert caught.value.message == (
        f"Det finns inget övningsscenario som heter ”avancerad”. Välj bland: {keys}."
    )
    assert keys.startswith("grundkurs, dodsfall, uppfoljning")


def test_grundkurs_is_the_first_start_seed_and_restores_it_after_changes(
    store: Store, clock: FixedClock
) -> None:
    seeded = snapshot(store)
    make_certificate(store, TOLVAN, created=clock.now())
    with store.transaction() as session:
        patient = session.scalar(select(Patient).where(Patient.person_id == TOLVAN))
        assert patient is not None
        patient.given_name = "Ändrad"
    assert snapshot(store) != seeded

    report = reset_to(store, clock, scenario("grundkurs"))

    assert snapshot(store) == seeded
    assert seeded["certificates"] == [] and len(seeded["patients"]) == 10
    assert (report.scenario_name, report.patients, report.certificates) == ("Grundkurs", 10, 0)


def test_uppfoljning_is_what_its_description_says(store: Store, clock: FixedClock) -> None:
    reset_to(store, clock, scenario("uppfoljning"))
    by_patient = certificates_of(store)
    assert sum(len(rows) for rows in by_patient.values()) == 6

    # Tolvan: FK7804 signed and sent ten days ago, with FK's open complement request from
    # the day before yesterday; an AG7804 made from it and signed.
    fk7804, ag7804 = by_patient[TOLVAN]
    assert (fk7804.type_code, fk7804.status, fk7804.sent_to) == ("fk7804", "SIGNED", "FKASSA")
    assert fk7804.signed_by_id == DOCTOR
    assert fk7804.signed_at is not None
    assert fk7804.signed_at.astimezone(SWEDISH_TIME).date() == TODAY - dt.timedelta(days=10)
    (request,) = questions_on(store, fk7804.id)
    assert (request.subject, request.direction, request.status) == (
        "KOMPLT",
        "FK",
        "PENDING_INTERNAL_ACTION",
    )
    assert [f["field_id"] for f in request.complement_fields or []] == ["35", "17"]
    assert request.sent_at.astimezone(SWEDISH_TIME).date() == TODAY - dt.timedelta(days=2)
    assert request.last_date_to_reply == TODAY + dt.timedelta(days=12)
    assert (ag7804.type_code, ag7804.status, ag7804.sent_to) == ("ag7804", "SIGNED", None)
    assert ag7804.created_from_id == fk7804.id

    # Erik: FK7804 signed and sent, with an open question about an avstämningsmöte.
    (erik,) = by_patient[ERIK]
    assert (erik.status, erik.sent_to) == ("SIGNED", "FKASSA")
    (question,) = questions_on(store, erik.id)
    assert (question.subject, question.status) == ("AVSTMN", "PENDING_INTERNAL_ACTION")

    # Nowak: signed, not sent.
    (nowak,) = by_patient[NOWAK]
    assert (nowak.status, nowak.sent_to) == ("SIGNED", None)

    # Eulåla: a draft created 20 days ago, locked.
    (locked,) = by_patient[EULALA]
    assert locked.status == "LOCKED_DRAFT"
    assert locked.created_at.astimezone(SWEDISH_TIME).date() == TODAY - dt.timedelta(days=20)

    # Test TakeCare: the secretary's complete draft, marked ready for Karin Berg to sign.
    (ready,) = by_patient[TEST_TAKECARE]
    assert (ready.status, ready.author_id, ready.signing_responsible_id) == (
        "DRAFT",
        SECRETARY,
        DOCTOR,
    )
    assert ready.ready_for_signing_at is not None

    for rows in by_patient.values():
        for certificate in rows:
            if certificate.status == "SIGNED":
                person = next(p for p, r in by_patient.items() if certificate in r)
                assert not is_tampered(certificate, person)


def test_uppfoljning_can_be_worked_through_by_karin_berg(
    store: Store, clock: FixedClock, directory: StaffDirectory
) -> None:
    """What the description invites: sign the ready draft, send Nowak's, complement Tolvan's."""
    reset_to(store, clock, scenario("uppfoljning"))
    doctor = directory.login(DOCTOR, TESTENHET_17)
    certificates = CertificateService(store, clock, _definitions(), ChangeBus())
    life = lifecycle(
        store, clock, certificates.definitions, ChangeBus(), diagnosis_exists=icd10se().exists
    )
    by_patient = certificates_of(store)
    mine = {row.id for row in certificates.work_list(doctor, "mine")}
    assert {by_patient[TEST_TAKECARE][0].id, by_patient[NOWAK][0].id} <= mine
    ready = by_patient[TEST_TAKECARE][0]
    assert life.rules.allowed_actions(doctor, ready.id)[Action.SIGN].allowed
    assert life.rules.allowed_actions(doctor, by_patient[NOWAK][0].id)[Action.SEND].allowed
    assert life.rules.allowed_actions(doctor, by_patient[EULALA][0].id)[Action.COPY].allowed
    complement = life.complements.complement(doctor, by_patient[TOLVAN][0].id)
    assert complement.created


def test_dodsfall_is_what_its_description_says(
    store: Store, clock: FixedClock, directory: StaffDirectory
) -> None:
    reset_to(store, clock, scenario("dodsfall"))
    with store.session() as session:
        greta = session.scalar(select(Patient).where(Patient.person_id == GRETA))
        assert greta is not None
        assert greta.date_of_death == TODAY - dt.timedelta(days=2)
    by_patient = certificates_of(store)
    assert list(by_patient) == [GRETA]
    (db,) = by_patient[GRETA]
    assert (db.type_code, db.status, db.sent_to) == ("db", "SIGNED", "SKV")
    assert db.content["2.2"] == (TODAY - dt.timedelta(days=2)).isoformat()
    doctor = directory.login(DOCTOR, TESTENHET_17)
    life = lifecycle(store, clock, _definitions(), ChangeBus(), diagnosis_exists=None)
    assert life.rules.allowed_actions(doctor, db.id)[Action.CREATE_FROM].allowed
    doi = life.derived.create_from(doctor, db.id)
    assert doi.created and doi.row.type_code == "doi"


def test_uppfoljning_is_restored_after_changes(
    store: Store, clock: FixedClock, directory: StaffDirectory
) -> None:
    reset_to(store, clock, scenario("uppfoljning"))
    loaded = snapshot(store)
    doctor = directory.login(DOCTOR, TESTENHET_17)
    life = lifecycle(store, clock, _definitions(), ChangeBus())
    by_patient = certificates_of(store)
    life.revoking.revoke(doctor, by_patient[NOWAK][0].id, "ANNAT_ALLVARLIGT_FEL", "Fel datum.")
    life.drafts.delete(doctor, by_patient[TEST_TAKECARE][0].id)
    life.complements.complement(doctor, by_patient[TOLVAN][0].id)
    assert snapshot(store) != loaded

    reset_to(store, clock, scenario("uppfoljning"))

    assert snapshot(store) == loaded


def test_every_scenario_can_follow_every_other(store: Store, clock: FixedClock) -> None:
    for each in scenarios() + scenarios():
        report = reset_to(store, clock, each)
        assert report.scenario_key == each.key
        assert sum(len(r) for r in certificates_of(store).values()) == len(each.certificates)


def test_signed_diagnoses_are_real_icd10se_codes(store: Store, clock: FixedClock) -> None:
    for each in scenarios():
        reset_to(store, clock, each)
        for rows in certificates_of(store).values():
            for certificate in rows:
                for diagnosis in (certificate.content or {}).get("6", []):
                    if isinstance(diagnosis, dict):
                        assert icd10se().exists(diagnosis["code"]), diagnosis


def test_a_reset_by_a_user_is_logged_with_who_and_when(
    store: Store, clock: FixedClock, directory: StaffDirectory, caplog: pytest.LogCaptureFixture
) -> None:
    doctor = directory.login(DOCTOR, TESTENHET_17)
    with caplog.at_level(logging.INFO, logger="intygsstudio"):
        report = reset_to(store, clock, scenario("dodsfall"), by=doctor)
    assert report.by == "Karin Berg" and report.at == clock.now()
    assert any(
        "Övningsdata återställd till Dödsfall" in r.getMessage() and DOCTOR in r.getMessage()
        for r in caplog.records
    )
    with store.session() as session:
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.action == AuditAction.OVNINGSDATA.value)
        ).all()
        assert [(e.staff_id, e.unit_id, e.at, e.details) for e in entries] == [
            (DOCTOR, TESTENHET_17, clock.now(), "Scenario Dödsfall")
        ]


def test_a_scenario_depends_only_on_the_moment_of_the_reset(store: Store) -> None:
    later = FixedClock(dt.datetime(2027, 3, 2, 14, 5, tzinfo=SWEDISH_TIME))
    reset_to(store, later, scenario("uppfoljning"))
    (locked,) = certificates_of(store)[EULALA]
    assert locked.status == "LOCKED_DRAFT"
    assert locked.created_at.astimezone(SWEDISH_TIME) == dt.datetime(
        2027, 2, 10, 8, 0, tzinfo=SWEDISH_TIME
    )
    (request,) = questions_on(store, certificates_of(store)[TOLVAN][0].id)
    assert request.last_date_to_reply == dt.date(2027, 3, 14)


def _write(tmp_path: Path, data: dict[str, Any]) -> Path:
    folder = tmp_path / "training"
    folder.mkdir(exist_ok=True)
    (tmp_path / "seed").mkdir(exist_ok=True)
    for name in ("organisation.json", "patients.json"):
        source = Path(__file__).parents[3] / "resources" / "seed" / name
        (tmp_path / "seed" / name).write_text(source.read_text(encoding="utf-8"), "utf-8")
    path = folder / "prov.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


BASE = {
    "key": "prov",
    "name": "Prov",
    "description": "Ett prov.",
    "organisation": "seed/organisation.json",
    "patients": {"files": ["seed/patients.json"]},
}


@pytest.mark.parametrize(
    ("certificate", "message"),
    [
        ({"steps": [{"action": "flyga"}]}, "okänt steg ”flyga”"),
        ({"patient": "191111111111"}, "patienten 191111111111 finns inte"),
        ({"steps": [{"action": "sign", "days_ago": 9}]}, "ligger före steget innan"),
        ({"created_from": "saknas"}, "skapas från okänt intyg ”saknas”"),
    ],
)
def test_a_malformed_scenario_file_is_refused_with_the_fault(
    tmp_path: Path, certificate: dict[str, Any], message: str
) -> None:
    plan = {
        "name": "a",
        "type": "fk7804",
        "patient": TOLVAN,
        "unit": TESTENHET_17,
        "author": DOCTOR,
        "created_days_ago": 3,
        **certificate,
    }
    path = _write(tmp_path, {**BASE, "certificates": [plan]})
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    assert caught.value.message.startswith("Fel i övningsscenariot prov.json: ")
    assert message in caught.value.message


def test_a_scenario_in_another_folder_is_loaded_from_there(tmp_path: Path) -> None:
    path = _write(tmp_path, {**BASE, "certificates": []})
    (found,) = scenarios(path.parent)
    assert (found.key, found.name, found.patient_files) == (
        "prov",
        "Prov",
        (tmp_path / "seed" / "patients.json",),
    )


def _definitions() -> Any:
    from models.definitions.loader import shipped_definitions

    return shipped_definitions()
