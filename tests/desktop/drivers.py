"""Driving the main window as a user does."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.main_window import MainWindow
from models.staff import UserContext
from widgets.editor.form_editor import FormEditor


def type_patient(qtbot: QtBot, window: MainWindow, text: str) -> None:
    """Type a number into the field Patient and press Enter."""
    window.patient_field.clear()
    qtbot.keyClicks(window.patient_field, text)
    qtbot.keyClick(window.patient_field, Qt.Key.Key_Return)


def write(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Click into a box, type, and leave it with Tab."""
    widget.setFocus()
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Tab)


def tick(qtbot: QtBot, box: QWidget) -> None:
    """Click a check box or radio button on its box (its row is wider than what reacts)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))


def new_draft(
    window: MainWindow, user: UserContext, type_code: str, content: dict[str, Any] | None = None
) -> str:
    """A draft for the open patient, made through the services (with ``content`` saved as if
    typed earlier); returns its id."""
    services = window.services
    assert window.patient is not None
    row = services.certificates.create_draft(user, window.patient, type_code)
    if content is not None:
        version = services.certificates.open_certificate(user, row.id).version
        services.lifecycle.drafts.save(user, row.id, content, version)
    return row.id


def open_in_editor(window: MainWindow, certificate_id: str) -> FormEditor:
    """Open a certificate as a double-click in the journal would."""
    window.controller.open_certificate(certificate_id)
    editor = window.editor_controller.editor
    assert editor is not None and window.action_controller.certificate_id == certificate_id
    return editor
