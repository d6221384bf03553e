"""The municipality typeahead (DB and DOI 3.1), driven by keys and clicks, over the real list.

Typed text is ASCII: QTest.keyClicks aborts on å, ä and ö under the offscreen platform.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QCompleter, QLineEdit
from pytestqt.qtbot import QtBot

from models.definitions.loader import shipped_definitions
from models.definitions.schema import FieldDef
from tests.widgets.editor.helpers import show_watched
from widgets.editor.field_widget import EditorContext
from widgets.editor.registry import create_field_widget
from widgets.editor.simple_fields import TextFieldWidget
from widgets.editor.typeahead_widget import TypeaheadWidget

# The offscreen platform cannot raise the completer's popup or let it grab the keyboard.
pytestmark = pytest.mark.qt_log_ignore(
    r"^This plugin does not support raise\(\)$",
    r"^This plugin does not support grabbing the keyboard$",
    extend=True,
)

CONTEXT = EditorContext(today=dt.date(2026, 11, 27))
LABEL = "Kommun (om okänd dödsplats, kommunen där kroppen påträffades)"


def _make(qtbot: QtBot, code: str = "db") -> tuple[TypeaheadWidget, list[None]]:
    widget = create_field_widget(shipped_definitions()[code].field("3.1"), CONTEXT)
    assert isinstance(widget, TypeaheadWidget)
    widget.resize(520, 120)
    return show_watched(qtbot, widget)


def _completer(widget: TypeaheadWidget) -> QCompleter:
    assert widget.completer is not None
    return widget.completer


def _popup(widget: TypeaheadWidget) -> QAbstractItemView:
    popup = _completer(widget).popup()
    assert popup is not None
    return popup


def _offered(widget: TypeaheadWidget) -> list[str]:
    model = _popup(widget).model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def _type(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    QApplication.processEvents()
    qtbot.keyClicks(edit, text)


def test_the_field_gets_the_typeahead(qtbot: QtBot) -> None:
    for code in ("db", "doi"):
        widget, _changes = _make(qtbot, code)
        assert widget.line.accessibleName() == LABEL
        assert widget.input.accessibleName() == LABEL
        assert widget.line.placeholderText() == "Skriv och välj kommun"
        assert widget.value() is None


def test_nothing_is_built_until_the_user_types(qtbot: QtBot) -> None:
    widget, _changes = _make(qtbot)
    assert widget.completer is None
    widget.set_value("Växjö")
    assert widget.completer is None


def test_typing_offers_municipalities_and_down_return_chooses(qtbot: QtBot) -> None:
    widget, changes = _make(qtbot)
    _type(qtbot, widget.line, "Sund")
    assert len(changes) == 4  # one per keystroke, as the text field
    popup = _popup(widget)
    assert popup.isVisible()
    assert _offered(widget) == ["Sundbyberg", "Sundsvall"]
    assert popup.accessibleName() == "Förslag på kommuner"
    assert not popup.currentIndex().isValid()  # nothing highlighted before the user moves
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    assert popup.currentIndex().data() == "Sundbyberg"
    assert widget.line.text() == "Sund"  # moving through the list does not change the text
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert not popup.isVisible()
    assert widget.line.text() == "Sundbyberg"
    assert widget.value() == "Sundbyberg"
    assert len(changes) == 5


def test_down_twice_chooses_the_second(qtbot: QtBot) -> None:
    widget, changes = _make(qtbot)
    _type(qtbot, widget.line, "upp")
    assert _offered(widget) == ["Upplands-Bro", "Upplands Väsby", "Uppsala", "Uppvidinge"]
    popup = _popup(widget)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert widget.value() == "Upplands Väsby"
    assert len(changes) == 4


def test_a_later_word_finds_the_name(qtbot: QtBot) -> None:
    widget, _changes = _make(qtbot)
    _type(qtbot, widget.line, "bro")
    assert _offered(widget) == ["Bromölla", "Upplands-Bro"]


def test_typing_on_narrows_and_nothing_found_hides_the_popup(qtbot: QtBot) -> None:
    widget, _changes = _make(qtbot)
    _type(qtbot, widget.line, "Sundsv")
    assert _offered(widget) == ["Sundsvall"]
    _type(qtbot, widget.line, "x")
    assert widget.shown_suggestions == []
    assert not _popup(widget).isVisible()
    qtbot.keyClick(widget.line, Qt.Key.Key_Backspace)
    assert _popup(widget).isVisible()
    assert _offered(widget) == ["Sundsvall"]


def test_escape_keeps_what_was_typed(qtbot: QtBot) -> None:
    widget, changes = _make(qtbot)
    _type(qtbot, widget.line, "Sund")
    popup = _popup(widget)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Escape)
    assert not popup.isVisible()
    assert widget.value() == "Sund"
    assert len(changes) == 4


def test_a_click_chooses(qtbot: QtBot) -> None:
    widget, _changes = _make(qtbot)
    _type(qtbot, widget.line, "Kir")
    popup = _popup(widget)
    assert _offered(widget) == ["Kiruna"]
    viewport = popup.viewport()
    assert viewport is not None
    rect = popup.visualRect(popup.model().index(0, 0))
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert widget.value() == "Kiruna"


def test_free_text_is_kept_for_the_rules_to_report(qtbot: QtBot) -> None:
    widget, changes = _make(qtbot)
    _type(qtbot, widget.line, "Visby")
    qtbot.keyClick(_popup(widget), Qt.Key.Key_Escape)
    widget.line.clearFocus()
    assert widget.value() == "Visby"
    assert len(changes) == 5


def test_a_name_typed_in_another_case_is_written_officially_on_leaving(qtbot: QtBot) -> None:
    widget, changes = _make(qtbot)
    _type(qtbot, widget.line, " kiruna")
    qtbot.keyClick(_popup(widget), Qt.Key.Key_Escape)
    assert widget.value() == " kiruna"
    qtbot.keyClick(widget.line, Qt.Key.Key_Return)  # editing finished
    assert widget.value() == "Kiruna"
    assert len(changes) == len(" kiruna") + 1


def test_set_value_and_value_round_trip_without_changed(qtbot: QtBot) -> None:
    widget, changes = _make(qtbot)
    for stored in ("Malung-Sälen", "Upplands Väsby", "Göteborg", "Inte en kommun"):
        widget.set_value(stored)
        assert widget.value() == stored
        assert widget.line.text() == stored
    widget.set_value(None)
    assert widget.value() is None
    widget.set_value("   ")
    assert widget.value() is None
    assert changes == []


def test_set_value_closes_an_open_popup(qtbot: QtBot) -> None:
    widget, changes = _make(qtbot)
    _type(qtbot, widget.line, "Sund")
    widget.set_value("Växjö")
    assert not _popup(widget).isVisible()
    assert widget.shown_suggestions == []
    assert widget.value() == "Växjö"
    assert len(changes) == 4


def test_the_counter_near_the_limit_as_in_a_text_field(qtbot: QtBot) -> None:
    widget, _changes = _make(qtbot)
    assert widget.field.max_length == 28
    widget.set_value("x" * 22)
    assert widget.counter.isHidden()
    widget.set_value("x" * 29)
    assert not widget.counter.isHidden()
    assert widget.counter.text() == "29 av 28 tecken"


def test_focus_part_puts_the_cursor_in_the_edit(qtbot: QtBot) -> None:
    widget, _changes = _make(qtbot)
    widget.focus_part(None)
    QApplication.processEvents()
    assert widget.line.hasFocus()


def test_a_typeahead_without_a_list_is_a_plain_line(qtbot: QtBot) -> None:
    field: Any = FieldDef(id="f", label="Ort", kind="typeahead")
    widget = create_field_widget(field, CONTEXT)
    qtbot.addWidget(widget)
    assert isinstance(widget, TypeaheadWidget) and isinstance(widget, TextFieldWidget)
    widget.show()
    changes: list[None] = []
    widget.changed.connect(lambda: changes.append(None))
    _type(qtbot, widget.line, "Ort")
    assert widget.completer is None
    assert widget.value() == "Ort"
    assert len(changes) == 3
