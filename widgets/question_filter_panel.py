"""The filters of "Fråga/svar via Webcert": a "Filter" toggle over the fields of Webcert's
"Ej hanterade ärenden" (WORKFLOW.md §4.6), read as one ``QuestionFilters``.

A date that does not parse counts as none and is marked; the patient field reloads at once
when emptied or holding a whole personnummer, otherwise on Enter or when left.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from models.workflow.question_list import Measure, QuestionFilters, Sender

DATE_FORMAT = "%Y-%m-%d"


def _parse_date(text: str) -> dt.date | None:
    text = text.strip()
    if not text:
        return None
    try:
        return dt.datetime.strptime(text, DATE_FORMAT).date()  # noqa: DTZ007 - a date only
    except ValueError:
        return None


class QuestionFilterPanel(QWidget):
    """The toggle and its fields; ``changed`` when the filters to apply may have changed."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        bar = QHBoxLayout()
        self.filter_toggle = QToolButton()
        self.filter_toggle.setObjectName("questionFilterToggle")
        self.filter_toggle.setText(self.tr("Filter"))
        self.filter_toggle.setCheckable(True)
        self.filter_toggle.setAutoRaise(True)
        self.filter_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.filter_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.filter_toggle.toggled.connect(self._toggle_filters)
        bar.addWidget(self.filter_toggle)
        bar.addStretch(1)
        outer.addLayout(bar)

        self.filter_panel = QWidget()
        self.filter_panel.setObjectName("questionFilterPanel")
        grid = QGridLayout(self.filter_panel)
        grid.setContentsMargins(4, 0, 4, 2)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(3)

        self.measure_combo = QComboBox()
        for measure in Measure:
            self.measure_combo.addItem(self.tr(measure.value), measure.value)
        self.sender_combo = QComboBox()
        for sender in Sender:
            self.sender_combo.addItem(self.tr(sender.value), sender.value)
        self.signer_combo = QComboBox()
        self.signer_combo.addItem(self.tr("Visa alla"), None)
        for combo in (self.measure_combo, self.sender_combo, self.signer_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.patient_edit = QLineEdit()
        self.patient_edit.setPlaceholderText(self.tr("ÅÅÅÅMMDD-NNNN"))
        self.patient_edit.setClearButtonEnabled(True)
        self.patient_edit.setFixedWidth(160)
        self.date_from_edit = QLineEdit()
        self.date_to_edit = QLineEdit()
        self.reply_by_edit = QLineEdit()  # "svara senast" on or before (§4.5)
        for edit in self._date_edits():
            edit.setPlaceholderText(self.tr("ÅÅÅÅ-MM-DD"))
            edit.setClearButtonEnabled(True)
            edit.setFixedWidth(110)
            edit.editingFinished.connect(self._date_edited)
        self.clear_filters_button = QPushButton(self.tr("Rensa filter"))

        fields: tuple[tuple[int, int, str, QWidget], ...] = (
            (0, 0, "Åtgärd", self.measure_combo),
            (0, 2, "Avsändare", self.sender_combo),
            (0, 4, "Signerat av", self.signer_combo),
            (1, 0, "Patient", self.patient_edit),
            (1, 2, "Från", self.date_from_edit),
            (1, 4, "Till", self.date_to_edit),
            (0, 6, "Svara senast", self.reply_by_edit),
        )
        for row, column, label, widget in fields:
            caption = QLabel(self.tr(label))
            caption.setBuddy(widget)
            grid.addWidget(caption, row, column)
            grid.addWidget(widget, row, column + 1)
        grid.addWidget(self.clear_filters_button, 1, 6)
        grid.setColumnStretch(7, 1)  # the fields keep their size; the rest is margin
        self.filter_panel.setVisible(False)
        outer.addWidget(self.filter_panel)

        for combo in (self.measure_combo, self.sender_combo, self.signer_combo):
            combo.currentIndexChanged.connect(self._filters_changed)
        self.patient_edit.textChanged.connect(self._patient_typed)
        self.patient_edit.editingFinished.connect(self._patient_finished)
        self.clear_filters_button.clicked.connect(self.clear_filters)
        self._applied_person_id: str | None = None

    def _toggle_filters(self, shown: bool) -> None:
        self.filter_panel.setVisible(shown)
        self.filter_toggle.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )

    def _patient_typed(self, text: str) -> None:
        # Reload at once when the field is emptied or holds a whole personnummer; anything
        # else waits for Enter or leaving the field.
        digits = sum(c.isdigit() for c in text)
        if digits in (0, 12):
            self._patient_finished()

    def _patient_finished(self) -> None:
        person_id = self.patient_edit.text().strip() or None
        if person_id != self._applied_person_id:
            self._filters_changed()

    def _date_edits(self) -> tuple[QLineEdit, QLineEdit, QLineEdit]:
        return (self.date_from_edit, self.date_to_edit, self.reply_by_edit)

    def _date_edited(self) -> None:
        for edit in self._date_edits():
            text = edit.text().strip()
            bad = bool(text) and _parse_date(text) is None
            edit.setToolTip(self.tr("Ange datum som ÅÅÅÅ-MM-DD") if bad else "")
            edit.setStyleSheet("QLineEdit { border: 1px solid #a4262c; }" if bad else "")
        self._filters_changed()

    def question_filters(self) -> QuestionFilters:
        """The filters as the fields show them (a date that does not parse counts as none)."""
        return QuestionFilters(
            # Qt hands the enum back as a plain str; the query compares with ``is``.
            measure=Measure(self.measure_combo.currentData() or Measure.ALL_UNHANDLED),
            sender=Sender(self.sender_combo.currentData() or Sender.ALL),
            signed_by=self.signer_combo.currentData(),
            person_id=self.patient_edit.text().strip() or None,
            date_from=_parse_date(self.date_from_edit.text()),
            date_to=_parse_date(self.date_to_edit.text()),
            reply_by=_parse_date(self.reply_by_edit.text()),
        )

    def clear_filters(self) -> None:
        """Back to "Alla ej hanterade" for everyone, and one reload."""
        widgets = (
            self.measure_combo,
            self.sender_combo,
            self.signer_combo,
            self.patient_edit,
            *self._date_edits(),
        )
        for widget in widgets:
            widget.blockSignals(True)
        try:
            for combo in (self.measure_combo, self.sender_combo, self.signer_combo):
                combo.setCurrentIndex(0)
            for edit in (self.patient_edit, *self._date_edits()):
                edit.clear()
                edit.setStyleSheet("")
                edit.setToolTip("")
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self._filters_changed()

    def _filters_changed(self) -> None:
        filters = self.question_filters()
        self._applied_person_id = filters.person_id
        active = filters != QuestionFilters()
        self.filter_toggle.setText(self.tr("Filter (aktiva)") if active else self.tr("Filter"))
        self.changed.emit()

    def set_signers(self, signers: list[tuple[str, str]]) -> None:
        """The options of "Signerat av" as (hsa_id, name), keeping the chosen one if offered."""
        current = self.signer_combo.currentData()
        self.signer_combo.blockSignals(True)
        try:
            self.signer_combo.clear()
            self.signer_combo.addItem(self.tr("Visa alla"), None)
            for hsa_id, name in signers:
                self.signer_combo.addItem(name, hsa_id)
            found = self.signer_combo.findData(current) if current is not None else 0
            self.signer_combo.setCurrentIndex(max(found, 0))
        finally:
            self.signer_combo.blockSignals(False)
