"""Moving the clock by whole days ("Spola fram tiden"): the date, the listeners, and locking."""

from __future__ import annotations

import datetime as dt

import pytest

from models.clock import SWEDISH_TIME, FixedClock
from models.patients import PatientService
from models.staff import UserContext
from models.store import Store
from models.workflow.certificates import CertificateService
from models.workflow.lifecycle import Lifecycle
from models.workflow.locking import effective_status
from tests.conftest import TOLVAN
from tests.models.workflow.conftest import row_of


def test_advance_days_moves_the_swedish_date_and_counts_the_days_ahead() -> None:
    clock = FixedClock(dt.datetime(2026, 11, 27, 9, 30, tzinfo=SWEDISH_TIME))
    assert clock.days_ahead() == 0
    assert clock.advance_days(15) == dt.date(2026, 12, 12)
    assert clock.today() == dt.date(2026, 12, 12)
    assert clock.local_now().time() == dt.time(9, 30)
    assert clock.is_simulated and clock.days_ahead() == 15
    clock.advance_days(5)
    assert clock.days_ahead() == 20
    clock.reset()
    assert clock.today() == dt.date(2026, 11, 27) and clock.days_ahead() == 0


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        # Summer time ends at 03:00 on 25 October: that day has 25 hours, and 24 hours after
        # 00:30 it is still the 25th (23:30).
        (dt.datetime(2026, 10, 25, 0, 30), 1, dt.datetime(2026, 10, 26, 0, 30)),
        # Summer time begins at 02:00 on 29 March: that day has 23 hours.
        (dt.datetime(2026, 3, 29, 0, 30), 1, dt.datetime(2026, 3, 30, 0, 30)),
        (dt.datetime(2026, 3, 20, 12, 0), 30, dt.datetime(2026, 4, 19, 12, 0)),
    ],
)
def test_a_day_is_a_date_in_sweden_across_summer_time(
    start: dt.datetime, days: int, expected: dt.datetime
) -> None:
    clock = FixedClock(start.replace(tzinfo=SWEDISH_TIME))
    clock.advance_days(days)
    assert clock.local_now().replace(tzinfo=None) == expected


def test_listeners_hear_each_move_and_a_broken_one_does_not_stop_the_rest() -> None:
    clock = FixedClock(dt.datetime(2026, 11, 27, 9, 30, tzinfo=SWEDISH_TIME))
    heard: list[dt.date] = []

    def broken() -> None:
        raise RuntimeError("a view that is gone")

    clock.subscribe(broken)
    stop = clock.subscribe(lambda: heard.append(clock.today()))
    clock.advance_days(2)
    clock.reset()
    clock.reset()  # already on real time: nothing moved, nobody is told
    stop()
    clock.advance_days(1)
    assert heard == [dt.date(2026, 11, 29), dt.date(2026, 11, 27)]


def test_days_must_go_forward() -> None:
    clock = FixedClock(dt.datetime(2026, 11, 27, 9, 30, tzinfo=SWEDISH_TIME))
    with pytest.raises(ValueError):
        clock.advance_days(-1)
    assert not clock.is_simulated


def test_fifteen_days_forward_locks_a_draft_made_today(
    life: Lifecycle,
    store: Store,
    doctor: UserContext,
    clock: FixedClock,
    patients: PatientService,
    certificates: CertificateService,
) -> None:
    draft = certificates.create_draft(doctor, patients.open_journal(doctor, TOLVAN), "fk7804")
    created = row_of(store, draft.id).created_at
    clock.advance_days(14)
    assert life.locking.lock_overdue() == []
    assert effective_status("DRAFT", created, clock) == "DRAFT"
    clock.advance_days(1)
    assert effective_status("DRAFT", created, clock) == "LOCKED_DRAFT"  # even before the sweep
    assert life.locking.lock_overdue() == [draft.id]
    assert row_of(store, draft.id).status == "LOCKED_DRAFT"
    clock.reset()  # back to real time: locked stays locked
    assert row_of(store, draft.id).status == "LOCKED_DRAFT"
