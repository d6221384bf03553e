"""Delivers change events from the (Qt-free) services as a Qt signal on the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from models.events import ChangeBus


class ChangeBridge(QObject):
    """Re-emits every :class:`CertificateChanged` as ``certificateChanged``.

    Services may publish from any thread; a queued connection brings the signal to the
    receivers' thread.
    """

    certificateChanged = Signal(object)  # noqa: N815 - Qt naming

    def __init__(self, bus: ChangeBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unsubscribe = bus.subscribe(self.certificateChanged.emit)
        self.destroyed.connect(lambda *_: self._unsubscribe())

    def detach(self) -> None:
        self._unsubscribe()
