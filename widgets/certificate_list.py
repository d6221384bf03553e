"""The patient's certificates under "Intyg via Webcert", newest first and sortable."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.qt.certificate_table_model import COL_DATE, CertificateIdRole, CertificateTableModel


class CertificateList(QWidget):
    """A table of certificates; double-click or Enter asks to open one."""

    openRequested = Signal(str)  # noqa: N815 - Qt naming

    def __init__(self, model: CertificateTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.heading = QLabel(self.tr("<b>Intyg via Webcert</b>"))
        self.empty_label = QLabel(self.tr("Patienten har inga intyg via Webcert."))
        self.empty_label.setStyleSheet("color:#5f6b7a;")
        self.table = QTableView()
        self.table.setModel(model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_DATE, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((130, 330, 110, 230)):
            self.table.setColumnWidth(column, width)
        self.table.activated.connect(self._activated)
        self.table.doubleClicked.connect(self._activated)
        model.modelReset.connect(self._update_empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        self._update_empty()

    def _update_empty(self) -> None:
        self.empty_label.setVisible(self.model.rowCount() == 0)

    def _activated(self, index: QModelIndex) -> None:
        certificate_id = index.data(CertificateIdRole)
        if certificate_id:
            self.openRequested.emit(certificate_id)

    def select(self, certificate_id: str) -> None:
        row = self.model.row_of(certificate_id)
        if row < 0:
            return
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))

    def selected_id(self) -> str | None:
        indexes = self.table.selectionModel().selectedRows()
        return indexes[0].data(CertificateIdRole) if indexes else None

    def visible_rows(self) -> list[list[str]]:
        """The table as the user reads it, top to bottom."""
        model = self.model
        return [
            [str(model.index(row, column).data() or "") for column in range(model.columnCount())]
            for row in range(model.rowCount())
        ]
