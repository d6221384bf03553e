"""Nothing reads the system time (issue 10): the dynamic proof, through the services.

The clock is frozen far in the future, on 1 June 2071. Every flow is driven through the
services, and then every timestamp in the database must be that very instant: one read of the
system time anywhere would leave a date decades earlier. What is derived from "today" (locking,
deadlines, validation of dates, the printout's file name, "Nytt" in Mina intyg) must follow the
frozen day too. The
static half of the proof is tests/models/test_no_system_time.py.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from sqlalchemy import select

from models.clock import SWEDISH_TIME, FixedClock
from models.errors import NotAllowedError
from models.events import ChangeBus
from models.patients import PatientService
from models.printing import PrintService
from models.recipients.citizen import NEW, NEW_DAYS, Citizen
from models.recipients.mina_intyg import MinaIntyg
from models.reference.fmb import fmb
from models.staff import UserContext
from models.store import Store
from models.store.base import UtcDateTime
from models.store.schema import Base
from models.workflow.certificates import CertificateService
from models.workflow.fmb_warning import FmbFields, SickLeaveHistory, fmb_length_warning
from models.workflow.lifecycle import Lifecycle
from models.workflow.revoking import RevokeReason
from tests.conftest import TOLVAN
from tests.factories import make_certificate
from tests.models.definitions.types import samples
from tests.models.workflow.conftest import row_of, signature

FROZEN = dt.datetime(2071, 6, 1, 10, 15, tzinfo=SWEDISH_TIME)
FROZEN_DAY = FROZEN.date()
#: The samples are written for 27 November 2026; moved by this much they fit the frozen day.
SHIFT = FROZEN_DAY - dt.date(2026, 11, 27)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@pytest.fixture
def clock() -> FixedClock:
    """Overrides the suite's clock for every fixture of this module (the store's too)."""
    return FixedClock(FROZEN)


def shifted(value: Any) -> Any:
    """A sample's content with every date moved by ``SHIFT``."""
    if isinstance(value, dict):
        return {key: shifted(item) for key, item in value.items()}
    if isinstance(value, list):
        return [shifted(item) for item in value]
    if isinstance(value, str) and _ISO_DATE.match(value):
        return (dt.date.fromisoformat(value) + SHIFT).isoformat()
    return value


def stored_instants(store: Store) -> dict[str, list[dt.datetime]]:
    """Every timestamp in the database, by "table.column"."""
    found: dict[str, list[dt.datetime]] = {}
    with store.session() as session:
        for table in Base.metadata.sorted_tables:
            for column in table.columns:
                if isinstance(column.type, UtcDateTime):
                    values = session.scalars(select(column).where(column.isnot(None))).all()
                    if values:
                        found[f"{table.name}.{column.name}"] = list(values)
    return found


