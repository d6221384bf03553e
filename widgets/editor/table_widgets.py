"""Fields laid out as tables: other investigations (underlag) and visual acuity values."""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from models.definitions.schema import Part
from widgets.editor.cause_of_death_widgets import LimitCounter, kept_rows
from widgets.editor.date_input import DateInput
from widgets.editor.field_widget import FieldWidget
from widgets.editor.style import styled

#: Digits with at most one decimal comma or point (the range is left to the rules).
DECIMAL = QRegularExpression(r"^\d{0,2}([.,]\d{0,2})?$")


class UnderlagRow:
    """One investigation: its type (drop-down), its date and where it can be fetched."""

    def __init__(self, widget: UnderlagListWidget, layout: QVBoxLayout, number: int) -> None:
        field = widget.field
        labels = {part.id: part.label for part in field.subfields}
        block = QWidget()
        grid = QGridLayout(block)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)
        self.type = QComboBox()
        self.type.addItem(widget.tr("Välj…"), None)
        for option in field.options:
            self.type.addItem(option.label, option.code)
        self.type.activated.connect(lambda _i: widget.changed.emit())
        self.date = DateInput(widget.context.today)
        self.date.edited.connect(widget.changed.emit)
        self.info = QLineEdit()
        self.counter = LimitCounter(field.max_length)
        self.info.textEdited.connect(partial(self._info_edited, widget))
        captions = (
            labels.get("type", widget.tr("Utredning eller underlag")),
            labels.get("date", widget.tr("Datum")),
            labels.get("info", widget.tr("Från vilken vårdgivare kan informationen hämtas?")),
        )
        for column, caption in enumerate(captions[:2]):
            header = QLabel(caption)
            styled(header, "small")
            grid.addWidget(header, 0, column)
        info_caption = QLabel(captions[2])
        info_caption.setWordWrap(True)
        styled(info_caption, "small")
        info_caption.setBuddy(self.info)
        grid.addWidget(self.type, 1, 0)
        grid.addWidget(self.date, 1, 1)
        grid.addWidget(info_caption, 2, 0, 1, 3)
        grid.addWidget(self.info, 3, 0, 1, 3)
        grid.addWidget(self.counter, 4, 0, 1, 3)
        grid.setColumnStretch(2, 1)
        for part, caption in zip((self.type, self.date.line, self.info), captions, strict=True):
            part.setAccessibleName(widget.tr("{part}, rad {row}").format(part=caption, row=number))
        if number > 1:
            line = QFrame()
            line.setFrameShape(QFrame.Shape.HLine)
            styled(line, "rule")
            layout.addWidget(line)
        layout.addWidget(block)

    def _info_edited(self, widget: UnderlagListWidget, text: str) -> None:
        self.counter.update_for(len(text))
        widget.changed.emit()

    def value(self) -> dict[str, str]:
        row: dict[str, str] = {}
        code = self.type.currentData()
        if isinstance(code, str):
            row["type"] = code
        if self.date.text():
            row["date"] = self.date.text()
        if self.info.text().strip():
            row["info"] = self.info.text()
        return row

    def set_value(self, value: Any) -> None:
        row = value if isinstance(value, dict) else {}
        position = self.type.findData(row.get("type")) if row.get("type") is not None else 0
        self.type.setCurrentIndex(max(position, 0))
        date, info = row.get("date"), row.get("info")
        self.date.set_text(date if isinstance(date, str) else "")
        self.info.setText(info if isinstance(info, str) else "")
        self.counter.update_for(len(self.info.text()))


