"""Causes of death (DOI 8, 9 and 10): description, approximate debut and specification."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton
from pytestqt.qtbot import QtBot

from models.definitions.loader import shipped_definitions
from widgets.editor.cause_of_death_widgets import CauseOfDeathListWidget, CauseOfDeathWidget
from widgets.editor.field_widget import EditorContext

CONTEXT = EditorContext(today=dt.date(2026, 11, 27))


def _single(qtbot: QtBot) -> tuple[CauseOfDeathWidget, list[None]]:
    widget = CauseOfDeathWidget(shipped_definitions()["doi"].field("8"), CONTEXT)
    qtbot.addWidget(widget)
    widget.show()
    changes: list[None] = []
    widget.changed.connect(lambda: changes.append(None))
    return widget, changes


def _list(qtbot: QtBot, field_id: str) -> tuple[CauseOfDeathListWidget, list[None]]:
    widget = CauseOfDeathListWidget(shipped_definitions()["doi"].field(field_id), CONTEXT)
    qtbot.addWidget(widget)
    widget.show()
    changes: list[None] = []
    widget.changed.connect(lambda: changes.append(None))
    return widget, changes


def _radio(
    widget: CauseOfDeathWidget | CauseOfDeathListWidget, row: int, label: str
) -> QAbstractButton:
    rows = [widget.row] if isinstance(widget, CauseOfDeathWidget) else widget.rows
    return next(b for b in rows[row].group.buttons() if b.text() == label)


def test_a_cause_is_typed_dated_and_specified(qtbot: QtBot) -> None:
    widget, changes = _single(qtbot)
    assert widget.value() is None
    assert widget.row.caption.text() == "A"
    assert [b.text() for b in widget.row.group.buttons()] == ["Uppgift saknas", "Kronisk", "Akut"]
    qtbot.keyClicks(widget.row.description, "Lungemboli")
    assert widget.value() == {"description": "Lungemboli"}
    qtbot.keyClicks(widget.row.debut.line, "261120")
    qtbot.keyClick(widget.row.debut.line, Qt.Key.Key_Return)
    assert widget.row.debut.line.text() == "2026-11-20"
    qtbot.mouseClick(_radio(widget, 0, "Akut"), Qt.MouseButton.LeftButton)
    assert widget.value() == {
        "description": "Lungemboli",
        "debut": "2026-11-20",
        "specification": "PLOTSLIG",
    }
    assert len(changes) == len("Lungemboli") + len("261120") + 2  # tidying the date is one


def test_empty_parts_are_left_out(qtbot: QtBot) -> None:
    widget, _changes = _single(qtbot)
    qtbot.mouseClick(_radio(widget, 0, "Kronisk"), Qt.MouseButton.LeftButton)
    assert widget.value() == {"specification": "KRONISK"}
    qtbot.keyClicks(widget.row.description, "   ")
    assert widget.value() == {"specification": "KRONISK"}


def test_the_counter_appears_near_the_limit_and_turns_red_above_it(qtbot: QtBot) -> None:
    widget, _changes = _single(qtbot)  # max 120 characters
    qtbot.keyClicks(widget.row.description, "x" * 95)
    assert widget.row.counter.isHidden()
    qtbot.keyClicks(widget.row.description, "x")
    assert not widget.row.counter.isHidden()
    assert widget.row.counter.text() == "96 av 120 tecken"
    qtbot.keyClicks(widget.row.description, "x" * 25)
    assert widget.row.counter.text() == "121 av 120 tecken"
    counter = widget.row.counter
    assert counter.property("over") == "true"
    assert counter.palette().color(counter.foregroundRole()).name() == "#a4262c"
    assert len(widget.value()["description"]) == 121  # the rules report the excess


def test_single_cause_round_trips_without_emitting_changed(qtbot: QtBot) -> None:
    widget, changes = _single(qtbot)
    stored = {"description": "Lunginflammation", "debut": "2026-11-01", "specification": "PLOTSLIG"}
    widget.set_value(stored)
    assert widget.value() == stored
    assert _radio(widget, 0, "Akut").isChecked()
    widget.set_value({"debut": "förra veckan"})
    assert widget.value() == {"debut": "förra veckan"}
    widget.set_value(None)
    assert widget.value() is None
    assert changes == []


def test_single_cause_focus_part(qtbot: QtBot) -> None:
    widget, _changes = _single(qtbot)
    widget.focus_part("debut")
    assert widget.focusWidget() is widget.row.debut.line
    widget.focus_part("specification")
    assert widget.focusWidget() is widget.row.group.buttons()[0]
    widget.focus_part("description")
    assert widget.focusWidget() is widget.row.description


def test_the_chain_continues_with_rows_b_c_d(qtbot: QtBot) -> None:
    widget, _changes = _list(qtbot, "9")
    assert [row.caption.text() for row in widget.rows] == ["B", "C", "D"]
    assert widget.rows[1].debut.line.accessibleName() == "Ungefärlig debut, rad C"
    assert widget.rows[0].counter.limit == 80


def test_contributing_causes_are_numbered(qtbot: QtBot) -> None:
    widget, _changes = _list(qtbot, "10")
    assert [row.caption.text() for row in widget.rows] == [f"{n}." for n in range(1, 9)]


def test_rows_keep_their_positions_and_trailing_empty_rows_are_dropped(qtbot: QtBot) -> None:
    widget, changes = _list(qtbot, "9")
    assert widget.value() is None
    qtbot.keyClicks(widget.rows[1].description, "Diabetes")
    assert widget.value() == [{}, {"description": "Diabetes"}]
    qtbot.keyClicks(widget.rows[0].description, "Njursvikt")
    qtbot.mouseClick(_radio(widget, 0, "Kronisk"), Qt.MouseButton.LeftButton)
    assert widget.value() == [
        {"description": "Njursvikt", "specification": "KRONISK"},
        {"description": "Diabetes"},
    ]
    assert len(changes) == len("Diabetes") + len("Njursvikt") + 1


def test_the_clear_button_empties_a_row(qtbot: QtBot) -> None:
    widget, changes = _list(qtbot, "9")
    widget.set_value([{"description": "Njursvikt", "specification": "KRONISK"}, {"debut": "2025"}])
    row_buttons = widget.clear_buttons
    assert [b.toolTip() for b in row_buttons] == ["Töm rad B", "Töm rad C", "Töm rad D"]
    qtbot.mouseClick(row_buttons[1], Qt.MouseButton.LeftButton)
    assert widget.value() == [{"description": "Njursvikt", "specification": "KRONISK"}]
    qtbot.mouseClick(row_buttons[0], Qt.MouseButton.LeftButton)
    assert widget.value() is None
    assert not any(b.isChecked() for b in widget.rows[0].group.buttons())
    assert len(changes) == 2
    qtbot.mouseClick(row_buttons[2], Qt.MouseButton.LeftButton)  # already empty: no change
    assert len(changes) == 2


def test_list_round_trips_without_emitting_changed(qtbot: QtBot) -> None:
    widget, changes = _list(qtbot, "10")
    stored = [
        {"description": "KOL", "debut": "2019-01-01", "specification": "KRONISK"},
        {},
        {"description": "Diabetes typ 2", "specification": "UPPGIFT_SAKNAS"},
    ]
    widget.set_value(stored)
    assert widget.value() == stored
    widget.set_value(None)
    assert widget.value() is None
    assert changes == []


def test_list_focus_part(qtbot: QtBot) -> None:
    widget, _changes = _list(qtbot, "9")
    widget.focus_part("2.debut")
    assert widget.focusWidget() is widget.rows[2].debut.line
    widget.focus_part("1")
    assert widget.focusWidget() is widget.rows[1].description
    widget.focus_part(None)
    assert widget.focusWidget() is widget.rows[0].description
