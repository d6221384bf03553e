"""The journal's certificate table: Datum/tid, Blankett/formulär, Status, Vårdenhet, Mottagare."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from models.clock import local_text
from models.qt.row_table_model import AnyIndex, RowTableModel
from models.text import swedish_key
from models.workflow.rows import CertificateRow

COL_DATE, COL_FORM, COL_STATUS, COL_UNIT, COL_RECIPIENT = range(5)
CertificateIdRole = Qt.ItemDataRole.UserRole + 1
RowRole = Qt.ItemDataRole.UserRole + 2


def local_time(row: CertificateRow) -> str:
    return local_text(row.timestamp)


def _sort_key(row: CertificateRow, column: int) -> Any:
    if column == COL_DATE:
        return (row.timestamp, row.id)
    text = (row.type_name, row.status_text, row.unit_name, row.recipient)[column - 1]
    return (swedish_key(text), row.timestamp)


class CertificateTableModel(RowTableModel[CertificateRow]):
    """Rows from ``CertificateService.list_for_patient``, sortable by any column.

    The model sorts itself (a key per row, not a comparison per pair through ``data()``), so a
    journal with a thousand certificates opens without delay.
    """

    HEADERS = ("Datum/tid", "Blankett/formulär", "Status", "Vårdenhet", "Mottagare")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._sort: tuple[int, Qt.SortOrder] = (COL_DATE, Qt.SortOrder.DescendingOrder)

    def set_rows(self, rows: list[CertificateRow]) -> None:
        self.beginResetModel()
        self._rows = self._sorted(rows)
        self.endResetModel()

    def _sorted(self, rows: list[CertificateRow]) -> list[CertificateRow]:
        column, order = self._sort
        return sorted(
            rows,
            key=lambda row: _sort_key(row, column),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.HEADERS):
            return
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids = [self._rows[index.row()].id for index in before]
        self._sort = (column, order)
        self._rows = self._sorted(self._rows)
        position = {row.id: number for number, row in enumerate(self._rows)}
        self.changePersistentIndexList(
            before,
            [self.index(position[i], index.column()) for i, index in zip(ids, before, strict=True)],
        )
        self.layoutChanged.emit()

    def rows(self) -> list[CertificateRow]:
        return list(self._rows)

    def row_of(self, certificate_id: str) -> int:
        for index, row in enumerate(self._rows):
            if row.id == certificate_id:
                return index
        return -1

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index)
        if row is None:
            return None
        marking = self.marking(row, index, role)
        if marking is not None:
            return marking
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                local_time(row),
                row.type_name,
                row.status_text,
                row.unit_name,
                row.recipient,
            )[column]
        if role == CertificateIdRole:
            return row.id
        if role == RowRole:
            return row
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_FORM:
            return f"{row.type_name} ({row.type_code})"
        return None
