"""The dock "Mitt/Vårt/Patientens arbete": the lists "Att skicka" and "Fråga/svar via Webcert".

The badge: the number of unhandled rows of "Fråga/svar via Webcert" in the chosen scope (the
filters do not change it) is shown in the dock's window title, "Mitt/Vårt/Patientens arbete –
3 ej hanterade", which is also the text of the dock's tab when it is tabified, and in the
title of the list's group box, "Fråga/svar via Webcert (3)". With no unhandled rows both read
as plain titles.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDockWidget,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QRadioButton,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.qt.certificate_table_model import RowRole
from models.qt.question_list_model import (
    COL_KIND,
    COL_LATEST,
    COL_NAME,
    COL_PNR,
    COL_REPLY_BY,
    COL_RESPONSIBLE,
    COL_TYPE,
    QuestionListModel,
    QuestionRowRole,
)
from models.qt.work_list_model import WorkListModel
from models.workflow.question_list import QuestionFilters, QuestionRow
from models.workflow.rows import CertificateRow, Scope
from widgets.question_filter_panel import QuestionFilterPanel

#: Fetches a page of "Att skicka" for a scope: (scope, offset, limit) -> rows.
WorkFetcher = Callable[[Scope, int, int], list[CertificateRow]]
#: Fetches a page of "Fråga/svar via Webcert": (scope, filters, offset, limit) -> rows.
QuestionFetcher = Callable[[Scope, QuestionFilters, int, int], list[QuestionRow]]
#: The badge: unhandled rows of "Fråga/svar via Webcert" in a scope.
QuestionCounter = Callable[[Scope], int]

SCOPES: tuple[tuple[Scope, str], ...] = (
    ("mine", "Mitt arbete"),
    ("unit", "Vårt arbete"),
    ("patient", "Patientens arbete"),
)
DOCK_TITLE = "Mitt/Vårt/Patientens arbete"
QUESTIONS_TITLE = "Fråga/svar via Webcert"


class WorkDock(QDockWidget):
    """Scope switch plus the work lists; double-click asks to open the row's certificate."""

    openRequested = Signal(object)  # noqa: N815 - Qt naming; CertificateRow
    questionOpenRequested = Signal(object)  # noqa: N815 - Qt naming; QuestionRow

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr(DOCK_TITLE), parent)
        self.setObjectName("workDock")
        self._fetch: WorkFetcher | None = None
        self._fetch_questions: QuestionFetcher | None = None
        self._count_questions: QuestionCounter | None = None
        self._unhandled = 0
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

        self.to_send_box = QGroupBox(self.tr("Att skicka"))
        to_send_layout = QVBoxLayout(self.to_send_box)
        to_send_layout.setContentsMargins(4, 4, 4, 4)
        to_send_layout.addWidget(self.to_send)

        self.questions_box = QGroupBox(self.tr(QUESTIONS_TITLE))
        questions_layout = QVBoxLayout(self.questions_box)
        questions_layout.setContentsMargins(4, 4, 4, 4)
        questions_layout.setSpacing(3)
        self.filters = QuestionFilterPanel()
        self.filters.changed.connect(self._reload_questions)
        questions_layout.addWidget(self.filters)
        self.questions_model = QuestionListModel(self)
        self.questions = self._table()
        self.questions.setModel(self.questions_model)
        self.questions.setWordWrap(False)
        self.questions.setTextElideMode(Qt.TextElideMode.ElideRight)
        # Every column in view at the dock's usual width: Intyg (the long type names, whole in
        # the tooltip) takes what is left; the others keep widths that fit their texts.
        header = self.questions.horizontalHeader()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(60)
        metrics = self.questions.fontMetrics()
        pad = 2 * self.questions.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 8
        icon = self.questions.iconSize().width() if self.questions.iconSize().isValid() else 16
        header_font = header.fontMetrics()
        for column, sample, extra in (
            (COL_PNR, "00000000-0000", max(icon, 16) + 6),
            (COL_NAME, "Tolvan Tolvansson", 0),
            (COL_KIND, "Inkommen fråga/svar", 0),
            (COL_RESPONSIBLE, "Ajla Doktor", 0),
            (COL_LATEST, "0000-00-00 00:00", 0),
            (COL_REPLY_BY, "0000-00-00", 0),
        ):
            title = str(self.questions_model.headerData(column, Qt.Orientation.Horizontal))
            width = max(
                metrics.horizontalAdvance(sample) + extra, header_font.horizontalAdvance(title)
            )
            self.questions.setColumnWidth(column, width + pad)
        header.setSectionResizeMode(COL_TYPE, QHeaderView.ResizeMode.Stretch)
        # activated: double-click, and Enter/Return on the current row.
        self.questions.activated.connect(self._open_question)
        questions_layout.addWidget(self.questions, 1)

        lists = QHBoxLayout()
        lists.addWidget(self.to_send_box, 1)
        lists.addWidget(self.questions_box, 2)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 2, 6, 6)
        layout.addLayout(scopes)
        layout.addLayout(lists, 1)
        self.setWidget(body)

    def question_filters(self) -> QuestionFilters:
        """The filters of "Fråga/svar via Webcert" as their fields show them."""
        return self.filters.question_filters()

    # Lists ----------------------------------------------------------------------------------

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

    def set_question_fetcher(
        self,
        fetch: QuestionFetcher,
        count: QuestionCounter,
        signers: list[tuple[str, str]],
    ) -> None:
        """Where "Fråga/svar via Webcert" comes from: ``fetch(scope, filters, offset, limit)``
        for the pages, ``count(scope)`` for the badge (unhandled rows, filters not applied),
        and the options of "Signerat av" as (hsa_id, name)."""
        self._fetch_questions = fetch
        self._count_questions = count
        self.filters.set_signers(signers)
        self._reload_questions()

    def refresh(self) -> None:
        """Load the first page of both lists of the current scope again, and the badge."""
        fetch, scope = self._fetch, self.scope
        if fetch is None:
            self.to_send_model.set_source(None)
        else:
            self.to_send_model.set_source(lambda offset, limit: fetch(scope, offset, limit))
        self._reload_questions()

    def _reload_questions(self) -> None:
        fetch, scope, filters = self._fetch_questions, self.scope, self.question_filters()
        if fetch is None:
            self.questions_model.set_source(None)
        else:
            self.questions_model.set_source(
                lambda offset, limit: fetch(scope, filters, offset, limit)
            )
        self._update_badge()

    def _update_badge(self) -> None:
        count = self._count_questions
        self._unhandled = count(self.scope) if count is not None else 0
        if self._unhandled > 0:
            self.questions_box.setTitle(f"{self.tr(QUESTIONS_TITLE)} ({self._unhandled})")
            self.setWindowTitle(
                self.tr("%1 – %2 ej hanterade")
                .replace("%1", self.tr(DOCK_TITLE))
                .replace("%2", str(self._unhandled))
            )
        else:
            self.questions_box.setTitle(self.tr(QUESTIONS_TITLE))
            self.setWindowTitle(self.tr(DOCK_TITLE))

    @property
    def unhandled_questions(self) -> int:
        """The badge's number (as last counted)."""
        return self._unhandled

    def _open(self, index: QModelIndex) -> None:
        row = index.data(RowRole)
        if row is not None:
            self.openRequested.emit(row)

    def _open_question(self, index: QModelIndex) -> None:
        row = index.data(QuestionRowRole)
        if row is not None:
            self.questionOpenRequested.emit(row)

    def visible_rows(self) -> list[list[str]]:
        model = self.to_send_model
        return [
            [str(model.index(r, c).data() or "") for c in range(model.columnCount())]
            for r in range(model.rowCount())
        ]

    def visible_question_rows(self) -> list[list[str]]:
        model = self.questions_model
        return [
            [str(model.index(r, c).data() or "") for c in range(model.columnCount())]
            for r in range(model.rowCount())
        ]
