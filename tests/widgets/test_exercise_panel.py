"""The exercise panel and the Övningar list, shown and clicked as a user does."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from models.training.checks import CheckResult, Grade
from models.training.exercises import exercise, exercises
from models.training.scenarios import scenarios
from widgets.exercise_list_dialog import ExerciseListDialog
from widgets.exercise_panel import ExercisePanel

FIRST = "01-forsta-lisjp"
MIXED = Grade(
    (
        CheckResult("Det finns ett signerat läkarintyg.", True),
        CheckResult(
            "Huvuddiagnosen är F32.1.", False, "Huvuddiagnosen är F32.0, men ska vara F32.1."
        ),
    )
)


def answer_box(button_text: str) -> None:
    """Press a button of the message box that is about to open."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        for button in box.buttons():
            if button.text() == button_text:
                button.click()
                return
        raise AssertionError(f"no button {button_text!r} in {box.text()!r}")

    QTimer.singleShot(0, press)


def test_the_panel_shows_the_instructions_and_nothing_graded(qtbot: QtBot) -> None:
    panel = ExercisePanel()
    qtbot.addWidget(panel)
    panel.show_exercise(exercise(FIRST), "Startad 2026-11-27 09:30 · Övningsdata: Grundkurs")
    panel.show()
    assert panel.windowTitle() == "Övning"
    assert panel.title.text() == "1. Ditt första läkarintyg för sjukpenning (LISJP)"
    text = panel.instructions.toPlainText()
    assert "Logga in som Karin Berg (läkare) på Testenhet 17." in text
    assert "Gör så här:" in text
    assert not panel.results_area.isVisible()
    assert panel.grade_button.text() == "Rätta"
    assert panel.end_button.text() == "Avsluta övningen"


def test_rata_and_avsluta_ask_the_controller(qtbot: QtBot) -> None:
    panel = ExercisePanel()
    qtbot.addWidget(panel)
    panel.show_exercise(exercise(FIRST), "")
    panel.show()
    with qtbot.waitSignal(panel.grade_requested):
        qtbot.mouseClick(panel.grade_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(panel.end_requested):
        qtbot.mouseClick(panel.end_button, Qt.MouseButton.LeftButton)


def test_a_grade_shows_each_check_with_its_mark_and_what_is_missing(qtbot: QtBot) -> None:
    panel = ExercisePanel()
    qtbot.addWidget(panel)
    panel.resize(420, 760)
    panel.show_exercise(exercise(FIRST), "Startad 2026-11-27 09:30 · Övningsdata: Grundkurs")
    panel.show()
    panel.show_grading()
    assert panel.summary.text() == "Rättar…" and not panel.grade_button.isEnabled()
    panel.show_grade(MIXED)
    assert panel.grade_button.isEnabled()
    assert panel.summary.text() == "1 av 2 kontroller är godkända."
    assert panel.results_area.isVisible()
    passed, failed = panel.rows
    assert passed.icon.accessibleName() == "Godkänd" and not passed.icon.pixmap().isNull()
    assert not passed.explanation.isVisible()
    assert failed.icon.accessibleName() == "Inte godkänd"
    assert failed.text.text() == "Huvuddiagnosen är F32.1."
    assert failed.explanation.isVisible()
    assert failed.explanation.text() == "Huvuddiagnosen är F32.0, men ska vara F32.1."
    panel.grab().save("/tmp/exercise-panel-widget.png")
    # A second grading replaces the rows, it does not add to them.
    panel.show_grade(Grade((CheckResult("Klart.", True),)))
    assert len(panel.rows) == 1
    assert panel.summary.text() == "Alla 1 kontroller är godkända. Bra gjort!"


def _dialog(qtbot: QtBot) -> ExerciseListDialog:
    names = {s.key: s.name for s in scenarios()}
    dialog = ExerciseListDialog(exercises(), names)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_list_shows_every_exercise_with_its_scenario_and_instructions(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    assert dialog.windowTitle() == "Övningar"
    titles = [dialog.list.item(row).text() for row in range(dialog.list.count())]
    assert len(titles) >= 10 and titles[0] == exercise(FIRST).title
    dialog.select("10-dodsbevis-och-dodsorsaksintyg")
    assert dialog.scenario.text() == "Övningsdata: Övning: dödsfall utan intyg"
    preview = dialog.preview.toPlainText()
    assert preview.startswith("Greta Lindqvist har avlidit")
    assert "Skapa dödsorsaksintyg" in preview
    assert [b.text() for b in dialog.buttons.buttons()] == ["Starta övning", "Stäng"]
    dialog.grab().save("/tmp/exercise-list.png")


def test_starting_asks_first_and_avbryt_starts_nothing(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    dialog.select("03-skicka-med-samtycke")
    answer_box("Avbryt")
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.chosen_id is None


def test_confirming_chooses_the_exercise(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    dialog.select("03-skicka-med-samtycke")
    seen: list[str] = []

    def press() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        start = next(b for b in box.buttons() if b.text() == "Starta övningen")
        assert isinstance(start, QPushButton)
        start.click()

    QTimer.singleShot(0, press)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert dialog.chosen_id == "03-skicka-med-samtycke"
    assert seen[0].startswith(
        "När övningen startar återställs övningsdata till scenariot ”Uppföljning”"
    )