class UnderlagListWidget(FieldWidget):
    """Up to ``max_rows`` investigations; stored as a list of {"type", "date", "info"}."""

    def build_input(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.rows = [
            UnderlagRow(self, layout, number) for number in range(1, (self.field.max_rows or 1) + 1)
        ]
        box.setFocusProxy(self.rows[0].type)
        return box

    def value(self) -> Any:
        return kept_rows([row.value() for row in self.rows])

    def set_value(self, value: Any) -> None:
        stored = value if isinstance(value, list) else []
        for index, row in enumerate(self.rows):
            row.set_value(stored[index] if index < len(stored) else None)

    def focus_part(self, part: str | None) -> None:
        """Parts are "<row>" or "<row>.<type|date|info>" (row from 0)."""
        index, _dot, name = (part or "").partition(".")
        if index.isdigit() and int(index) < len(self.rows):
            row = self.rows[int(index)]
            target: QWidget = {"date": row.date, "info": row.info}.get(name, row.type)
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().focus_part(part)


def _decimal_text(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return ""
    return str(value).replace(".", ",")


class VisualAcuityWidget(FieldWidget):
    """A grid of rows (eyes) and columns (without / with correction, contact lenses).

    Decimal cells take a comma or a point and store a float; checkbox cells store true when
    ticked. A row listed in a column's ``except_rows`` has no cell there. Stored as
    {row: {column: value}} with empty cells (and rows) left out.
    """

    def build_input(self) -> QWidget:
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(4)
        self.cells: dict[str, dict[str, QLineEdit | QCheckBox]] = {}
        for column_index, column in enumerate(self.field.columns, start=1):
            header = QLabel(column.label)
            styled(header, "small")
            grid.addWidget(header, 0, column_index, Qt.AlignmentFlag.AlignHCenter)
        for row_index, row in enumerate(self.field.rows, start=1):
            grid.addWidget(QLabel(row.label), row_index, 0)
            cells: dict[str, QLineEdit | QCheckBox] = {}
            for column_index, column in enumerate(self.field.columns, start=1):
                if row.id in column.except_rows:
                    continue
                cell = self._cell(column)
                cell.setAccessibleName(f"{row.label}, {column.label}")
                cells[column.id] = cell
                grid.addWidget(cell, row_index, column_index, Qt.AlignmentFlag.AlignHCenter)
            self.cells[row.id] = cells
        grid.setColumnStretch(len(self.field.columns) + 1, 1)
        first = next((cell for cells in self.cells.values() for cell in cells.values()), None)
        if first is not None:
            box.setFocusProxy(first)
        return box

    def _cell(self, column: Part) -> QLineEdit | QCheckBox:
        if column.checkbox:
            check = QCheckBox()
            check.clicked.connect(lambda _checked: self.changed.emit())
            return check
        line = QLineEdit()
        line.setFixedWidth(64)
        line.setAlignment(Qt.AlignmentFlag.AlignCenter)
        line.setValidator(QRegularExpressionValidator(DECIMAL, line))
        line.textEdited.connect(lambda _text: self.changed.emit())
        return line

    def value(self) -> Any:
        table: dict[str, dict[str, float | bool]] = {}
        for row_id, cells in self.cells.items():
            values: dict[str, float | bool] = {}
            for column_id, cell in cells.items():
                if isinstance(cell, QCheckBox):
                    if cell.isChecked():
                        values[column_id] = True
                    continue
                try:
                    values[column_id] = float(cell.text().replace(",", "."))
                except ValueError:
                    continue  # empty, or only a comma so far
            if values:
                table[row_id] = values
        return table or None

    def set_value(self, value: Any) -> None:
        table = value if isinstance(value, dict) else {}
        for row_id, cells in self.cells.items():
            stored = table.get(row_id)
            row = stored if isinstance(stored, dict) else {}
            for column_id, cell in cells.items():
                if isinstance(cell, QCheckBox):
                    cell.setChecked(row.get(column_id) is True)
                else:
                    cell.setText(_decimal_text(row.get(column_id)))

    def focus_part(self, part: str | None) -> None:
        """Parts are "<row>.<column>"; a row alone focuses its first cell."""
        row_id, _dot, column_id = (part or "").partition(".")
        cells = self.cells.get(row_id, {})
        target = cells.get(column_id) or next(iter(cells.values()), None)
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().focus_part(part)
