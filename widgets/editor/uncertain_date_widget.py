"""A date that may be partly unknown: year, month and day drop-downs where 00 means unknown."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from models.definitions.rules import Pattern
from widgets.editor.field_widget import FieldWidget

UNKNOWN_YEAR = "0000"
UNKNOWN = "00"


def _day_lock_message(rules: list[Any]) -> str | None:
    """The message of a pattern rule that only lets day 00 through (dödsdatum ej säkert)."""
    for rule in rules:
        if isinstance(rule, Pattern):
            regex = re.compile(rule.regex)
            if regex.fullmatch("2000-01-00") and not regex.fullmatch("2000-01-15"):
                return rule.message
    return None


class UncertainDateWidget(FieldWidget):
    """Three drop-downs År / Månad / Dag; stored "YYYY-MM-DD" with 0000 and 00 for unknown.

    The year offers this year, last year and "0000 (okänt)" (years come from the context's
    today). An unknown year makes the month unknown, and an unknown month the day (a date can
    only be vague from the right, as the rules require); those drop-downs are then locked at 00.
    A part not chosen yet is stored empty (e.g. "2026--00") so that the rules ask for it.
    """

    def build_input(self) -> QWidget:
        box = QWidget()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        this_year = self.context.today.year
        years = [f"{this_year:04d}", f"{this_year - 1:04d}"]
        unknown_year = (UNKNOWN_YEAR, self.tr("0000 (okänt)"))
        self.year = self._combo(
            self.tr("År"), [("", self.tr("Välj år")), *((y, y) for y in years), unknown_year]
        )
        months = [f"{m:02d}" for m in range(1, 13)]
        self.month = self._combo(
            self.tr("Månad"),
            [
                ("", self.tr("Välj månad")),
                (UNKNOWN, self.tr("00 (okänd)")),
                *((m, m) for m in months),
            ],
        )
        days = [f"{d:02d}" for d in range(1, 32)]
        self.day = self._combo(self.tr("Dag"), [(UNKNOWN, UNKNOWN), *((d, d) for d in days)])
        self._day_lock = _day_lock_message(self.field.rules)
        if self._day_lock is not None:
            self.day.setToolTip(self._day_lock)
        for caption, combo in (
            (self.tr("År"), self.year),
            (self.tr("Månad"), self.month),
            (self.tr("Dag"), self.day),
        ):
            label = QLabel(caption)
            label.setBuddy(combo)
            layout.addWidget(label)
            layout.addWidget(combo)
            layout.addSpacing(6)
        layout.addStretch(1)
        box.setFocusProxy(self.year)
        self._update_locks(force=True)
        return box

    def _combo(self, name: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        for data, text in items:
            combo.addItem(text, data)
        combo.activated.connect(self._chosen)
        return combo

    def _chosen(self, _index: int) -> None:
        self._update_locks(force=True)
        self.changed.emit()

    @staticmethod
    def _part(combo: QComboBox) -> str:
        data = combo.currentData()
        return data if isinstance(data, str) else ""

    @staticmethod
    def _select(combo: QComboBox, data: str) -> None:
        index = combo.findData(data)
        if index < 0 and data:
            combo.addItem(data, data)  # a year from an older draft still shows as stored
            index = combo.count() - 1
        combo.setCurrentIndex(max(index, 0))

    def _update_locks(self, force: bool) -> None:
        """Lock at 00 what an unknown year or month (or the day rule) makes unknown.

        On the user's choice (``force``) the locked part is set to 00; a stored answer is shown
        as it is, and a locked part that is not 00 stays open so that the user can correct it.
        """
        month_locked = self._part(self.year) == UNKNOWN_YEAR
        if month_locked and force:
            self._select(self.month, UNKNOWN)
        self.month.setEnabled(not month_locked or self._part(self.month) != UNKNOWN)
        day_locked = self._day_lock is not None or self._part(self.month) in ("", UNKNOWN)
        if day_locked and force:
            self._select(self.day, UNKNOWN)
        self.day.setEnabled(not day_locked or self._part(self.day) != UNKNOWN)

    def value(self) -> Any:
        year, month, day = self._part(self.year), self._part(self.month), self._part(self.day)
        if not year and not month:
            return None
        return f"{year}-{month}-{day}"

    def set_value(self, value: Any) -> None:
        parts = value.split("-") if isinstance(value, str) else []
        year, month, day = parts if len(parts) == 3 else ("", "", UNKNOWN)
        self._select(self.year, year)
        self._select(self.month, month)
        self._select(self.day, day or UNKNOWN)
        self._update_locks(force=False)

    def focus_part(self, part: str | None) -> None:
        """Focus the named part ("year", "month", "day"), else the first one still to choose."""
        named = {"year": self.year, "month": self.month, "day": self.day}.get(part or "")
        if named is None:
            named = self.month if self._part(self.year) and not self._part(self.month) else None
        (named or self.year).setFocus(Qt.FocusReason.OtherFocusReason)
