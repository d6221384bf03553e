"""The SITHS PIN dialog and the Makulera dialog, driven with keys and clicks."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from models.workflow.revoking import MAX_MESSAGE, RevokeReason
from widgets.revoke_dialog import RevokeDialog
from widgets.signing_dialog import SigningDialog

INFO = "Intyget har skickats till Försäkringskassan, som informeras."


def _signing(qtbot: QtBot) -> SigningDialog:
    dialog = SigningDialog("Karin Berg", "TSTNMT2321000156-L001", lambda pin: pin == "1234")
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


def _enter(qtbot: QtBot, dialog: SigningDialog, pin: str) -> None:
    qtbot.keyClicks(dialog.pin, pin)
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)


def test_the_right_pin_signs(qtbot: QtBot) -> None:
    dialog = _signing(qtbot)
    assert dialog.holder.text() == "Karin Berg"
    assert dialog.pin.echoMode() == dialog.pin.EchoMode.Password
    _enter(qtbot, dialog, "1234")
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_a_wrong_pin_says_how_many_tries_are_left_and_three_cancel(qtbot: QtBot) -> None:
    dialog = _signing(qtbot)
    _enter(qtbot, dialog, "0000")
    assert dialog.isVisible() and dialog.pin.text() == ""
    assert dialog.message.text() == "Fel PIN-kod. Du har 2 försök kvar."
    _enter(qtbot, dialog, "1111")
    assert dialog.message.text() == "Fel PIN-kod. Du har ett försök kvar."
    _enter(qtbot, dialog, "2222")
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()
    assert dialog.message.text().startswith("Fel PIN-kod tre gånger. Signeringen avbröts")


def _click(qtbot: QtBot, button: object) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(6, button.height() // 2))  # type: ignore[attr-defined]


def test_revoking_for_a_wrong_patient_needs_no_text(qtbot: QtBot) -> None:
    dialog = RevokeDialog("fk7804", INFO)
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.info.text() == INFO
    assert not dialog.confirm.isEnabled()  # no reason chosen yet
    _click(qtbot, dialog.wrong_patient)
    assert dialog.confirm.isEnabled()
    qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    assert (dialog.reason, dialog.text) == (RevokeReason.FEL_PATIENT, "")


def test_another_serious_error_needs_a_text_within_the_limit(qtbot: QtBot) -> None:
    dialog = RevokeDialog("fk7804", INFO)
    qtbot.addWidget(dialog)
    dialog.open()
    _click(qtbot, dialog.other_error)
    assert not dialog.confirm.isEnabled()
    assert dialog.hint.text() == "Beskriv felet för att kunna makulera."
    dialog.clarification.setPlainText("x" * (MAX_MESSAGE + 1))
    assert not dialog.confirm.isEnabled()
    assert dialog.hint.text() == "Texten är 3501 tecken; högst 3500 får plats."
    dialog.clarification.clear()
    qtbot.keyClicks(dialog.clarification, "Fel diagnos angiven.")
    assert dialog.confirm.isEnabled()
    qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    expected = (RevokeReason.ANNAT_ALLVARLIGT_FEL, "Fel diagnos angiven.")
    assert (dialog.reason, dialog.text) == expected


def test_a_locked_draft_and_a_death_certificate_have_their_own_wording(qtbot: QtBot) -> None:
    locked = RevokeDialog("fk7804", "Kopiera i stället.", locked_draft=True)
    qtbot.addWidget(locked)
    assert locked.windowTitle() == "Makulera utkast"
    assert locked.wrong_patient.text() == "Utkastet har skapats på fel patient"
    death = RevokeDialog("db", "Ring Skatteverket först.")
    qtbot.addWidget(death)
    death.open()
    assert "Ring Skatteverket" in death.info.text()
    assert death.wrong_patient.isHidden() and death.confirm.isEnabled()
    qtbot.mouseClick(death.confirm, Qt.MouseButton.LeftButton)
    assert death.reason is None
