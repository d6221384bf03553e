"""Building a scenario: its organisation, patients and certificates, made by the real services.

Each certificate is created, filled in, marked ready, signed, sent, asked about by FK or revoked
by the same services a user drives, on a clock set back to the moment each step happened. So
the rows, events, deliveries, questions and PDL entries are exactly what the services leave,
with times and content dates that make sense relative to the moment of the reset. Drafts the
clock makes overdue are then locked by the locking service, as start-up would.

The build runs on a private in-memory database; :mod:`models.training.reset` copies the result
into the real one in one transaction.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import create_engine, delete
from sqlalchemy.pool import StaticPool

from models.clock import SWEDISH_TIME, Clock
from models.definitions.loader import shipped_definitions
from models.events import ChangeBus
from models.patients import PatientInfo, PatientService
from models.reference.hsa import shipped_befattningar
from models.staff import StaffDirectory, UserContext
from models.store.engine import Store
from models.store.schema import Base, Certificate
from models.store.seed import load_organisation, load_patients
from models.training.scenarios import CertificatePlan, Scenario, Step, relative_date
from models.workflow.certificates import CertificateService
from models.workflow.lifecycle import Lifecycle, lifecycle
from models.workflow.siths import TRAINING_PIN, SithsCard

#: Steps on earlier days happen from this local time on, a quarter of an hour apart.
WORKDAY_START = dt.time(8, 0)
STEP_GAP = dt.timedelta(minutes=15)
#: Steps today happen in the minutes before the reset, a minute apart.
TODAY_GAP = dt.timedelta(minutes=1)
#: Who writes FK's questions when the scenario does not name a caseworker.
FK_CASEWORKER = "Handläggare Försäkringskassan"


class ScenarioClock(Clock):
    """A clock the build moves to each step's moment (forwards only, as time goes)."""

    def __init__(self, instant: dt.datetime) -> None:
        super().__init__()
        self._instant = instant

    def _system_now(self) -> dt.datetime:
        return self._instant

    def move_to(self, instant: dt.datetime) -> None:
        self._instant = instant


def resolve_dates(value: Any, today: dt.date) -> Any:
    """Replace every "$idag±N" in answers with the ISO date it names."""
    if isinstance(value, dict):
        return {key: resolve_dates(item, today) for key, item in value.items()}
    if isinstance(value, list):
        return [resolve_dates(item, today) for item in value]
    relative = relative_date(value)
    if relative is not None:
        return (today + dt.timedelta(days=relative.days)).isoformat()
    return value


@dataclass(frozen=True)
class _Moment:
    """One entry of the timeline: a certificate's creation (step None) or one of its steps."""

    days_ago: int
    plan: CertificatePlan
    step: Step | None


def timeline(scenario: Scenario, now: dt.datetime) -> list[tuple[dt.datetime, _Moment]]:
    """Every creation and step with the instant it happens, oldest first; on the same day in
    the order of the file."""
    moments = []
    for plan in scenario.certificates:
        moments.append(_Moment(plan.created_days_ago, plan, None))
        moments += [_Moment(step.days_ago, plan, step) for step in plan.steps]
    moments.sort(key=lambda moment: -moment.days_ago)  # stable: file order within a day
    today = now.astimezone(SWEDISH_TIME).date()
    timed = []
    for days_ago in sorted({m.days_ago for m in moments}, reverse=True):
        same_day = [m for m in moments if m.days_ago == days_ago]
        if days_ago == 0:
            start = now - TODAY_GAP * len(same_day)
            gap = TODAY_GAP
        else:
            day = today - dt.timedelta(days=days_ago)
            start = dt.datetime.combine(day, WORKDAY_START, tzinfo=SWEDISH_TIME)
            gap = STEP_GAP
        timed += [(start + gap * index, moment) for index, moment in enumerate(same_day)]
    return timed


def staging_store() -> Store:
    """An empty in-memory database with every table."""
    engine = create_engine(
        "sqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False}
    )
    Base.metadata.create_all(engine)
    return Store(engine)


# One staging database for the process, emptied before each build: its engine keeps the
# compiled SQL of the services' statements, which makes the second and later resets about
# twice as fast. The lock keeps two builds (two windows, a test's threads) apart.
_staging: Store | None = None
_staging_lock = threading.Lock()


@contextmanager
def build(scenario: Scenario, now: dt.datetime) -> Iterator[Store]:
    """The scenario as it stands at ``now``, in the in-memory staging database, for the
    duration of the ``with`` block (read it there; the next build empties it)."""
    global _staging
    with _staging_lock:
        if _staging is None:
            _staging = staging_store()
        store = _staging
        with store.transaction() as session:
            for table in reversed(Base.metadata.sorted_tables):
                session.execute(delete(table))
        _Builder(store, scenario, now).run()
        yield store


