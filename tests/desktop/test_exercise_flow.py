"""Simulering → Övningar…, driven like a user: choose an exercise, start it (the training data
is reset), read the instructions, do part of it, press Rätta and read what is missing; the
exercise survives a new window and ends with Avsluta övningen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop import tasks
from desktop.exercise_controller import STATE_FILE
from desktop.main_window import MainWindow
from models.staff import UserContext
from models.workflow.siths import TRAINING_PIN, SithsCard
from tests.desktop.drivers import answer_box, new_draft, rata, start_exercise, type_patient

MakeWindow = Callable[[UserContext], MainWindow]
FIRST = "1. Ditt första läkarintyg för sjukpenning (LISJP)"


@pytest.fixture(autouse=True)
def sync_tasks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tasks, "synchronous", True)


def test_start_do_part_and_rata_shows_what_is_missing(
    qtbot: QtBot, main_window_for: MakeWindow, doctor: UserContext
) -> None:
    window = main_window_for(doctor)
    # Something from before the exercise: the reset takes it away.
    type_patient(qtbot, window, "19121212-1212")
    new_draft(window, doctor, "ag114")

    panel = start_exercise(qtbot, window, "01-forsta-lisjp")
    assert window.message_bar.text == f"Övningen ”{FIRST}” har startat."
    assert panel.title.text() == FIRST
    assert panel.started.text() == "Startad 2026-11-27 09:30 · Övningsdata: Grundkurs"
    assert "Skriv 19121212-1212 i fältet Patient" in panel.instructions.toPlainText()
    assert window.patient is None
    type_patient(qtbot, window, "19121212-1212")
    assert window.certificate_list.visible_rows() == []  # the reset emptied the journal

    assert rata(qtbot, panel)[0] == (
        False,
        "Det finns ett signerat läkarintyg för sjukpenning (FK 7804) för 19121212-1212.",
        "Det finns inget signerat läkarintyg för sjukpenning (FK 7804) för 19121212-1212.",
    )
    assert panel.summary.text() == "0 av 4 kontroller är godkända."

    # The student writes the certificate, with the wrong diagnosis, and signs it.
    services = window.services
    draft = new_draft(window, doctor, "fk7804")
    row = services.certificates.open_certificate(doctor, draft)
    content = {
        **row.content,
        "1": {"FYSISKUNDERSOKNING": "2026-11-27"},
        "28": ["NUVARANDE_ARBETE"],
        "29": "Undersköterska.",
        "6": [{"code": "F32.0", "text": "Lindrig depressiv episod"}],
        "35": "Nedstämdhet.",
        "17": "Orkar inte arbeta heltid.",
        "19": "KBT.",
        "32": {"HALFTEN": {"from": "2026-11-27", "to": "2026-12-10"}},
        "33": False,
        "39": "STOR_SANNOLIKHET",
    }
    services.lifecycle.drafts.save(doctor, draft, content, row.version)
    version = services.certificates.open_certificate(doctor, draft).version
    signature = SithsCard(doctor, services.clock).enter_pin(TRAINING_PIN)
    services.lifecycle.signing.sign(doctor, draft, version, signature)

    results = rata(qtbot, panel)
    assert [passed for passed, _text, _why in results] == [True, False, True, True]
    assert results[1] == (
        False,
        "Huvuddiagnosen är F32.1.",
        "Huvuddiagnosen är F32.0, men ska vara F32.1.",
    )
    assert panel.summary.text() == "3 av 4 kontroller är godkända."
    window.resize(1400, 860)
    window.controller.reload_certificates()
    window.grab().save("/tmp/exercise-panel-window.png")


def test_the_exercise_survives_a_new_window_and_ends_with_avsluta(
    qtbot: QtBot, main_window_for: MakeWindow, doctor: UserContext, tmp_path: Path
) -> None:
    window = main_window_for(doctor)
    panel = start_exercise(qtbot, window, "03-skicka-med-samtycke")
    state = tmp_path / "data" / STATE_FILE
    assert state.is_file()

    # Byt användare (or a restart) builds a new window: the exercise is still there.
    again = main_window_for(doctor)
    resumed = again.exercise_controller.panel
    assert resumed is not None and resumed.isVisible()
    assert resumed.title.text() == panel.title.text()
    assert again.exercise_controller.attempt == window.exercise_controller.attempt

    type_patient(qtbot, again, "19700178-2395")
    assert len(again.certificate_list.visible_rows()) == 1
    services = again.services
    assert again.patient is not None
    certificate_id = services.certificates.list_for_patient(doctor, again.patient)[0].id
    services.lifecycle.signing.send(doctor, certificate_id, patient_consent=True)
    assert rata(qtbot, resumed) == [
        (
            True,
            "Det finns ett signerat läkarintyg för sjukpenning (FK 7804) för 19700178-2395 som "
            "är skickat till Försäkringskassan med patientens samtycke.",
            "",
        )
    ]
    assert resumed.summary.text() == "Alla 1 kontroller är godkända. Bra gjort!"

    answer_box(_yes_text())
    qtbot.mouseClick(resumed.end_button, Qt.MouseButton.LeftButton)
    assert not resumed.isVisible()
    assert not state.exists()
    assert main_window_for(doctor).exercise_controller.panel is None


def _yes_text() -> str:
    """The text of a question box's Yes button (as translated in the running app)."""
    box = QMessageBox(QMessageBox.Icon.Question, "", "", QMessageBox.StandardButton.Yes)
    return box.button(QMessageBox.StandardButton.Yes).text()


def test_avbryt_in_the_confirmation_starts_nothing(
    qtbot: QtBot, main_window_for: MakeWindow, doctor: UserContext
) -> None:
    window = main_window_for(doctor)
    type_patient(qtbot, window, "19121212-1212")
    new_draft(window, doctor, "ag114")
    controller = window.exercise_controller
    controller.action.trigger()
    dialog = controller.dialog
    assert dialog is not None
    answer_box("Avbryt")
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert controller.panel is None and controller.attempt is None
    assert window.patient is not None  # nothing was reset
    dialog.reject()


def test_a_reset_to_another_scenario_ends_the_exercise_and_to_its_own_restarts_it(
    qtbot: QtBot, main_window_for: MakeWindow, doctor: UserContext
) -> None:
    window = main_window_for(doctor)
    panel = start_exercise(qtbot, window, "07-besvara-fraga-fran-fk")
    controller = window.exercise_controller
    first = controller.attempt
    assert window.training_controller.reset("uppfoljning")
    assert window.message_bar.text == "Övningen har startats om."
    assert controller.attempt is not None and controller.attempt.baseline != first.baseline
    assert window.training_controller.reset("grundkurs")
    assert controller.attempt is None and not panel.isVisible()
    assert window.message_bar.text == (
        "Övningen avslutades eftersom övningsdata återställdes till ett annat scenario."
    )
