"""Övningar: the course's exercises, each with its scenario and instructions, to start one.

The list holds the titles; beside it, the chosen exercise's scenario, its summary its data is
reset to and its instructions as the panel will show them. "Starta övning" asks first: starting
replaces all training data with the scenario's. The dialog only asks; the exercise controller
resets and starts. ``chosen_id`` holds the exercise's id once the user has confirmed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from models.training.exercises import Exercise
from widgets.editor.style import styled
from widgets.message_boxes import ask

CONFIRM = (
    "När övningen startar återställs övningsdata till scenariot ”{scenario}”: alla intyg, "
    "utkast och frågor som finns nu ersätts – för alla arbetsstationer som använder databasen. "
    "Vill du starta övningen?"
)


def instructions_html(exercise: Exercise) -> str:
    """The introduction and the numbered steps, as rich text for the list and the panel."""
    steps = "".join(f"<li style='margin-bottom:4px'>{escape(step)}</li>" for step in exercise.steps)
    return (
        f"<p>{escape(exercise.introduction)}</p>"
        f"<p><b>Gör så här:</b></p><ol style='margin-left:-18px'>{steps}</ol>"
    )


class ExerciseListDialog(QDialog):
    """Lists the exercises; "Starta övning" confirms the reset and accepts."""

    def __init__(
        self,
        exercises: Sequence[Exercise],
        scenario_names: Mapping[str, str],
        *,
        active_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Övningar"))
        self.resize(960, 600)
        self.chosen_id: str | None = None
        self._exercises = list(exercises)
        self._scenario_names = dict(scenario_names)
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Välj en övning:"))
        styled(heading, "fieldLabel")
        layout.addWidget(heading)
        row = QHBoxLayout()
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Övningar"))
        self.list.setMinimumWidth(330)
        self.list.setMaximumWidth(380)
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        for exercise in self._exercises:
            item = QListWidgetItem(exercise.title)
            item.setData(Qt.ItemDataRole.UserRole, exercise.id)
            self.list.addItem(item)
        row.addWidget(self.list)
        details = QVBoxLayout()
        self.scenario = QLabel()
        self.scenario.setObjectName("exerciseScenario")
        self.scenario.setWordWrap(True)
        styled(self.scenario, "help")
        details.addWidget(self.scenario)
        self.preview = QTextBrowser()
        self.preview.setObjectName("exercisePreview")
        self.preview.setOpenLinks(False)
        details.addWidget(self.preview, 1)
        row.addLayout(details, 1)
        layout.addLayout(row, 1)
        self.buttons = QDialogButtonBox()
        self.start_button = self.buttons.addButton(
            self.tr("Starta övning"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.close_button = self.buttons.addButton(
            self.tr("Stäng"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.start_button.setAutoDefault(False)
        self.start_button.clicked.connect(self._start)
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)
        self.list.currentRowChanged.connect(self._show)
        ids = [exercise.id for exercise in self._exercises]
        self.list.setCurrentRow(ids.index(active_id) if active_id in ids else 0)
        self.list.itemDoubleClicked.connect(lambda _item: self._start())
        self.list.setFocus()

    @property
    def current(self) -> Exercise | None:
        row = self.list.currentRow()
        return self._exercises[row] if 0 <= row < len(self._exercises) else None

    def select(self, exercise_id: str) -> None:
        """Choose the exercise with this id, as a click in the list does."""
        for row, exercise in enumerate(self._exercises):
            if exercise.id == exercise_id:
                self.list.setCurrentRow(row)
                return
        raise KeyError(exercise_id)

    def _show(self, _row: int) -> None:
        chosen = self.current
        self.start_button.setEnabled(chosen is not None)
        if chosen is None:
            self.scenario.clear()
            self.preview.clear()
            return
        name = self._scenario_names.get(chosen.scenario, chosen.scenario)
        self.scenario.setText(self.tr("Övningsdata: {name}").format(name=name))
        self.preview.setHtml(f"<p><b>{escape(chosen.summary)}</b></p>{instructions_html(chosen)}")

    def _start(self) -> None:
        chosen = self.current
        if chosen is None:
            return
        name = self._scenario_names.get(chosen.scenario, chosen.scenario)
        text = self.tr(CONFIRM).format(scenario=name)
        if not ask(self, self.tr("Starta övning"), text, self.tr("Starta övningen")):
            return
        self.chosen_id = chosen.id
        self.accept()
