"""Arkiv → Återställ övningsdata, driven like a user; and --reset-training on the command line."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop import tasks
from desktop.cli import parse_options
from desktop.main_window import MainWindow
from models.staff import UserContext
from tests.conftest import DOCTOR, TESTENHET_17
from tests.desktop.drivers import new_draft, open_in_editor, type_patient
from widgets.reset_training_dialog import ResetTrainingDialog

MakeWindow = Callable[[UserContext], MainWindow]
ROOT = Path(__file__).parents[2]
TYPE, STATUS = 1, 2  # the journal's columns Blankett/formulär and Status
AG114 = "Läkarintyg om arbetsförmåga – sjuklöneperioden"
AG7804 = "Läkarintyg om arbetsförmåga – arbetsgivaren"
FK7804 = "Läkarintyg för sjukpenning"


@pytest.fixture(autouse=True)
def sync_tasks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tasks, "synchronous", True)


def open_dialog(window: MainWindow) -> ResetTrainingDialog:
    """Arkiv → Återställ övningsdata…"""
    controller = window.training_controller
    actions = window.archive_menu.actions()
    assert actions.index(controller.reset_action) < actions.index(window.archive_end)
    assert controller.reset_action.text() == "Återställ övningsdata…"
    controller.reset_action.trigger()
    dialog = controller.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def names_in(dialog: ResetTrainingDialog) -> list[str]:
    return [dialog.list.item(row).text() for row in range(dialog.list.count())]


def journal(window: MainWindow) -> list[tuple[str, str]]:
    return [(row[TYPE], row[STATUS]) for row in window.certificate_list.visible_rows()]


def test_resetting_to_uppfoljning_replaces_the_journals_and_closes_the_open_draft(
    qtbot: QtBot, main_window_for: MakeWindow, doctor: UserContext
) -> None:
    window = main_window_for(doctor)
    type_patient(qtbot, window, "19121212-1212")
    draft = new_draft(window, doctor, "ag114")
    window.controller.reload_certificates()
    assert journal(window) == [(AG114, "Tomt utkast")]
    open_in_editor(window, draft)

    dialog = open_dialog(window)
    assert dialog.windowTitle() == "Återställ övningsdata"
    assert names_in(dialog)[:3] == ["Grundkurs", "Dödsfall", "Uppföljning"]
    assert dialog.description.text().startswith("Tomma journaler")
    assert "alla arbetsstationer som använder databasen" in dialog.warning.text()
    assert dialog.confirm.text() == "Återställ"
    dialog.list.setCurrentRow(names_in(dialog).index("Uppföljning"))
    assert "Tolvan Tolvansson (191212121212)" in dialog.description.text()
    qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)

    assert window.message_bar.text == "Övningsdata återställd till Uppföljning"
    assert window.patient is None and window.editor_controller.editor is None
    assert window.patient_field.text() == ""
    type_patient(qtbot, window, "19121212-1212")
    assert sorted(journal(window)) == [(FK7804, "Skickad"), (AG7804, "Signerad")]
    # The doctor's "Att skicka" holds the secretary's draft and the unsent FK7804.
    window.work_dock.set_scope("mine")
    assert len(window.work_dock.visible_rows()) == 2
    assert window.work_dock.unhandled_questions == 2


def test_avbryt_changes_nothing(
    qtbot: QtBot, main_window_for: MakeWindow, doctor: UserContext
) -> None:
    window = main_window_for(doctor)
    type_patient(qtbot, window, "19121212-1212")
    new_draft(window, doctor, "ag114")
    window.controller.reload_certificates()
    dialog = open_dialog(window)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)  # Enter does not replace all data
    assert dialog.isVisible() and dialog.list.currentItem().text() == "Dödsfall"
    avbryt = dialog.buttons.buttons()[-1]
    assert avbryt.text() == "Avbryt"
    qtbot.mouseClick(avbryt, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert window.patient is not None and len(journal(window)) == 1
    assert window.message_bar.text == ""


def test_the_dialog_opens_on_the_scenario_last_loaded(
    qtbot: QtBot, main_window_for: MakeWindow, doctor: UserContext
) -> None:
    window = main_window_for(doctor)
    assert window.training_controller.reset("dodsfall")
    type_patient(qtbot, window, "19400107-9120")
    assert journal(window) == [("Dödsbevis", "Skickad")]
    dialog = open_dialog(window)
    assert dialog.list.currentItem().text() == "Dödsfall"
    dialog.reject()


def test_reset_without_asking_refuses_an_unknown_scenario(
    main_window_for: MakeWindow, doctor: UserContext
) -> None:
    window = main_window_for(doctor)
    assert not window.training_controller.reset("avancerad")
    assert window.message_bar.text.startswith(
        "Det finns inget övningsscenario som heter ”avancerad”. Välj bland: grundkurs,"
    )


def test_reset_training_takes_an_optional_scenario() -> None:
    assert parse_options([]).reset_training is None
    assert parse_options(["--reset-training"]).reset_training == "grundkurs"
    assert parse_options(["--reset-training", "uppfoljning"]).reset_training == "uppfoljning"
    options = parse_options(["--reset-training", "-platform", "offscreen"])
    assert options.reset_training == "grundkurs"
    assert options.qt_args == ["-platform", "offscreen"]


def _run(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "INTYGSSTUDIO_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "desktop", "--no-crash-dialog", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_command_line_loads_a_named_scenario_and_refuses_an_unknown_one(
    tmp_path: Path,
) -> None:
    login = ("--user", DOCTOR, "--unit", TESTENHET_17, "--patient", "x")
    wrong = _run(tmp_path, "--reset-training", "avancerad", *login)
    assert wrong.returncode == 2
    assert "Det finns inget övningsscenario som heter ”avancerad”" in wrong.stderr

    _run(tmp_path, "--reset-training", "uppfoljning", *login)
    database = tmp_path / "data" / "intygsstudio.sqlite3"
    with sqlite3.connect(database) as connection:
        statuses = sorted(row[0] for row in connection.execute("SELECT status FROM certificates"))
    connection.close()
    assert statuses == ["DRAFT", "LOCKED_DRAFT", "SIGNED", "SIGNED", "SIGNED", "SIGNED"]
    log = (tmp_path / "logs" / "intygsstudio.log").read_text(encoding="utf-8")
    assert "Övningsdata återställd till Uppföljning" in log and "kommandoraden" in log
