"""Makulera: the reason and the information Webcert gives before a certificate is revoked.

Two reasons (WORKFLOW.md §1.6): wrong patient, with an optional clarification, and another
serious error, with a mandatory text of at most 3,500 characters. A locked draft gets the
wording for drafts. The death certificates (DB, DOI) have their own dialog without reasons:
Skatteverket or Socialstyrelsen must be called. What the dialog tells the user comes from the
rules (``ActionState.notice``: whether it was sent, is in Mina intyg, has questions). The
confirm button is enabled only when the choice is complete; the dialog returns the reason code
(None for DB and DOI) and the text.
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

from models.workflow.creation import DEATH_TYPES
from models.workflow.revoking import MAX_MESSAGE, RevokeReason
from widgets.editor.style import styled
from widgets.message_boxes import confirm_buttons


class RevokeDialog(QDialog):
    """Asks why the certificate is revoked; ``reason`` and ``text`` hold the answer."""

    def __init__(
        self,
        type_code: str,
        info: str,
        *,
        locked_draft: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.reason: RevokeReason | None = None
        self.text = ""
        self._death = type_code in DEATH_TYPES
        what = self.tr("utkast") if locked_draft else self.tr("intyg")
        self.setWindowTitle(self.tr("Makulera {what}").format(what=what))
        layout = QVBoxLayout(self)
        # Wrapped texts get the height they need at this width.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.info = QLabel(info)
        self.info.setWordWrap(True)
        self.info.setMinimumWidth(540)
        styled(self.info, "notice")
        layout.addWidget(self.info)
        self.wrong_patient = QRadioButton(RevokeReason.FEL_PATIENT.label(locked_draft=locked_draft))
        self.other_error = QRadioButton(RevokeReason.ANNAT_ALLVARLIGT_FEL.label())
        self.group = QButtonGroup(self)
        self.group.addButton(self.wrong_patient)
        self.group.addButton(self.other_error)
        self.clarification = QPlainTextEdit()
        self.clarification.setTabChangesFocus(True)
        self.clarification.setMaximumHeight(110)
        self.clarification.setAccessibleName(self.tr("Förtydligande"))
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        styled(self.hint, "small")
        if not self._death:
            layout.addWidget(QLabel(self.tr("Ange orsak till makuleringen:")))
            layout.addWidget(self.wrong_patient)
            layout.addWidget(self.other_error)
            layout.addWidget(self.clarification)
            layout.addWidget(self.hint)
        self.buttons, self.confirm = confirm_buttons(self, self.tr("Makulera"), self._accept)
        layout.addWidget(self.buttons)
        self.group.buttonToggled.connect(lambda *_args: self._update())
        self.clarification.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        text = self.clarification.toPlainText()
        if self._death:
            self.confirm.setEnabled(True)
            return
        self.clarification.setVisible(self.group.checkedButton() is not None)
        self.clarification.setPlaceholderText(
            self.tr("Förtydliga vid behov (frivilligt)")
            if self.wrong_patient.isChecked()
            else self.tr("Beskriv felet (obligatoriskt)")
        )
        over = len(text) > MAX_MESSAGE
        if self.other_error.isChecked() and not text.strip():
            self.hint.setText(self.tr("Beskriv felet för att kunna makulera."))
        elif over:
            self.hint.setText(
                self.tr("Texten är {n} tecken; högst {limit} får plats.").format(
                    n=len(text), limit=MAX_MESSAGE
                )
            )
        else:
            count = self.tr("{n} av {limit} tecken").format(n=len(text), limit=MAX_MESSAGE)
            self.hint.setText(count if text else "")
        complete = self.wrong_patient.isChecked() or (
            self.other_error.isChecked() and bool(text.strip())
        )
        self.confirm.setEnabled(complete and not over)

    def _accept(self) -> None:
        if self._death:
            self.reason, self.text = None, ""
        else:
            self.reason = (
                RevokeReason.FEL_PATIENT
                if self.wrong_patient.isChecked()
                else RevokeReason.ANNAT_ALLVARLIGT_FEL
            )
            self.text = self.clarification.toPlainText().strip()
        self.accept()
