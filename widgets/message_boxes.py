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


def ask(
    parent: QWidget | None,
    title: str,
    text: str,
    confirm_text: str,
    *,
    icon: QMessageBox.Icon = QMessageBox.Icon.Question,
) -> bool:
    """A question with Swedish buttons (``confirm_text`` and "Avbryt"; not Qt's Yes/Cancel,
    which follow whatever translator the application loaded): True if confirmed."""
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(text)
    confirm = box.addButton(confirm_text, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(
        QCoreApplication.translate("MessageBoxes", "Avbryt"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(confirm)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is confirm


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
