"""Makulera: the reason and the information Webcert gives before a certificate is revoked.

Two reasons (WORKFLOW.md §1.6): wrong patient, with an optional clarification, and another
serious error, with a mandatory text of at most 3,500 characters. A locked draft gets the
wording for drafts. The death certificates (DB, DOI) have their own dialog without reasons:
Skatteverket or Socialstyrelsen must be called. The confirm button is enabled only when the
choice is complete; the dialog returns the reason code and the text.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLayout,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from widgets.editor.style import styled

WRONG_PATIENT = "FEL_PATIENT"
OTHER_SERIOUS_ERROR = "ANNAT_ALLVARLIGT_FEL"
MAX_TEXT = 3500

_INFO_CERTIFICATE = (
    "Ett intyg ska bara makuleras om det innehåller ett allvarligt fel, till exempel om det "
    "har utfärdats på fel patient. Om intyget innehåller felaktiga uppgifter som behöver "
    "rättas ska du i stället använda Ersätt.\n\n"
    "Om intyget har skickats elektroniskt kommer mottagaren att informeras om att det har "
    "makulerats. Patienten kan inte se makulerade intyg i Mina intyg. Obesvarade frågor och "
    "kompletteringsbegäranden på intyget markeras som hanterade."
)
_INFO_DRAFT = (
    "Ett låst utkast ska bara makuleras om det innehåller ett allvarligt fel, till exempel om "
    "det har skapats på fel patient. Om du vill fortsätta med uppgifterna i utkastet använder "
    "du i stället Kopiera."
)
_INFO_DEATH = {
    "db": (
        "Ett dödsbevis som har skickats till Skatteverket kan inte makuleras här utan att "
        "Skatteverket kontaktas. Ring Skatteverket och meddela att dödsbeviset är felaktigt "
        "innan du makulerar det. Ett nytt dödsbevis kan sedan utfärdas."
    ),
    "doi": (
        "Ett dödsorsaksintyg som har skickats till Socialstyrelsen kan inte makuleras här utan "
        "att Socialstyrelsen kontaktas. Ring Socialstyrelsen och meddela att intyget är "
        "felaktigt innan du makulerar det. Ett nytt dödsorsaksintyg kan sedan utfärdas."
    ),
}


class RevokeDialog(QDialog):
    """Asks why the certificate is revoked; ``reason`` and ``text`` hold the answer."""

    def __init__(
        self, type_code: str, *, locked_draft: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.reason: str | None = None
        self.text = ""
        self._death = type_code in _INFO_DEATH
        what = self.tr("utkast") if locked_draft else self.tr("intyg")
        self.setWindowTitle(self.tr("Makulera {what}").format(what=what))
        layout = QVBoxLayout(self)
        # Wrapped texts get the height they need at this width.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        info_text = (
            _INFO_DEATH[type_code]
            if self._death
            else _INFO_DRAFT
            if locked_draft
            else _INFO_CERTIFICATE
        )
        self.info = QLabel(self.tr(info_text))
        self.info.setWordWrap(True)
        self.info.setMinimumWidth(540)
        styled(self.info, "notice")
        layout.addWidget(self.info)
        self.wrong_patient = QRadioButton(
            self.tr("Utkastet har skapats på fel patient")
            if locked_draft
            else self.tr("Intyget har utfärdats på fel patient")
        )
        self.other_error = QRadioButton(self.tr("Annat allvarligt fel"))
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
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.confirm = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.confirm.setText(self.tr("Makulera"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Avbryt"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
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
        over = len(text) > MAX_TEXT
        if self.other_error.isChecked() and not text.strip():
            self.hint.setText(self.tr("Beskriv felet för att kunna makulera."))
        elif over:
            self.hint.setText(
                self.tr("Texten är {n} tecken; högst {limit} får plats.").format(
                    n=len(text), limit=MAX_TEXT
                )
            )
        else:
            self.hint.setText(
                self.tr("{n} av {limit} tecken").format(n=len(text), limit=MAX_TEXT) if text else ""
            )
        complete = self.wrong_patient.isChecked() or (
            self.other_error.isChecked() and bool(text.strip())
        )
        self.confirm.setEnabled(complete and not over)

    def _accept(self) -> None:
        if self._death:
            self.reason, self.text = OTHER_SERIOUS_ERROR, ""
        else:
            self.reason = WRONG_PATIENT if self.wrong_patient.isChecked() else OTHER_SERIOUS_ERROR
            self.text = self.clarification.toPlainText().strip()
        self.accept()
