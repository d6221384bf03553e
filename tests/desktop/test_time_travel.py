"""Simulering → Spola fram tiden, driven like a user: the draft locks, the date is shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.main_window import MainWindow
from models.clock import FixedClock
from models.staff import UserContext
from tests.desktop.drivers import (
    choose_days,
    new_draft,
    open_in_editor,
    open_time_travel,
    shown_date,
    type_patient,
)

MakeWindow = Callable[[UserContext], MainWindow]
STATUS = 2  # the journal's column Status


def test_fifteen_days_forward_locks_a_draft_made_today_and_real_time_returns(
    qtbot: QtBot, main_window_for: MakeWindow, doctor: UserContext, clock: FixedClock
) -> None:
    window = main_window_for(doctor)
    type_patient(qtbot, window, "19121212-1212")
    draft = new_draft(window, doctor, "fk7804")
    editor = open_in_editor(window, draft)
    assert not editor.read_only
    label = shown_date(window)
    assert not label.isVisible()
    assert not window.time_controller.reset_action.isEnabled()

    dialog = open_time_travel(window)
    assert dialog.windowTitle() == "Spola fram tiden"
    assert dialog.current.text() == "2026-11-27 (fredag)"
    choose_days(qtbot, dialog, 14)
    assert dialog.new_date.text() == "2026-12-11 (fredag)"
    choose_days(qtbot, dialog, 15)
    assert dialog.new_date.text() == "2026-12-12 (lördag)"
    assert dialog.confirm.text() == "Spola fram"
    qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)

    assert clock.today().isoformat() == "2026-12-12"
    assert label.isVisible() and label.text() == "Simulerat datum: 2026-12-12"
    assert window.message_bar.text.startswith(
        "Tiden är framspolad 15 dagar – simulerat datum 2026-12-12. 1 utkast låstes"
    )
    assert [row[STATUS] for row in window.certificate_list.visible_rows()] == ["Låst utkast"]
    # The open draft was read again: locked now, so read-only.
    reopened = window.editor_controller.editor
    assert reopened is not None and reopened is not editor and reopened.read_only
    assert window.time_controller.reset_action.isEnabled()

    window.time_controller.reset_action.trigger()
    assert clock.today().isoformat() == "2026-11-27"
    assert not label.isVisible()
    assert not window.time_controller.reset_action.isEnabled()
    assert window.message_bar.text == "Verklig tid gäller igen – dagens datum 2026-11-27"
    # Locked stays locked: what happened in simulated time is not undone.
    assert [row[STATUS] for row in window.certificate_list.visible_rows()] == ["Låst utkast"]


def test_cancelling_leaves_the_clock_alone(
    qtbot: QtBot, main_window_for: MakeWindow, doctor: UserContext, clock: FixedClock
) -> None:
    window = main_window_for(doctor)
    dialog = open_time_travel(window)
    choose_days(qtbot, dialog, 30)
    dialog.buttons.rejected.emit()  # Avbryt
    assert not clock.is_simulated
    assert not shown_date(window).isVisible()
    assert window.time_controller.dialog is None


def test_a_move_from_elsewhere_is_followed_and_announced(
    qtbot: QtBot, main_window_for: MakeWindow, doctor: UserContext, clock: FixedClock
) -> None:
    window = main_window_for(doctor)
    type_patient(qtbot, window, "19121212-1212")
    new_draft(window, doctor, "fk7804")
    with qtbot.waitSignal(window.time_controller.clock_changed):
        clock.advance_days(1)  # say an exercise moves time itself
    assert shown_date(window).text() == "Simulerat datum: 2026-11-28"
    assert window.message_bar.text == "Tiden är framspolad 1 dag – simulerat datum 2026-11-28"
    assert [row[STATUS] for row in window.certificate_list.visible_rows()] == ["Tomt utkast"]
    with qtbot.waitSignal(window.time_controller.clock_changed):
        window.time_controller.advance_days(14)
    assert window.message_bar.text.startswith("Tiden är framspolad 15 dagar")
    assert [row[STATUS] for row in window.certificate_list.visible_rows()] == ["Låst utkast"]
