"""The journal's certificate table: Datum/tid, Blankett/formulär, Status, Vårdenhet, Mottagare."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from models.clock import SWEDISH_TIME
from models.workflow.rows import CertificateRow

COL_DATE, COL_FORM, COL_STATUS, COL_UNIT, COL_RECIPIENT = range(5)
CertificateIdRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2
RowRole = Qt.ItemDataRole.UserRole + 3

AnyIndex = QModelIndex | QPersistentModelIndex


def local_time(row: CertificateRow) -> str:
    return row.timestamp.astimezone(SWEDISH_TIME).strftime("%Y-%m-%d %H:%M")


class CertificateTableModel(QAbstractTableModel):
    """Rows from ``CertificateService.list_for_patient``; sort through a proxy on ``SortRole``."""

    HEADERS = ("Datum/tid", "Blankett/formulär", "Status", "Vårdenhet", "Mottagare")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[CertificateRow] = []

    def set_rows(self, rows: list[CertificateRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[CertificateRow]:
        return list(self._rows)

    def row_of(self, certificate_id: str) -> int:
        for index, row in enumerate(self._rows):
            if row.id == certificate_id:
                return index
        return -1

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
            return QCoreApplication.translate("CertificateTableModel", self.HEADERS[section])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                local_time(row),
                row.type_name,
                row.status_text,
                row.unit_name,
                row.recipient,
            )[column]
        if role == SortRole:
            return (
                row.timestamp.isoformat(),
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