class _Builder:
    """Drives the services through one scenario's timeline."""

    def __init__(self, store: Store, scenario: Scenario, now: dt.datetime) -> None:
        self._store = store
        self._scenario = scenario
        self._now = now
        self._today = now.astimezone(SWEDISH_TIME).date()
        self._clock = ScenarioClock(now)
        definitions = shipped_definitions()
        bus = ChangeBus()  # nobody listens: the windows refresh after the reset as a whole
        self._certificates = CertificateService(store, self._clock, definitions, bus)
        self._life: Lifecycle = lifecycle(store, self._clock, definitions, bus)
        self._patients = PatientService(store, self._clock)
        self._directory = StaffDirectory(store, shipped_befattningar())
        self._ids: dict[str, str] = {}

    def run(self) -> None:
        self._load_people()
        for instant, moment in timeline(self._scenario, self._now):
            self._clock.move_to(instant)
            if moment.step is None:
                self._create(moment.plan)
            else:
                self._do(moment.plan, moment.step)
        self._clock.move_to(self._now)
        self._life.locking.lock_overdue()

    def _load_people(self) -> None:
        scenario = self._scenario
        patients: list[Mapping[str, Any]] = []
        for path in scenario.patient_files:
            patients += json.loads(path.read_text(encoding="utf-8"))["patients"]
        patients += scenario.extra_patients
        changed = []
        for patient in patients:
            change = scenario.patient_changes.get(patient["person_id"], {})
            changed.append(resolve_dates({**patient, **change}, self._today))
        with self._store.transaction() as session:
            load_organisation(session, scenario.organisation)
            load_patients(session, changed, self._today)

    def _user(self, staff_id: str, plan: CertificatePlan) -> UserContext:
        return self._directory.login(staff_id, plan.unit)

    def _patient(self, user: UserContext, plan: CertificatePlan) -> PatientInfo:
        return self._patients.open_journal(user, plan.patient)

    def _create(self, plan: CertificatePlan) -> None:
        user = self._user(plan.author, plan)
        patient = self._patient(user, plan)
        if plan.created_from is not None:
            derived = self._life.derived.create_from(user, self._ids[plan.created_from])
            certificate_id = derived.row.id
        else:
            certificate_id = self._certificates.create_draft(user, patient, plan.type_code).id
        self._ids[plan.name] = certificate_id
        if plan.content:
            self._save(user, certificate_id, plan.content)

    def _save(self, user: UserContext, certificate_id: str, answers: Mapping[str, Any]) -> None:
        content, version = self._stored(certificate_id)
        content.update(resolve_dates(dict(answers), self._today))
        self._life.drafts.save(user, certificate_id, content, version)

    def _stored(self, certificate_id: str) -> tuple[dict[str, Any], int]:
        with self._store.session() as session:
            certificate = session.get(Certificate, certificate_id)
            assert certificate is not None
            return dict(certificate.content or {}), certificate.version

    def _do(self, plan: CertificatePlan, step: Step) -> None:
        user = self._user(step.by or plan.author, plan)
        certificate_id = self._ids[plan.name]
        params = step.params
        life = self._life
        if step.action == "save":
            self._save(user, certificate_id, params.get("content", {}))
        elif step.action == "mark_ready":
            life.drafts.mark_ready_for_signing(
                user, certificate_id, responsible_id=params.get("responsible")
            )
        elif step.action == "sign":
            _content, version = self._stored(certificate_id)
            signature = SithsCard(user, self._clock).enter_pin(TRAINING_PIN)
            life.signing.sign(user, certificate_id, version, signature)
        elif step.action == "send":
            life.signing.send(user, certificate_id, patient_consent=True)
        elif step.action == "fk_question":
            last = relative_date(params.get("last_date_to_reply"))
            life.fk.send_question(
                params.get("caseworker", FK_CASEWORKER),
                certificate_id,
                params["subject"],
                params["text"],
                last_date_to_reply=(
                    None if last is None else self._today + dt.timedelta(days=last.days)
                ),
                fields=list(params.get("fields", {}).items()),
            )
        elif step.action == "revoke":
            life.revoking.revoke(
                user, certificate_id, params.get("reason"), params.get("message", "")
            )
        else:  # pragma: no cover - the loader admits only STEP_ACTIONS
            raise AssertionError(step.action)
