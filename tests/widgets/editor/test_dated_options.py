"""The options-with-dates field (LUSE 1 "Utlåtandet är baserat på"), driven by keys and clicks."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from models.definitions.loader import shipped_definitions
from widgets.editor.dated_options_widget import CheckboxDateListWidget
from widgets.editor.field_widget import EditorContext

CONTEXT = EditorContext(today=dt.date(2026, 11, 27))


def _make(qtbot: QtBot) -> tuple[CheckboxDateListWidget, list[None]]:
    widget = CheckboxDateListWidget(shipped_definitions()["luse"].field("1"), CONTEXT)
    qtbot.addWidget(widget)
    widget.show()
    changes: list[None] = []
    widget.changed.connect(lambda: changes.append(None))
    return widget, changes


def test_shows_every_option_with_an_empty_date(qtbot: QtBot) -> None:
    widget, _changes = _make(qtbot)
    assert list(widget.boxes) == ["UNDERSOKNING", "JOURNALUPPGIFTER", "ANHORIG", "ANNAT"]
    assert widget.boxes["UNDERSOKNING"].text() == "min undersökning av patienten"
    assert all(date.text() == "" for date in widget.dates.values())
    assert widget.value() is None


def test_ticking_leaves_the_date_empty_for_the_user(qtbot: QtBot) -> None:
    widget, changes = _make(qtbot)
    qtbot.mouseClick(widget.boxes["UNDERSOKNING"], Qt.MouseButton.LeftButton)
    assert widget.value() == {"UNDERSOKNING": ""}
    assert len(changes) == 1
    qtbot.keyClicks(widget.dates["UNDERSOKNING"].line, "2026-11-20")
    assert widget.value() == {"UNDERSOKNING": "2026-11-20"}


def test_typing_a_date_ticks_the_option(qtbot: QtBot) -> None:
    widget, changes = _make(qtbot)
    qtbot.keyClicks(widget.dates["ANHORIG"].line, "261125")
    assert widget.boxes["ANHORIG"].isChecked()
    assert widget.value() == {"ANHORIG": "2026-11-25"}
    assert len(changes) == len("261125")


def test_picking_a_date_in_the_calendar_ticks_the_option(qtbot: QtBot) -> None:
    widget, changes = _make(qtbot)
    widget.dates["JOURNALUPPGIFTER"].calendar.clicked.emit(QDate(2026, 11, 2))
    assert widget.value() == {"JOURNALUPPGIFTER": "2026-11-02"}
    assert len(changes) == 1


def test_enter_tidies_a_short_date(qtbot: QtBot) -> None:
    widget, _changes = _make(qtbot)
    line = widget.dates["ANNAT"].line
    qtbot.keyClicks(line, "20261101")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert line.text() == "2026-11-01"
    assert widget.value() == {"ANNAT": "2026-11-01"}


def test_a_date_that_is_not_one_is_kept_for_the_rules(qtbot: QtBot) -> None:
    widget, _changes = _make(qtbot)
    qtbot.keyClicks(widget.dates["JOURNALUPPGIFTER"].line, "igår")
    assert widget.value() == {"JOURNALUPPGIFTER": "igår"}


def test_unticking_with_the_keyboard_drops_the_option_and_its_date(qtbot: QtBot) -> None:
    widget, changes = _make(qtbot)
    qtbot.keyClicks(widget.dates["UNDERSOKNING"].line, "2026-11-20")
    qtbot.keyClicks(widget.dates["ANNAT"].line, "2026-11-21")
    changes.clear()
    qtbot.keyClick(widget.boxes["UNDERSOKNING"], Qt.Key.Key_Space)
    assert widget.value() == {"ANNAT": "2026-11-21"}
    assert widget.dates["UNDERSOKNING"].text() == ""
    assert len(changes) == 1
    qtbot.keyClick(widget.boxes["ANNAT"], Qt.Key.Key_Space)
    assert widget.value() is None


def test_set_value_round_trips_without_emitting_changed(qtbot: QtBot) -> None:
    widget, changes = _make(qtbot)
    stored = {"UNDERSOKNING": "2026-11-20", "ANNAT": ""}
    widget.set_value(stored)
    assert widget.value() == stored
    assert widget.boxes["ANNAT"].isChecked()
    assert not widget.boxes["ANHORIG"].isChecked()
    widget.set_value(None)
    assert widget.value() is None
    assert widget.dates["UNDERSOKNING"].text() == ""
    assert changes == []


def test_focus_part_goes_to_the_date_of_a_ticked_option(qtbot: QtBot) -> None:
    widget, _changes = _make(qtbot)
    widget.set_value({"ANNAT": ""})
    widget.focus_part("ANNAT")
    assert widget.focusWidget() is widget.dates["ANNAT"].line
    widget.focus_part("ANHORIG")
    assert widget.focusWidget() is widget.boxes["ANHORIG"]
    widget.focus_part(None)
    assert widget.focusWidget() is widget.boxes["UNDERSOKNING"]
