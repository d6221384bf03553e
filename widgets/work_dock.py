"""The dock "Mitt/Vårt/Patientens arbete": the lists "Att skicka" and "Fråga/svar via Webcert"."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Signal
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

from models.qt.certificate_table_model import RowRole
from models.qt.work_list_model import WorkListModel
from models.workflow.rows import CertificateRow, Scope

#: Fetches a page of "Att skicka" for a scope: (scope, offset, limit) -> rows.
WorkFetcher = Callable[[Scope, int, int], list[CertificateRow]]

SCOPES: tuple[tuple[Scope, str], ...] = (
    ("mine", "Mitt arbete"),
    ("unit", "Vårt arbete"),
    ("patient", "Patientens arbete"),
)


class WorkDock(QDockWidget):
    """Scope switch plus the work lists; double-click asks to open the row's certificate."""

    openRequested = Signal(object)  # noqa: N815 - Qt naming; CertificateRow

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Mitt/Vårt/Patientens arbete"), parent)
        self.setObjectName("workDock")
        self._fetch: WorkFetcher | None = None
        body = QWidget()
        self.scope_group = QButtonGroup(self)
        scopes = QHBoxLayout()
        for index, (_scope, label) in enumerate(SCOPES):
            button = QRadioButton(self.tr(label))
            self.scope_group.addButton(button, index)
            scopes.addWidget(button)
        scopes.addStretch(1)
        self.scope_group.button(0).setChecked(True)
        self.scope_group.idToggled.connect(self._scope_toggled)

        self.to_send_model = WorkListModel(self)
        self.to_send = self._table()
        self.to_send.setModel(self.to_send_model)
        for column, width in enumerate((230, 260, 90, 150)):
            self.to_send.setColumnWidth(column, width)
        self.to_send.doubleClicked.connect(self._open)
        self.to_send.activated.connect(self._open)
        # Filled by the questions panel (Fråga/svar via Webcert).
        self.questions = self._table()
        placeholder = QStandardItemModel(0, 5, self.questions)
        placeholder.setHorizontalHeaderLabels(
            [self.tr(h) for h in ("Patient", "Intyg", "Ämne", "Åtgärd", "Svara senast")]
        )
        self.questions.setModel(placeholder)

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

    def _scope_toggled(self, _id: int, checked: bool) -> None:
        if checked:
            self.refresh()

    @staticmethod
    def _table() -> QTableView:
        view = QTableView()
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.verticalHeader().hide()
        view.horizontalHeader().setStretchLastSection(True)
        return view

    @property
    def scope(self) -> Scope:
        return SCOPES[max(self.scope_group.checkedId(), 0)][0]

    def set_scope(self, scope: Scope) -> None:
        index = [s for s, _label in SCOPES].index(scope)
        self.scope_group.button(index).setChecked(True)

    def set_fetcher(self, fetch: WorkFetcher) -> None:
        """Where the lists come from: (scope, offset, limit) -> rows."""
        self._fetch = fetch
        self.refresh()

    def refresh(self) -> None:
        """Load the first page of the current scope again."""
        fetch, scope = self._fetch, self.scope
        if fetch is None:
            self.to_send_model.set_source(None)
            return
        self.to_send_model.set_source(lambda offset, limit: fetch(scope, offset, limit))

    def _open(self, index: QModelIndex) -> None:
        row = index.data(RowRole)
        if row is not None:
            self.openRequested.emit(row)

    def visible_rows(self) -> list[list[str]]:
        model = self.to_send_model
        return [
            [str(model.index(r, c).data() or "") for c in range(model.columnCount())]
            for r in range(model.rowCount())
        ]
