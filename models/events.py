"""Change events: services announce what they changed, lists listen and refresh.

The bus is plain Python so that services stay free of Qt; ``models.qt.bridge`` turns events into
Qt signals delivered on the GUI thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

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


class ChangeBus:
    """Publish/subscribe for change events; a failing listener never breaks the publisher."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Add a listener; returns the function that removes it again."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def publish(self, event: CertificateChanged) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(event)
            except Exception:  # a broken view must not undo a committed change
                log.exception("change listener failed for %s", event)
