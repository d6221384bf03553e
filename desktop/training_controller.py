"""Arkiv → Återställ övningsdata…: replace all data with a training scenario, from the window.

The dialog (``widgets/reset_training_dialog.py``) asks which scenario and warns that every
workstation on the database loses its data; the reset itself (``models.training.reset``) runs
in the background and is logged with the user's name. Afterwards the window shows nothing of
the old data: the open patient and certificate are closed and every list is read again.

Other parts of training reset without asking through :meth:`TrainingController.reset` (an
exercise that starts from its own scenario, say) and follow :attr:`TrainingController.reset_done`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction

from desktop.tasks import run_task
from models.errors import IntygsstudioError
from models.staff import UserContext
from models.training.reset import ResetReport, reset_to
from models.training.scenarios import DEFAULT_SCENARIO, scenario, scenarios
from widgets.reset_training_dialog import ResetTrainingDialog

if TYPE_CHECKING:
    from desktop.main_window import MainWindow


class TrainingController(QObject):
    """Adds "Återställ övningsdata…" to the Arkiv menu and runs resets for the window."""

    #: After a reset, on the GUI thread, with its ResetReport: windows that show data of their
    #: own (Mina intyg, inboxes, event log) read it again.
    reset_done = Signal(object)
    #: A reset failed (the message is shown in the window's message bar too).
    reset_failed = Signal(str)

    def __init__(self, window: MainWindow, user: UserContext) -> None:
        super().__init__(window)
        self._window = window
        self._services = window.services
        self._user = user
        self.running = False
        self.last_key = DEFAULT_SCENARIO
        self.dialog: ResetTrainingDialog | None = None
        self.reset_action = QAction(self.tr("Återställ övningsdata…"), self)
        self.reset_action.setStatusTip(
            self.tr("Ersätt all data i databasen med ett övningsscenario.")
        )
        self.reset_action.triggered.connect(self.ask_and_reset)
        window.archive_menu.insertAction(window.archive_end, self.reset_action)

    def ask_and_reset(self) -> None:
        """The menu action: the dialog asks which scenario; the reset runs when confirmed."""
        try:
            choices = scenarios()
        except IntygsstudioError as error:
            self._window.message_bar.show_error(error.message)
            return
        dialog = ResetTrainingDialog(
            choices,
            self._services.store.description,
            selected=self.last_key,
            parent=self._window,
        )
        self.dialog = dialog

        def confirmed() -> None:
            if dialog.chosen_key is not None:
                self.reset(dialog.chosen_key)

        dialog.accepted.connect(confirmed)
        dialog.finished.connect(lambda _result: self._forget(dialog))
        dialog.open()

    def _forget(self, dialog: ResetTrainingDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def reset(self, scenario_key: str) -> bool:
        """Replace all data with the scenario ``scenario_key`` (its key or name) without asking.

        Returns False, with the reason in the message bar, if the scenario does not exist or a
        reset is already running; True once the reset has started. It runs in the background:
        :attr:`reset_done` (or :attr:`reset_failed`) follows, and with synchronous tasks (tests)
        before this returns.
        """
        window = self._window
        if self.running:
            window.message_bar.show_error(self.tr("Övningsdata håller redan på att återställas."))
            return False
        try:
            chosen = scenario(scenario_key)
        except IntygsstudioError as error:
            window.message_bar.show_error(error.message)
            return False
        # Nothing of the old data stays open: what an open draft holds is stored before the
        # patient closes, and then replaced with everything else.
        window.close_patient()
        self.running = True
        self.reset_action.setEnabled(False)
        window.message_bar.show_info(
            self.tr("Återställer övningsdata till {name}…").format(name=chosen.name)
        )
        store, clock, user = self._services.store, self._services.clock, self._user
        run_task(lambda: reset_to(store, clock, chosen, by=user), self._done, self._failed)
        return True

    def _finish(self) -> None:
        self.running = False
        self.reset_action.setEnabled(True)

    def _done(self, report: ResetReport) -> None:
        self._finish()
        self.last_key = report.scenario_key
        window = self._window
        window.close_patient()  # in case one was opened while the reset ran
        window.lock_sweeper.sweep()
        window.controller.refresh_views()
        window.message_bar.show_info(
            self.tr("Övningsdata återställd till {name}").format(name=report.scenario_name)
        )
        self.reset_done.emit(report)

    def _failed(self, error: BaseException) -> None:
        self._finish()
        if not isinstance(error, IntygsstudioError):
            raise error  # a bug: the error handler shows the crash dialog
        self._window.message_bar.show_error(error.message)
        self.reset_failed.emit(error.message)
