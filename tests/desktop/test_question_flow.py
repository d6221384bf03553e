"""Questions with Försäkringskassan through the window: the panel beside a sent certificate."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.main_window import MainWindow
from models.staff import UserContext
from models.workflow.complement import CannotComplementReason
from models.workflow.question_rules import QuestionAction
from tests.desktop.drivers import (
    answer_next_box,
    current_editor,
    open_in_editor,
    question_panel,
    sent_fk7804,
    sign,
    tick,
    type_patient,
)
from tests.models.definitions.types import samples
from widgets.cannot_complement_dialog import CannotComplementDialog

CASEWORKER = "Handläggare Eva"


def _with_sent_fk7804(
    qtbot: QtBot, main_window_for: Callable[[UserContext], MainWindow], doctor: UserContext
) -> tuple[MainWindow, str]:
    """The doctor's window on Tolvan, who has a sick-leave certificate sent to FK (its id)."""
    window = main_window_for(doctor)
    type_patient(qtbot, window, "19121212-1212")
    return window, sent_fk7804(qtbot, window, doctor)


def test_a_complement_request_is_answered_with_a_new_certificate(
    qtbot: QtBot, main_window_for: Callable[[UserContext], MainWindow], doctor: UserContext
) -> None:
    window, certificate = _with_sent_fk7804(qtbot, main_window_for, doctor)
    assert question_panel(window).panel.inactive_reason is None  # sent: questions can be asked
    window.services.lifecycle.fk.send_question(
        CASEWORKER,
        certificate,
        "KOMPLT",
        "Beskriv funktionsnedsättningen närmare.",
        last_date_to_reply=dt.date(2026, 12, 11),
        fields=[("35", "Hur påverkas koncentrationen?")],
    )
    editor = open_in_editor(window, certificate)
    panel = question_panel(window)
    assert panel.isVisible()  # opened: something is unhandled
    assert "Försäkringskassan har begärt komplettering" in editor.status_lines.text()
    assert panel.tabs.tabText(0) == "Kompletteringsbegäran (1)"
    (card,) = panel.cards.values()
    assert card.card.last_date_to_reply == dt.date(2026, 12, 11)
    assert [link.field_id for link in card.card.field_links] == ["35"]
    bar = editor.scroll_area.verticalScrollBar()
    bar.setValue(0)
    panel.field.emit("35")  # the link brings the field into view
    field = editor.fields["35"]
    top = field.mapTo(editor.scroll_area.widget(), field.rect().topLeft()).y()
    assert bar.value() > 0 and bar.value() <= top <= bar.value() + bar.pageStep()

    qtbot.mouseClick(card.buttons[QuestionAction.COMPLEMENT], Qt.MouseButton.LeftButton)
    draft = current_editor(window)
    assert not draft.read_only
    # FK's question stands at the field it names, in the draft.
    assert draft.fields["35"].findings_label.text() == (
        "Försäkringskassan: Hur påverkas koncentrationen?"
    )
    assert draft.content()["35"] == samples.fk7804()["35"]  # everything copied
    sign(qtbot, window, draft)
    signed = current_editor(window)
    assert "Försäkringskassan" in signed.message_bar.text  # sent on signing
    parent = open_in_editor(window, certificate)
    assert "kompletterats" in parent.status_lines.text()
    assert question_panel(window).panel.unhandled == 0


@pytest.mark.parametrize("reason", list(CannotComplementReason))
def test_cannot_complement_with_each_reason(
    qtbot: QtBot,
    main_window_for: Callable[[UserContext], MainWindow],
    doctor: UserContext,
    reason: CannotComplementReason,
) -> None:
    window, certificate = _with_sent_fk7804(qtbot, main_window_for, doctor)
    window.services.lifecycle.fk.send_question(
        CASEWORKER, certificate, "KOMPLT", "Komplettera.", fields=[("17", "Mer om aktiviteter.")]
    )
    open_in_editor(window, certificate)
    (card,) = question_panel(window).cards.values()
    qtbot.mouseClick(card.buttons[QuestionAction.CANNOT_COMPLEMENT], Qt.MouseButton.LeftButton)
    dialog = window.question_controller.dialog
    assert isinstance(dialog, CannotComplementDialog)
    tick(qtbot, dialog.options[reason])
    qtbot.keyClicks(dialog.text, "Patienten har flyttat.")
    qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    if reason is CannotComplementReason.NO_RESPONSIBLE:  # answered with a message
        panel = question_panel(window)
        assert panel.panel.unhandled == 0
        (done,) = panel.cards.values()
        assert done.card.handled
    else:  # a complement draft with the comment in Övriga upplysningar, to sign and send
        draft = current_editor(window)
        assert not draft.read_only and window.action_controller.certificate_id != certificate
        assert "Patienten har flyttat." in draft.content()["25"]


def test_the_care_side_asks_and_fk_answers(
    qtbot: QtBot, main_window_for: Callable[[UserContext], MainWindow], doctor: UserContext
) -> None:
    window, certificate = _with_sent_fk7804(qtbot, main_window_for, doctor)
    open_in_editor(window, certificate)
    panel = question_panel(window)
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    assert panel.subject.itemText(0) == "Välj typ av fråga"
    panel.subject.setCurrentIndex(panel.subject.findData("KONTKT"))
    qtbot.keyClicks(panel.new_text, "Ring mig om planeringen.")
    qtbot.mouseClick(panel.new_send, Qt.MouseButton.LeftButton)
    panel = question_panel(window)
    (asked,) = panel.cards.values()
    assert asked.card.text == "Ring mig om planeringen." and not asked.card.from_fk
    dock = window.work_dock
    qtbot.waitUntil(lambda: [r[2] for r in dock.visible_question_rows()] == ["Skickad fråga"])
    blue = dock.questions_model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "inväntar svar" in blue

    window.services.lifecycle.fk.answer(CASEWORKER, asked.card.id, "Vi ringer på fredag.")
    qtbot.waitUntil(
        lambda: next(iter(question_panel(window).cards.values())).card.answer is not None
    )
    answered = next(iter(question_panel(window).cards.values()))
    assert answered.card.answer is not None and answered.card.answer.title.startswith("Re: ")
    qtbot.waitUntil(lambda: [r[2] for r in dock.visible_question_rows()] == ["Inkommen fråga/svar"])
    box = answered.buttons[QuestionAction.HANDLE]
    tick(qtbot, box)
    assert next(iter(question_panel(window).cards.values())).card.handled
    qtbot.waitUntil(lambda: dock.visible_question_rows() == [])


