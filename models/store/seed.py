"""Training data loaded into an empty database, and the reset that rebuilds it."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from models.clock import Clock
from models.reference.patient_id import parse as parse_patient_id
from models.store.engine import Store
from models.store.schema import (
    Base,
    CareProvider,
    CareUnit,
    Patient,
    Staff,
)

_UNIT_FIELDS = ("name", "arbetsplatskod", "street_address", "postal_code", "city", "phone")
_STAFF_FIELDS = (
    "given_name",
    "family_name",
    "befattningskod",
    "legitimerad_yrkesgrupp",
    "forskrivarkod",
    "specialities",
    "has_vard_och_behandling",
    "may_use_webcert",
)
_PATIENT_FIELDS = ("given_name", "middle_name", "family_name", "street_address", "postal_code")


def _read(seed_dir: Path, name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((seed_dir / name).read_text(encoding="utf-8"))
    return data


def is_empty(store: Store) -> bool:
    with store.session() as session:
        return session.scalar(select(CareProvider.hsa_id).limit(1)) is None


def seed_if_empty(store: Store, seed_dir: Path, clock: Clock) -> bool:
    """Load the seed into an empty database; True if it did."""
    with store.transaction() as session:
        if session.scalar(select(CareProvider.hsa_id).limit(1)) is not None:
            return False
        _load(session, seed_dir, clock)
    return True


def reset_training(store: Store, seed_dir: Path, clock: Clock) -> None:
    """Delete every row and load the seed again, in one transaction."""
    with store.transaction() as session:
        for table in reversed(Base.metadata.sorted_tables):
            session.execute(delete(table))
        _load(session, seed_dir, clock)


def _load(session: Session, seed_dir: Path, clock: Clock) -> None:
    load_organisation(session, seed_dir / "organisation.json")
    load_patients(session, _read(seed_dir, "patients.json")["patients"], clock.today())


def load_organisation(session: Session, path: Path) -> None:
    """Add the care providers, units and staff of an organisation file (seed format)."""
    organisation = _read(path.parent, path.name)
    units: dict[str, CareUnit] = {}
    for provider_data in organisation["care_providers"]:
        provider = CareProvider(hsa_id=provider_data["hsa_id"], name=provider_data["name"])
        session.add(provider)
        for unit_data in provider_data["units"]:
            unit = CareUnit(
                hsa_id=unit_data["hsa_id"],
                care_provider=provider,
                parent_unit_id=unit_data.get("parent_unit_id"),
                active=unit_data.get("active", True),
                **{field: unit_data.get(field) or "" for field in _UNIT_FIELDS},
            )
            unit.arbetsplatskod = unit_data.get("arbetsplatskod")
            units[unit.hsa_id] = unit
            session.add(unit)
    for staff_data in organisation["staff"]:
        staff = Staff(
            hsa_id=staff_data["hsa_id"],
            **{field: staff_data.get(field) for field in _STAFF_FIELDS},
        )
        staff.units = [units[unit_id] for unit_id in staff_data["units"]]
        session.add(staff)


def load_patients(session: Session, patients: Iterable[Mapping[str, Any]], today: dt.date) -> None:
    """Add patients given as in patients.json (``date_of_death`` an ISO date or absent)."""
    for patient_data in patients:
        patient_id = parse_patient_id(patient_data["person_id"], today)
        died = patient_data.get("date_of_death")
        session.add(
            Patient(
                person_id=patient_id.digits,
                id_kind=patient_id.kind,
                city=patient_data.get("city", ""),
                protected_identity=patient_data.get("protected_identity", False),
                date_of_death=dt.date.fromisoformat(died) if died else None,
                **{field: patient_data.get(field, "") for field in _PATIENT_FIELDS},
            )
        )
