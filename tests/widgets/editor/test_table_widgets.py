"""Table-like fields: LUSE 4 (utredningar och underlag) and TS-bas 8 (värden för synskärpa)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLineEdit
from pytestqt.qtbot import QtBot

from models.definitions.loader import shipped_definitions
from widgets.editor.field_widget import EditorContext
from widgets.editor.table_widgets import UnderlagListWidget, VisualAcuityWidget

CONTEXT = EditorContext(today=dt.date(2026, 11, 27))


def _underlag(qtbot: QtBot) -> tuple[UnderlagListWidget, list[None]]:
    widget = UnderlagListWidget(shipped_definitions()["luse"].field("4"), CONTEXT)
    qtbot.addWidget(widget)
    widget.show()
    changes: list[None] = []
    widget.changed.connect(lambda: changes.append(None))
    return widget, changes


def _acuity(qtbot: QtBot) -> tuple[VisualAcuityWidget, list[None]]:
    widget = VisualAcuityWidget(shipped_definitions()["ts-bas"].field("8"), CONTEXT)
    qtbot.addWidget(widget)
    widget.show()
    changes: list[None] = []
    widget.changed.connect(lambda: changes.append(None))
    return widget, changes


def _line(widget: VisualAcuityWidget, row: str, column: str) -> QLineEdit:
    cell = widget.cells[row][column]
    assert isinstance(cell, QLineEdit)
    return cell


def _check(widget: VisualAcuityWidget, row: str, column: str) -> QCheckBox:
    cell = widget.cells[row][column]
    assert isinstance(cell, QCheckBox)
    return cell


# -- underlag ---------------------------------------------------------------------------------


def test_underlag_offers_three_rows_with_an_empty_first_choice(qtbot: QtBot) -> None:
    widget, _changes = _underlag(qtbot)
    assert len(widget.rows) == 3
    combo = widget.rows[0].type
    assert combo.itemText(0) == "Välj…"
    assert combo.itemText(1) == "Neuropsykiatriskt utlåtande"
    assert combo.count() == 1 + 10
    assert widget.value() is None


def test_an_underlag_row_filled_with_the_keyboard(qtbot: QtBot) -> None:
    widget, changes = _underlag(qtbot)
    row = widget.rows[0]
    for _ in range(6):
        qtbot.keyClick(row.type, Qt.Key.Key_Down)
    assert row.type.currentText() == "Underlag från psykolog"
    qtbot.keyClicks(row.date.line, "20261001")
    qtbot.keyClicks(row.info, "Psykologmottagningen")
    assert widget.value() == [
        {"type": "PSYKOLOG", "date": "2026-10-01", "info": "Psykologmottagningen"}
    ]
    assert len(changes) == 6 + len("20261001") + len("Psykologmottagningen")


def test_underlag_rows_keep_their_positions(qtbot: QtBot) -> None:
    widget, _changes = _underlag(qtbot)
    qtbot.keyClicks(widget.rows[2].info, "Patienten bifogar")
    assert widget.value() == [{}, {}, {"info": "Patienten bifogar"}]
    qtbot.keyClick(widget.rows[0].type, Qt.Key.Key_Down)
    assert widget.value() == [{"type": "NEUROPSYKIATRISKT"}, {}, {"info": "Patienten bifogar"}]
    qtbot.keyClick(widget.rows[0].type, Qt.Key.Key_Home)  # back to "Välj…"
    widget.rows[2].info.selectAll()
    qtbot.keyClick(widget.rows[2].info, Qt.Key.Key_Delete)
    assert widget.value() is None


def test_underlag_round_trips_without_emitting_changed(qtbot: QtBot) -> None:
    widget, changes = _underlag(qtbot)
    stored = [
        {"type": "LOGOPED", "date": "2026-09-01", "info": "Logopedmottagningen"},
        {},
        {"type": "OVRIGT_UTLATANDE", "date": "förra året"},
    ]
    widget.set_value(stored)
    assert widget.value() == stored
    assert widget.rows[0].type.currentText() == "Underlag från logoped"
    widget.set_value(None)
    assert widget.value() is None
    assert widget.rows[0].type.currentText() == "Välj…"
    assert changes == []


def test_underlag_focus_part(qtbot: QtBot) -> None:
    widget, _changes = _underlag(qtbot)
    widget.focus_part("1.info")
    assert widget.focusWidget() is widget.rows[1].info
    widget.focus_part("2.date")
    assert widget.focusWidget() is widget.rows[2].date.line
    widget.focus_part("0")
    assert widget.focusWidget() is widget.rows[0].type


# -- visual acuity ----------------------------------------------------------------------------


def test_acuity_grid_has_no_contact_lens_cell_for_binocular(qtbot: QtBot) -> None:
    widget, _changes = _acuity(qtbot)
    assert list(widget.cells) == ["hoger", "vanster", "binokulart"]
    assert list(widget.cells["hoger"]) == ["utan", "med", "kontaktlinser"]
    assert list(widget.cells["binokulart"]) == ["utan", "med"]
    assert isinstance(widget.cells["vanster"]["kontaktlinser"], QCheckBox)
    assert widget.cells["hoger"]["utan"].accessibleName() == "Höger öga, Utan korrektion"
    assert widget.value() is None


@pytest.mark.parametrize(("typed", "stored"), [("0,8", 0.8), ("1.0", 1.0), ("2", 2.0), (",5", 0.5)])
def test_acuity_takes_a_comma_or_a_point(qtbot: QtBot, typed: str, stored: float) -> None:
    widget, changes = _acuity(qtbot)
    qtbot.keyClicks(_line(widget, "vanster", "med"), typed)
    assert widget.value() == {"vanster": {"med": stored}}
    assert len(changes) == len(typed)


def test_acuity_refuses_letters(qtbot: QtBot) -> None:
    widget, changes = _acuity(qtbot)
    line = _line(widget, "hoger", "utan")
    qtbot.keyClicks(line, "a0x,b5-")
    assert line.text() == "0,5"
    assert widget.value() == {"hoger": {"utan": 0.5}}
    assert len(changes) == 3


def test_acuity_half_typed_decimal_is_left_out(qtbot: QtBot) -> None:
    widget, _changes = _acuity(qtbot)
    qtbot.keyClicks(_line(widget, "binokulart", "utan"), ",")
    assert widget.value() is None


def test_contact_lenses_ticked_with_space_and_click(qtbot: QtBot) -> None:
    widget, changes = _acuity(qtbot)
    qtbot.keyClick(_check(widget, "hoger", "kontaktlinser"), Qt.Key.Key_Space)
    qtbot.mouseClick(_check(widget, "vanster", "kontaktlinser"), Qt.MouseButton.LeftButton)
    assert widget.value() == {"hoger": {"kontaktlinser": True}, "vanster": {"kontaktlinser": True}}
    qtbot.keyClick(_check(widget, "hoger", "kontaktlinser"), Qt.Key.Key_Space)
    assert widget.value() == {"vanster": {"kontaktlinser": True}}
    assert len(changes) == 3


def test_acuity_round_trips_without_emitting_changed(qtbot: QtBot) -> None:
    widget, changes = _acuity(qtbot)
    stored = {
        "hoger": {"utan": 0.8, "med": 1.0, "kontaktlinser": True},
        "vanster": {"utan": 0.05},
        "binokulart": {"utan": 1.2, "med": 1.5},
    }
    widget.set_value(stored)
    assert widget.value() == stored
    assert _line(widget, "hoger", "utan").text() == "0,8"
    assert _line(widget, "vanster", "utan").text() == "0,05"
    widget.set_value({"hoger": {"utan": 1}})
    assert _line(widget, "hoger", "utan").text() == "1"
    assert not _check(widget, "hoger", "kontaktlinser").isChecked()
    widget.set_value(None)
    assert widget.value() is None
    assert changes == []


def test_acuity_focus_part(qtbot: QtBot) -> None:
    widget, _changes = _acuity(qtbot)
    widget.focus_part("vanster.med")
    assert widget.focusWidget() is widget.cells["vanster"]["med"]
    widget.focus_part("binokulart")
    assert widget.focusWidget() is widget.cells["binokulart"]["utan"]
    widget.focus_part(None)
    assert widget.focusWidget() is widget.cells["hoger"]["utan"]
