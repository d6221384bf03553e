"""Causes of death (dödsorsaksintyget): a description, an approximate debut and its course.

Field 8 is one cause (row A); field 9 continues the chain as rows B, C, D ("som var en följd
av"), field 10 lists contributing causes as numbered rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QToolButton,
    QWidget,
)

from models.definitions.rules import DebutOrder
from models.definitions.schema import FieldDef, Option
from widgets.editor.date_input import DateInput
from widgets.editor.field_widget import FieldWidget
from widgets.editor.style import set_state, styled


def kept_rows(rows: list[dict[str, str]]) -> list[dict[str, str]] | None:
    """Rows as stored: positions kept (an empty row before a filled one is {}, so the rules can
    ask for top-down filling), trailing empty rows dropped, None when every row is empty."""
    while rows and not rows[-1]:
        rows = rows[:-1]
    return rows or None


class LimitCounter(QLabel):
    """ "n av limit tecken" under a text, shown from 80 % of the limit, red above it."""

    def __init__(self, limit: int | None) -> None:
        super().__init__()
        self.limit = limit
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        styled(self, "counter")
        self.hide()

    def update_for(self, length: int) -> None:
        if self.limit and length >= self.limit * 0.8:
            self.setText(self.tr("{n} av {limit} tecken").format(n=length, limit=self.limit))
            set_state(self, "over", "true" if length > self.limit else "false")
            self.show()
        else:
            self.hide()


class CauseRow:
    """The inputs of one cause, placed on one row of a grid; ``on_edit`` on user changes."""

    def __init__(
        self,
        grid: QGridLayout,
        row: int,
        caption: str,
        field: FieldDef,
        today: dt.date,
        on_edit: Callable[[], None],
    ) -> None:
        self._on_edit = on_edit
        self.caption = QLabel(caption)
        styled(self.caption, "fieldLabel")
        self.description = QLineEdit()
        self.description.setMinimumWidth(180)
        self.counter = LimitCounter(field.max_length)
        self.description.textEdited.connect(self._text_edited)
        self.debut = DateInput(today)
        self.debut.line.setMinimumWidth(110)  # room for ÅÅÅÅ-MM-DD in a narrow editor
        self.debut.edited.connect(on_edit)
        self.radios = QWidget()
        radio_layout = QHBoxLayout(self.radios)
        radio_layout.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(self.radios)
        self.options: list[Option] = list(field.options)
        for index, option in enumerate(self.options):
            button = QRadioButton(option.label)
            self.group.addButton(button, index)
            radio_layout.addWidget(button)
        self.group.idClicked.connect(lambda _i: on_edit())
        text = QCoreApplication.translate("CauseRow", "{part}, rad {row}")
        for widget, part in (
            (self.description, QCoreApplication.translate("CauseRow", "Beskrivning")),
            (self.debut.line, QCoreApplication.translate("CauseRow", "Ungefärlig debut")),
            (self.radios, QCoreApplication.translate("CauseRow", "Specificering")),
        ):
            widget.setAccessibleName(text.format(part=part, row=caption))
        column = QWidget()
        stack = QGridLayout(column)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.setVerticalSpacing(0)
        stack.addWidget(self.description, 0, 0)
        stack.addWidget(self.counter, 1, 0)
        grid.addWidget(self.caption, row, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(column, row, 1, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.debut, row, 2, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.radios, row, 3, Qt.AlignmentFlag.AlignTop)

    def _text_edited(self, text: str) -> None:
        self.counter.update_for(len(text))
        self._on_edit()

    def value(self) -> dict[str, str]:
        cause: dict[str, str] = {}
        description = self.description.text()
        if description.strip():
            cause["description"] = description
        debut = self.debut.text()
        if debut:
            cause["debut"] = debut
        index = self.group.checkedId()
        if index >= 0:
            cause["specification"] = self.options[index].code
        return cause

    def set_value(self, value: Any) -> None:
        cause = value if isinstance(value, dict) else {}
        description = cause.get("description")
        self.description.setText(description if isinstance(description, str) else "")
        self.counter.update_for(len(self.description.text()))
        debut = cause.get("debut")
        self.debut.set_text(debut if isinstance(debut, str) else "")
        codes = [option.code for option in self.options]
        chosen = codes.index(cause["specification"]) if cause.get("specification") in codes else -1
        self.group.setExclusive(False)
        for index, button in enumerate(self.group.buttons()):
            button.setChecked(index == chosen)
        self.group.setExclusive(True)

    def focus(self, part: str | None) -> None:
        target: QWidget = self.description
        if part == "debut":
            target = self.debut
        elif part == "specification":
            buttons = self.group.buttons()
            target = self.group.checkedButton() or (buttons[0] if buttons else self.description)
        target.setFocus(Qt.FocusReason.OtherFocusReason)


def _grid_with_headers(box: QWidget) -> QGridLayout:
    grid = QGridLayout(box)
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setHorizontalSpacing(10)
    grid.setVerticalSpacing(3)
    for column, text in (
        (1, QCoreApplication.translate("CauseRow", "Beskrivning")),
        (2, QCoreApplication.translate("CauseRow", "Ungefärlig debut")),
        (3, QCoreApplication.translate("CauseRow", "Specificering")),
    ):
        header = QLabel(text)
        styled(header, "small")
        grid.addWidget(header, 0, column)
    grid.setColumnStretch(1, 1)
    return grid


class CauseOfDeathWidget(FieldWidget):
    """One cause (row A): {"description", "debut", "specification"}, empty parts left out."""

    def build_input(self) -> QWidget:
        box = QWidget()
        self.row = CauseRow(
            _grid_with_headers(box), 1, "A", self.field, self.context.today, self.changed.emit
        )
        box.setFocusProxy(self.row.description)
        return box

    def value(self) -> Any:
        return self.row.value() or None

    def set_value(self, value: Any) -> None:
        self.row.set_value(value)

    def focus_part(self, part: str | None) -> None:
        self.row.focus(part)


class CauseOfDeathListWidget(FieldWidget):
    """Up to ``max_rows`` causes; lettered B, C, … when the list continues a chain of causes
    (a debut-order rule names the cause above), otherwise numbered."""

    def build_input(self) -> QWidget:
        box = QWidget()
        grid = _grid_with_headers(box)
        chained = any(isinstance(rule, DebutOrder) for rule in self.field.rules)
        self.rows: list[CauseRow] = []
        self.clear_buttons: list[QToolButton] = []
        for index in range(self.field.max_rows or 1):
            caption = chr(ord("B") + index) if chained else f"{index + 1}."
            row = CauseRow(
                grid, index + 1, caption, self.field, self.context.today, self.changed.emit
            )
            clear = QToolButton()
            clear.setText("✕")
            clear.setAutoRaise(True)
            clear.setToolTip(self.tr("Töm rad {row}").format(row=caption))
            clear.setAccessibleName(clear.toolTip())
            clear.clicked.connect(partial(self._clear, row))
            grid.addWidget(clear, index + 1, 4, Qt.AlignmentFlag.AlignTop)
            self.rows.append(row)
            self.clear_buttons.append(clear)
        box.setFocusProxy(self.rows[0].description)
        return box

    def _clear(self, row: CauseRow) -> None:
        if row.value():
            row.set_value(None)
            self.changed.emit()

    def value(self) -> Any:
        return kept_rows([row.value() for row in self.rows])

    def set_value(self, value: Any) -> None:
        stored = value if isinstance(value, list) else []
        for index, row in enumerate(self.rows):
            row.set_value(stored[index] if index < len(stored) else None)

    def focus_part(self, part: str | None) -> None:
        """Parts are "<row>" or "<row>.<description|debut|specification>" (row from 0)."""
        index, _dot, name = (part or "").partition(".")
        if index.isdigit() and int(index) < len(self.rows):
            self.rows[int(index)].focus(name or None)
            return
        super().focus_part(part)
