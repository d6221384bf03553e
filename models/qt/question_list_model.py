"""The work list "Fråga/svar via Webcert", fetched page by page as the view scrolls.

Columns Pnr, Namn, Typ, Intyg, Ansvarig, Datum/Tid, Svara senast; one row per certificate.
Column Pnr carries the row's icon: yellow for an incoming question or answer from
Försäkringskassan, blue for a question care sent and FK has not answered yet. A patient with
skyddade personuppgifter gets the lock in column Namn, so both marks stay visible.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QIcon

from models.clock import local_text
from models.qt.row_table_model import PROTECTED_TEXT, AnyIndex, lock_icon
from models.workflow.question_list import QuestionRow

COL_PNR, COL_NAME, COL_KIND, COL_TYPE, COL_RESPONSIBLE, COL_LATEST, COL_REPLY_BY = range(7)
PAGE_SIZE = 200
#: The whole ``QuestionRow`` of an index's row.
QuestionRowRole = Qt.ItemDataRole.UserRole + 3

INCOMING_TEXT = "Inkommen fråga eller svar från Försäkringskassan"
AWAITING_TEXT = "Fråga skickad till Försäkringskassan, inväntar svar"

#: Fetches one page: (offset, limit) -> rows.
QuestionPageSource = Callable[[int, int], list[QuestionRow]]


@cache
def kind_icon(kind: str) -> QIcon | None:
    """Yellow for 'incoming', blue for 'awaiting', nothing for 'handled' (read once, on need)."""
    if kind not in ("incoming", "awaiting"):
        return None
    import qtawesome  # not at start-up

    if kind == "incoming":
        icon: QIcon = qtawesome.icon("fa6s.circle-exclamation", color="#e0a800")
    else:
        icon = qtawesome.icon("fa6s.clock", color="#2b6cb0")
    return icon


def latest_time(row: QuestionRow) -> str:
    """Datum/Tid in Swedish local time."""
    return local_text(row.latest_at)


def _translate(text: str) -> str:
    return QCoreApplication.translate("QuestionListModel", text)


class QuestionListModel(QAbstractTableModel):
    """Rows come from a page source; ``canFetchMore``/``fetchMore`` load the next page lazily."""

    HEADERS = ("Pnr", "Namn", "Typ", "Intyg", "Ansvarig", "Datum/Tid", "Svara senast")

    def __init__(self, parent: Any = None, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self._rows: list[QuestionRow] = []
        self._source: QuestionPageSource | None = None
        self._exhausted = True
        self._page_size = page_size

    # Paging ---------------------------------------------------------------------------------

    def set_source(self, source: QuestionPageSource | None) -> None:
        """Start over from the first page of a new source (or empty the list)."""
        self.beginResetModel()
        self._source = source
        self._rows = []
        self._exhausted = source is None
        if source is not None:
            page = source(0, self._page_size)
            self._exhausted = len(page) < self._page_size
            self._rows.extend(page)
        self.endResetModel()

    def reload(self) -> None:
        self.set_source(self._source)

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted or self._source is None:
            return
        page = self._source(len(self._rows), self._page_size)
        self._exhausted = len(page) < self._page_size
        if page:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    # Table ----------------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.HEADERS)
        ):
            return _translate(self.HEADERS[section])
        return None

    def row_at(self, index: AnyIndex) -> QuestionRow | None:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index)
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.texts(row)[column]
        if role == Qt.ItemDataRole.DecorationRole:
            if column == COL_PNR:
                return kind_icon(row.icon)
            if column == COL_NAME and row.protected_identity:
                return lock_icon()
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_PNR:
                if row.icon == "incoming":
                    return _translate(INCOMING_TEXT)
                if row.icon == "awaiting":
                    return _translate(AWAITING_TEXT)
                return None
            if column == COL_NAME and row.protected_identity:
                return QCoreApplication.translate("RowTableModel", PROTECTED_TEXT)
            if column == COL_NAME:
                return row.patient_name
            if column == COL_TYPE:
                return row.type_name
            return None
        if role == QuestionRowRole:
            return row
        return None

    @staticmethod
    def texts(row: QuestionRow) -> tuple[str, ...]:
        """The row's cells as shown (Typ through translation, the rest as data)."""
        reply_by = row.last_date_to_reply
        return (
            row.formatted_person_id,
            row.patient_name,
            _translate(row.kind),
            row.type_name,
            row.responsible_name,
            latest_time(row),
            reply_by.isoformat() if reply_by is not None else "",
        )
