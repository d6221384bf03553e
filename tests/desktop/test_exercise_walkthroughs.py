"""Exercises 2 and 6 done through the main window as the handout says, step by step: the
buttons it names are there, the exercise survives Arkiv → Byt användare, and Rätta passes
every check."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QPlainTextEdit
from pytestqt.qtbot import QtBot

from desktop import tasks
from desktop.main_window import MainWindow
from desktop.session import Session
from desktop.settings import Paths
from models.staff import StaffDirectory, UserContext
from models.store import Store
from models.workflow.actions import Action
from models.workflow.question_rules import QuestionAction
from tests.conftest import DOCTOR, SECRETARY, TESTENHET_17
from tests.desktop.drivers import (
    choose_in_next_list,
    choose_type,
    current_editor,
    in_type_dialog,
    log_in_as,
    press,
    question_panel,
    rata,
    sign,
    start_exercise,
    type_patient,
)

MakeWindow = Callable[[UserContext], MainWindow]
ALL_PASSED = "Alla 4 kontroller är godkända. Bra gjort!"


@pytest.fixture(autouse=True)
def sync_tasks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tasks, "synchronous", True)


def double_click(qtbot: QtBot, window: MainWindow, view: QAbstractItemView, row: int) -> None:
    """Double-click a row of a list in Mitt arbete; the certificate opens."""
    rect = view.visualRect(view.model().index(row, 0, QModelIndex()))
    with qtbot.waitSignal(window.certificate_opened):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_exercise_2_the_secretary_drafts_switches_user_and_the_doctor_signs(
    qtbot: QtBot,
    main_window_for: MakeWindow,
    doctor: UserContext,
    directory: StaffDirectory,
    store: Store,
    tmp_path: Path,
) -> None:
    services = main_window_for(doctor).services
    session = Session(services, directory, Paths.under(tmp_path), store.description)
    # 1. Logga in som Maria Lind (vårdadministratör) på Testenhet 17.
    secretary = directory.login(SECRETARY, TESTENHET_17)
    window = session.open(secretary)
    qtbot.addWidget(window)
    window.show()
    panel = start_exercise(qtbot, window, "02-vardadministrator-och-lakare")
    assert window.user_label.text() == "Maria Lind (Vårdadministratör)"
    # 2. Öppna Erik Sandbergs journal.
    type_patient(qtbot, window, "19800113-9297")
    # 3. Nytt → Intyg via Webcert…, Läkarintyg för sjukpenning, Skapa; the dictation is typed.
    in_type_dialog(qtbot, choose_type(qtbot, "Läkarintyg för sjukpenning"))
    with qtbot.waitSignal(window.certificate_opened):
        window.new_menu_action.trigger()
    draft = window.action_controller.certificate_id
    assert draft is not None
    dictated = {
        "1": {"FYSISKUNDERSOKNING": "2026-11-27"},
        "28": ["NUVARANDE_ARBETE"],
        "29": "Lagerarbetare: truckkörning och tunga lyft.",
        "6": [{"code": "M54.4", "text": "Lumbago med ischias"}],
        "35": "Ländryggssmärta med utstrålning i vänster ben, positivt Lasègues test.",
        "17": "Kan inte lyfta, böja sig eller köra truck.",
        "19": "Smärtlindring och fysioterapi.",
        "32": {"HELT_NEDSATT": {"from": "2026-11-27", "to": "2026-12-03"}},
        "39": "STOR_SANNOLIKHET",
    }
    row = services.certificates.open_certificate(secretary, draft)
    services.lifecycle.drafts.save(secretary, draft, {**row.content, **dictated}, row.version)
    window.controller.open_certificate(draft)
    # 4. Klart att signera.
    assert current_editor(window).status.text() == "Klart att signera"
    # 5. Markera klart för signering, Karin Berg as the signing responsible.
    choose_in_next_list("Karin Berg (Läkare)")
    press(qtbot, current_editor(window), Action.MARK_READY)
    assert "markerat klart för signering" in current_editor(window).status_lines.text()

    # 6. Arkiv → Byt användare…, Karin Berg on Testenhet 17: the exercise is still under way.
    attempt = window.exercise_controller.attempt
    switch = window.instructor_controller.switch_user_action
    assert switch.text() == "Byt användare…"
    assert switch in window.archive_menu.actions()
    QTimer.singleShot(0, log_in_as(DOCTOR, TESTENHET_17))
    switch.trigger()
    doctors = session.window
    assert doctors is not None and doctors is not window
    qtbot.addWidget(doctors)
    assert doctors.user_label.text() == "Karin Berg (Läkare)"
    resumed = doctors.exercise_controller.panel
    assert resumed is not None and resumed.isVisible()
    assert resumed.title.text() == panel.title.text()
    assert doctors.exercise_controller.attempt == attempt

    # 7. The draft from Att skicka in Mitt arbete; Signera intyget, PIN 1234.
    dock = doctors.work_dock
    qtbot.waitUntil(lambda: len(dock.visible_rows()) == 1)
    assert dock.visible_rows()[0][0] == "19800113-9297 Erik Sandberg"
    double_click(qtbot, doctors, dock.to_send, 0)
    assert doctors.action_controller.certificate_id == draft
    sign(qtbot, doctors, current_editor(doctors))
    assert current_editor(doctors).read_only

    # 8. Rätta.
    results = rata(qtbot, resumed)
    assert [passed for passed, _text, _why in results] == [True] * 4
    assert resumed.summary.text() == ALL_PASSED


def test_exercise_6_the_complement_request_from_fraga_svar_to_a_signed_complement(
    qtbot: QtBot, main_window_for: MakeWindow, doctor: UserContext
) -> None:
    # 1. Logga in som Karin Berg (läkare) på Testenhet 17.
    window = main_window_for(doctor)
    panel = start_exercise(qtbot, window, "06-besvara-komplettering")
    # 2. Fråga/svar via Webcert in Mitt arbete: the row for Tolvan Tolvansson.
    dock = window.work_dock
    assert dock.questions_box.title().startswith("Fråga/svar via Webcert")
    qtbot.waitUntil(lambda: len(dock.visible_question_rows()) == 2)
    rows = dock.visible_question_rows()
    tolvan = next(
        i for i, row in enumerate(rows) if row[:2] == ["19121212-1212", "Tolvan Tolvansson"]
    )
    double_click(qtbot, window, dock.questions, tolvan)
    questions = question_panel(window)
    assert questions.isVisible()
    # 3. Komplettera: a complement draft with FK's questions at the fields.
    (card,) = [c for c in questions.cards.values() if QuestionAction.COMPLEMENT in c.buttons]
    qtbot.mouseClick(card.buttons[QuestionAction.COMPLEMENT], Qt.MouseButton.LeftButton)
    draft = current_editor(window)
    assert not draft.read_only
    assert draft.fields["35"].findings_label.text().startswith("Försäkringskassan: ")
    # 4. Write more in field 35.
    box = draft.fields["35"].findChild(QPlainTextEdit)
    assert box is not None
    box.setFocus()
    box.moveCursor(box.textCursor().MoveOperation.End)
    qtbot.keyClicks(box, " MADRS-S 28 poang, psykomotoriskt langsam.")
    # 5. Signera och skicka, PIN 1234: sent to Försäkringskassan at once.
    assert draft.action_bar.buttons[Action.SIGN].text() == "Signera och skicka"
    sign(qtbot, window, draft)
    signed = current_editor(window)
    assert signed.read_only and "Försäkringskassan" in signed.message_bar.text
    # 6. The request is handled.
    qtbot.waitUntil(
        lambda: (
            not any(
                r[:2] == ["19121212-1212", "Tolvan Tolvansson"]
                for r in dock.visible_question_rows()
            )
        )
    )
    # 7. Rätta.
    results = rata(qtbot, panel)
    assert [passed for passed, _text, _why in results] == [True, True]
    assert panel.summary.text() == "Alla 2 kontroller är godkända. Bra gjort!"
    window.resize(1400, 860)
    window.grab().save("/tmp/exercise-6-graded.png")
