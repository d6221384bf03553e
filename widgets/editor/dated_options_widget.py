"""Options that each carry a date ("Utlåtandet är baserat på": min undersökning … datum)."""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QGridLayout, QWidget

from widgets.editor.date_input import DateInput
from widgets.editor.field_widget import FieldWidget


class CheckboxDateListWidget(FieldWidget):
    """Per option a checkbox with its label and a date; stored as {code: date} for ticked ones.

    Ticking an option leaves its date empty, as Webcert does: the user states when the
    examination or the reading took place, and a prefilled today would be wrong as often as
    right (and would silently pass the "not in the future" rule). The rules ask for the missing
    date. Typing or picking a date ticks the option; unticking clears its date.
    """

    def build_input(self) -> QWidget:
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        self.boxes: dict[str, QCheckBox] = {}
        self.dates: dict[str, DateInput] = {}
        for row, option in enumerate(self.field.options):
            check = QCheckBox(option.label)
            date = DateInput(self.context.today)
            date.line.setAccessibleName(self.tr("Datum för {label}").format(label=option.label))
            check.clicked.connect(partial(self._ticked, option.code))
            date.edited.connect(partial(self._dated, option.code))
            self.boxes[option.code] = check
            self.dates[option.code] = date
            grid.addWidget(check, row, 0)
            grid.addWidget(date, row, 1)
        grid.setColumnStretch(2, 1)
        if self.boxes:
            box.setFocusProxy(next(iter(self.boxes.values())))
        return box

    def _ticked(self, code: str) -> None:
        if not self.boxes[code].isChecked():
            self.dates[code].set_text("")
        self.changed.emit()

    def _dated(self, code: str) -> None:
        check = self.boxes[code]
        if self.dates[code].text() and not check.isChecked():
            check.setChecked(True)  # ``clicked`` is not emitted by setChecked
        self.changed.emit()

    def value(self) -> Any:
        chosen = {
            code: self.dates[code].text() for code, check in self.boxes.items() if check.isChecked()
        }
        return chosen or None

    def set_value(self, value: Any) -> None:
        stored = value if isinstance(value, dict) else {}
        for code, check in self.boxes.items():
            check.setChecked(code in stored)
            date = stored.get(code)
            self.dates[code].set_text(date if isinstance(date, str) else "")

    def focus_part(self, part: str | None) -> None:
        """An option's finding is about its date once ticked, else about ticking it."""
        code = part or ""
        if code in self.boxes:
            target: QWidget = self.dates[code] if self.boxes[code].isChecked() else self.boxes[code]
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().focus_part(part)
