import datetime as dt

import pytest

from models.definitions.inputs import (
    next_period_start,
    normalise_date,
    period_days,
    period_end,
)

TODAY = dt.date(2026, 11, 27)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("2026-11-27", "2026-11-27"),
        ("20261127", "2026-11-27"),
        ("261127", "2026-11-27"),
        ("991231", "1999-12-31"),
        (" 2026-11-27 ", "2026-11-27"),
        ("2026-02-30", "2026-02-30"),  # kept as typed: the rules say it is not a date
        ("igår", "igår"),
    ],
)
def test_normalise_date(typed: str, stored: str) -> None:
    assert normalise_date(typed, TODAY) == stored


@pytest.mark.parametrize(
    ("typed", "end"),
    [
        ("14d", "2026-12-14"),
        ("2v", "2026-12-14"),
        ("1m", "2026-12-31"),
        ("3M", "2027-02-28"),
        ("2026-12-20", "2026-12-20"),
        ("0d", "0d"),
        ("x", "x"),
    ],
)
def test_period_end_shortcuts(typed: str, end: str) -> None:
    assert period_end("2026-12-01", typed, TODAY) == end


def test_shortcut_without_a_start_is_kept() -> None:
    assert period_end("", "14d", TODAY) == "14d"


def test_period_days() -> None:
    assert period_days("2026-12-01", "2026-12-14") == 14
    assert period_days("2026-12-01", "2026-11-30") is None
    assert period_days(None, "2026-12-01") is None


def test_a_new_degree_starts_after_the_latest_period() -> None:
    assert next_period_start([], TODAY) == "2026-11-27"
    assert next_period_start(["2026-12-06", "2026-12-20", "14d"], TODAY) == "2026-12-21"
