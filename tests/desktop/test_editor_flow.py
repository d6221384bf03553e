"""The form editor in the main window: live rules, help, what is missing, autosave, conflicts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QRadioButton
from pytestqt.qtbot import QtBot

from desktop.main_window import MainWindow
from models.patients import PatientService
from models.staff import StaffDirectory, UserContext
from models.store import Store
from models.workflow.actions import Action
from models.workflow.certificates import CertificateService
from models.workflow.drafts import DraftService
from tests.conftest import SECRETARY, TESTENHET_17
from tests.desktop.drivers import type_patient
from widgets.editor.form_editor import FormEditor

GRETA = "19400107-9120"


@pytest.fixture
def db_editor(
    qtbot: QtBot,
    main_window_for: Callable[[UserContext], MainWindow],
    doctor: UserContext,
    certificates: CertificateService,
    patients: PatientService,
) -> tuple[MainWindow, FormEditor, str]:
    window = main_window_for(doctor)
    type_patient(qtbot, window, GRETA)
    assert window.patient is not None
    row = certificates.create_draft(doctor, window.patient, "db")
    with qtbot.waitSignal(window.certificate_opened):
        window.controller.open_certificate(row.id)
    editor = window.editor_controller.editor
    assert editor is not None
    return window, editor, row.id


def radio(editor: FormEditor, field_id: str, label: str) -> QRadioButton:
    for button in editor.fields[field_id].findChildren(QRadioButton):
        if button.text() == label:
            return button
    raise LookupError(label)


def line(editor: FormEditor, field_id: str) -> QLineEdit:
    found = editor.fields[field_id].findChild(QLineEdit)
    assert found is not None
    return found


def test_the_editor_opens_with_header_and_status(db_editor: Any) -> None:
    window, editor, _id = db_editor
    assert window.editor_area.currentWidget() is editor
    assert editor.title.text() == "Dödsbevis (DB)"
    assert editor.patient.text() == "19400107-9120  Greta Lindqvist"
    assert editor.status.text() == "Obligatoriska uppgifter saknas"
    # Errors are not shown before the user asks what is missing.
    assert all(widget.findings_text == "" for widget in editor.fields.values())


def test_fields_appear_as_the_user_answers(qtbot: QtBot, db_editor: Any) -> None:
    _window, editor, _id = db_editor
    assert editor.fields["2.2"].isHidden() and editor.fields["2.2.1"].isHidden()
    qtbot.mouseClick(radio(editor, "2", "Säkert"), Qt.MouseButton.LeftButton)
    assert not editor.fields["2.2"].isHidden() and editor.fields["2.3"].isHidden()
    qtbot.mouseClick(radio(editor, "2", "Ej säkert"), Qt.MouseButton.LeftButton)
    assert editor.fields["2.2"].isHidden()
    assert not editor.fields["2.2.1"].isHidden() and not editor.fields["2.3"].isHidden()


def test_help_expands_and_collapses(qtbot: QtBot, db_editor: Any) -> None:
    _window, editor, _id = db_editor
    field = editor.fields["2"]
    assert field.help_button is not None and field.help_label.isHidden()
    qtbot.mouseClick(field.help_button, Qt.MouseButton.LeftButton)
    assert not field.help_label.isHidden()
    assert field.help_label.text().startswith("Välj Säkert")
    qtbot.mouseClick(field.help_button, Qt.MouseButton.LeftButton)
    assert field.help_label.isHidden()


def test_visa_vad_som_saknas_lists_and_jumps(qtbot: QtBot, db_editor: Any) -> None:
    _window, editor, _id = db_editor
    qtbot.mouseClick(editor.show_missing_button, Qt.MouseButton.LeftButton)
    first = editor.missing.item(0).text()
    assert first == "Kompletterande patientuppgifter: Identiteten styrkt genom – Ange ett svar."
    assert editor.fields["1"].findings_text == "Ange ett svar."
    target = next(
        editor.missing.item(i)
        for i in range(editor.missing.count())
        if "Kommun" in editor.missing.item(i).text()
    )
    editor.missing.itemActivated.emit(target)
    assert QApplication.focusWidget() is line(editor, "3.1")


def test_typing_is_saved_and_reopened(
    qtbot: QtBot, db_editor: Any, certificates: CertificateService, doctor: UserContext
) -> None:
    window, editor, certificate_id = db_editor
    field = line(editor, "1")
    field.setFocus()
    with qtbot.waitSignal(window.editor_controller.saved, timeout=3000):
        qtbot.keyClicks(field, "Svenskt korkort")
    assert editor.save_state.text() == "Utkastet är sparat"
    assert certificates.open_certificate(doctor, certificate_id).content["1"] == "Svenskt korkort"
    assert certificates.get_row(certificate_id).status_text == "Utkast"
    window.controller.open_certificate(certificate_id)
    reopened = window.editor_controller.editor
    assert reopened is not None and line(reopened, "1").text() == "Svenskt korkort"


def test_a_conflicting_save_keeps_what_the_user_typed(
    qtbot: QtBot,
    db_editor: Any,
    certificates: CertificateService,
    directory: StaffDirectory,
    store: Store,
    bus: Any,
    clock: Any,
) -> None:
    window, editor, certificate_id = db_editor
    secretary = directory.login(SECRETARY, TESTENHET_17)
    detail = certificates.open_certificate(secretary, certificate_id)
    DraftService(store, certificates._clock, certificates.definitions, bus).save(
        secretary, certificate_id, {**detail.content, "1": "Pass"}, detail.version
    )
    field = line(editor, "1")
    field.setFocus()
    qtbot.keyClicks(field, "ID-kort")
    window.editor_controller.flush()
    assert editor.message_bar.text.startswith(
        "Utkastet har ändrats av en annan användare (Maria Lind)"
    )
    assert line(editor, "1").text() == "Pass"
    assert "ID-kort" in editor.conflict_box.toPlainText()


def test_radera_utkast_after_confirmation(
    qtbot: QtBot, db_editor: Any, certificates: CertificateService
) -> None:
    window, editor, _id = db_editor

    def confirm() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        assert "tas det bort från Webcert" in box.text()
        box.button(QMessageBox.StandardButton.Yes).click()

    QTimer.singleShot(0, confirm)
    qtbot.mouseClick(editor.action_bar.buttons[Action.DELETE], Qt.MouseButton.LeftButton)
    assert window.editor_controller.editor is None
    assert window.editor_area.currentWidget() is window.certificate_list
    qtbot.waitUntil(lambda: window.certificate_list.visible_rows() == [])


def test_a_doctor_fills_a_complete_sick_leave_certificate_with_keys_and_clicks(
    qtbot: QtBot,
    main_window_for: Callable[[UserContext], MainWindow],
    doctor: UserContext,
    certificates: CertificateService,
) -> None:
    """FK7804 from "Tomt utkast" to "Klart att signera", through the widgets only."""
    from PySide6.QtWidgets import QCheckBox, QPlainTextEdit

    window = main_window_for(doctor)
    type_patient(qtbot, window, "19121212-1212")
    assert window.patient is not None
    row = certificates.create_draft(doctor, window.patient, "fk7804")
    window.controller.open_certificate(row.id)
    editor = window.editor_controller.editor
    assert editor is not None and editor.status.text() == "Obligatoriska uppgifter saknas"

    def click(widget: Any) -> None:
        # On the box or button itself (a check box's row is wider than what it reacts to).
        from PySide6.QtCore import QPoint

        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(6, widget.height() // 2))

    def write(widget: Any, text: str) -> None:
        widget.setFocus()
        qtbot.keyClicks(widget, text)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)

    basis = editor.fields["1"]
    click(basis.boxes["FYSISKUNDERSOKNING"])  # type: ignore[attr-defined]
    write(basis.dates["FYSISKUNDERSOKNING"].line, "261127")  # type: ignore[attr-defined]
    click(editor.fields["28"].boxes["NUVARANDE_ARBETE"])  # type: ignore[attr-defined]
    write(editor.fields["29"].findChild(QPlainTextEdit), "Underskoterska inom hemtjansten.")
    diagnosis = editor.fields["6"].rows[0]  # type: ignore[attr-defined]
    write(diagnosis.code, "F32.1")
    write(diagnosis.text, "Medelsvar depressiv episod")
    write(
        editor.fields["35"].findChild(QPlainTextEdit), "Nedstamdhet och koncentrationssvarigheter."
    )
    write(editor.fields["17"].findChild(QPlainTextEdit), "Klarar inte att planera sitt arbete.")
    period = editor.fields["32"].rows["HELT_NEDSATT"]  # type: ignore[attr-defined]
    click(period.check)
    write(period.end.line, "4v")
    click(
        radio(editor, "39", next(b.text() for b in editor.fields["39"].findChildren(QRadioButton)))
    )
    assert editor.status.text() == "Klart att signera", [
        (f.field_id, f.message) for f in editor.findings if f.severity == "error"
    ]
    assert isinstance(editor.fields["27"].findChild(QCheckBox), QCheckBox)
    window.editor_controller.flush()
    stored = certificates.open_certificate(doctor, row.id).content
    assert stored["6"] == [{"code": "F32.1", "text": "Medelsvar depressiv episod"}]
    assert stored["32"] == {"HELT_NEDSATT": {"from": "2026-11-27", "to": "2026-12-24"}}
    assert stored["1"] == {"FYSISKUNDERSOKNING": "2026-11-27"}
    # A partial degree brings question 33 into view, and with it a new requirement.
    click(editor.fields["32"].rows["HALFTEN"].check)  # type: ignore[attr-defined]
    assert not editor.fields["33"].isHidden()
    assert editor.status.text() == "Obligatoriska uppgifter saknas"
    # Ticking smittbärarpenning hides most of the form.
    click(editor.fields["27"].findChild(QCheckBox))
    assert editor.fields["1"].isHidden() and editor.fields["35"].isHidden()
    assert editor.sections["KAT_2"].isHidden()
