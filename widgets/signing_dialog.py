"""The simulated SITHS signing: the card holder, a PIN, and three tries.

Webcert signs through Inera's signing service with the user's SITHS card; in the training app
a PIN dialog stands in for the card reader. The dialog only collects the PIN and counts wrong
tries; whether a PIN is right is for the caller (``check_pin``) to say. Three wrong PINs cancel
the signing, as a card reader would refuse further tries; the draft stays as it was.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from widgets.editor.style import styled
from widgets.message_boxes import confirm_buttons

MAX_TRIES = 3


class SigningDialog(QDialog):
    """Asks for the SITHS card's signing PIN; accepted only with the right one."""

    def __init__(
        self,
        holder: str,
        hsa_id: str,
        check_pin: Callable[[str], bool],
        action: str = "Signera",
        hint: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._check_pin = check_pin
        self.wrong_tries = 0
        self.setWindowTitle(self.tr("Signera intyget med SITHS-kort"))
        intro = QLabel(
            self.tr(
                "Ange din PIN-kod för underskrift för att signera intyget. "
                "Intyget kan inte ändras efter att det signerats."
            )
        )
        intro.setWordWrap(True)
        self.holder = QLabel(holder)
        self.card = QLabel(hsa_id)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(12)
        self.pin.setAccessibleName(self.tr("PIN-kod för underskrift"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        styled(self.message, "findings")
        self.message.hide()
        form = QFormLayout()
        form.addRow(self.tr("Kortinnehavare:"), self.holder)
        form.addRow(self.tr("HSA-id:"), self.card)
        form.addRow(self.tr("PIN-kod:"), self.pin)
        self.buttons, self.sign_button = confirm_buttons(self, self.tr(action), self._try)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        if hint:  # e.g. the training cards' PIN
            note = QLabel(hint)
            note.setWordWrap(True)
            styled(note, "small")
            layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.pin.setFocus()

    def _try(self) -> None:
        if self._check_pin(self.pin.text()):
            self.accept()
            return
        self.wrong_tries += 1
        self.pin.clear()
        left = MAX_TRIES - self.wrong_tries
        if left <= 0:
            self.message.setText(
                self.tr("Fel PIN-kod tre gånger. Signeringen avbröts; utkastet är oförändrat.")
            )
            self.message.show()
            self.reject()
            return
        self.message.setText(
            self.tr("Fel PIN-kod. Du har {n} försök kvar.").format(n=left)
            if left > 1
            else self.tr("Fel PIN-kod. Du har ett försök kvar.")
        )
        self.message.show()
        self.pin.setFocus()