def test_every_flow_stores_the_frozen_instant_and_follows_the_frozen_day(
    store: Store,
    clock: FixedClock,
    doctor: UserContext,
    patients: PatientService,
    certificates: CertificateService,
    life: Lifecycle,
    bus: ChangeBus,
) -> None:
    assert stored_instants(store) == {}  # the seed holds no timestamps
    # Locking follows the frozen day: made 15 days before it, locked; 14 days, not yet.
    old = make_certificate(store, TOLVAN, created=FROZEN - dt.timedelta(days=15))
    recent = make_certificate(store, TOLVAN, created=FROZEN - dt.timedelta(days=14))
    assert life.locking.lock_overdue() == [old]
    assert row_of(store, recent).status == "DRAFT"
    factory_made = {FROZEN - dt.timedelta(days=15), FROZEN - dt.timedelta(days=14)}

    # Journal, draft, autosave, signing (its checks refuse dates after "today"), sending.
    patient = patients.open_journal(doctor, TOLVAN)
    assert patient.age(clock.today()) == 158  # born 1912-12-12
    row = certificates.create_draft(doctor, patient, "fk7804")
    assert row.created_at == FROZEN
    content = shifted(samples.fk7804())
    version = certificates.open_certificate(doctor, row.id).version
    version = life.drafts.save(doctor, row.id, content, version).version
    life.signing.sign(doctor, row.id, version, signature(doctor, clock))
    life.signing.send(doctor, row.id, patient_consent=True)

    # Printing: the PDF's file name carries the frozen day.
    printing = PrintService(store, clock, certificates.definitions, life.signing)
    assert FROZEN_DAY.isoformat() in printing.pdf_for(doctor, row.id).file_name

    # Questions with Försäkringskassan; a deadline before the frozen day is in the past.
    with pytest.raises(NotAllowedError):
        life.fk.send_question(
            "Anna Handläggare",
            row.id,
            "AVSTMN",
            "Kan vi ses?",
            last_date_to_reply=FROZEN_DAY - dt.timedelta(days=1),
        )
    from_fk = life.fk.send_question(
        "Anna Handläggare",
        row.id,
        "AVSTMN",
        "Kan vi ses?",
        last_date_to_reply=FROZEN_DAY + dt.timedelta(days=21),
    )
    life.questions.send_answer(doctor, from_fk, "Ja, vecka 24.")
    to_fk = life.questions.ask(doctor, row.id, "OVRIGT", "Har ni fått intyget?")
    life.fk.answer("Anna Handläggare", to_fk, "Ja.")
    complement = life.fk.send_question(
        "Anna Handläggare",
        row.id,
        "KOMPLT",
        "Vi behöver mer information.",
        last_date_to_reply=FROZEN_DAY + dt.timedelta(days=14),
        fields=[("25", "Förtydliga.")],
    )
    panel = life.questions.panel(doctor, row.id)
    cards = [*panel.complement_requests, *panel.administrative]
    assert {card.id for card in cards} == {from_fk, to_fk, complement}
    assert {card.sent_at for card in cards} == {FROZEN}
    draft = life.complements.complement(doctor, row.id).row
    assert draft.created_at == FROZEN

    # FMB counts the sick leave signed on the frozen day: its 45 days and a renewal's 155 are
    # 200, over the 186 FMB recommends for F32 (the renewal alone is not).
    definition = certificates.definitions["fk7804"]
    fields = FmbFields.of(definition)
    assert fields is not None
    history = SickLeaveHistory(store).periods(patient.id, row.unit_id, draft.id)
    assert history == [
        (FROZEN_DAY, FROZEN_DAY + dt.timedelta(days=16)),
        (FROZEN_DAY + dt.timedelta(days=17), FROZEN_DAY + dt.timedelta(days=44)),
    ]
    next_period = {
        "32": {
            "HELT_NEDSATT": {
                "from": (FROZEN_DAY + dt.timedelta(days=45)).isoformat(),
                "to": (FROZEN_DAY + dt.timedelta(days=199)).isoformat(),
            }
        }
    }
    warning = fmb_length_warning(fields, {**content, **next_period}, history, fmb())
    assert warning is not None
    assert "Den totala sjukskrivningsperioden är 200 dagar" in warning.message

    # Mina intyg: the patient sees the certificate as "Nytt".
    mina = MinaIntyg(store, clock, certificates.definitions, bus)
    citizen = mina.log_in(TOLVAN)
    assert NEW in badges_of(mina, citizen, row.id)

    # Revoking the locked draft.
    life.revoking.revoke(doctor, old, RevokeReason.ANNAT_ALLVARLIGT_FEL, "Fel patient vald.")

    instants = stored_instants(store)
    for table in (
        "certificates.created_at",
        "certificate_events.at",
        "deliveries.sent_at",
        "questions.sent_at",
        "questions.answered_at",
        "audit_entries.at",
    ):
        assert table in instants, table
    wrong = {
        name: sorted({value for value in values if value != FROZEN} - factory_made)
        for name, values in instants.items()
    }
    assert {name: values for name, values in wrong.items() if values} == {}

    # "Nytt" is counted from the clock's day too: fifteen days on, the certificate is not new.
    clock.advance_days(NEW_DAYS + 1)
    assert NEW not in badges_of(mina, citizen, row.id)


def badges_of(mina: MinaIntyg, citizen: Citizen, certificate_id: str) -> tuple[str, ...]:
    rows = [row for row in mina.certificates(citizen) if row.certificate_id == certificate_id]
    assert len(rows) == 1
    return rows[0].badges
