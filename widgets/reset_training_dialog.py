"""Arkiv → Återställ övningsdata: choose a training scenario and confirm that all data goes.

The list shows every scenario by name; the text beside it is the chosen scenario's description
(what the instructor will find in the journals). The warning says what a reset means: every
certificate, question and log entry in this database is replaced, for every workstation that
uses it. The dialog only asks; ``TrainingController`` resets. ``chosen_key`` holds the
scenario's key once accepted.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from widgets.editor.style import styled
from widgets.message_boxes import confirm_buttons

WARNING = (
    "All data i databasen ersätts med scenariots data: alla intyg, utkast, frågor och "
    "loggposter som finns nu försvinner – för alla arbetsstationer som använder databasen, "
    "inte bara den här. Det går inte att ångra."
)


class ScenarioChoice(Protocol):
    """What the dialog shows of a scenario (models.training.scenarios.Scenario)."""

    @property
    def key(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def description(self) -> str: ...


class ResetTrainingDialog(QDialog):
    """Asks which scenario to load; ``chosen_key`` is set when the user presses Återställ."""

    def __init__(
        self,
        choices: Sequence[ScenarioChoice],
        database: str,
        *,
        selected: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Återställ övningsdata"))
        self.chosen_key: str | None = None
        self._choices = list(choices)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        heading = QLabel(self.tr("Välj övningsscenario:"))
        styled(heading, "fieldLabel")
        layout.addWidget(heading)
        row = QHBoxLayout()
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Övningsscenarier"))
        self.list.setMinimumWidth(220)
        self.list.setMaximumWidth(280)
        self.list.setSpacing(3)  # room above a capital Ö, which a tight row clips
        for choice in self._choices:
            item = QListWidgetItem(choice.name)
            item.setData(Qt.ItemDataRole.UserRole, choice.key)
            self.list.addItem(item)
        row.addWidget(self.list)
        self.description = QLabel()
        self.description.setObjectName("scenarioDescription")
        self.description.setWordWrap(True)
        self.description.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.description.setMinimumWidth(420)
        self.description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        styled(self.description, "help")
        # A scenario's description can be longer than the dialog: it scrolls.
        scroller = QScrollArea()
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setWidget(self.description)
        scroller.setMinimumSize(460, 240)
        row.addWidget(scroller, 1)
        layout.addLayout(row)
        self.warning = QLabel(
            self.tr(WARNING) + "\n" + self.tr("Databas: {database}").format(database=database)
        )
        self.warning.setObjectName("resetWarning")
        self.warning.setWordWrap(True)
        styled(self.warning, "notice")
        layout.addWidget(self.warning)
        self.buttons, self.confirm = confirm_buttons(self, self.tr("Återställ"), self._accept)
        layout.addWidget(self.buttons)
        self.list.currentRowChanged.connect(self._show)
        keys = [choice.key for choice in self._choices]
        self.list.setCurrentRow(keys.index(selected) if selected in keys else 0)
        self.list.setFocus()

    def _show(self, row: int) -> None:
        chosen = self._choices[row] if 0 <= row < len(self._choices) else None
        self.description.setText(chosen.description if chosen else "")
        self.confirm.setEnabled(chosen is not None)

    @property
    def selected_key(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def select(self, key: str) -> None:
        """Choose the scenario with this key (as a click in the list does)."""
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.list.setCurrentRow(row)
                return
        raise KeyError(key)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter does not replace all data: only a press on Återställ does."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    def _accept(self) -> None:
        self.chosen_key = self.selected_key
        if self.chosen_key is not None:
            self.accept()
