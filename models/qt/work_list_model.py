"""The work list "Att skicka", fetched page by page as the view scrolls."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from models.qt.certificate_table_model import CertificateIdRole, RowRole, local_time
from models.qt.row_table_model import AnyIndex, RowTableModel
from models.workflow.rows import CertificateRow

COL_PATIENT, COL_TYPE, COL_STATUS, COL_RESPONSIBLE, COL_DATE = range(5)
PAGE_SIZE = 200

#: Fetches one page: (offset, limit) -> rows.
PageSource = Callable[[int, int], list[CertificateRow]]


class WorkListModel(RowTableModel):
    """Rows come from a page source; ``canFetchMore``/``fetchMore`` load the next page lazily."""

    HEADERS = ("Patient", "Intyg", "Status", "Signeringsansvarig", "Datum")

    def __init__(self, parent: Any = None, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self._source: PageSource | None = None
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

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index)
        if row is None:
            return None
        marking = self.marking(row, index, role)
        if marking is not None:
            return marking
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
