"""Locking by the clock: a draft created on day D is locked from day D+15; copying a locked
draft."""

from __future__ import annotations

import datetime as dt

import pytest

from models.clock import SWEDISH_TIME, FixedClock
from models.errors import NotAllowedError
from models.events import CertificateChanged
from models.staff import UserContext
from models.store import Store
from models.store.schema import CertificateStatus
from models.workflow.actions import Action
from models.workflow.lifecycle import Lifecycle
from models.workflow.revoking import RevokeReason
from tests.conftest import TOLVAN
from tests.factories import make_certificate
from tests.models.workflow.conftest import at, events_of, kinds_of, pdl, row_of


def local(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour, minute, tzinfo=SWEDISH_TIME)


def test_a_draft_is_locked_from_the_fifteenth_day_after_the_day_it_was_made(
    life: Lifecycle, store: Store, published: list[CertificateChanged]
) -> None:
    # The clock stands at Friday 27 November 09:30 in Sweden.
    late_on_the_12th = make_certificate(store, TOLVAN, created=local(12, 23, 59))
    early_on_the_13th = make_certificate(store, TOLVAN, created=local(13, 0, 1))
    signed = make_certificate(store, TOLVAN, status=CertificateStatus.SIGNED, created=local(1, 10))
    assert life.locking.lock_overdue() == [late_on_the_12th]
    assert row_of(store, late_on_the_12th).status == "LOCKED_DRAFT"
    assert row_of(store, early_on_the_13th).status == "DRAFT"
    assert row_of(store, signed).status == "SIGNED"
    assert events_of(store, late_on_the_12th) == [
        ("LAST", "Utkastet låstes eftersom det inte signerades inom 14 dagar.")
    ]
    assert pdl(store, row_of(store, late_on_the_12th).patient_id) == []  # nobody read anything
    assert [(e.certificate_id, e.kind) for e in published] == [(late_on_the_12th, "status")]
    assert life.locking.lock_overdue() == []


def test_moving_the_clock_locks_the_next_day(
    life: Lifecycle, store: Store, clock: FixedClock
) -> None:
    draft = make_certificate(store, TOLVAN, created=local(13, 0, 1))
    clock.advance(dt.timedelta(hours=14, minutes=30))  # 28 November, 00:00
    assert life.locking.lock_overdue() == [draft]


def test_locking_detaches_a_draft_from_its_parent(
    life: Lifecycle, store: Store, doctor: UserContext, clock: FixedClock
) -> None:
    parent = make_certificate(store, TOLVAN, status=CertificateStatus.SIGNED, created=at(1))
    replacement = make_certificate(store, TOLVAN, created=at(27, 7), replaces_id=parent)
    assert life.rules.allowed_actions(doctor, parent)[Action.REPLACE].continues == replacement
    clock.advance(dt.timedelta(days=15))
    # Overdue, the draft is already detached for the rules, before the sweep has run.
    replace = life.rules.allowed_actions(doctor, parent)[Action.REPLACE]
    assert replace.allowed and replace.continues is None
    assert life.locking.lock_overdue() == [replacement]
    assert row_of(store, replacement).replaces_id is None


def test_an_overdue_draft_is_locked_for_every_action_before_the_sweep(
    life: Lifecycle, store: Store, doctor: UserContext
) -> None:
    draft = make_certificate(store, TOLVAN, created=at(1))
    actions = life.rules.allowed_actions(doctor, draft)
    assert actions[Action.SIGN].reason == "Utkastet är låst och kan inte signeras."
    assert actions[Action.DELETE].reason == "Ett låst utkast kan inte raderas."
    assert actions[Action.COPY].allowed and actions[Action.REVOKE].allowed
    assert row_of(store, draft).status == "DRAFT"  # reading changed nothing
    with pytest.raises(NotAllowedError, match="låst"):
        life.drafts.save(doctor, draft, {"25": "Sent"}, 1)
    life.revoking.revoke(doctor, draft, RevokeReason.FEL_PATIENT)
    assert row_of(store, draft).status == "LOCKED_REVOKED"
    assert kinds_of(store, draft) == ["LAST", "MAKULE"]
    assert [line.text for line in life.rules.status_lines(doctor, draft)] == [
        "Utkastet är makulerat."
    ]


def test_copying_a_locked_draft_makes_an_editable_draft_once(
    life: Lifecycle, store: Store, doctor: UserContext
) -> None:
    content = {"25": "Patienten önskar kontakt.", "unit.postadress": "Gamla gatan 1"}
    locked = make_certificate(
        store, TOLVAN, status=CertificateStatus.LOCKED_DRAFT, created=at(1), content=content
    )
    first = life.derived.copy(doctor, locked)
    assert first.created and first.row.status == "DRAFT"
    assert first.row.unit_id == doctor.unit.hsa_id
    copy = row_of(store, first.row.id)
    assert copy.copied_from_id == locked
    assert copy.content == {
        "25": "Patienten önskar kontakt.",
        "unit.postadress": "Storgatan 17",
        "unit.postnummer": "12345",
        "unit.postort": "Småmåla",
        "unit.telefonnummer": "0123-456 17",
    }
    assert row_of(store, locked).status == "LOCKED_DRAFT"
    state = life.rules.allowed_actions(doctor, locked)[Action.COPY]
    assert state.continues == first.row.id
    second = life.derived.copy(doctor, locked)
    assert (second.created, second.row.id) == (False, first.row.id)
    assert kinds_of(store, first.row.id) == ["SKAPAT", "KOPIERATFRAN"]
    assert life.drafts.save(doctor, first.row.id, {"25": "Fortsätter"}, copy.version)


def test_the_next_sweep_is_due_at_midnight(clock: FixedClock) -> None:
    from models.workflow.locking import next_sweep

    assert next_sweep(clock) == local(28, 0)