def test_the_simulation_menu_opens_the_fk_console_with_what_fk_received(
    qtbot: QtBot, main_window_for: Callable[[UserContext], MainWindow], doctor: UserContext
) -> None:
    window, certificate = _with_sent_fk7804(qtbot, main_window_for, doctor)
    window.fk_console_action.trigger()
    console = window.fk_console
    assert console is not None and console.isVisible()
    ids = [
        console.table.item(r, 0).data(Qt.ItemDataRole.UserRole)
        for r in range(console.table.rowCount())
    ]
    assert certificate in ids


def test_the_dock_lists_one_row_per_certificate_until_all_is_handled(
    qtbot: QtBot, main_window_for: Callable[[UserContext], MainWindow], doctor: UserContext
) -> None:
    window, certificate = _with_sent_fk7804(qtbot, main_window_for, doctor)
    fk = window.services.lifecycle.fk
    dock = window.work_dock
    assert dock.visible_question_rows() == []
    for subject in ("KONTKT", "OVRIGT", "AVSTMN"):
        fk.send_question(CASEWORKER, certificate, subject, f"Fråga om {subject}.")
    qtbot.waitUntil(lambda: len(dock.visible_question_rows()) == 1)
    (row,) = dock.visible_question_rows()
    assert row[:4] == [
        "19121212-1212",
        "Tolvan Tolvansson",
        "Inkommen fråga/svar",
        "Läkarintyg för sjukpenning",
    ]
    assert dock.unhandled_questions == 1
    assert dock.windowTitle() == "Mitt/Vårt/Patientens arbete – 1 ej hanterade"
    # Double-click opens the certificate with its questions.
    view = dock.questions
    rect = view.visualRect(dock.questions_model.index(0, 0))
    with qtbot.waitSignal(window.certificate_opened):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    panel = question_panel(window)
    assert panel.isVisible() and panel.tabs.tabText(1) == "Administrativa frågor (3)"
    for card in list(panel.cards.values()):
        tick(qtbot, question_panel(window).cards[card.card.id].buttons[QuestionAction.HANDLE])
    qtbot.waitUntil(lambda: dock.visible_question_rows() == [])
    assert dock.windowTitle() == "Mitt/Vårt/Patientens arbete"


def test_an_answer_autosaves_and_skicka_handles_the_question(
    qtbot: QtBot, main_window_for: Callable[[UserContext], MainWindow], doctor: UserContext
) -> None:
    window, certificate = _with_sent_fk7804(qtbot, main_window_for, doctor)
    fk = window.services.lifecycle.fk
    question = fk.send_question(CASEWORKER, certificate, "KONTKT", "Kan vi ringa dig?")
    open_in_editor(window, certificate)
    card = next(iter(question_panel(window).cards.values()))
    qtbot.mouseClick(card.buttons[QuestionAction.ANSWER], Qt.MouseButton.LeftButton)
    assert card.answer_box is not None
    qtbot.keyClicks(card.answer_box, "Ja, efter klockan 13.")
    questions = window.services.lifecycle.questions

    def stored_draft() -> str | None:
        return next(iter(questions.panel(doctor, certificate).administrative)).draft_text

    qtbot.waitUntil(lambda: stored_draft() == "Ja, efter klockan 13.", timeout=3000)
    card = next(iter(question_panel(window).cards.values()))  # typing goes on in the same box
    assert card.answer_box is not None and card.answer_box.toPlainText() == "Ja, efter klockan 13."
    qtbot.mouseClick(card.send_button, Qt.MouseButton.LeftButton)
    answered = next(iter(questions.panel(doctor, certificate).administrative))
    assert answered.id == question and answered.handled
    assert answered.answer is not None and answered.answer.text == "Ja, efter klockan 13."


def test_marking_a_complement_request_handled_asks_first_and_is_final(
    qtbot: QtBot, main_window_for: Callable[[UserContext], MainWindow], doctor: UserContext
) -> None:
    window, certificate = _with_sent_fk7804(qtbot, main_window_for, doctor)
    window.services.lifecycle.fk.send_question(
        CASEWORKER, certificate, "KOMPLT", "Komplettera.", fields=[("17", "Mer.")]
    )
    open_in_editor(window, certificate)
    card = next(iter(question_panel(window).cards.values()))
    declined = answer_next_box("", QMessageBox.StandardButton.No)
    tick(qtbot, card.buttons[QuestionAction.HANDLE])
    assert declined and not next(iter(question_panel(window).cards.values())).card.handled
    card = next(iter(question_panel(window).cards.values()))
    confirmed = answer_next_box("", QMessageBox.StandardButton.Yes)
    tick(qtbot, card.buttons[QuestionAction.HANDLE])
    assert confirmed
    done = next(iter(question_panel(window).cards.values()))
    assert done.card.handled
    box = done.buttons.get(QuestionAction.UNHANDLE) or done.buttons.get(QuestionAction.HANDLE)
    assert box is None or not box.isEnabled()  # cannot be undone
