"""The uncertain date (DB/DOI 2.2.1 "Dödsdatum ej säkert"): year, month and day drop-downs."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from models.definitions.loader import shipped_definitions
from models.definitions.schema import FieldDef
from widgets.editor.field_widget import EditorContext
from widgets.editor.uncertain_date_widget import UncertainDateWidget

CONTEXT = EditorContext(today=dt.date(2026, 11, 27))
DAY_RULE = "Dagen anges inte för ett ej säkert dödsdatum; den är alltid 00."


def _field(code: str = "doi") -> FieldDef:
    return shipped_definitions()[code].field("2.2.1")


def _make(qtbot: QtBot, field: FieldDef | None = None) -> tuple[UncertainDateWidget, list[None]]:
    widget = UncertainDateWidget(field or _field(), CONTEXT)
    qtbot.addWidget(widget)
    widget.show()
    changes: list[None] = []
    widget.changed.connect(lambda: changes.append(None))
    return widget, changes


def _down(qtbot: QtBot, combo: QComboBox, times: int) -> None:
    for _ in range(times):
        qtbot.keyClick(combo, Qt.Key.Key_Down)


def _texts(combo: QComboBox) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


@pytest.mark.parametrize("code", ["db", "doi"])
def test_offers_this_and_last_year_or_unknown_and_locks_the_day(qtbot: QtBot, code: str) -> None:
    widget, _changes = _make(qtbot, _field(code))
    assert _texts(widget.year) == ["Välj år", "2026", "2025", "0000 (okänt)"]
    assert _texts(widget.month)[:3] == ["Välj månad", "00 (okänd)", "01"]
    assert _texts(widget.month)[-1] == "12"
    assert _texts(widget.day)[0] == "00"
    assert _texts(widget.day)[-1] == "31"
    assert not widget.day.isEnabled()
    assert widget.day.currentText() == "00"
    assert widget.day.toolTip() == DAY_RULE
    assert widget.value() is None


def test_year_and_month_chosen_with_the_keyboard(qtbot: QtBot) -> None:
    widget, changes = _make(qtbot)
    _down(qtbot, widget.year, 2)
    assert widget.value() == "2025--00"  # the month is still to choose; the rules say so
    _down(qtbot, widget.month, 4)
    assert widget.value() == "2025-03-00"
    assert len(changes) == 6
    assert not widget.day.isEnabled()


def test_an_unknown_month_is_zeros(qtbot: QtBot) -> None:
    widget, _changes = _make(qtbot)
    _down(qtbot, widget.year, 1)
    _down(qtbot, widget.month, 1)
    assert widget.value() == "2026-00-00"


def test_an_unknown_year_makes_the_month_unknown(qtbot: QtBot) -> None:
    widget, changes = _make(qtbot)
    _down(qtbot, widget.month, 6)
    _down(qtbot, widget.year, 3)
    assert widget.year.currentText() == "0000 (okänt)"
    assert widget.value() == "0000-00-00"
    assert not widget.month.isEnabled()
    assert len(changes) == 9
    qtbot.keyClick(widget.year, Qt.Key.Key_Up)
    assert widget.month.isEnabled()
    assert widget.value() == "2025-00-00"


def test_without_the_day_rule_the_day_opens_once_the_month_is_known(qtbot: QtBot) -> None:
    field = _field().model_copy(update={"rules": []})
    widget, _changes = _make(qtbot, field)
    assert widget.day.toolTip() == ""
    _down(qtbot, widget.year, 1)
    assert not widget.day.isEnabled()
    _down(qtbot, widget.month, 6)
    assert widget.day.isEnabled()
    _down(qtbot, widget.day, 15)
    assert widget.value() == "2026-05-15"
    qtbot.keyClick(widget.month, Qt.Key.Key_Home)
    _down(qtbot, widget.month, 1)
    assert widget.value() == "2026-00-00"
    assert not widget.day.isEnabled()


@pytest.mark.parametrize("stored", ["2026-11-00", "2025-00-00", "0000-00-00", "2026--00"])
def test_set_value_round_trips_without_emitting_changed(qtbot: QtBot, stored: str) -> None:
    widget, changes = _make(qtbot)
    widget.set_value(stored)
    assert widget.value() == stored
    widget.set_value(None)
    assert widget.value() is None
    assert widget.year.currentText() == "Välj år"
    assert changes == []


def test_an_older_year_or_a_day_against_the_rule_is_shown_as_stored(qtbot: QtBot) -> None:
    widget, _changes = _make(qtbot)
    widget.set_value("2019-04-12")
    assert widget.year.currentText() == "2019"
    assert widget.value() == "2019-04-12"
    assert widget.day.isEnabled()  # so that the user can correct what the rule reports
    qtbot.keyClick(widget.day, Qt.Key.Key_Home)
    assert widget.value() == "2019-04-00"
    assert not widget.day.isEnabled()


def test_focus_part(qtbot: QtBot) -> None:
    widget, _changes = _make(qtbot)
    widget.focus_part(None)
    assert widget.focusWidget() is widget.year
    widget.set_value("2026--00")
    widget.focus_part(None)
    assert widget.focusWidget() is widget.month
    widget.focus_part("year")
    assert widget.focusWidget() is widget.year
