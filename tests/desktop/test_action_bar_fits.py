"""The action bar under a certificate never clips a button's text: with the exercise panel
docked and the Frågor och svar panel open in a 1100×760 window its buttons wrap onto a second
row; at full width without the panels they are one row as before."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QModelIndex, QRect, Qt
from pytestqt.qtbot import QtBot

from desktop import tasks
from desktop.main_window import MainWindow
from models.staff import UserContext
from models.workflow.actions import Action
from tests.desktop.drivers import current_editor, question_panel, start_exercise
from widgets.editor.form_editor import FormEditor


@pytest.fixture(autouse=True)
def sync_tasks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tasks, "synchronous", True)


def _in_window(window: MainWindow, editor: FormEditor, action: Action) -> QRect:
    button = editor.action_bar.buttons[action]
    return QRect(button.mapTo(window, button.rect().topLeft()), button.size())


def _rows(window: MainWindow, editor: FormEditor) -> list[list[str]]:
    """The buttons' texts row by row as shown, after checking none is clipped or hidden."""
    frame = window.rect()
    shown = {action: _in_window(window, editor, action) for action in editor.action_bar.buttons}
    for action, button in editor.action_bar.buttons.items():
        assert button.isVisible(), button.text()
        assert button.width() >= button.sizeHint().width(), button.text()
        assert frame.contains(shown[action]), button.text()
    tops = sorted({rect.y() for rect in shown.values()})
    by_x = sorted(editor.action_bar.buttons, key=lambda a: shown[a].x())
    return [
        [editor.action_bar.buttons[a].text() for a in by_x if shown[a].y() == top] for top in tops
    ]


def test_the_buttons_wrap_beside_the_panels_and_are_one_row_at_full_width(
    qtbot: QtBot, main_window_for: Callable[[UserContext], MainWindow], doctor: UserContext
) -> None:
    window = main_window_for(doctor)
    window.resize(1100, 760)
    exercise = start_exercise(qtbot, window, "06-besvara-komplettering")
    # Tolvan's signed, sent FK7804 from Fråga/svar via Webcert opens with Frågor och svar.
    dock = window.work_dock
    qtbot.waitUntil(lambda: len(dock.visible_question_rows()) == 2)
    row = next(i for i, r in enumerate(dock.visible_question_rows()) if r[1] == "Tolvan Tolvansson")
    rect = dock.questions.visualRect(dock.questions.model().index(row, 0, QModelIndex()))
    with qtbot.waitSignal(window.certificate_opened):
        qtbot.mouseClick(dock.questions.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(dock.questions.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = current_editor(window)
    assert question_panel(window).isVisible() and exercise.isVisible()
    labels = ["Skriv ut", "Förnya", "Ersätt", "Skapa AG7804", "Makulera"]
    assert editor.action_bar.labels() == labels

    bar = editor.action_bar
    qtbot.waitUntil(lambda: bar.width() < bar.sizeHint().width())  # one row would not fit
    rows = _rows(window, editor)
    assert len(rows) == 2 and [text for row in rows for text in row] == labels
    assert rows[-1][-1] == "Makulera"
    questions = editor.side_button
    assert questions is not None and questions.text() == "Frågor och svar"
    assert questions.y() == bar.y() + bar.buttons[Action.PRINT].y()  # beside the first row
    window.grab().save("/tmp/action-bar-wrapped.png")

    exercise.hide()
    questions.click()
    window.resize(1600, 900)
    qtbot.waitUntil(lambda: bar.width() >= bar.sizeHint().width())
    assert _rows(window, editor) == [labels]
    window.grab().save("/tmp/action-bar-one-row.png")
