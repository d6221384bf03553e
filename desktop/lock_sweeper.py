"""Locks overdue drafts while the app runs: at start, at each midnight, and on request.

Webcert locks drafts in a nightly job; here the app does it itself (WORKFLOW.md §1.4). The
sweep runs when the window opens, then at the next midnight by the clock (checked at least
hourly, so a sleeping laptop or a moved clock is noticed), and whenever someone calls
``sweep()`` (training's time travel does). The sweep is a single indexed query and a few rows
at most, so it runs on the GUI thread.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from models.clock import Clock
from models.errors import IntygsstudioError
from models.workflow.locking import LockService, next_sweep

log = logging.getLogger(__name__)

#: The longest wait between checks, in milliseconds.
MAX_WAIT_MS = 60 * 60 * 1000


class LockSweeper(QObject):
    """Runs ``LockService.lock_overdue`` on time; ``locked`` carries the ids it locked."""

    locked = Signal(list)

    def __init__(self, service: LockService, clock: Clock, parent: QObject | None = None):
        super().__init__(parent)
        self._service = service
        self._clock = clock
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.sweep)

    def sweep(self) -> list[str]:
        """Lock what is overdue now, and plan the next sweep."""
        try:
            ids = self._service.lock_overdue()
        except IntygsstudioError as error:  # the database is away: try again later
            log.warning("Låsning av gamla utkast misslyckades: %s", error.message)
            ids = []
        if ids:
            log.info("%d utkast låstes efter 14 dagar", len(ids))
            self.locked.emit(ids)
        self._plan()
        return ids

    def _plan(self) -> None:
        wait = (next_sweep(self._clock) - self._clock.now()).total_seconds() * 1000
        self._timer.start(int(min(max(wait, 1000), MAX_WAIT_MS)))

    def next_in_ms(self) -> int:
        return self._timer.remainingTime()
