"""Simulering → Händelselogg: the training database's latest status events and PDL entries, for
an instructor to show a course what happened behind the screens.

Everything comes from ``EventLog``; the window reads it again on "Uppdatera", when the filter
changes, and shortly after any certificate changes (several changes in a burst give one read).
While hidden it only notes that it is stale.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.errors import IntygsstudioError
from models.qt.bridge import ChangeBridge
from models.training.event_log import DEFAULT_LIMIT, PDL, EventLog, LogEntry, LogFilter
from widgets.message_bar import MessageBar
from widgets.read_only_table import mark_protected, read_only_table

#: Changes published within this many milliseconds are read in once.
REFRESH_DELAY_MS = 150
COLUMNS = ("Tid", "Logg", "Vem", "Patient", "Intyg", "Händelse")
WIDTHS = (118, 52, 300, 118, 80)
PDL_BACKGROUND = QColor("#f3f6fa")


class EventLogWindow(QWidget):
    """Händelselogg (simulering): one table, newest first, with a filter."""

    def __init__(
        self,
        log: EventLog,
        bridge: ChangeBridge | None = None,
        parent: QWidget | None = None,
        limit: int = DEFAULT_LIMIT,
    ) -> None:
        super().__init__(parent)
        self._log = log
        self._limit = limit
        self._stale = False
        self.entries: list[LogEntry] = []
        self.setObjectName("eventLogWindow")
        self.setWindowTitle(self.tr("Händelselogg (simulering)"))
        self.message_bar = MessageBar(self)
        self.filter = QComboBox(self)
        for choice in LogFilter:
            self.filter.addItem(self.tr(choice.value), choice)
        self.filter.setAccessibleName(self.tr("Visa"))
        self.refresh_button = QPushButton(self.tr("Uppdatera"), self)
        self.count_label = QLabel(self)
        self.count_label.setStyleSheet("color:#5f6b7a;")
        self.table = read_only_table(
            [self.tr(c) for c in COLUMNS],
            WIDTHS,
            self.tr("Händelser"),
            self,
            single_selection=False,
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self._changed)
        self._lay_out()
        self.refresh_button.clicked.connect(self.refresh)
        self.filter.currentIndexChanged.connect(self.refresh)
        if bridge is not None:
            bridge.certificateChanged.connect(self._schedule)
        self.resize(1180, 620)
        self.refresh()

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Visa:"), self))
        top.addWidget(self.filter)
        top.addWidget(self.count_label, 1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message_bar)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    # Reading ---------------------------------------------------------------------------------

    def chosen_filter(self) -> LogFilter:
        choice = self.filter.currentData()
        return choice if isinstance(choice, LogFilter) else LogFilter.ALL

    def set_filter(self, choice: LogFilter) -> None:
        self.filter.setCurrentIndex(self.filter.findData(choice))

    def refresh(self) -> None:
        """Read the log again and show it, newest first."""
        self._stale = False
        try:
            entries = self._log.latest(self._limit, self.chosen_filter())
        except IntygsstudioError as error:
            self.message_bar.show_error(error.message)
            return
        self.message_bar.clear()
        self.entries = entries
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            for column, text in enumerate(self._texts(entry)):
                self.table.setItem(row, column, self._cell(entry, column, text))
        self.count_label.setText(
            self.tr("De senaste {n} händelserna, nyast först").format(n=len(entries))
            if len(entries) >= self._limit
            else self.tr("{n} händelser, nyast först").format(n=len(entries))
        )

    def _texts(self, entry: LogEntry) -> list[str]:
        return [
            entry.time,
            entry.kind,
            entry.who,
            entry.patient,
            entry.certificate_type,
            entry.what,
        ]

    def _cell(self, entry: LogEntry, column: int, text: str) -> QTableWidgetItem:
        cell = QTableWidgetItem(text)
        tips = {
            1: f"{entry.kind}: {entry.code}",
            4: entry.certificate_name,
        }
        cell.setToolTip(tips.get(column) or text)
        if entry.kind == PDL:
            cell.setBackground(PDL_BACKGROUND)
        if column == 3 and entry.protected_identity:
            mark_protected(cell)
        return cell

    def rows(self) -> list[list[str]]:
        """The table as the user reads it, row by row."""
        return [
            [self._text(row, column) for column in range(self.table.columnCount())]
            for row in range(self.table.rowCount())
        ]

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return "" if item is None else item.text()

    # Following changes -----------------------------------------------------------------------

    def _schedule(self, _event: object) -> None:
        self._timer.start()

    def _changed(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)
