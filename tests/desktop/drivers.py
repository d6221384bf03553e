"""Driving the main window as a user does."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QInputDialog,
    QLabel,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.main_window import MainWindow
from desktop.time_controller import TimeController
from models.staff import UserContext
from models.workflow.actions import Action
from tests.models.definitions.types import samples
from widgets.editor.form_editor import FormEditor
from widgets.exercise_panel import ExercisePanel
from widgets.login_dialog import LoginDialog
from widgets.mina_intyg.window import MinaIntygWindow
from widgets.question_panel import QuestionPanelWidget
from widgets.signing_dialog import SigningDialog
from widgets.time_travel_dialog import TimeTravelDialog
from widgets.type_chooser_dialog import TypeChooserDialog


def type_patient(qtbot: QtBot, window: MainWindow, text: str) -> None:
    """Type a number into the field Patient and press Enter."""
    window.patient_field.clear()
    qtbot.keyClicks(window.patient_field, text)
    qtbot.keyClick(window.patient_field, Qt.Key.Key_Return)


def write(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Click into a box, type, and leave it with Tab."""
    widget.setFocus()
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Tab)


def tick(qtbot: QtBot, box: QWidget) -> None:
    """Click a check box or radio button on its box (its row is wider than what reacts)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))


def new_draft(
    window: MainWindow, user: UserContext, type_code: str, content: dict[str, Any] | None = None
) -> str:
    """A draft for the open patient, made through the services (with ``content`` saved as if
    typed earlier); returns its id."""
    services = window.services
    assert window.patient is not None
    row = services.certificates.create_draft(user, window.patient, type_code)
    if content is not None:
        version = services.certificates.open_certificate(user, row.id).version
        services.lifecycle.drafts.save(user, row.id, content, version)
    return row.id


def open_in_editor(window: MainWindow, certificate_id: str) -> FormEditor:
    """Open a certificate as a double-click in the journal would."""
    window.controller.open_certificate(certificate_id)
    editor = window.editor_controller.editor
    assert editor is not None and window.action_controller.certificate_id == certificate_id
    return editor


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    """Click a button that must be enabled (its tooltip says why not)."""
    assert button.isEnabled(), button.toolTip()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def press(qtbot: QtBot, editor: FormEditor, action: Action) -> None:
    """Click a button of the certificate's action bar."""
    click(qtbot, editor.action_bar.buttons[action])


def current_editor(window: MainWindow) -> FormEditor:
    """The certificate open in the window."""
    editor = window.editor_controller.editor
    assert editor is not None
    return editor


def sign(qtbot: QtBot, window: MainWindow, editor: FormEditor, pin: str = "1234") -> None:
    """Signera intyget, type the PIN and sign in the signing dialog."""
    press(qtbot, editor, Action.SIGN)
    dialog = window.action_controller.dialog
    assert isinstance(dialog, SigningDialog) and dialog.isVisible()
    qtbot.keyClicks(dialog.pin, pin)
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)


def listed(window: MainWindow, column: int) -> str | None:
    """A column of the first row of the journal's certificate table, once it has one."""
    rows = window.certificate_list.visible_rows()
    return rows[0][column] if rows else None


def answer_next_box(expected: str, answer: QMessageBox.StandardButton) -> list[str]:
    """Answer the next question box; returns its text (checked by the caller)."""
    seen: list[str] = []

    def respond() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox), box
        seen.append(box.text())
        box.button(answer).click()

    QTimer.singleShot(0, respond)
    return seen


def answer_when_shown(button_text: str) -> list[str]:
    """Press a button in the next message box, whenever it opens (a printout is made in the
    background first); returns the box's text."""
    seen: list[str] = []
    timer = QTimer(QApplication.instance())  # lives until the box is answered

    def respond() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            return
        timer.stop()
        timer.deleteLater()
        seen.append(box.text())
        [button] = [b for b in box.buttons() if b.text() == button_text]
        button.click()

    timer.timeout.connect(respond)
    timer.start(10)
    return seen


def choose_in_next_list(choice: str) -> None:
    """Pick an entry in the next list dialog (the signing responsible)."""

    def respond() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QInputDialog), dialog
        assert choice in dialog.comboBoxItems()
        dialog.setTextValue(choice)
        dialog.accept()

    QTimer.singleShot(0, respond)


