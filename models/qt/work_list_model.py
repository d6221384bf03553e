"""The work list "Att skicka", fetched page by page as the view scrolls."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from models.qt.certificate_table_model import CertificateIdRole, RowRole, local_time
from models.workflow.rows import CertificateRow

COL_PATIENT, COL_TYPE, COL_STATUS, COL_RESPONSIBLE, COL_DATE = range(5)
PAGE_SIZE = 200

AnyIndex = QModelIndex | QPersistentModelIndex
#: Fetches one page: (offset, limit) -> rows.
PageSource = Callable[[int, int], list[CertificateRow]]


class WorkListModel(QAbstractTableModel):
    """Rows come from a page source; ``canFetchMore``/``fetchMore`` load the next page lazily."""

    HEADERS = ("Patient", "Intyg", "Status", "Signeringsansvarig", "Datum")

    def __init__(self, parent: Any = None, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self._source: PageSource | None = None
        self._rows: list[CertificateRow] = []
        self._exhausted = True
        self._page_size = page_size

    def set_source(self, source: PageSource | None) -> None:
        """Start over from the first page of a new source (or empty the list)."""
        self.beginResetModel()
        self._source = source
        self._rows = []
        self._exhausted = source is None
        if source is not None:
            self._load_page()
        self.endResetModel()

    def reload(self) -> None:
        self.set_source(self._source)

    def _load_page(self) -> list[CertificateRow]:
        assert self._source is not None
        page = self._source(len(self._rows), self._page_size)
        self._exhausted = len(page) < self._page_size
        self._rows.extend(page)
        return page

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
            return QCoreApplication.translate("WorkListModel", self.HEADERS[section])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                f"{row.formatted_person_id} {row.patient_name}",
                row.type_name,
                row.status_text,
                row.responsible_name,
                local_time(row),
            )[index.column()]
        if role == CertificateIdRole:
            return row.id
        if role == RowRole:
            return row
        return None
