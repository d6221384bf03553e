"""Skatteverket registers a death when it receives a dödsbevis (DB).

From then on the patient is deceased in the population register (which the patients table
simulates): the journal shows "Patienten är avliden" and the rules for a deceased patient
apply (WORKFLOW.md §3).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from models.store.schema import Certificate, Patient

DB = "db"
# The DB's fields: "Dödsdatum" säkert (Ja/Nej), the certain date, the uncertain date
# (ÅÅÅÅ-MM-DD with 00 for what is unknown) and "Anträffad död".
_CERTAIN, _DATE, _UNCERTAIN, _FOUND = "2", "2.2", "2.2.1", "2.3"


def death_date(content: Mapping[str, Any]) -> dt.date | None:
    """The date of death the DB gives.

    A certain date is taken as it is; an uncertain one when every part of it is known, else
    the date the body was found ("Anträffad död"), the only full date the form then has.
    """
    if content.get(_CERTAIN) is True:
        return _date(content.get(_DATE))
    return _date(content.get(_UNCERTAIN)) or _date(content.get(_FOUND))


def _date(value: Any) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:  # "2026-11-00": a part is unknown
        return None


def register_death(session: Session, certificate: Certificate) -> bool:
    """Record the death the DB reports, unless the register already has a date; True if set."""
    if certificate.type_code != DB:
        return False
    patient = session.get(Patient, certificate.patient_id)
    assert patient is not None
    if patient.date_of_death is not None:
        return False
    died = death_date(certificate.content or {})
    if died is None:
        return False
    patient.date_of_death = died
    return True
