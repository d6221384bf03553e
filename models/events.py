"""Change events: services announce what they changed, lists listen and refresh.

The bus is plain Python so that services stay free of Qt; ``models.qt.bridge`` turns events into
Qt signals delivered on the GUI thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, Literal, ParamSpec

log = logging.getLogger(__name__)

#: "questions": a question, answer or handled mark on the certificate changed (the questions
#: panel, the list "Fråga/svar via Webcert" and the FK console refresh).
ChangeKind = Literal["created", "updated", "deleted", "status", "questions"]


@dataclass(frozen=True)
class CertificateChanged:
    """A certificate was created, saved, deleted or changed status, or its questions changed."""

    certificate_id: str
    patient_id: int
    unit_id: str
    kind: ChangeKind


Listener = Callable[[CertificateChanged], None]
P = ParamSpec("P")


class Listeners(Generic[P]):
    """Plain-Python publish/subscribe, shared by the change bus and the clock: a failing
    listener is logged and never breaks the caller nor stops the other listeners."""

    def __init__(self) -> None:
        self._listeners: list[Callable[P, None]] = []
        self._lock = threading.Lock()

    def subscribe(self, listener: Callable[P, None]) -> Callable[[], None]:
        """Add a listener; returns the function that removes it again."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def notify(self, *args: P.args, **kwargs: P.kwargs) -> None:
        """Call every listener (a copy of the list: one may unsubscribe while being told)."""
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(*args, **kwargs)
            except Exception:  # e.g. a broken view must not undo a committed change
                log.exception("listener %r failed for %r", listener, args)


class ChangeBus(Listeners[[CertificateChanged]]):
    """Publish/subscribe for change events; a failing listener never breaks the publisher."""

    def publish(self, event: CertificateChanged) -> None:
        self.notify(event)
