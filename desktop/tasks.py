"""Running slow work off the GUI thread and getting the result back on it.

``run_task(work, done, failed)`` runs ``work()`` on Qt's global thread pool and calls ``done``
with its result, or ``failed`` with the exception, on the GUI thread, through a queued signal.
Tests that want the result at once set ``tasks.synchronous = True`` (the ``sync_tasks`` fixture)
and the same calls happen before ``run_task`` returns.

A result whose receiver is gone is dropped: when ``done`` is a method of a QObject (a window, a
controller) that was deleted while the work ran — a user switch closes the old window with its
printouts and gradings still under way — nothing is called.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from shiboken6 import isValid

log = logging.getLogger(__name__)

#: Run tasks in the caller's thread (for tests).
synchronous = False

# Tasks whose result has not been delivered yet: kept alive until then.
_running: set[_Delivery] = set()


class _Delivery(QObject):
    """Lives on the GUI thread; its signals carry the outcome back there."""

    succeeded = Signal(object)
    raised = Signal(object)


class _Runnable(QRunnable):
    def __init__(self, work: Callable[[], Any], delivery: _Delivery) -> None:
        super().__init__()
        self._work = work
        self._delivery = delivery

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as error:  # handed to the GUI thread, which decides what it is
            self._delivery.raised.emit(error)
        else:
            self._delivery.succeeded.emit(result)


def run_task(
    work: Callable[[], Any],
    done: Callable[[Any], None],
    failed: Callable[[BaseException], None],
) -> None:
    """Run ``work`` in the background; ``done(result)`` or ``failed(error)`` on the GUI thread."""
    if synchronous:
        try:
            result = work()
        except Exception as error:
            failed(error)
        else:
            done(result)
        return
    delivery = _Delivery()
    _running.add(delivery)

    receiver = getattr(done, "__self__", None)
    owner = receiver if isinstance(receiver, QObject) else None

    def finish(outcome: Any, handler: Callable[[Any], None]) -> None:
        _running.discard(delivery)
        delivery.deleteLater()
        if owner is not None and not isValid(owner):
            log.debug("Resultatet av en bakgrundsuppgift kastades: mottagaren finns inte längre")
            return
        handler(outcome)

    delivery.succeeded.connect(lambda result: finish(result, done))
    delivery.raised.connect(lambda error: finish(error, failed))
    QThreadPool.globalInstance().start(_Runnable(work, delivery))
