"""Ny testpatient: the form, Föreslå, a reservnummer, and the model's refusals shown inline."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from models.clock import FixedClock
from models.reference.patient_id import PatientIdKind, parse
from models.staff import UserContext
from models.store import Store
from models.training.test_patients import TestPatients, skatteverket_test_numbers
from widgets.new_patient_dialog import NewPatientDialog


@pytest.fixture
def dialog(qtbot: QtBot, store: Store, clock: FixedClock, doctor: UserContext) -> NewPatientDialog:
    shown = NewPatientDialog(TestPatients(store, clock), doctor, clock.today())
    qtbot.addWidget(shown)
    shown.show()
    return shown


def _click(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _tick(qtbot: QtBot, box: QWidget) -> None:
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))


def _names(
    qtbot: QtBot, dialog: NewPatientDialog, given: str = "Anna", family: str = "Kurs"
) -> None:
    qtbot.keyClicks(dialog.given_name, given)
    qtbot.keyClicks(dialog.family_name, family)


def test_foreslå_fills_an_unused_test_personnummer_and_skapa_creates_the_patient(
    qtbot: QtBot, dialog: NewPatientDialog, clock: FixedClock
) -> None:
    assert dialog.windowTitle() == "Ny testpatient"
    assert dialog.test_number_choice.isChecked()
    assert dialog.reserve_text.text() == "Ges när patienten skapas (nästa: 99202600-0026)"
    _click(qtbot, dialog.suggest_button)
    first = dialog.person_id.text()
    digits = first.replace("-", "")
    assert digits in skatteverket_test_numbers()
    assert parse(first, clock.today()).kind is PatientIdKind.PERSONNUMMER
    _click(qtbot, dialog.suggest_button)
    assert dialog.person_id.text() not in ("", first)
    dialog.person_id.setText(first)
    _names(qtbot, dialog)
    qtbot.keyClicks(dialog.street, "Kursvagen 1")
    qtbot.keyClicks(dialog.postal_code, "12345")
    qtbot.keyClicks(dialog.city, "Smamala")
    dialog.grab().save("/tmp/new_patient_dialog.png")
    _click(qtbot, dialog.create_button)
    assert dialog.result() == dialog.DialogCode.Accepted
    created = dialog.created
    assert created is not None
    assert (created.person_id, created.name, created.city) == (digits, "Anna Kurs", "Smamala")
    assert not created.deceased and not created.protected_identity
    assert dialog.open_journal.isChecked()


def test_a_reservnummer_and_a_protected_deceased_patient(
    qtbot: QtBot, dialog: NewPatientDialog, clock: FixedClock
) -> None:
    _click(qtbot, dialog.reserve_choice)
    assert not dialog.person_id.isEnabled() and not dialog.suggest_button.isEnabled()
    _names(qtbot, dialog, "Okand", "Kvinna")
    qtbot.keyClicks(dialog.city, "Smamala")
    _tick(qtbot, dialog.protected)
    assert dialog.city.text() == "" and not dialog.city.isEnabled()
    assert not dialog.date_of_death.isEnabled()
    assert dialog.date_of_death.date() == QDate(2026, 11, 27)  # the clock's today
    _tick(qtbot, dialog.deceased)
    assert dialog.date_of_death.isEnabled()
    dialog.date_of_death.setDate(QDate(2026, 11, 25))
    _click(qtbot, dialog.create_button)
    created = dialog.created
    assert created is not None
    assert created.person_id == "992026000026" and created.id_kind is PatientIdKind.RESERVNUMMER
    assert created.protected_identity
    assert created.date_of_death == dt.date(2026, 11, 25)


def test_the_models_refusals_are_shown_at_the_field(
    qtbot: QtBot, dialog: NewPatientDialog, store: Store
) -> None:
    qtbot.keyClicks(dialog.person_id, "19850113-1000")  # valid, but not a test number
    _names(qtbot, dialog)
    _click(qtbot, dialog.create_button)
    assert dialog.isVisible() and dialog.created is None
    assert dialog.error.isVisible()
    assert dialog.error.text().startswith(
        "19850113-1000 är inte ett testpersonnummer från Skatteverket."
    )
    assert dialog.person_id.hasFocus()
    dialog.grab().save("/tmp/new_patient_dialog_error.png")

    dialog.person_id.setText("19850113-9995")
    dialog.family_name.clear()
    _click(qtbot, dialog.create_button)
    assert dialog.error.text() == "Ange patientens efternamn."
    assert dialog.family_name.hasFocus()

    qtbot.keyClicks(dialog.family_name, "Kurs")
    _tick(qtbot, dialog.deceased)
    dialog.date_of_death.setDate(QDate(1980, 1, 1))
    _click(qtbot, dialog.create_button)
    assert dialog.error.text() == ("Dödsdatumet kan inte ligga före födelsedatumet (1985-01-13).")
    dialog.person_id.setText("19800113-9297")  # Erik Sandberg, seeded
    _tick(qtbot, dialog.deceased)
    _click(qtbot, dialog.create_button)
    assert "Det finns redan en patient med personnummer 19800113-9297" in dialog.error.text()
    assert dialog.created is None


def test_avbryt_creates_nothing(qtbot: QtBot, dialog: NewPatientDialog) -> None:
    _click(qtbot, dialog.suggest_button)
    _names(qtbot, dialog)
    _click(qtbot, dialog.cancel_button)
    assert dialog.result() == dialog.DialogCode.Rejected and dialog.created is None
