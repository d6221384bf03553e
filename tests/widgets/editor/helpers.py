"""Shared by the editor's widget tests."""

from __future__ import annotations

from typing import TypeVar

from pytestqt.qtbot import QtBot

from widgets.editor.field_widget import FieldWidget

W = TypeVar("W", bound=FieldWidget)


def show_watched(qtbot: QtBot, widget: W) -> tuple[W, list[None]]:
    """Show a field widget as the active window and record each ``changed`` it emits."""
    qtbot.addWidget(widget)
    with qtbot.waitActive(widget):
        widget.show()
        widget.activateWindow()
    changes: list[None] = []
    widget.changed.connect(lambda: changes.append(None))
    return widget, changes
