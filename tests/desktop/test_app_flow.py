"""The whole application in-process, driven like a user: log in, open a journal, quit."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

import desktop.app as app_module
from desktop.errors import ErrorHandler
from desktop.main_window import MainWindow
from tests.conftest import DOCTOR, SJOSTADEN
from widgets.login_dialog import LoginDialog


@pytest.fixture
def quiet_app(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """run() without touching pytest's logging and excepthook, on a private home folder."""
    monkeypatch.setenv("INTYGSSTUDIO_HOME", str(tmp_path))
    monkeypatch.setattr(app_module, "setup_logging", lambda _path: None)
    monkeypatch.setattr(ErrorHandler, "install", lambda _self: None)
    return tmp_path


def _close_everything() -> None:
    for widget in QApplication.topLevelWidgets():
        widget.close()


def test_login_dialog_then_main_window(qtbot: QtBot, quiet_app: Path) -> None:
    seen: dict[str, str] = {}

    def use_window() -> None:
        window = next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        )
        qtbot.keyClicks(window.patient_field, "19121212-1212")
        qtbot.keyClick(window.patient_field, Qt.Key.Key_Return)
        seen["status"] = f"{window.user_label.text()} | {window.unit_label.text()}"
        seen["patient"] = window.patient_header.identity.text()
        window.close()

    def log_in() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, LoginDialog)
        seen["title"] = dialog.windowTitle()
        dialog.select_staff(DOCTOR)
        dialog.select_unit(SJOSTADEN)
        qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
        QTimer.singleShot(0, use_window)

    QTimer.singleShot(0, log_in)
    QTimer.singleShot(15_000, _close_everything)  # never hang the suite
    assert app_module.run(["intygsstudio", "--no-crash-dialog"]) == 0
    assert seen == {
        "title": "Logga in – Intygsstudio",
        "status": "Karin Berg (Läkare) | Vårdcentralen Sjöstaden",
        "patient": "19121212-1212  Tolvan Tolvansson",
    }
    assert (quiet_app / "data" / "intygsstudio.sqlite3").is_file()


def test_cancelling_the_login_exits_quietly(qtbot: QtBot, quiet_app: Path) -> None:
    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, LoginDialog)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    QTimer.singleShot(0, cancel)
    QTimer.singleShot(15_000, _close_everything)
    assert app_module.run(["intygsstudio", "--no-crash-dialog"]) == 0
