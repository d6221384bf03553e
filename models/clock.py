"""The one source of "now" in Intygsstudio.

Every rule that depends on time (draft locking, deadlines, ages, sick-leave warnings) asks a
:class:`Clock`. Training moves the clock forward with :meth:`Clock.advance`; tests use
:class:`FixedClock`. Nothing else in the code base reads the system time.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

SWEDISH_TIME = ZoneInfo("Europe/Stockholm")


def local_text(moment: dt.datetime | None) -> str:
    """A moment as the lists show it, in Swedish local time: "2026-11-27 09:30" ("" for none;
    a moment without a zone is UTC, as the store keeps it)."""
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(SWEDISH_TIME).strftime("%Y-%m-%d %H:%M")


class Clock:
    """System time plus an offset that training can move forward."""

    def __init__(self) -> None:
        self._offset = dt.timedelta()

    def _system_now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)

    def now(self) -> dt.datetime:
        """The current instant, timezone-aware, in UTC."""
        return self._system_now() + self._offset

    def local_now(self) -> dt.datetime:
        """The current instant in Swedish local time (what a clinician reads on the wall)."""
        return self.now().astimezone(SWEDISH_TIME)

    def today(self) -> dt.date:
        """Today's date in Sweden."""
        return self.local_now().date()

    @property
    def offset(self) -> dt.timedelta:
        return self._offset

    @property
    def is_simulated(self) -> bool:
        return self._offset != dt.timedelta()

    def advance(self, delta: dt.timedelta) -> None:
        """Move simulated time forward (training's "Spola fram tiden")."""
        if delta < dt.timedelta():
            raise ValueError("time can only be moved forward")
        self._offset += delta

    def reset(self) -> None:
        """Return to real time."""
        self._offset = dt.timedelta()


class FixedClock(Clock):
    """A clock standing still at a given instant; for tests and reproducible scenarios."""

    def __init__(self, instant: dt.datetime) -> None:
        super().__init__()
        if instant.tzinfo is None:
            raise ValueError("FixedClock needs a timezone-aware instant")
        self._instant = instant.astimezone(dt.UTC)

    def _system_now(self) -> dt.datetime:
        return self._instant
