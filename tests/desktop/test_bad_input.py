"""Bad input in the fk7804 editor: a clear message at the field, nothing else lost, and what is
stored is what the user typed, for the rules to report (or the keystroke is refused, saying so).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QRadioButton
from pytestqt.qtbot import QtBot

from desktop.main_window import MainWindow
from models.staff import UserContext
from models.workflow.certificates import CertificateService
from tests.desktop.drivers import new_draft, open_in_editor, tick, type_patient, write


@pytest.fixture
def opened(
    qtbot: QtBot,
    main_window_for: Callable[[UserContext], MainWindow],
    doctor: UserContext,
    certificates: CertificateService,
) -> tuple[MainWindow, Any, str]:
    window = main_window_for(doctor)
    type_patient(qtbot, window, "19121212-1212")
    draft = new_draft(window, doctor, "fk7804")
    return window, open_in_editor(window, draft), draft


def _stored(
    window: MainWindow, certificates: CertificateService, doctor: UserContext, row: str
) -> dict[str, Any]:
    window.editor_controller.flush()
    return certificates.open_certificate(doctor, row).content


def test_an_impossible_date_is_kept_and_reported_when_the_field_is_left(
    qtbot: QtBot, opened: Any, certificates: CertificateService, doctor: UserContext
) -> None:
    window, editor, row = opened
    write(qtbot, editor.fields["25"].findChild(QPlainTextEdit), "Annat att tillagga.")
    basis = editor.fields["1"]
    box = basis.boxes["FYSISKUNDERSOKNING"]
    tick(qtbot, box)
    line = basis.dates["FYSISKUNDERSOKNING"].line
    line.setFocus()
    qtbot.keyClicks(line, "2026-02-30")
    assert basis.findings_label.isHidden()  # not while the user is still typing
    qtbot.keyClick(line, Qt.Key.Key_Tab)
    assert basis.findings_label.isVisible()
    assert basis.findings_label.text() == "Ange ett giltigt datum (ÅÅÅÅ-MM-DD)."
    # Missing answers elsewhere are still not shown: only what was typed wrong.
    assert editor.fields["35"].findings_label.isHidden()
    stored = _stored(window, certificates, doctor, row)
    assert stored["1"] == {"FYSISKUNDERSOKNING": "2026-02-30"}
    assert stored["25"] == "Annat att tillagga."
    assert editor.status.text() == "Obligatoriska uppgifter saknas"


def test_letters_in_a_number_field_are_refused_with_a_message(
    qtbot: QtBot, opened: Any, certificates: CertificateService, doctor: UserContext
) -> None:
    window, editor, row = opened
    choice = next(
        b
        for b in editor.fields["39"].findChildren(QRadioButton)
        if b.text().endswith("efter angiven tid")
    )
    tick(qtbot, choice)
    months = editor.fields["39.4"]
    assert months.isVisible()
    months.line.setFocus()
    qtbot.keyClicks(months.line, "tre")
    assert months.line.text() == ""
    assert months.findings_label.text() == "Ange ett heltal med siffror (0–9)."
    qtbot.keyClicks(months.line, "3")
    assert months.findings_label.isHidden()  # the hint goes with the next accepted key
    qtbot.keyClicks(months.line, "00")
    qtbot.keyClick(months.line, Qt.Key.Key_Tab)
    assert months.findings_label.text() == "Ange ett värde mellan 1-99."
    assert _stored(window, certificates, doctor, row)["39.4"] == 300


def test_a_pasted_text_of_100000_characters_is_kept_and_reported(
    qtbot: QtBot, opened: Any, certificates: CertificateService, doctor: UserContext
) -> None:
    window, editor, row = opened
    write(qtbot, editor.fields["6"].rows[0].code, "J20")
    other = editor.fields["25"]
    text = ("Lang text. " * 10_000)[:100_000]
    QApplication.clipboard().setText(text)
    box = other.findChild(QPlainTextEdit)
    box.setFocus()
    qtbot.keySequence(box, QKeySequence.StandardKey.Paste)
    assert other.counter.text() == "100000 av 4000 tecken"
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    assert other.findings_label.text() == "Ange en text som inte är längre än 4000 tecken."
    stored = _stored(window, certificates, doctor, row)
    assert len(stored["25"]) == 100_000 and stored["25"] == text
    assert stored["6"] == [{"code": "J20", "text": ""}]  # the rest of the form is intact


def test_an_unknown_diagnosis_code_is_reported_at_the_field(
    qtbot: QtBot, opened: Any, certificates: CertificateService, doctor: UserContext
) -> None:
    window, editor, row = opened
    diagnosis = editor.fields["6"]
    write(qtbot, diagnosis.rows[0].code, "X99.9")
    write(qtbot, diagnosis.rows[0].text, "Pahittad")
    # Tab went on to the next row's code box: the field waits while the user types in it.
    assert diagnosis.findings_label.isHidden()
    editor.fields["25"].findChild(QPlainTextEdit).setFocus()  # on to another question
    assert diagnosis.findings_label.text() == "Diagnoskod är ej giltig."
    assert _stored(window, certificates, doctor, row)["6"] == [
        {"code": "X99.9", "text": "Pahittad"}
    ]
