"""The running app's one main window, and switching user without restarting.

The window is built for one logged-in user (every controller keeps it), so "Byt användare…"
builds a new window with the same services and closes the old one; an open draft is stored
as the old window closes (its autosave flushes). If the login is cancelled, the old window
stays as it was.

The simulation's windows (the FK console, Mina intyg, the authorities' inboxes, the
händelselogg) belong to the outside world, not to the logged-in user, so those that were open
open again for the new window, in the same place, with the same certificate, citizen or filter.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from desktop.main_window import MainWindow, WindowServices
from desktop.settings import Paths
from models.staff import StaffDirectory, UserContext

log = logging.getLogger("intygsstudio")


class Session(QObject):
    """Holds the services and the current main window."""

    #: The new main window, after a switch of user.
    window_changed = Signal(object)

    def __init__(
        self,
        services: WindowServices,
        directory: StaffDirectory,
        paths: Paths,
        database_description: str,
    ) -> None:
        super().__init__()
        self.services = services
        self.directory = directory
        self._paths = paths
        self._description = database_description
        self.window: MainWindow | None = None

    def open(self, user: UserContext) -> MainWindow:
        """Build the main window for a user (not shown yet) and make it the current one."""
        window = MainWindow(user, self.services, self._paths, self._description)
        window.instructor_controller.set_user_switcher(self.ask_switch_user)
        self.window = window
        return window

    def ask_switch_user(self) -> MainWindow | None:
        """Arkiv → Byt användare…: the login dialog; the new window, or None if cancelled."""
        from widgets.login_dialog import LoginDialog

        parent: QWidget | None = self.window
        dialog = LoginDialog(self.directory, parent)
        dialog.setWindowTitle(dialog.tr("Byt användare – Intygsstudio"))
        try:
            if not dialog.exec() or dialog.user is None:
                return None
            return self.switch_user(dialog.user)
        finally:
            dialog.deleteLater()

    def switch_user(self, user: UserContext) -> MainWindow:
        """Replace the current window by one for ``user``, in the same place on the screen."""
        old = self.window
        reopen: list[Reopen] = []
        if old is not None:
            old.editor_controller.flush()  # stored before the new window reads the lists
            reopen = simulation_windows(old)
        window = self.open(user)
        if old is not None:
            window.restoreGeometry(old.saveGeometry())
        window.show()  # first, so that closing the old one never closes the last window
        for again in reopen:
            again(window)
        if old is not None:
            old.close()
            old.deleteLater()
        log.info("Bytte användare till %s på %s", user.staff.hsa_id, user.unit.hsa_id)
        self.window_changed.emit(window)
        return window


#: Opens one of the old window's simulation windows again for the new main window.
Reopen = Callable[[MainWindow], None]


def simulation_windows(old: MainWindow) -> list[Reopen]:
    """How to open again the simulation windows that are open in ``old``."""
    found: list[tuple[QWidget | None, Callable[[MainWindow], QWidget]]] = []
    console = old.fk_console
    if console is not None:
        chosen = console.current.received.certificate_id if console.current else None

        def fk(window: MainWindow) -> QWidget:
            shown = window.open_fk_console()
            if chosen is not None:
                shown.select(chosen)
            return shown

        found.append((console, fk))
    simulation = old.simulation_controller
    portal = simulation.mina_intyg_window
    if portal is not None:
        citizen = portal.citizen.person_id if portal.citizen else None

        def mina_intyg(window: MainWindow) -> QWidget:
            shown = window.simulation_controller.open_mina_intyg()
            if citizen is not None:
                shown.log_in(citizen)
            return shown

        found.append((portal, mina_intyg))
    for code, inbox in simulation.inbox_windows.items():
        found.append((inbox, _inbox(code)))
    log_window = old.instructor_controller.event_log
    if log_window is not None:
        chosen_filter = log_window.chosen_filter()

        def event_log(window: MainWindow) -> QWidget:
            shown = window.instructor_controller.open_event_log()
            shown.set_filter(chosen_filter)
            return shown

        found.append((log_window, event_log))
    return [_in_place(widget, reopen) for widget, reopen in found if widget and widget.isVisible()]


def _inbox(code: str) -> Callable[[MainWindow], QWidget]:
    def inbox(window: MainWindow) -> QWidget:
        return window.simulation_controller.open_inbox(code)

    return inbox


def _in_place(old: QWidget, reopen: Callable[[MainWindow], QWidget]) -> Reopen:
    geometry = old.saveGeometry()

    def again(window: MainWindow) -> None:
        reopen(window).restoreGeometry(geometry)

    return again
