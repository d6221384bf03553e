"""Återställ övningsdata: replace everything in the database with a training scenario.

The scenario is built on a private in-memory database by the real services
(:mod:`models.training.builder`); then, in one transaction on the real database, every row is
deleted and the built rows are copied in. Other workstations on the same database therefore
see either the old data or the new, never half of it, and a failure leaves the old data as it
was. Who reset, when and to what goes to the app log and, when a user did it, to the PDL log.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from sqlalchemy import Integer, Table, delete, func, insert, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from models.audit import AuditAction, record
from models.clock import Clock
from models.staff import UserContext
from models.store.engine import Store
from models.store.schema import Base, CareUnit, Certificate, Patient, Staff
from models.training.builder import build
from models.training.scenarios import Scenario

log = logging.getLogger("intygsstudio")


@dataclass(frozen=True)
class ResetReport:
    """What a reset did: the scenario loaded, when, by whom (None: the command line), and how
    many patients and certificates the database now holds."""

    scenario_key: str
    scenario_name: str
    at: dt.datetime
    by: str | None
    patients: int
    certificates: int


def reset_to(
    store: Store, clock: Clock, scenario: Scenario, *, by: UserContext | None = None
) -> ResetReport:
    """Replace all data in ``store`` with ``scenario`` as it stands at ``clock.now()``."""
    now = clock.now()
    with (
        build(scenario, now) as staging,
        store.transaction() as session,
        staging.engine.connect() as source,
    ):
        for table in reversed(Base.metadata.sorted_tables):
            session.execute(delete(table))
        for table in Base.metadata.sorted_tables:
            _copy(source, session, table)
        if session.get_bind().dialect.name == "postgresql":
            _restart_sequences(session)
        if by is not None and _knows(session, by):
            record(
                session,
                clock,
                by.actor,
                AuditAction.OVNINGSDATA,
                patient_id=None,
                details=f"Scenario {scenario.name}",
            )
        patients = session.scalar(select(func.count()).select_from(Patient)) or 0
        certificates = session.scalar(select(func.count()).select_from(Certificate)) or 0
    who = f"{by.staff.name} ({by.staff.hsa_id})" if by is not None else "kommandoraden"
    log.info("Övningsdata återställd till %s i %s av %s", scenario.name, store.description, who)
    return ResetReport(
        scenario.key,
        scenario.name,
        now,
        by.staff.name if by is not None else None,
        patients,
        certificates,
    )


def _copy(source: Connection, session: Session, table: Table) -> None:
    """Copy one table's rows, parents before children (certificates and questions refer to
    earlier rows of their own table)."""
    order = [table.c[name] for name in ("created_at", "sent_at") if name in table.c][:1]
    order += list(table.primary_key.columns)
    rows = [dict(row) for row in source.execute(select(table).order_by(*order)).mappings()]
    if rows:
        session.execute(insert(table), rows)


def _restart_sequences(session: Session) -> None:
    """On PostgreSQL, copied integer ids do not advance the id sequences: set each past the
    largest id, so the next row the app adds gets a free one."""
    for table in Base.metadata.sorted_tables:
        key = list(table.primary_key.columns)
        if len(key) != 1 or not isinstance(key[0].type, Integer):
            continue
        column = key[0].name
        session.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence(:table, :column), "
                f'COALESCE((SELECT MAX("{column}") FROM "{table.name}"), 0) + 1, false)'
            ),
            {"table": table.name, "column": column},
        )


def _knows(session: Session, user: UserContext) -> bool:
    """The PDL entry needs the user and unit to exist in the scenario's organisation."""
    return (
        session.get(Staff, user.staff.hsa_id) is not None
        and session.get(CareUnit, user.unit.hsa_id) is not None
    )
