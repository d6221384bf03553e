"""Simulering → Övningar…: choosing an exercise, starting it, grading it, ending it.

Starting resets the training data to the exercise's scenario (``window.training_controller``),
then records the attempt (``models.training.attempt``) and shows the panel with the
instructions. "Rätta" grades in the background and shows each check as passed or not.

The active exercise lives in a small JSON file in the user's data folder
(``aktiv-ovning.json``), not in the window: "Byt användare" builds a new window, and a restart
a new process, and both pick the exercise up again from the file (as long as it names the same
database). A reset of the training data from elsewhere (Arkiv → Återställ övningsdata) to the
exercise's own scenario starts the exercise over; to another scenario, it ends the exercise.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from desktop.settings import Paths
from desktop.tasks import run_task
from models.clock import local_text
from models.errors import IntygsstudioError
from models.reference.diagnoses import diagnosis_exists
from models.training.attempt import Attempt, begin
from models.training.checks import Grade, grade
from models.training.exercises import Exercise, exercise, exercises
from models.training.reset import ResetReport
from models.training.scenarios import scenarios
from widgets.exercise_list_dialog import ExerciseListDialog
from widgets.exercise_panel import ExercisePanel

if TYPE_CHECKING:
    from desktop.main_window import MainWindow

log = logging.getLogger("intygsstudio")

STATE_FILE = "aktiv-ovning.json"


#: The panel's first width: room for the instructions while the certificate and its questions
#: panel keep theirs on a 1280-pixel screen (the user can drag it wider).
PANEL_WIDTH = 380


class ExerciseController(QObject):
    """Owns the Övningar action, the list dialog, the panel and the active attempt."""

    #: An exercise started (its id), after its scenario was loaded.
    started = Signal(str)
    #: "Rätta" finished, with the Grade.
    graded = Signal(object)
    #: The exercise ended (by the user, or by a reset to another scenario).
    ended = Signal()

    def __init__(self, window: MainWindow, paths: Paths) -> None:
        super().__init__(window)
        self._window = window
        self._services = window.services
        self._file = paths.data_dir / STATE_FILE
        self.attempt: Attempt | None = None
        self.exercise: Exercise | None = None
        self.dialog: ExerciseListDialog | None = None
        self.panel: ExercisePanel | None = None
        self._pending: Exercise | None = None
        self.action = QAction(self.tr("Övningar…"), self)
        self.action.setStatusTip(self.tr("Välj en övning, gör den och få den rättad."))
        self.action.triggered.connect(self.open_list)
        window.simulation_menu.addSeparator()
        window.simulation_menu.addAction(self.action)
        training = window.training_controller
        training.reset_done.connect(self._reset_done)
        training.reset_failed.connect(self._reset_failed)
        self._resume()

    # -- the list -------------------------------------------------------------------------------

    def open_list(self) -> ExerciseListDialog | None:
        try:
            found = exercises()
            names = {s.key: s.name for s in scenarios()}
        except IntygsstudioError as error:
            self._window.message_bar.show_error(error.message)
            return None
        active = self.exercise.id if self.exercise else None
        dialog = ExerciseListDialog(found, names, active_id=active, parent=self._window)
        self.dialog = dialog

        def confirmed() -> None:
            if dialog.chosen_id is not None:
                self.start(dialog.chosen_id)

        dialog.accepted.connect(confirmed)
        dialog.finished.connect(lambda _result: self._forget(dialog))
        dialog.open()
        return dialog

    def _forget(self, dialog: ExerciseListDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    # -- starting -------------------------------------------------------------------------------

    def start(self, exercise_id: str) -> bool:
        """Reset to the exercise's scenario (no more questions asked) and start it."""
        try:
            chosen = exercise(exercise_id)
        except IntygsstudioError as error:
            self._window.message_bar.show_error(error.message)
            return False
        self._pending = chosen
        if not self._window.training_controller.reset(chosen.scenario):
            self._pending = None
            return False
        return True

    def _reset_done(self, report: ResetReport) -> None:
        pending, self._pending = self._pending, None
        if pending is not None and pending.scenario == report.scenario_key:
            self._begin(pending, restarted=False)
        elif self.exercise is not None and self.exercise.scenario == report.scenario_key:
            self._begin(self.exercise, restarted=True)
        elif self.exercise is not None:
            self._end()
            self._window.message_bar.show_info(
                self.tr(
                    "Övningen avslutades eftersom övningsdata återställdes till ett annat scenario."
                )
            )

    def _reset_failed(self, _message: str) -> None:
        self._pending = None

    def _begin(self, chosen: Exercise, *, restarted: bool) -> None:
        services = self._services
        self.attempt = begin(services.store, services.clock, chosen.id)
        self.exercise = chosen
        self._save()
        self._show_panel()
        if restarted:
            self._window.message_bar.show_info(self.tr("Övningen har startats om."))
        else:
            self._window.message_bar.show_info(
                self.tr("Övningen ”{title}” har startat.").format(title=chosen.title)
            )
        log.info("Övning startad: %s", chosen.id)
        self.started.emit(chosen.id)

    def _show_panel(self) -> None:
        assert self.exercise is not None and self.attempt is not None
        if self.panel is None:
            panel = ExercisePanel(self._window)
            panel.grade_requested.connect(self.grade)
            panel.end_requested.connect(self.ask_end)
            self._window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, panel)
            self._window.resizeDocks([panel], [PANEL_WIDTH], Qt.Orientation.Horizontal)
            self.panel = panel
        names = {s.key: s.name for s in scenarios()}
        started = self.tr("Startad {when} · Övningsdata: {scenario}").format(
            when=local_text(self.attempt.started_at),
            scenario=names.get(self.exercise.scenario, self.exercise.scenario),
        )
        self.panel.show_exercise(self.exercise, started)
        self.panel.show()
        self.panel.raise_()

    # -- Rätta ----------------------------------------------------------------------------------

    def grade(self) -> None:
        """Grade the active exercise in the background; the panel shows the result."""
        chosen, attempt, panel = self.exercise, self.attempt, self.panel
        if chosen is None or attempt is None or panel is None:
            return
        panel.show_grading()
        services = self._services
        definitions = services.certificates.definitions

        def work() -> Grade:
            return grade(
                chosen,
                attempt,
                services.store,
                services.clock,
                definitions,
                diagnosis_exists=diagnosis_exists,
            )

        run_task(work, self._graded, self._grade_failed)

    def _graded(self, result: Grade) -> None:
        if self.panel is not None:
            self.panel.show_grade(result)
        self.graded.emit(result)

    def _grade_failed(self, error: BaseException) -> None:
        if not isinstance(error, IntygsstudioError):
            raise error  # a bug: the error handler shows the crash dialog
        if self.panel is not None:
            self.panel.show_error(error.message)

    # -- ending ---------------------------------------------------------------------------------

    def ask_end(self) -> None:
        answer = QMessageBox.question(
            self._window,
            self.tr("Avsluta övningen"),
            self.tr(
                "Vill du avsluta övningen? Det du har gjort finns kvar i journalerna tills "
                "övningsdata återställs."
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._end()

    def _end(self) -> None:
        self.attempt = None
        self.exercise = None
        self._file.unlink(missing_ok=True)
        if self.panel is not None:
            self.panel.hide()
        self.ended.emit()

    # -- the file that keeps the exercise across windows and restarts ---------------------------

    def _save(self) -> None:
        assert self.attempt is not None
        data: dict[str, Any] = {
            "database": self._services.store.description,
            **self.attempt.to_json(),
        }
        try:
            self._file.parent.mkdir(parents=True, exist_ok=True)
            self._file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        except OSError as error:
            log.warning("Kunde inte spara den aktiva övningen i %s: %s", self._file, error)

    def _resume(self) -> None:
        attempt = read_attempt(self._file, self._services.store.description)
        if attempt is None:
            return
        try:
            self.exercise = exercise(attempt.exercise_id)
        except IntygsstudioError:
            return
        self.attempt = attempt
        self._show_panel()


def read_attempt(path: Path, database: str) -> Attempt | None:
    """The attempt saved in ``path`` for this database, if there is a readable one."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("database") != database:
            return None
        return Attempt.from_json(data)
    except (OSError, ValueError):
        return None
