"""Logging in as with a SITHS card, driven with mouse and keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from models.roles import Role
from models.staff import StaffDirectory
from tests.conftest import DOCTOR, NO_COMMISSION, NURSE, SECRETARY, SJOSTADEN
from widgets.login_dialog import LoginDialog


def _make(qtbot: QtBot, directory: StaffDirectory) -> LoginDialog:
    dialog = LoginDialog(directory)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_lists_every_card_holder_with_role_and_title(
    qtbot: QtBot, directory: StaffDirectory
) -> None:
    dialog = _make(qtbot, directory)
    rows = dialog.rows()
    assert len(rows) == 7
    assert rows[0] == [
        "Karin Berg",
        "Läkare",
        "Distriktsläkare/Specialist allmänmedicin",
        "TSTNMT2321000156-L001",
    ]
    assert ["Maria Lind", "Vårdadministratör", "Administratör, vård", SECRETARY] in rows


def test_doctor_chooses_a_unit_and_logs_in(qtbot: QtBot, directory: StaffDirectory) -> None:
    dialog = _make(qtbot, directory)
    dialog.select_staff(DOCTOR)
    assert dialog.units.isEnabled()
    assert dialog.units.count() == 3
    dialog.select_unit(SJOSTADEN)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.user is not None
    assert dialog.user.unit.name == "Vårdcentralen Sjöstaden"
    assert dialog.user.role is Role.LAKARE


def test_a_single_unit_is_preselected(qtbot: QtBot, directory: StaffDirectory) -> None:
    dialog = _make(qtbot, directory)
    dialog.select_staff(NURSE)
    assert not dialog.units.isEnabled()
    assert dialog.units.currentText().startswith("Testenhet 17")


def test_refused_login_is_explained_and_the_dialog_stays(
    qtbot: QtBot, directory: StaffDirectory
) -> None:
    dialog = _make(qtbot, directory)
    dialog.select_staff(NO_COMMISSION)
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.user is None
    assert "Vård och behandling" in dialog.notice.text()


def test_double_click_logs_in(qtbot: QtBot, directory: StaffDirectory) -> None:
    dialog = _make(qtbot, directory)
    dialog.select_staff(NURSE)
    item = dialog.people.currentItem()
    position = dialog.people.visualItemRect(item).center()
    viewport = dialog.people.viewport()
    with qtbot.waitSignal(dialog.accepted):
        # A real double click starts with a press; QTest's dclick alone lacks it.
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=position)
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=position)
    assert dialog.user is not None and dialog.user.staff.hsa_id == NURSE


def test_cancel_logs_nobody_in(qtbot: QtBot, directory: StaffDirectory) -> None:
    dialog = _make(qtbot, directory)
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.user is None
