"""Kan ej komplettera: one of Webcert's two reasons and a mandatory comment (≤ 500 characters).

No medical information may be entered here; for the first reason the app then makes a
complement draft with the comment in "Övriga upplysningar" to be signed and sent.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QLabel,
    QLayout,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from models.workflow.complement import CannotComplementReason
from models.workflow.question_texts import MAX_COMMENT
from widgets.editor.style import styled
from widgets.message_boxes import confirm_buttons


class CannotComplementDialog(QDialog):
    """``reason`` and ``comment`` hold the answer once accepted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kan ej komplettera"))
        self.reason: CannotComplementReason | None = None
        self.comment = ""
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        info = QLabel(
            self.tr(
                "Ange varför du inte kan komplettera intyget. Skriv ingen medicinsk information "
                "här."
            )
        )
        info.setWordWrap(True)
        info.setMinimumWidth(480)
        styled(info, "notice")
        layout.addWidget(info)
        self.group = QButtonGroup(self)
        self.options: dict[CannotComplementReason, QRadioButton] = {}
        for reason in CannotComplementReason:
            button = QRadioButton(reason.label)
            self.group.addButton(button)
            self.options[reason] = button
            layout.addWidget(button)
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setMaximumHeight(100)
        self.text.setPlaceholderText(self.tr("Kommentar (obligatorisk, högst 500 tecken)"))
        self.text.setAccessibleName(self.tr("Kommentar"))
        layout.addWidget(self.text)
        self.hint = QLabel()
        styled(self.hint, "small")
        layout.addWidget(self.hint)
        self.buttons, self.confirm = confirm_buttons(self, self.tr("Skicka"), self._accept)
        layout.addWidget(self.buttons)
        self.group.buttonToggled.connect(lambda *_a: self._update())
        self.text.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        text = self.text.toPlainText()
        self.hint.setText(self.tr("{n} av {limit} tecken").format(n=len(text), limit=MAX_COMMENT))
        chosen = self.group.checkedButton() is not None
        self.confirm.setEnabled(chosen and bool(text.strip()) and len(text) <= MAX_COMMENT)

    def _accept(self) -> None:
        self.reason = next(r for r, b in self.options.items() if b.isChecked())
        self.comment = self.text.toPlainText().strip()
        self.accept()
