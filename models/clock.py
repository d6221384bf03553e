"""The one source of "now" in Intygsstudio.

Every rule that depends on time (draft locking, deadlines, ages, sick-leave warnings) asks a
:class:`Clock`. Training moves the clock forward with :meth:`Clock.advance` or
:meth:`Clock.advance_days` ("Simulering → Spola fram tiden"); tests use :class:`FixedClock`.
Nothing else in the code base reads the system time (tests/models/test_no_system_time.py
checks that).

The simulated offset belongs to the running app: it is not stored, so a restart (or another
workstation on the same database) runs on real time. What was done while time was moved
forward keeps its simulated timestamps.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from zoneinfo import ZoneInfo

from models.events import Listeners

SWEDISH_TIME = ZoneInfo("Europe/Stockholm")


def local_text(moment: dt.datetime | None) -> str:
    """A moment as the lists show it, in Swedish local time: "2026-11-27 09:30" ("" for none;
    a moment without a zone is UTC, as the store keeps it)."""
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(SWEDISH_TIME).strftime("%Y-%m-%d %H:%M")


#: Called after the clock was moved (forward, or back to real time).
ClockListener = Callable[[], None]


class Clock:
    """System time plus an offset that training can move forward.

    Views that show dates or time-dependent states subscribe with :meth:`subscribe` and are
    told after each move; the clock itself stays free of Qt.
    """

    def __init__(self) -> None:
        self._offset = dt.timedelta()
        self._listeners: Listeners[[]] = Listeners()

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
        self._moved()

    def advance_days(self, days: int) -> dt.date:
        """Move forward by whole days in Sweden: the same wall-clock time ``days`` dates later
        (across a change to or from summer time too). Returns the new today."""
        if days < 0:
            raise ValueError("time can only be moved forward")
        local = self.local_now()
        # Aware + timedelta is wall-clock arithmetic; the zone then gives the new UTC offset.
        later = local + dt.timedelta(days=days)
        self.advance(later.astimezone(dt.UTC) - local.astimezone(dt.UTC))
        return self.today()

    def days_ahead(self) -> int:
        """Whole days between the simulated date and the real one (0 on real time)."""
        if not self.is_simulated:
            return 0
        real = self._system_now().astimezone(SWEDISH_TIME).date()
        return (self.today() - real).days

    def reset(self) -> None:
        """Return to real time."""
        if not self.is_simulated:
            return
        self._offset = dt.timedelta()
        self._moved()

    def subscribe(self, listener: ClockListener) -> Callable[[], None]:
        """Be called after each move; returns the function that stops it again."""
        return self._listeners.subscribe(listener)

    def _moved(self) -> None:
        self._listeners.notify()


class FixedClock(Clock):
    """A clock standing still at a given instant; for tests and reproducible scenarios."""

    def __init__(self, instant: dt.datetime) -> None:
        super().__init__()
        if instant.tzinfo is None:
            raise ValueError("FixedClock needs a timezone-aware instant")
        self._instant = instant.astimezone(dt.UTC)

    def _system_now(self) -> dt.datetime:
        return self._instant
