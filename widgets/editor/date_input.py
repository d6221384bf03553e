"""A date entry: typed as ÅÅÅÅ-MM-DD (or ÅÅMMDD), with a calendar button; empty is allowed."""

from __future__ import annotations

import datetime as dt
from functools import cache

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from models.definitions.inputs import normalise_date


@cache
def _calendar_icon() -> QIcon:
    import qtawesome  # loaded with the first editor, not at start-up

    icon: QIcon = qtawesome.icon("fa6s.calendar-days", color="#2b4c6f")
    return icon


class DateInput(QWidget):
    """A line edit for a date plus a calendar; ``edited`` fires when the user changes it.

    What is typed is kept as typed until it is a date; then it is shown (and stored) as
    ÅÅÅÅ-MM-DD when the user leaves the field or presses Enter.
    """

    edited = Signal()
    picked = Signal()  # a date was chosen in the calendar (after ``edited``)

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.line = QLineEdit()
        self.line.setPlaceholderText("ÅÅÅÅ-MM-DD")
        self.line.setMaximumWidth(130)
        self.line.setMaxLength(20)
        self.calendar_button = QToolButton()
        self.calendar_button.setIcon(_calendar_icon())
        self.calendar_button.setToolTip(self.tr("Välj datum i kalendern"))
        self.calendar_button.setAccessibleName(self.tr("Kalender"))
        self.calendar_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # The calendar is built the first time it is opened: a form has many dates.
        self._calendar: QCalendarWidget | None = None
        menu = QMenu(self.calendar_button)
        menu.aboutToShow.connect(self._prepare_calendar)
        self.calendar_button.setMenu(menu)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line)
        layout.addWidget(self.calendar_button)
        layout.addStretch(1)
        self.setFocusProxy(self.line)
        self.line.textEdited.connect(lambda _text: self.edited.emit())
        self.line.editingFinished.connect(self._tidy)

    def text(self) -> str:
        """What is stored: an ISO date, or the text as typed for the rules to report."""
        return normalise_date(self.line.text(), self._today)

    def set_text(self, text: str | None) -> None:
        self.line.blockSignals(True)
        self.line.setText(text or "")
        self.line.blockSignals(False)

    def _tidy(self) -> None:
        tidy = self.text()
        if tidy != self.line.text():
            self.set_text(tidy)
            self.edited.emit()

    @property
    def calendar(self) -> QCalendarWidget:
        """The calendar popup's widget (created on first use)."""
        if self._calendar is None:
            calendar = QCalendarWidget()
            calendar.setGridVisible(True)
            calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
            calendar.clicked.connect(self._picked)
            menu = self.calendar_button.menu()
            assert menu is not None
            action = QWidgetAction(menu)
            action.setDefaultWidget(calendar)
            menu.addAction(action)
            self._calendar = calendar
        return self._calendar

    def _prepare_calendar(self) -> None:
        current = self.text()
        try:
            date = dt.date.fromisoformat(current)
        except ValueError:
            date = self._today
        self.calendar.setSelectedDate(QDate(date.year, date.month, date.day))

    def _picked(self, date: QDate) -> None:
        self.set_text(f"{date.year():04d}-{date.month():02d}-{date.day():02d}")
        menu = self.calendar_button.menu()
        if menu is not None:
            menu.close()
        self.edited.emit()
        self.picked.emit()
