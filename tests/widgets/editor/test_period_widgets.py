"""Sick-leave periods (FK7804 field 32) and a date range (AG1-14 field 7.2), by keys and clicks."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from models.definitions.loader import shipped_definitions
from tests.widgets.editor.helpers import show_watched
from widgets.editor.field_widget import EditorContext
from widgets.editor.period_widgets import DateRangeWidget, SickLeavePeriodsWidget

CONTEXT = EditorContext(today=dt.date(2026, 11, 27))
TODAY = "2026-11-27"


def _periods(qtbot: QtBot) -> tuple[SickLeavePeriodsWidget, list[None]]:
    return show_watched(
        qtbot, SickLeavePeriodsWidget(shipped_definitions()["fk7804"].field("32"), CONTEXT)
    )


def _range(qtbot: QtBot) -> tuple[DateRangeWidget, list[None]]:
    return show_watched(
        qtbot, DateRangeWidget(shipped_definitions()["ag114"].field("7.2"), CONTEXT)
    )


def _focused() -> QWidget | None:
    QApplication.processEvents()
    return QApplication.focusWidget()


# -- sick-leave periods ----------------------------------------------------------------------


def test_one_row_per_degree_in_form_order(qtbot: QtBot) -> None:
    widget, _changes = _periods(qtbot)
    assert list(widget.rows) == ["EN_FJARDEDEL", "HALFTEN", "TRE_FJARDEDEL", "HELT_NEDSATT"]
    assert [row.check.text() for row in widget.rows.values()] == [
        "25 procent",
        "50 procent",
        "75 procent",
        "100 procent",
    ]
    assert widget.rows["HALFTEN"].end.line.accessibleName() == "T.o.m 50 procent"
    assert widget.value() is None


def test_ticking_starts_today_and_a_length_becomes_the_end_on_enter(qtbot: QtBot) -> None:
    widget, changes = _periods(qtbot)
    row = widget.rows["HELT_NEDSATT"]
    qtbot.mouseClick(row.check, Qt.MouseButton.LeftButton)
    assert widget.value() == {"HELT_NEDSATT": {"from": TODAY}}
    assert _focused() is row.end.line
    assert len(changes) == 1
    qtbot.keyClicks(row.end.line, "14d")
    qtbot.keyClick(row.end.line, Qt.Key.Key_Return)
    assert row.end.line.text() == "2026-12-10"
    assert row.days.text() == "14 dagar"
    assert widget.value() == {"HELT_NEDSATT": {"from": TODAY, "to": "2026-12-10"}}
    assert len(changes) == 1 + len("14d") + 1  # ticked, three keys, the length resolved


def test_a_second_degree_starts_after_the_first_and_leaving_resolves_weeks(qtbot: QtBot) -> None:
    widget, _changes = _periods(qtbot)
    widget.set_value({"HELT_NEDSATT": {"from": TODAY, "to": "2026-12-10"}})
    row = widget.rows["HALFTEN"]
    qtbot.keyClick(row.check, Qt.Key.Key_Space)
    assert row.start.line.text() == "2026-12-11"
    qtbot.keyClicks(row.end.line, "2v")
    qtbot.keyClick(row.end.line, Qt.Key.Key_Tab)
    assert row.end.line.text() == "2026-12-24"
    assert widget.value() == {
        "HALFTEN": {"from": "2026-12-11", "to": "2026-12-24"},
        "HELT_NEDSATT": {"from": TODAY, "to": "2026-12-10"},
    }


def test_typing_a_date_ticks_the_row_without_prefilling(qtbot: QtBot) -> None:
    widget, changes = _periods(qtbot)
    row = widget.rows["TRE_FJARDEDEL"]
    qtbot.keyClicks(row.end.line, "261231")
    assert row.check.isChecked()
    assert row.start.line.text() == ""
    assert widget.value() == {"TRE_FJARDEDEL": {"to": "2026-12-31"}}
    assert row.days.text() == ""
    assert len(changes) == len("261231")


def test_a_length_typed_before_the_start_resolves_when_the_start_is_given(qtbot: QtBot) -> None:
    widget, _changes = _periods(qtbot)
    row = widget.rows["EN_FJARDEDEL"]
    qtbot.keyClicks(row.end.line, "1m")
    qtbot.keyClick(row.end.line, Qt.Key.Key_Return)
    assert row.end.line.text() == "1m"  # no start yet: kept as typed, for the rules
    assert widget.value() == {"EN_FJARDEDEL": {"to": "1m"}}
    qtbot.keyClicks(row.start.line, "20261201")
    qtbot.keyClick(row.start.line, Qt.Key.Key_Return)
    assert row.start.line.text() == "2026-12-01"
    assert row.end.line.text() == "2026-12-31"
    assert row.days.text() == "31 dagar"


def test_a_start_picked_in_the_calendar_resolves_the_length(qtbot: QtBot) -> None:
    widget, changes = _periods(qtbot)
    row = widget.rows["HALFTEN"]
    qtbot.keyClicks(row.end.line, "1d")
    row.start.calendar.clicked.emit(QDate(2027, 1, 4))
    assert widget.value() == {"HALFTEN": {"from": "2027-01-04", "to": "2027-01-04"}}
    assert row.days.text() == "1 dag"
    assert changes


def test_a_ticked_row_without_dates_is_stored_empty(qtbot: QtBot) -> None:
    widget, changes = _periods(qtbot)
    widget.set_value({"HALFTEN": {}})
    assert widget.rows["HALFTEN"].check.isChecked()
    assert widget.rows["HALFTEN"].start.line.text() == ""  # no prefill when loading
    assert widget.value() == {"HALFTEN": {}}
    assert changes == []


def test_unticking_clears_the_row(qtbot: QtBot) -> None:
    widget, changes = _periods(qtbot)
    widget.set_value({"HALFTEN": {"from": TODAY, "to": "2026-12-10"}})
    row = widget.rows["HALFTEN"]
    qtbot.mouseClick(row.check, Qt.MouseButton.LeftButton)
    assert (row.start.line.text(), row.end.line.text(), row.days.text()) == ("", "", "")
    assert widget.value() is None
    assert len(changes) == 1


def test_set_value_round_trips_and_keeps_what_is_not_a_date(qtbot: QtBot) -> None:
    widget, changes = _periods(qtbot)
    stored = {
        "EN_FJARDEDEL": {"from": "2026-11-20", "to": "2026-11-26"},
        "HELT_NEDSATT": {"from": "2026-11-27", "to": "igår"},
    }
    widget.set_value(stored)
    assert widget.rows["EN_FJARDEDEL"].days.text() == "7 dagar"
    assert widget.rows["HELT_NEDSATT"].days.text() == ""
    assert widget.value() == stored
    widget.set_value(widget.value())
    assert widget.value() == stored
    widget.set_value(None)
    assert widget.value() is None
    assert not any(row.check.isChecked() for row in widget.rows.values())
    assert changes == []


def test_focus_part_follows_the_rules_part_names(qtbot: QtBot) -> None:
    widget, _changes = _periods(qtbot)
    row = widget.rows["HALFTEN"]
    for part, target in [
        ("HALFTEN.to", row.end.line),
        ("HALFTEN.from", row.start.line),
        ("HALFTEN", row.check),
        (None, widget.rows["EN_FJARDEDEL"].check),
    ]:
        widget.focus_part(part)
        assert _focused() is target, part


# -- date range ------------------------------------------------------------------------------


def test_a_range_is_typed_with_a_length_for_the_end(qtbot: QtBot) -> None:
    widget, changes = _range(qtbot)
    assert widget.value() is None
    qtbot.keyClicks(widget.start.line, "261201")
    qtbot.keyClick(widget.start.line, Qt.Key.Key_Tab)
    assert widget.start.line.text() == "2026-12-01"
    qtbot.keyClicks(widget.end.line, "2v")
    qtbot.keyClick(widget.end.line, Qt.Key.Key_Return)
    assert widget.end.line.text() == "2026-12-14"
    assert widget.days.text() == "14 dagar"
    assert widget.value() == {"from": "2026-12-01", "to": "2026-12-14"}
    assert len(changes) == len("261201") + 1 + len("2v") + 1


def test_a_range_stores_only_the_parts_given(qtbot: QtBot) -> None:
    widget, _changes = _range(qtbot)
    qtbot.keyClicks(widget.end.line, "2026-12-24")
    assert widget.value() == {"to": "2026-12-24"}
    widget.end.line.clear()
    assert widget.value() is None


def test_a_range_round_trips_without_signalling(qtbot: QtBot) -> None:
    widget, changes = _range(qtbot)
    stored = {"from": "2026-11-27", "to": "2026-12-03"}
    widget.set_value(stored)
    assert widget.days.text() == "7 dagar"
    widget.set_value(widget.value())
    assert widget.value() == stored
    widget.set_value(None)
    assert (widget.value(), widget.days.text()) == (None, "")
    assert changes == []


def test_a_range_focuses_its_parts(qtbot: QtBot) -> None:
    widget, _changes = _range(qtbot)
    widget.focus_part("to")
    assert _focused() is widget.end.line
    widget.focus_part("from")
    assert _focused() is widget.start.line


def test_no_calendar_is_built_until_one_is_opened(qtbot: QtBot) -> None:
    from widgets.editor.date_input import DateInput

    widget, _changes = _periods(qtbot)
    inputs = widget.findChildren(DateInput)
    assert len(inputs) == 8
    assert all(date._calendar is None for date in inputs)  # a form has many dates
