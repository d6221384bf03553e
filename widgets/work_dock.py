"""The dock "Mitt/Vårt/Patientens arbete": the lists "Att skicka" and "Fråga/svar via Webcert"."""

from __future__ import annotations

from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDockWidget,
    QGroupBox,
    QHBoxLayout,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)


class WorkDock(QDockWidget):
    """Scope switch plus one table per work list; the lists' models are attached by later panels."""

    SCOPES = ("Mitt arbete", "Vårt arbete", "Patientens arbete")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Mitt/Vårt/Patientens arbete"), parent)
        self.setObjectName("workDock")
        body = QWidget()
        self.scope_group = QButtonGroup(self)
        scopes = QHBoxLayout()
        for index, label in enumerate(self.SCOPES):
            button = QRadioButton(self.tr(label))
            self.scope_group.addButton(button, index)
            scopes.addWidget(button)
        scopes.addStretch(1)
        self.scope_group.button(0).setChecked(True)
        self.to_send = self._table(
            [
                self.tr("Patient"),
                self.tr("Intyg"),
                self.tr("Status"),
                self.tr("Ansvarig"),
                self.tr("Datum"),
            ]
        )
        self.questions = self._table(
            [
                self.tr("Patient"),
                self.tr("Intyg"),
                self.tr("Ämne"),
                self.tr("Åtgärd"),
                self.tr("Svara senast"),
            ]
        )
        lists = QHBoxLayout()
        for title, view in (
            (self.tr("Att skicka"), self.to_send),
            (self.tr("Fråga/svar via Webcert"), self.questions),
        ):
            box = QGroupBox(title)
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(4, 4, 4, 4)
            box_layout.addWidget(view)
            lists.addWidget(box)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 2, 6, 6)
        layout.addLayout(scopes)
        layout.addLayout(lists, 1)
        self.setWidget(body)

    def _table(self, headers: list[str]) -> QTableView:
        """An empty list with its columns; the work-list models replace the placeholder model."""
        view = QTableView()
        placeholder = QStandardItemModel(0, len(headers), view)
        placeholder.setHorizontalHeaderLabels(headers)
        view.setModel(placeholder)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().hide()
        view.horizontalHeader().setStretchLastSection(True)
        return view
