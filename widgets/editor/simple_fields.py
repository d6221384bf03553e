"""Widgets for the simple kinds: text, checkbox, yes/no, code choices, numbers, dates, notices."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from widgets.editor.date_input import DateInput
from widgets.editor.field_widget import FieldWidget
from widgets.editor.style import set_state, styled

#: Radio buttons up to this many options; a drop-down above.
MAX_RADIOS = 6


class TextFieldWidget(FieldWidget):
    """Single-line or multi-line text, with a character counter near the limit."""

    def build_input(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        multi = self.field.kind in ("text_area", "text_area_accordion", "icf_text")
        self.editor: QLineEdit | QPlainTextEdit
        if multi:
            self.editor = QPlainTextEdit()
            self.editor.setTabChangesFocus(True)
            self.editor.setMinimumHeight(70)
            self.editor.setMaximumHeight(150)
            self.editor.textChanged.connect(self._edited)
        else:
            self.editor = QLineEdit()
            self.editor.textEdited.connect(lambda _t: self._edited())
        self.counter = QLabel()
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight)
        styled(self.counter, "counter")
        self.counter.hide()
        layout.addWidget(self.editor)
        layout.addWidget(self.counter)
        box.setFocusProxy(self.editor)
        self._loading = False
        return box

    def _text(self) -> str:
        if isinstance(self.editor, QPlainTextEdit):
            return self.editor.toPlainText()
        return self.editor.text()

    def _edited(self) -> None:
        self._update_counter()
        if not self._loading:
            self.changed.emit()

    def _update_counter(self) -> None:
        limit = self.field.max_length
        length = len(self._text())
        if limit and length >= limit * 0.8:
            self.counter.setText(self.tr("{n} av {limit} tecken").format(n=length, limit=limit))
            over = length > limit
            set_state(self.counter, "over", "true" if over else "false")
            self.counter.show()
        else:
            self.counter.hide()

    def value(self) -> Any:
        text = self._text()
        return text if text.strip() else None

    def set_value(self, value: Any) -> None:
        self._loading = True
        text = value if isinstance(value, str) else ""
        if isinstance(self.editor, QPlainTextEdit):
            self.editor.setPlainText(text)
        else:
            self.editor.setText(text)
        self._update_counter()
        self._loading = False


class CheckboxWidget(FieldWidget):
    """A single checkbox (ticked = true; unticked is stored as nothing)."""

    def build_input(self) -> QWidget:
        self.box = QCheckBox(self.field.checkbox_label or self.field.label)
        self.box.toggled.connect(lambda _checked: self.changed.emit())
        return self.box

    def value(self) -> Any:
        return True if self.box.isChecked() else None

    def set_value(self, value: Any) -> None:
        self.box.blockSignals(True)
        self.box.setChecked(value is True)
        self.box.blockSignals(False)


class ChoiceWidget(FieldWidget):
    """Yes/no or a code list as radio buttons (a drop-down for long lists)."""

    def _choices(self) -> list[tuple[Any, str]]:
        if self.field.kind == "radio_boolean":
            labels = {o.code: o.label for o in self.field.options}
            return [(True, labels.get("true", "Ja")), (False, labels.get("false", "Nej"))]
        return [(o.code, o.label) for o in self.field.options]

    def build_input(self) -> QWidget:
        self._values = [value for value, _label in self._choices()]
        box = QWidget()
        self.combo: QComboBox | None = None
        self.group = QButtonGroup(box)
        if len(self._values) > MAX_RADIOS:
            layout = QHBoxLayout(box)
            layout.setContentsMargins(0, 0, 0, 0)
            self.combo = QComboBox()
            self.combo.addItem(self.tr("Välj…"), None)
            for value, label in self._choices():
                self.combo.addItem(label, value)
            self.combo.activated.connect(lambda _i: self.changed.emit())
            layout.addWidget(self.combo)
            layout.addStretch(1)
            box.setFocusProxy(self.combo)
            return box
        horizontal = self.field.kind == "radio_boolean" and all(
            len(label) < 25 for _v, label in self._choices()
        )
        buttons: QHBoxLayout | QVBoxLayout = QHBoxLayout(box) if horizontal else QVBoxLayout(box)
        buttons.setContentsMargins(0, 0, 0, 0)
        for index, (_value, label) in enumerate(self._choices()):
            button = QRadioButton(label)
            self.group.addButton(button, index)
            buttons.addWidget(button)
        if horizontal:
            buttons.addStretch(1)
        self.group.idClicked.connect(lambda _i: self.changed.emit())
        first = self.group.button(0)
        if first is not None:
            box.setFocusProxy(first)
        return box

    def value(self) -> Any:
        if self.combo is not None:
            return self.combo.currentData()
        index = self.group.checkedId()
        return self._values[index] if index >= 0 else None

    def set_value(self, value: Any) -> None:
        if self.combo is not None:
            self.combo.blockSignals(True)
            position = self.combo.findData(value) if value is not None else 0
            self.combo.setCurrentIndex(max(position, 0))
            self.combo.blockSignals(False)
            return
        self.group.setExclusive(False)
        for index, button in enumerate(self.group.buttons()):
            button.setChecked(
                value is not None
                and self._values[index] == value
                and type(self._values[index]) is type(value)
            )
        self.group.setExclusive(True)


class CheckboxListWidget(FieldWidget):
    """Several options, any number ticked; stored as the list of codes in form order."""

    def build_input(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for option in self.field.options:
            check = QCheckBox(option.label)
            check.toggled.connect(lambda _c: self.changed.emit())
            self.boxes[option.code] = check
            layout.addWidget(check)
        if self.boxes:
            box.setFocusProxy(next(iter(self.boxes.values())))
        return box

    def value(self) -> Any:
        codes = [code for code, check in self.boxes.items() if check.isChecked()]
        return codes or None

    def set_value(self, value: Any) -> None:
        chosen = set(value) if isinstance(value, list) else set()
        for code, check in self.boxes.items():
            check.blockSignals(True)
            check.setChecked(code in chosen)
            check.blockSignals(False)

    def focus_part(self, part: str | None) -> None:
        target = self.boxes.get(part or "")
        (target or self.input).setFocus(Qt.FocusReason.OtherFocusReason)


class NumberWidget(FieldWidget):
    """An integer (or a year); keys that are not digits are refused."""

    def build_input(self) -> QWidget:
        self.line = QLineEdit()
        self.line.setMaximumWidth(90)
        low = int(self.field.min) if self.field.min is not None else 0
        high = int(self.field.max) if self.field.max is not None else 9999
        # The validator refuses letters; a number outside the interval is reported by the rules.
        self.line.setValidator(QIntValidator(0, max(high, 9999), self.line))
        self.line.setPlaceholderText(f"{low}–{high}" if self.field.kind == "integer" else "ÅÅÅÅ")
        self.line.textEdited.connect(lambda _t: self.changed.emit())
        self.line.inputRejected.connect(
            lambda: self.show_input_hint(self.tr("Ange ett heltal med siffror (0–9)."))
        )
        return self.line

    def value(self) -> Any:
        text = self.line.text().strip()
        return int(text) if text.isdigit() else None

    def set_value(self, value: Any) -> None:
        self.line.blockSignals(True)
        self.line.setText(str(value) if isinstance(value, int) else "")
        self.line.blockSignals(False)


class DateWidget(FieldWidget):
    """A single date."""

    def build_input(self) -> QWidget:
        self.date = DateInput(self.context.today)
        self.date.edited.connect(self.changed.emit)
        return self.date

    def value(self) -> Any:
        return self.date.text() or None

    def set_value(self, value: Any) -> None:
        self.date.set_text(value if isinstance(value, str) else "")


class NoticeWidget(FieldWidget):
    """An information box or a heading: shows text, holds no answer."""

    def build_input(self) -> QWidget:
        if self.field.kind == "header":
            styled(self.label, "heading")
            return QWidget()
        self.label.hide()
        notice = QLabel(self.field.label)
        notice.setWordWrap(True)
        styled(notice, "notice")
        return notice

    def value(self) -> Any:
        return None

    def set_value(self, value: Any) -> None:
        return None
