"""The lifecycle through the main window, as its users would go through it: the action bar
shows what the rules allow, and each button asks what Webcert asks before it acts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from desktop.main_window import MainWindow
from models.staff import StaffDirectory, UserContext
from models.store import Store
from models.store.schema import Certificate
from models.workflow.actions import Action
from tests.conftest import SECRETARY, TESTENHET_17
from tests.desktop.drivers import (
    answer_next_box,
    choose_in_next_list,
    current_editor,
    listed,
    new_draft,
    open_in_editor,
    press,
    sign,
    tick,
    type_patient,
)
from tests.models.definitions.types import samples
from widgets.revoke_dialog import RevokeDialog
from widgets.signing_dialog import SigningDialog

TOLVAN = "19121212-1212"
GRETA = "19400107-9120"  # deceased


def _listed_status(window: MainWindow) -> str | None:
    return listed(window, 2)


def test_a_doctor_signs_and_sends_a_sick_leave_certificate(
    qtbot: QtBot, main_window_for: Callable[[UserContext], MainWindow], doctor: UserContext
) -> None:
    window = main_window_for(doctor)
    type_patient(qtbot, window, TOLVAN)
    draft = new_draft(window, doctor, "fk7804", samples.fk7804())
    editor = open_in_editor(window, draft)
    assert not editor.read_only
    assert editor.action_bar.labels()[0] == "Signera intyget"
    assert "Radera utkast" in editor.action_bar.labels()
    assert "Skicka till Försäkringskassan" not in editor.action_bar.labels()

    sign(qtbot, window, editor)
    signed = current_editor(window)
    assert signed is not editor and signed.read_only
    assert signed.message_bar.text == "Intyget är signerat."
    qtbot.waitUntil(lambda: _listed_status(window) == "Signerad")
    assert "Intyget är signerat" in signed.status_lines.text()
    assert not signed.fields["25"].input.isEnabled()  # the answers are shown, not editable
    labels = signed.action_bar.labels()
    assert labels[:3] == ["Skicka till Försäkringskassan", "Skriv ut", "Förnya"]
    assert "Radera utkast" not in labels and "Signera intyget" not in labels

    seen = answer_next_box("samtyck", QMessageBox.StandardButton.Yes)
    press(qtbot, signed, Action.SEND)
    assert "samtyck" in seen[0]
    sent = current_editor(window)
    assert sent.message_bar.text == "Intyget är skickat till Försäkringskassan."
    assert "Intyget är skickat till Försäkringskassan" in sent.status_lines.text()
    send = sent.action_bar.buttons.get(Action.SEND)
    assert send is None or not send.isEnabled()
    qtbot.waitUntil(lambda: listed(window, 4) == "Försäkringskassan")


def test_an_incomplete_draft_is_not_signed_and_the_missing_list_opens(
    qtbot: QtBot, main_window_for: Callable[[UserContext], MainWindow], doctor: UserContext
) -> None:
    window = main_window_for(doctor)
    type_patient(qtbot, window, TOLVAN)
    content = samples.fk7804()
    del content["35"]
    editor = open_in_editor(window, new_draft(window, doctor, "fk7804", content))
    press(qtbot, editor, Action.SIGN)
    assert window.action_controller.dialog is None  # no card asked for
    assert editor.message_bar.text.startswith("Utkastet saknar uppgifter i följande avsnitt:")
    assert "Funktionsnedsättning" in editor.message_bar.text
    assert editor.missing.isVisible()


def test_three_wrong_pins_cancel_and_the_draft_stays(
    qtbot: QtBot, main_window_for: Callable[[UserContext], MainWindow], doctor: UserContext
) -> None:
    window = main_window_for(doctor)
    type_patient(qtbot, window, TOLVAN)
    draft = new_draft(window, doctor, "fk7804", samples.fk7804())
    editor = open_in_editor(window, draft)
    press(qtbot, editor, Action.SIGN)
    dialog = window.action_controller.dialog
    assert isinstance(dialog, SigningDialog)
    for pin in ("1111", "2222", "3333"):
        qtbot.keyClicks(dialog.pin, pin)
        qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert current_editor(window) is editor and not editor.read_only
    assert window.services.certificates.get_row(draft).status == "DRAFT"


def test_an_administrator_marks_ready_and_the_doctor_signs_from_att_skicka(
    qtbot: QtBot,
    main_window_for: Callable[[UserContext], MainWindow],
    doctor: UserContext,
    directory: StaffDirectory,
) -> None:
    secretary = directory.login(SECRETARY, TESTENHET_17)
    window = main_window_for(secretary)
    type_patient(qtbot, window, TOLVAN)
    draft = new_draft(window, secretary, "fk7804", samples.fk7804())
    editor = open_in_editor(window, draft)
    sign_button = editor.action_bar.buttons[Action.SIGN]  # greyed out, saying why
    assert not sign_button.isEnabled()
    assert sign_button.toolTip() == "Endast läkare och tandläkare kan signera intyg."
    choose_in_next_list("Karin Berg (Läkare)")
    press(qtbot, editor, Action.MARK_READY)
    marked = current_editor(window)
    assert "markerat klart för signering" in marked.status_lines.text()
    assert not marked.action_bar.buttons[Action.MARK_READY].isEnabled()
    window.close()

    doctors = main_window_for(doctor)
    dock = doctors.work_dock
    qtbot.waitUntil(lambda: len(dock.visible_rows()) >= 1)
    rows = dock.visible_rows()
    assert [r[0] for r in rows] == ["19121212-1212 Tolvan Tolvansson"]
    view = dock.to_send
    rect = view.visualRect(dock.to_send_model.index(0, 0))
    with qtbot.waitSignal(doctors.certificate_opened):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    sign(qtbot, doctors, current_editor(doctors))
    assert current_editor(doctors).read_only
    # Still to be sent: "Att skicka" now lists it as signed.
    qtbot.waitUntil(lambda: [r[2] for r in dock.visible_rows()] == ["Signerad"])


def test_a_draft_locks_after_fourteen_days_and_is_copied(
    qtbot: QtBot,
    main_window_for: Callable[[UserContext], MainWindow],
    doctor: UserContext,
    clock: Any,
) -> None:
    window = main_window_for(doctor)
    type_patient(qtbot, window, TOLVAN)
    content = samples.fk7804()
    draft = new_draft(window, doctor, "fk7804", content)
    clock.advance(dt.timedelta(days=14))  # day D+14: still open
    assert window.lock_sweeper.sweep() == []
    # Day D+15: the window follows the clock and sweeps at once (as Spola fram tiden does).
    with qtbot.waitSignal(window.lock_sweeper.locked) as swept:
        clock.advance(dt.timedelta(days=1))
    assert swept.args == [[draft]]
    qtbot.waitUntil(lambda: _listed_status(window) == "Låst utkast")
    locked = open_in_editor(window, draft)
    assert locked.read_only
    assert locked.status_lines.text().startswith("Utkastet är låst.")
    assert set(locked.action_bar.labels()) == {"Skriv ut", "Kopiera", "Makulera"}

    seen = answer_next_box("", QMessageBox.StandardButton.Yes)
    press(qtbot, locked, Action.COPY)
    assert "Det låsta utkastet finns kvar" in seen[0]
    copy = current_editor(window)
    copy_id = window.action_controller.certificate_id
    assert copy_id != draft and not copy.read_only
    assert copy.content()["35"] == content["35"]
    # A second press continues to the same copy.
    open_in_editor(window, draft)
    press(qtbot, current_editor(window), Action.COPY)
    assert window.action_controller.certificate_id == copy_id


def _revoke(qtbot: QtBot, window: MainWindow, reason: str, text: str) -> RevokeDialog:
    press(qtbot, current_editor(window), Action.REVOKE)
    dialog = window.action_controller.dialog
    assert isinstance(dialog, RevokeDialog)
    button = dialog.wrong_patient if reason == "wrong" else dialog.other_error
    tick(qtbot, button)
    if text:
        qtbot.keyClicks(dialog.clarification, text)
    qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    return dialog


def test_revoke_with_each_reason(
    qtbot: QtBot,
    main_window_for: Callable[[UserContext], MainWindow],
    doctor: UserContext,
    store: Store,
) -> None:
    window = main_window_for(doctor)
    type_patient(qtbot, window, TOLVAN)
    for reason, text in (("wrong", ""), ("other", "Fel diagnos angiven.")):
        editor = open_in_editor(window, new_draft(window, doctor, "ag114", samples.ag114()))
        sign(qtbot, window, editor)
        certificate_id = window.action_controller.certificate_id
        assert certificate_id is not None
        dialog = _revoke(qtbot, window, reason, text)
        assert "Andra ändringar görs med Ersätt" in dialog.info.text()
        revoked = current_editor(window)
        assert revoked.status_lines.text().startswith("<span")  # a warning line
        assert "Intyget är makulerat" in revoked.status_lines.text()
        assert revoked.action_bar.labels() == []
        with store.session() as session:
            stored = session.get(Certificate, certificate_id)
            assert stored is not None and stored.status == "REVOKED"
            assert (stored.revoke_reason, stored.revoke_message) == (
                ("FEL_PATIENT", None) if reason == "wrong" else ("ANNAT_ALLVARLIGT_FEL", text)
            )


def test_replace_and_renew_carry_the_right_fields(
    qtbot: QtBot, main_window_for: Callable[[UserContext], MainWindow], doctor: UserContext
) -> None:
    window = main_window_for(doctor)
    type_patient(qtbot, window, TOLVAN)
    content = samples.fk7804()
    sign(qtbot, window, open_in_editor(window, new_draft(window, doctor, "fk7804", content)))
    original = window.action_controller.certificate_id
    assert original is not None

    answer_next_box("", QMessageBox.StandardButton.Yes)
    press(qtbot, current_editor(window), Action.RENEW)
    renewal = current_editor(window)
    assert not renewal.read_only
    assert renewal.content()["6"] == content["6"] and renewal.content()["35"] == content["35"]
    assert "32" not in renewal.content() and "1" not in renewal.content()  # filled in anew
    assert renewal.message_bar.text.startswith(
        "Det föregående intyget angav nedsatt arbetsförmåga till och med 2027-01-10"
    )

    open_in_editor(window, original)
    answer_next_box("", QMessageBox.StandardButton.Yes)
    press(qtbot, current_editor(window), Action.REPLACE)
    replacement = current_editor(window)
    replacement_id = window.action_controller.certificate_id
    assert (
        replacement.content()["32"] == content["32"] and replacement.content()["1"] == content["1"]
    )
    # The original now says a replacement is under way, and Ersätt continues to it.
    parent = open_in_editor(window, original)
    assert "Det finns redan ett påbörjat utkast som ska ersätta detta intyg" in (
        parent.status_lines.text()
    )
    press(qtbot, parent, Action.REPLACE)
    assert window.action_controller.certificate_id == replacement_id
    sign(qtbot, window, current_editor(window))
    replaced = open_in_editor(window, original)
    assert "Intyget har ersatts av" in replaced.status_lines.text()
    assert Action.REPLACE not in replaced.action_bar.buttons or not (
        replaced.action_bar.buttons[Action.REPLACE].isEnabled()
    )


def test_a_death_certificate_is_signed_and_sent_and_a_doi_follows(
    qtbot: QtBot, main_window_for: Callable[[UserContext], MainWindow], doctor: UserContext
) -> None:
    window = main_window_for(doctor)
    type_patient(qtbot, window, GRETA)
    editor = open_in_editor(window, new_draft(window, doctor, "db", samples.db_uncertain()))
    assert editor.action_bar.labels()[0] == "Signera och skicka"
    sign(qtbot, window, editor)
    sent = current_editor(window)
    assert sent.message_bar.text == "Intyget är signerat och skickat till Skatteverket."
    assert "Intyget är skickat till Skatteverket" in sent.status_lines.text()
    press(qtbot, sent, Action.CREATE_FROM)
    doi = current_editor(window)
    assert doi.definition.code == "doi" and not doi.read_only
    assert doi.content()["3.1"] == "Växjö"  # carried from the DB


def test_a_db_with_reason_for_a_police_report_is_not_sent(
    qtbot: QtBot, main_window_for: Callable[[UserContext], MainWindow], doctor: UserContext
) -> None:
    window = main_window_for(doctor)
    type_patient(qtbot, window, GRETA)
    content = {**samples.db_uncertain(), "7": True}
    offered = answer_next_box("", QMessageBox.StandardButton.No)  # print later
    sign(qtbot, window, open_in_editor(window, new_draft(window, doctor, "db", content)))
    assert offered and offered[0].endswith("Vill du skriva ut nu?")
    signed = current_editor(window)
    assert "Polismyndigheten" in signed.message_bar.text
    assert "skickat" not in signed.status_lines.text()


def test_a_tampered_signed_certificate_is_reported_when_opened(
    qtbot: QtBot,
    main_window_for: Callable[[UserContext], MainWindow],
    doctor: UserContext,
    store: Store,
) -> None:
    window = main_window_for(doctor)
    type_patient(qtbot, window, TOLVAN)
    sign(qtbot, window, open_in_editor(window, new_draft(window, doctor, "ag114", samples.ag114())))
    certificate_id = window.action_controller.certificate_id
    content = {**samples.ag114(), "25": "Ändrat i databasen efteråt."}
    with store.transaction() as session:  # behind the app's back, as a tamperer would
        session.execute(
            update(Certificate).where(Certificate.id == certificate_id).values(content=content)
        )
    assert certificate_id is not None
    opened = open_in_editor(window, certificate_id)
    assert "stämmer inte" in opened.message_bar.text
