"""The work list "Att skicka", fetched page by page as the view scrolls."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from models.qt.certificate_table_model import CertificateIdRole, RowRole, local_time
from models.qt.paged_row_model import PagedRowModel
from models.qt.row_table_model import AnyIndex
from models.workflow.rows import CertificateRow

COL_PATIENT, COL_TYPE, COL_STATUS, COL_RESPONSIBLE, COL_DATE = range(5)


class WorkListModel(PagedRowModel[CertificateRow]):
    """One certificate to send per row; the lock of a protected patient in column Patient."""

    HEADERS = ("Patient", "Intyg", "Status", "Signeringsansvarig", "Datum")

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
