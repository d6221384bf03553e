"""The diagnosis rows: a code and a description each, both searching the code list as you type.

Typing in either edit searches ``EditorContext.search_diagnoses`` (codes in the code edit, words
in the description edit; the search takes both) and offers the hits as ``F32.1 Medelsvår
depressiv episod``. Choosing one fills the row's code (printed form, with the dot) and its
description. Anything may also be typed by hand; the rules report codes that do not exist.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QCompleter, QGridLayout, QLabel, QLineEdit, QWidget

from models.qt.diagnosis_completer_model import CodeRole, DiagnosisCompleterModel, TitleRole
from widgets.editor.field_widget import FieldWidget
from widgets.editor.style import styled

DEFAULT_ROWS = 3
CODE_WIDTH = 90
#: The popups are at least this wide, so that the narrow code edit shows whole titles too.
POPUP_MIN_WIDTH = 460
VISIBLE_HITS = 10


@dataclass
class DiagnosisRow:
    """One row's two edits and the completers that search for them."""

    code: QLineEdit
    text: QLineEdit
    code_completer: QCompleter
    text_completer: QCompleter

    def is_empty(self) -> bool:
        return not self.code.text().strip() and not self.text.text().strip()


class DiagnosisListWidget(FieldWidget):
    """``field.max_rows`` rows (three by default) of diagnosis code and description."""

    def build_input(self) -> QWidget:
        box = QWidget()
        self._grid = QGridLayout(box)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(6)
        self._grid.setVerticalSpacing(3)
        for column, heading in enumerate(
            (self.tr("Diagnoskod"), self.tr("Diagnosbeskrivning")), start=1
        ):
            label = QLabel(heading)
            styled(label, "muted")
            self._grid.addWidget(label, 0, column)
        self._grid.setColumnStretch(2, 1)
        self.rows: list[DiagnosisRow] = []
        self._add_rows(self.field.max_rows or DEFAULT_ROWS)
        box.setFocusProxy(self.rows[0].code)
        return box

    def _add_rows(self, count: int) -> None:
        while len(self.rows) < count:
            self.rows.append(self._build_row(len(self.rows)))

    def _build_row(self, index: int) -> DiagnosisRow:
        number = index + 1
        name = self.tr("Huvuddiagnos") if index == 0 else self.tr("Diagnos {n}").format(n=number)
        label = QLabel(name)
        code = QLineEdit()
        code.setPlaceholderText(self.tr("Kod"))
        code.setFixedWidth(CODE_WIDTH)
        code.setAccessibleName(self.tr("Diagnoskod {n}").format(n=number))
        code.setToolTip(self.tr("Kod enligt ICD-10-SE, t.ex. F32.1. Skriv och välj i listan."))
        code.setObjectName(f"diagnosis-code-{index}")
        text = QLineEdit()
        text.setPlaceholderText(self.tr("Diagnosbeskrivning"))
        text.setAccessibleName(self.tr("Diagnosbeskrivning {n}").format(n=number))
        text.setObjectName(f"diagnosis-text-{index}")
        label.setBuddy(code)
        row = DiagnosisRow(
            code, text, self._completer(code, CodeRole), self._completer(text, TitleRole)
        )
        code.textEdited.connect(lambda typed: self.code_edited(index, typed))
        text.textEdited.connect(lambda typed: self.text_edited(index, typed))
        code.editingFinished.connect(lambda: self._tidy_code(index))
        for completer in (row.code_completer, row.text_completer):
            # The QModelIndex overload (the stubs do not declare overloads as indexable).
            activated = cast(Any, completer.activated)[QModelIndex]
            activated.connect(lambda hit: self._chosen(index, hit))
        grid_row = number  # row 0 holds the headings
        self._grid.addWidget(label, grid_row, 0)
        self._grid.addWidget(code, grid_row, 1, Qt.AlignmentFlag.AlignLeft)
        self._grid.addWidget(text, grid_row, 2)
        return row

    def _completer(self, edit: QLineEdit, role: int) -> QCompleter:
        """A completer showing the model's rows unfiltered; ``role`` is what lands in ``edit``."""
        model = DiagnosisCompleterModel(self.context.search_diagnoses, edit)
        completer = QCompleter(model, edit)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionRole(role)
        completer.setMaxVisibleItems(VISIBLE_HITS)
        popup = completer.popup()
        assert popup is not None  # a completer always has one
        popup.setMinimumWidth(POPUP_MIN_WIDTH)
        popup.setAccessibleName(self.tr("Förslag på diagnoser"))
        edit.setCompleter(completer)
        return completer

    @staticmethod
    def completer_model(completer: QCompleter) -> DiagnosisCompleterModel:
        model = completer.model()
        assert isinstance(model, DiagnosisCompleterModel)
        return model

    # -- what the user does ---------------------------------------------------------------------

    def code_edited(self, index: int, typed: str) -> None:
        """A keystroke in a code edit: search for the new text, then report the change."""
        self.completer_model(self.rows[index].code_completer).refresh(typed)
        self.changed.emit()

    def text_edited(self, index: int, typed: str) -> None:
        """A keystroke in a description edit: search for the new text, then report the change."""
        self.completer_model(self.rows[index].text_completer).refresh(typed)
        self.changed.emit()

    def _chosen(self, index: int, hit: QModelIndex) -> None:
        """A hit picked from either popup fills both edits of the row."""
        code, title = hit.data(CodeRole), hit.data(TitleRole)
        if not isinstance(code, str) or not isinstance(title, str):
            return
        row = self.rows[index]
        row.code.setText(code)  # setText does not emit textEdited: no new search
        # Many ICD-10-SE titles are longer than the form's description; the title is cut at the
        # limit (the code says exactly what is meant, and the text can be edited).
        limit = self.field.max_length
        row.text.setText(title if limit is None else title[:limit].rstrip())
        row.text.setCursorPosition(0)
        self.changed.emit()

    def _tidy_code(self, index: int) -> None:
        """A typed code in capitals on leaving the edit (``f32.1`` → ``F32.1``)."""
        edit = self.rows[index].code
        tidy = edit.text().strip().upper()
        if tidy != edit.text():
            edit.setText(tidy)
            self.changed.emit()

    # -- the stored answer ----------------------------------------------------------------------

    def value(self) -> Any:
        """Rows up to the last filled one; an empty row above a filled one stays, as blanks."""
        rows = [{"code": r.code.text().strip(), "text": r.text.text().strip()} for r in self.rows]
        while rows and not rows[-1]["code"] and not rows[-1]["text"]:
            rows.pop()
        return rows or None

    def set_value(self, value: Any) -> None:
        stored = [row for row in value if isinstance(row, dict)] if isinstance(value, list) else []
        self._add_rows(len(stored))  # more rows than the form has: shown, for the rules to report
        for position, row in enumerate(self.rows):
            data = stored[position] if position < len(stored) else {}
            for edit, key in ((row.code, "code"), (row.text, "text")):
                item = data.get(key)
                edit.setText(item if isinstance(item, str) else "")
                edit.setCursorPosition(0)
            for completer in (row.code_completer, row.text_completer):
                self.completer_model(completer).refresh("")
                popup = completer.popup()
                if popup is not None:
                    popup.hide()

    def focus_part(self, part: str | None) -> None:
        """Parts as the rules name them: ``"0"`` (a row), ``"0.code"``, ``"1.text"``."""
        position, _dot, which = (part or "").partition(".")
        if position.isdigit() and int(position) < len(self.rows):
            row = self.rows[int(position)]
            target = row.text if which == "text" else row.code
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().focus_part(part)
