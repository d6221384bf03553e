import datetime as dt

import pytest

from models.clock import SWEDISH_TIME, Clock, FixedClock


def test_fixed_clock_reports_swedish_date_across_midnight_utc() -> None:
    # 23:30 UTC on 31 Dec is already New Year's Day in Sweden.
    clock = FixedClock(dt.datetime(2026, 12, 31, 23, 30, tzinfo=dt.UTC))
    assert clock.today() == dt.date(2027, 1, 1)
    assert clock.local_now().tzinfo == SWEDISH_TIME
    assert clock.now().tzinfo == dt.UTC


def test_advance_moves_time_forward_and_reset_returns() -> None:
    clock = FixedClock(dt.datetime(2026, 11, 27, 9, 0, tzinfo=SWEDISH_TIME))
    clock.advance(dt.timedelta(days=15))
    assert clock.today() == dt.date(2026, 12, 12)
    assert clock.is_simulated
    clock.reset()
    assert clock.today() == dt.date(2026, 11, 27)
    assert not clock.is_simulated


def test_time_cannot_move_backwards() -> None:
    with pytest.raises(ValueError):
        Clock().advance(dt.timedelta(days=-1))


def test_fixed_clock_refuses_naive_instant() -> None:
    with pytest.raises(ValueError):
        FixedClock(dt.datetime(2026, 11, 27))
