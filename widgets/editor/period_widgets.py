"""Periods: the sick-leave degrees with a from and a to date each, and a single from–to range.

The to-date takes a date or a length counted from the from-date (``14d``, ``2v``, ``1m``, as in
Webcert); the length becomes a date when the user leaves the field or presses Enter. Next to
each period its number of days is shown once both ends are dates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QCheckBox, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from models.definitions.inputs import next_period_start, period_days, period_end
from widgets.editor.date_input import DateInput
from widgets.editor.field_widget import FieldWidget
from widgets.editor.style import styled


class PeriodEndInput(DateInput):
    """A to-date that also takes a length from the from-date: ``14d``, ``2v``, ``1m``."""

    def __init__(self, today: dt.date, start: Callable[[], str], parent: QWidget | None = None):
        super().__init__(today, parent)
        self._start = start
        self.line.setToolTip(
            self.tr("Datum, eller längd räknat från fr.o.m-datumet: 14d (dagar), 2v (veckor), 1m")
        )

    def text(self) -> str:
        """The to-date: a typed length resolved from the from-date, or the date typed."""
        return period_end(self._start(), self.line.text(), self._today)

    def resolve(self) -> None:
        """Turn a length typed before the from-date was known into a date now."""
        self._tidy()


def _days_text(start: str, end: str) -> str:
    days = period_days(start, end)
    if days is None:
        return ""
    if days == 1:
        return QCoreApplication.translate("PeriodWidgets", "1 dag")
    return QCoreApplication.translate("PeriodWidgets", "{n} dagar").format(n=days)


def _labels(widget: FieldWidget) -> tuple[str, str]:
    """The from and to labels, as the definition names them."""
    names = {part.id: part.label for part in widget.field.subfields}
    return names.get("from", widget.tr("Fr.o.m")), names.get("to", widget.tr("T.o.m"))


def _shortcut_hint() -> QLabel:
    hint = _small(
        QCoreApplication.translate(
            "PeriodWidgets", "T.o.m kan också anges som längd från fr.o.m: 14d, 2v eller 1m."
        )
    )
    styled(hint, "counter")
    return hint


def _small(text: str) -> QLabel:
    label = QLabel(text)
    styled(label, "muted")
    return label


@dataclass
class PeriodRow:
    """One degree: its checkbox, its two dates and its day count."""

    check: QCheckBox
    start: DateInput
    end: PeriodEndInput
    days: QLabel

    def update_days(self) -> None:
        self.days.setText(_days_text(self.start.text(), self.end.text()))

    def period(self) -> dict[str, str]:
        texts = {"from": self.start.text(), "to": self.end.text()}
        return {end: text for end, text in texts.items() if text}


class SickLeavePeriodsWidget(FieldWidget):
    """One row per degree (25, 50, 75, 100 procent): a checkbox, from, to and the day count."""

    def build_input(self) -> QWidget:
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        self.rows: dict[str, PeriodRow] = {}
        for line, option in enumerate(self.field.options):
            self.rows[option.code] = self._build_row(option.code, option.label, grid, line)
        grid.addWidget(_shortcut_hint(), len(self.rows), 0, 1, 7)
        grid.setColumnStretch(6, 1)
        if self.rows:
            box.setFocusProxy(next(iter(self.rows.values())).check)
        return box

    def _build_row(self, code: str, label: str, grid: QGridLayout, line: int) -> PeriodRow:
        start_label, end_label = _labels(self)
        check = QCheckBox(label)
        start = DateInput(self.context.today)
        end = PeriodEndInput(self.context.today, start.text)
        start.line.setAccessibleName(f"{start_label} {label}")
        end.line.setAccessibleName(f"{end_label} {label}")
        days = QLabel()
        days.setMinimumWidth(70)
        check.toggled.connect(lambda ticked: self._ticked(code, ticked))
        start.edited.connect(lambda: self._dates_edited(code))
        end.edited.connect(lambda: self._dates_edited(code))
        start.line.editingFinished.connect(end.resolve)
        start.picked.connect(end.resolve)
        parts = (check, _small(start_label), start, _small(end_label), end, days)
        for column, widget in enumerate(parts):
            grid.addWidget(widget, line, column)
        return PeriodRow(check, start, end, days)

    def _ticked(self, code: str, ticked: bool) -> None:
        row = self.rows[code]
        if ticked and not row.start.text() and not row.end.text():
            # Prefilled as Webcert does (models.definitions.inputs.next_period_start); the
            # to-date is where the user goes on.
            row.start.set_text(self._next_start(code))
            row.update_days()
            row.end.setFocus(Qt.FocusReason.OtherFocusReason)
        elif not ticked:
            # An unticked degree stores nothing: its dates go too, so that none linger unseen.
            row.start.set_text("")
            row.end.set_text("")
            row.update_days()
        self.changed.emit()

    def _next_start(self, code: str) -> str:
        ends = [
            row.end.text()
            for other, row in self.rows.items()
            if other != code and row.check.isChecked()
        ]
        return next_period_start(ends, self.context.today)

    def _dates_edited(self, code: str) -> None:
        row = self.rows[code]
        row.update_days()
        if not row.check.isChecked() and (row.start.line.text() or row.end.line.text()):
            row.check.blockSignals(True)  # no prefill: the user is typing the dates
            row.check.setChecked(True)
            row.check.blockSignals(False)
        self.changed.emit()

    def value(self) -> Any:
        periods = {code: row.period() for code, row in self.rows.items() if row.check.isChecked()}
        return periods or None

    def set_value(self, value: Any) -> None:
        stored = value if isinstance(value, dict) else {}
        for code, row in self.rows.items():
            period = stored.get(code)
            row.check.blockSignals(True)
            row.check.setChecked(isinstance(period, dict))
            row.check.blockSignals(False)
            data = period if isinstance(period, dict) else {}
            for input_, end in ((row.start, "from"), (row.end, "to")):
                text = data.get(end)
                input_.set_text(text if isinstance(text, str) else "")
            row.update_days()

    def focus_part(self, part: str | None) -> None:
        """Parts as the rules name them: ``"HALFTEN"``, ``"HALFTEN.from"``, ``"HALFTEN.to"``."""
        code, _dot, end = (part or "").partition(".")
        row = self.rows.get(code)
        if row is None:
            super().focus_part(part)
            return
        target: QWidget = {"from": row.start.line, "to": row.end.line}.get(end, row.check)
        target.setFocus(Qt.FocusReason.OtherFocusReason)


class DateRangeWidget(FieldWidget):
    """A from–to period; the to-date takes the same lengths as the sick-leave periods."""

    def build_input(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        row = QHBoxLayout()
        row.setSpacing(8)
        start_label, end_label = _labels(self)
        self.start = DateInput(self.context.today)
        self.end = PeriodEndInput(self.context.today, self.start.text)
        self.start.line.setAccessibleName(start_label)
        self.end.line.setAccessibleName(end_label)
        self.days = QLabel()
        self.start.edited.connect(self._edited)
        self.end.edited.connect(self._edited)
        self.start.line.editingFinished.connect(self.end.resolve)
        self.start.picked.connect(self.end.resolve)
        for widget in (_small(start_label), self.start, _small(end_label), self.end, self.days):
            row.addWidget(widget)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(_shortcut_hint())
        box.setFocusProxy(self.start)
        return box

    def _edited(self) -> None:
        self._update_days()
        self.changed.emit()

    def _update_days(self) -> None:
        self.days.setText(_days_text(self.start.text(), self.end.text()))

    def value(self) -> Any:
        texts = {"from": self.start.text(), "to": self.end.text()}
        period = {end: text for end, text in texts.items() if text}
        return period or None

    def set_value(self, value: Any) -> None:
        data = value if isinstance(value, dict) else {}
        for input_, end in ((self.start, "from"), (self.end, "to")):
            text = data.get(end)
            input_.set_text(text if isinstance(text, str) else "")
        self._update_days()

    def focus_part(self, part: str | None) -> None:
        """``"from"`` or ``"to"``; the from-date otherwise."""
        target = self.end if part == "to" else self.start
        target.line.setFocus(Qt.FocusReason.OtherFocusReason)
