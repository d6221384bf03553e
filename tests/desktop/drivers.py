"""Driving the main window as a user does."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.main_window import MainWindow


def type_patient(qtbot: QtBot, window: MainWindow, text: str) -> None:
    """Type a number into the field Patient and press Enter."""
    window.patient_field.clear()
    qtbot.keyClicks(window.patient_field, text)
    qtbot.keyClick(window.patient_field, Qt.Key.Key_Return)
