from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from widgets.crash_dialog import CrashDialog


def test_report_is_shown_and_copied(qtbot: QtBot) -> None:
    dialog = CrashDialog("Traceback (most recent call last):\nValueError: trasigt")
    qtbot.addWidget(dialog)
    dialog.show()
    assert "ValueError: trasigt" in dialog.report.toPlainText()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text().endswith("ValueError: trasigt")
    assert dialog.copy_button.text() == "Kopierad"