def log_in_as(staff_id: str, unit_id: str | None) -> Callable[[], None]:
    """An answer to the login dialog of Byt användare (``unit_id`` None: cancel it), for
    ``QTimer.singleShot``."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, LoginDialog)
        assert dialog.windowTitle() == "Byt användare – Intygsstudio"
        if unit_id is None:
            dialog.reject()
            return
        dialog.select_staff(staff_id)
        dialog.select_unit(unit_id)
        dialog.login_button.click()

    return answer


def sent_fk7804(qtbot: QtBot, window: MainWindow, doctor: UserContext) -> str:
    """A sick-leave certificate for the open patient, signed and sent to FK; returns its id."""
    sign(
        qtbot, window, open_in_editor(window, new_draft(window, doctor, "fk7804", samples.fk7804()))
    )
    answer_next_box("", QMessageBox.StandardButton.Yes)
    press(qtbot, current_editor(window), Action.SEND)
    certificate_id = window.action_controller.certificate_id
    assert certificate_id is not None
    return certificate_id


def signed_in_journal(qtbot: QtBot, window: MainWindow, doctor: UserContext, type_code: str) -> str:
    """A certificate of the type for the open patient, with its sample content, signed; returns
    its id."""
    content = getattr(samples, type_code.replace("-", "_"))()
    draft = new_draft(window, doctor, type_code, content)
    sign(qtbot, window, open_in_editor(window, draft))
    assert current_editor(window).read_only
    return draft


def question_panel(window: MainWindow) -> QuestionPanelWidget:
    """The questions panel beside the open certificate."""
    panel = window.question_controller.panel
    assert panel is not None
    return panel


def simulation_action(window: MainWindow, text: str) -> QAction:
    """The entry of the menu Simulering with this text."""
    found = [a for a in window.simulation_menu.actions() if a.text() == text]
    assert found, [a.text() for a in window.simulation_menu.actions()]
    return found[0]


def open_mina_intyg(window: MainWindow) -> MinaIntygWindow:
    """Simulering → Mina intyg (1177)…"""
    simulation_action(window, "Mina intyg (1177)…").trigger()
    portal = window.simulation_controller.mina_intyg_window
    assert portal is not None and portal.isVisible()
    return portal


def log_in_to_portal(qtbot: QtBot, portal: MinaIntygWindow, person_id: str) -> None:
    """Log in to Mina intyg as the citizen."""
    portal.login_page.choose(person_id)
    click(qtbot, portal.login_page.login_button)


def answer_box(button_text: str) -> None:
    """Press a button of the message box that is about to open."""

    def respond() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox), box
        box_button = next(b for b in box.buttons() if b.text() == button_text)
        box_button.click()

    QTimer.singleShot(0, respond)


def start_exercise(qtbot: QtBot, window: MainWindow, exercise_id: str) -> ExercisePanel:
    """Simulering → Övningar…, choose the exercise, Starta övning, confirm the reset."""
    controller = window.exercise_controller
    assert controller.action in window.simulation_menu.actions()
    assert controller.action.text() == "Övningar…"
    controller.action.trigger()
    dialog = controller.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.select(exercise_id)
    answer_box("Starta övningen")
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    panel = controller.panel
    assert panel is not None and panel.isVisible()
    return panel


def rata(qtbot: QtBot, panel: ExercisePanel) -> list[tuple[bool, str, str]]:
    """Press Rätta; returns each check as (passed, text, the explanation shown)."""
    qtbot.mouseClick(panel.grade_button, Qt.MouseButton.LeftButton)
    return [
        (row.passed, row.text.text(), row.explanation.text() if row.explanation.isVisible() else "")
        for row in panel.rows
    ]


def in_type_dialog(qtbot: QtBot, act: Callable[[TypeChooserDialog], None]) -> list[object]:
    """Run ``act`` on the type dialog once it is open; returns what the dialog showed."""
    seen: list[object] = []

    def drive() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, TypeChooserDialog)
        seen.append(dialog.rows())
        act(dialog)

    QTimer.singleShot(0, drive)
    return seen


def choose_type(qtbot: QtBot, name: str) -> Callable[[TypeChooserDialog], None]:
    """For ``in_type_dialog``: select the type by its name and press the create button."""

    def act(dialog: TypeChooserDialog) -> None:
        code = next(c for c, choice in dialog._choices.items() if choice.name == name)
        dialog.select(code)
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)

    return act


def open_time_travel(window: MainWindow) -> TimeTravelDialog:
    """Simulering → Spola fram tiden…"""
    controller: TimeController = window.time_controller
    assert controller.advance_action in window.simulation_menu.actions()
    controller.advance_action.trigger()
    dialog = controller.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def choose_days(qtbot: QtBot, dialog: TimeTravelDialog, days: int) -> None:
    """Type the number of days to travel forward."""
    dialog.spin.selectAll()
    qtbot.keyClicks(dialog.spin, str(days))


def shown_date(window: MainWindow) -> QLabel:
    """The status bar's label of the simulated date."""
    label = window.statusBar().findChild(QLabel, "simulatedDate")
    assert isinstance(label, QLabel)
    return label
