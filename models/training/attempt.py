"""An exercise under way: which one, when it started, and what was there already.

The grader needs three things beyond the data: the start instant and the clock's date at the
start ("50 % for 14 days from today" means the day the exercise began, whatever time travel
did since), and the certificates the scenario put there, so that "a new certificate" means
one made during the exercise even when the clock stands still (tests, a frozen training
clock). It is plain data that the desktop keeps in a small JSON file, so that the exercise
survives switching user and restarting the app.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from models.clock import Clock
from models.store.engine import Store
from models.store.schema import Certificate


@dataclass(frozen=True)
class Attempt:
    """The active exercise: its id, when it started (UTC) and on which day (Swedish date),
    and the ids of the certificates that existed then."""

    exercise_id: str
    started_at: dt.datetime
    start_date: dt.date
    baseline: frozenset[str]

    def is_new(self, certificate_id: str) -> bool:
        return certificate_id not in self.baseline

    def to_json(self) -> dict[str, Any]:
        return {
            "exercise": self.exercise_id,
            "started_at": self.started_at.isoformat(),
            "start_date": self.start_date.isoformat(),
            "baseline": sorted(self.baseline),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Attempt:
        """The attempt a saved file describes; ValueError if the file is not one."""
        try:
            started = dt.datetime.fromisoformat(str(data["started_at"]))
            baseline = data["baseline"]
            if not isinstance(baseline, list) or started.tzinfo is None:
                raise ValueError("malformed attempt")
            return cls(
                exercise_id=str(data["exercise"]),
                started_at=started,
                start_date=dt.date.fromisoformat(str(data["start_date"])),
                baseline=frozenset(str(item) for item in baseline),
            )
        except (KeyError, TypeError) as error:
            raise ValueError("malformed attempt") from error


def begin(store: Store, clock: Clock, exercise_id: str) -> Attempt:
    """Start an attempt now, on the data as it is (just after the scenario was loaded)."""
    with store.session() as session:
        existing = frozenset(session.scalars(select(Certificate.id)))
    return Attempt(exercise_id, clock.now(), clock.today(), existing)
