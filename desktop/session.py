"""The running app's one main window, and switching user without restarting.

The window is built for one logged-in user (every controller keeps it), so "Byt användare…"
builds a new window with the same services and closes the old one; an open draft is stored
as the old window closes (its autosave flushes). If the login is cancelled, the old window
stays as it was.
"""

from __future__ import annotations

import logging

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
        if old is not None:
            old.editor_controller.flush()  # stored before the new window reads the lists
        window = self.open(user)
        if old is not None:
            window.restoreGeometry(old.saveGeometry())
        window.show()  # first, so that closing the old one never closes the last window
        if old is not None:
            old.close()
            old.deleteLater()
        log.info("Bytte användare till %s på %s", user.staff.hsa_id, user.unit.hsa_id)
        self.window_changed.emit(window)
        return window
