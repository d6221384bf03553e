"""Simulering → Spola fram tiden / Återgå till verklig tid, and the simulated date in the
status bar.

Training moves the app's clock forward to show what time does: drafts lock after fourteen
days, deadlines run out, "Nytt" fades. The clock tells this controller after every move (from
the menu, or from any other part of training that moves it); the controller then locks what
became overdue and has every open view read again. Other windows that show dates (Mina intyg,
say) connect to :attr:`TimeController.clock_changed`.

The move holds for the running app only: nothing is stored, so after a restart, and on other
workstations sharing the database, real time applies.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QLabel

from widgets.time_travel_dialog import TimeTravelDialog

if TYPE_CHECKING:
    from desktop.main_window import MainWindow

#: How often the label looks whether the simulated date has passed midnight, in milliseconds.
LABEL_CHECK_MS = 60 * 1000
LABEL_STYLE = (
    "background:#ffb900; color:#1f1f1f; font-weight:bold; padding:1px 8px; "
    "border:1px solid #8a6100; border-radius:3px;"
)


def days_text(days: int) -> str:
    """ "1 dag", "15 dagar"."""
    return f"{days} dag" if days == 1 else f"{days} dagar"


class TimeController(QObject):
    """Adds the time-travel actions to the Simulering menu and follows every clock move."""

    #: After the clock moved and the main window's views were read again.
    clock_changed = Signal()
    # The clock's listener, re-emitted so that a move from another thread reaches the GUI one.
    _moved = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._clock = window.services.clock
        menu = window.simulation_menu
        menu.addSeparator()
        self.advance_action = QAction(self.tr("Spola fram tiden…"), self)
        self.advance_action.setStatusTip(
            self.tr("Flytta appens klocka framåt, t.ex. för att se utkast låsas.")
        )
        self.advance_action.triggered.connect(self.ask_and_advance)
        self.reset_action = QAction(self.tr("Återgå till verklig tid"), self)
        self.reset_action.triggered.connect(self.return_to_real_time)
        menu.addAction(self.advance_action)
        menu.addAction(self.reset_action)

        self.label = QLabel()
        self.label.setObjectName("simulatedDate")
        self.label.setStyleSheet(LABEL_STYLE)
        window.statusBar().addPermanentWidget(self.label)  # at the right, where a clock is
        self._label_timer = QTimer(self)
        self._label_timer.setInterval(LABEL_CHECK_MS)
        self._label_timer.timeout.connect(self._show_state)
        self.dialog: TimeTravelDialog | None = None

        self._moved.connect(self._follow, Qt.ConnectionType.AutoConnection)
        unsubscribe = self._clock.subscribe(self._moved.emit)
        self.destroyed.connect(lambda *_args: unsubscribe())
        self._show_state()

    # -- the menu ------------------------------------------------------------------------------

    def ask_and_advance(self) -> None:
        """Spola fram tiden…: the dialog asks how many days; the clock moves when accepted."""
        clock = self._clock
        dialog = TimeTravelDialog(clock.today(), clock.is_simulated, self._window)
        self.dialog = dialog

        def advance() -> None:
            self.advance_days(dialog.days)

        dialog.accepted.connect(advance)
        dialog.finished.connect(lambda _result: self._forget(dialog))
        dialog.open()

    def _forget(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def advance_days(self, days: int) -> None:
        """Move the clock forward; what is typed in an open draft is stored first, at the time
        it was written."""
        self._window.editor_controller.flush()
        self._clock.advance_days(days)

    def return_to_real_time(self) -> None:
        """Återgå till verklig tid. Drafts locked meanwhile stay locked, and what was done
        keeps its simulated timestamps."""
        self._window.editor_controller.flush()
        self._clock.reset()

    # -- following the clock -------------------------------------------------------------------

    def _follow(self) -> None:
        window = self._window
        locked = window.lock_sweeper.sweep()
        self._refresh_views()
        self._show_state()
        today = self._clock.today().isoformat()
        if self._clock.is_simulated:
            message = self.tr("Tiden är framspolad {days} – simulerat datum {date}").format(
                days=days_text(self._clock.days_ahead()), date=today
            )
        else:
            message = self.tr("Verklig tid gäller igen – dagens datum {date}").format(date=today)
        if len(locked) == 1:
            message += self.tr(". 1 utkast låstes eftersom det inte signerades inom 14 dagar.")
        elif locked:
            message += self.tr(
                ". {n} utkast låstes eftersom de inte signerades inom 14 dagar."
            ).format(n=len(locked))
        window.message_bar.show_info(message)
        self.clock_changed.emit()

    def _refresh_views(self) -> None:
        """Everything on screen that depends on the date, read again."""
        window = self._window
        window.controller.refresh_views()
        certificate_id = window.editor_controller.certificate_id
        if certificate_id is not None:
            # Reopened, so that a draft that is now locked opens read-only, and the status
            # lines, buttons, deadlines and FMB follow the new date.
            window.controller.open_certificate(certificate_id)

    def _show_state(self) -> None:
        clock = self._clock
        simulated = clock.is_simulated
        self.reset_action.setEnabled(simulated)
        self.label.setVisible(simulated)
        if not simulated:
            self._label_timer.stop()
            self.label.clear()
            return
        self.label.setText(
            self.tr("Simulerat datum: {date}").format(date=clock.today().isoformat())
        )
        self.label.setToolTip(
            self.tr(
                "Appens klocka är framspolad {days}. Simulering → Återgå till verklig tid "
                "återställer den."
            ).format(days=days_text(clock.days_ahead()))
        )
        self._label_timer.start()
