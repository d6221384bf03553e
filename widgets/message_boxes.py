"""Small modal messages in Swedish."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QPushButton, QWidget


def show_error(parent: QWidget | None, message: str) -> None:
    """An expected error the user must acknowledge (a start-up failure, say)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("MessageBoxes", "Intygsstudio"))
    box.setText(message)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.button(QMessageBox.StandardButton.Ok).setText(
        QCoreApplication.translate("MessageBoxes", "OK")
    )
    box.exec()


def confirm_buttons(
    dialog: QDialog, confirm_text: str, on_confirm: Callable[[], None]
) -> tuple[QDialogButtonBox, QPushButton]:
    """The confirm and "Avbryt" buttons of a dialog: confirm calls ``on_confirm`` (which
    checks and accepts), Avbryt rejects. Returns the box and the confirm button."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    confirm = buttons.button(QDialogButtonBox.StandardButton.Ok)
    confirm.setText(confirm_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
        QCoreApplication.translate("MessageBoxes", "Avbryt")
    )
    buttons.accepted.connect(on_confirm)
    buttons.rejected.connect(dialog.reject)
    return buttons, confirm
