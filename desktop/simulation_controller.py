"""Simulering: the patient portal Mina intyg and the authorities' inboxes, each in its own window.

The menu actions open a window once and raise it again later. The windows build on the same
store, clock and change bus as the clinician's window, so what the doctor sends shows up in the
recipient's inbox, and what the patient sends from Mina intyg shows up in the journal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from desktop.tasks import run_task
from models.recipients.authorities import SKV, SOS, TRANSP, authority
from models.recipients.inbox import Inbox
from models.recipients.journal_notices import JournalNotices
from models.recipients.mina_intyg import MinaIntyg
from widgets.authority_inbox_window import AuthorityInboxWindow
from widgets.mina_intyg.window import MinaIntygWindow

if TYPE_CHECKING:
    from desktop.main_window import MainWindow

#: The authorities with an inbox window (Försäkringskassan has its caseworker console).
INBOXES = (TRANSP, SKV, SOS)
#: How often delayed news of a patient's send is passed to the journal (with a delay set).
JOURNAL_NOTICE_INTERVAL_MS = 15_000
W = TypeVar("W", bound=QWidget)


class SimulationController(QObject):
    """Adds "Mina intyg (1177)…" and one action per authority to the Simulering menu."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        services = window.services
        self._clock = services.clock
        self._bridge = services.bridge
        definitions = services.certificates.definitions
        self.mina_intyg = MinaIntyg(
            services.store,
            services.clock,
            definitions,
            services.bus,
            journal_delay=services.journal_delay,
        )
        self.inbox = Inbox(services.store, definitions)
        # With a journal delay (settings), a patient's send reaches the journal on a timer.
        self.journal_notices = JournalNotices(services.store, services.clock, services.bus)
        self.journal_timer = QTimer(self)
        self.journal_timer.setInterval(JOURNAL_NOTICE_INTERVAL_MS)
        self.journal_timer.timeout.connect(self.journal_notices.deliver_due)
        if services.journal_delay:
            self.journal_timer.start()
        self.mina_intyg_window: MinaIntygWindow | None = None
        self.inbox_windows: dict[str, AuthorityInboxWindow] = {}

        menu = window.simulation_menu
        menu.addSeparator()
        self.mina_intyg_action = QAction(self.tr("Mina intyg (1177)…"), self)
        self.mina_intyg_action.triggered.connect(self.open_mina_intyg)
        menu.addAction(self.mina_intyg_action)
        self.inbox_actions: dict[str, QAction] = {}
        for code in INBOXES:
            action = QAction(self.tr("{name}…").format(name=authority(code).name), self)
            action.triggered.connect(lambda _checked=False, chosen=code: self.open_inbox(chosen))
            menu.addAction(action)
            self.inbox_actions[code] = action

    def open_mina_intyg(self) -> MinaIntygWindow:
        """The patient portal, opened once and raised again later."""
        if self.mina_intyg_window is None:
            shown = MinaIntygWindow(self.mina_intyg, self._clock, parent=self._window, run=run_task)
            self._bridge.certificateChanged.connect(shown.certificate_changed)
            self.mina_intyg_window = shown
        return _raise(self.mina_intyg_window)

    def data_replaced(self) -> None:
        """The training data was reset: the patient portal starts again at its login (the
        certificates a citizen saw are gone), and the inboxes show what the scenario holds."""
        if self.mina_intyg_window is not None:
            self.mina_intyg_window.log_out()
        for shown in self.inbox_windows.values():
            shown.refresh()

    def clock_moved(self) -> None:
        """Time travel: "Nytt" in Mina intyg counts days by the clock."""
        if self.mina_intyg_window is not None:
            self.mina_intyg_window.refresh()

    def open_inbox(self, code: str) -> AuthorityInboxWindow:
        """An authority's inbox, opened once and read again each time it is raised."""
        shown = self.inbox_windows.get(code)
        if shown is None:
            shown = AuthorityInboxWindow(self.inbox, authority(code), self._clock, self._window)
            self._bridge.certificateChanged.connect(shown.certificate_changed)
            self.inbox_windows[code] = shown
        else:
            shown.refresh()
        return _raise(shown)


def _raise(shown: W) -> W:
    if not shown.isWindow():  # a child of the main window, shown as a window of its own
        shown.setWindowFlag(Qt.WindowType.Window)
    shown.show()
    shown.raise_()
    shown.activateWindow()
    return shown
