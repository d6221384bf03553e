"""Every type's form can be walked with Tab in form order, and every input has a name.

A screen reader announces a field by its accessible name; TakeCare users fill forms from the
keyboard. For each of the ten types: each field's input carries the field's label as its
accessible name, every control that takes focus has a name, and pressing Tab from the first
control visits the fields in the order the form shows them, reaching each one that has a
control, without leaving the form.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.widgets.editor.test_every_type_renders import SAMPLES, editor_for
from widgets.editor.field_widget import FieldWidget
from widgets.editor.form_editor import FormEditor


def _field_of(widget: QWidget | None, editor: FormEditor) -> FieldWidget | None:
    while widget is not None and widget is not editor:
        if isinstance(widget, FieldWidget):
            return widget
        widget = widget.parentWidget()
    return None


def _shown_editor(qtbot: QtBot, code: str) -> FormEditor:
    make, birth = SAMPLES[code]
    editor = editor_for(qtbot, code, birth)
    editor.set_content(make())  # a complete content: every conditional field is shown
    editor.resize(1000, 800)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


@pytest.mark.parametrize("code", sorted(SAMPLES))
def test_every_input_has_a_name(qtbot: QtBot, code: str) -> None:
    editor = _shown_editor(qtbot, code)
    for field_id, widget in editor.fields.items():
        assert widget.input.accessibleName() == widget.field.label, field_id
        for control in widget.findChildren(QWidget):
            if not control.isVisibleTo(editor) or not (
                control.focusPolicy() & Qt.FocusPolicy.TabFocus
            ):
                continue
            name = control.accessibleName() or (
                control.text() if isinstance(control, QAbstractButton) else ""
            )
            assert name.strip(), f"{code} {field_id}: {type(control).__name__} has no name"


@pytest.mark.parametrize("code", sorted(SAMPLES))
def test_tab_walks_the_fields_in_form_order(qtbot: QtBot, code: str) -> None:
    editor = _shown_editor(qtbot, code)
    order = list(editor.fields)
    visible = [f for f in order if editor.fields[f].isVisibleTo(editor)]
    first = editor.fields[visible[0]]
    first.focus_part(None)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    visited: list[str] = []
    for _ in range(600):
        focused = QApplication.focusWidget()
        field = _field_of(focused, editor)
        if field is None:
            break  # left the form: the action bar
        if not visited or visited[-1] != field.field.id:
            visited.append(field.field.id)
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    positions = [order.index(field_id) for field_id in visited]
    assert positions == sorted(positions), f"{code}: Tab order {visited}"
    assert len(set(visited)) == len(visited), f"{code}: a field was visited twice: {visited}"
    focusable = [
        f
        for f in visible
        if editor.fields[f].field.holds_answer
        and any(
            child.isVisibleTo(editor) and child.focusPolicy() & Qt.FocusPolicy.TabFocus
            for child in editor.fields[f].findChildren(QWidget)
            if child is not editor.fields[f].help_button
        )
    ]
    assert [f for f in visited if f in focusable] == focusable
