"""Nytt → Intyg via Webcert, the certificate table and the work dock, driven like a user."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.main_window import MainWindow
from models.patients import PatientService
from models.staff import StaffDirectory, UserContext
from models.store import Store
from models.workflow.certificates import CertificateService
from tests.conftest import (
    AKUTEN,
    DENTIST,
    DOCTOR,
    DOCTOR_WITHOUT_WEBCERT,
    SJOSTADEN,
    TESTENHET_17,
    TOLVAN,
)
from tests.desktop.drivers import choose_type, in_type_dialog, type_patient
from widgets.type_chooser_dialog import TypeChooserDialog

MakeWindow = Callable[[UserContext], MainWindow]


@pytest.fixture
def make_window(main_window_for: MakeWindow) -> MakeWindow:
    return main_window_for


def cancel(dialog: TypeChooserDialog) -> None:
    dialog.reject()


def test_creating_a_sick_leave_certificate(
    qtbot: QtBot, make_window: MakeWindow, doctor: UserContext
) -> None:
    window = make_window(doctor)
    type_patient(qtbot, window, "19121212-1212")
    assert window.editor_area.currentWidget() is window.certificate_list
    assert window.certificate_list.visible_rows() == []
    assert window.new_certificate_action.isEnabled()
    seen = in_type_dialog(qtbot, choose_type(qtbot, "Läkarintyg för sjukpenning"))
    with qtbot.waitSignal(window.certificate_opened):
        window.new_certificate_action.trigger()
    rows = seen[0]
    assert isinstance(rows, list) and len(rows) == 10
    assert rows[0] == ("Läkarintyg för sjukpenning", "Försäkringskassan", "Ja", "")
    assert rows[8] == (
        "Dödsbevis",
        "Skatteverket",
        "Nej",
        "Patienten är inte registrerad som avliden.",
    )
    assert window.certificate_list.visible_rows() == [
        ["2026-11-27 09:30", "Läkarintyg för sjukpenning", "Tomt utkast", "Testenhet 17", ""]
    ]
    # The new draft opens in the form editor.
    editor = window.editor_controller.editor
    assert editor is not None and window.editor_area.currentWidget() is editor
    assert editor.title.text() == "Läkarintyg för sjukpenning (FK7804)"
    assert editor.status.text() == "Obligatoriska uppgifter saknas"


def test_avbryt_stores_nothing(qtbot: QtBot, make_window: MakeWindow, doctor: UserContext) -> None:
    window = make_window(doctor)
    type_patient(qtbot, window, "191212121212")
    in_type_dialog(qtbot, cancel)
    window.new_certificate_action.trigger()
    assert window.certificate_list.visible_rows() == []


def test_a_second_death_certificate_is_shown_disabled(
    qtbot: QtBot, make_window: MakeWindow, doctor: UserContext
) -> None:
    window = make_window(doctor)
    type_patient(qtbot, window, "19400107-9120")
    in_type_dialog(qtbot, choose_type(qtbot, "Dödsbevis"))
    window.new_certificate_action.trigger()
    seen = in_type_dialog(qtbot, cancel)
    window.new_certificate_action.trigger()
    rows = {name: reason for name, _recipient, _mina, reason in seen[0]}  # type: ignore[union-attr]
    assert (
        rows["Dödsbevis"]
        == "Det finns redan ett dödsbevis för patienten. Ändringar görs med Ersätt."
    )
    assert rows["Dödsorsaksintyg"] == ""
    assert rows["Läkarintyg för sjukpenning"].startswith("Patienten är avliden.")


def test_a_disabled_type_shows_its_reason_and_cannot_be_created(
    qtbot: QtBot, make_window: MakeWindow, directory: StaffDirectory
) -> None:
    window = make_window(directory.login(DENTIST, SJOSTADEN))
    type_patient(qtbot, window, TOLVAN)
    texts: list[str] = []

    def act(dialog: TypeChooserDialog) -> None:
        dialog.select("luse")
        texts.append(dialog.description.text())
        texts.append(str(dialog.create_button.isEnabled()))
        dialog.reject()

    in_type_dialog(qtbot, act)
    window.new_certificate_action.trigger()
    assert "Tandläkare kan bara utfärda" in texts[0]
    assert texts[1] == "False"


@pytest.mark.parametrize(
    ("staff", "unit", "person", "reason"),
    [
        (DOCTOR, TESTENHET_17, None, "Öppna en patient först."),
        (
            DOCTOR_WITHOUT_WEBCERT,
            TESTENHET_17,
            TOLVAN,
            "Du saknar behörigheten ”Använda Webcert” i TakeCare.",
        ),
        (
            DOCTOR,
            AKUTEN,
            TOLVAN,
            "Vårdenheten Akutmottagningen Övningssjukhuset saknar arbetsplatskod",
        ),
        (
            DOCTOR,
            TESTENHET_17,
            "992026000018",
            "Intyg kan inte utfärdas för en patient med reservnummer.",
        ),
    ],
)
def test_nytt_is_disabled_with_the_reason(
    qtbot: QtBot,
    make_window: MakeWindow,
    directory: StaffDirectory,
    staff: str,
    unit: str,
    person: str | None,
    reason: str,
) -> None:
    window = make_window(directory.login(staff, unit))
    if person:
        type_patient(qtbot, window, person)
    assert not window.new_certificate_action.isEnabled()
    assert not window.new_menu_action.isEnabled()
    assert window.new_certificate_action.toolTip().startswith(reason)


def test_a_change_through_the_services_shows_up_at_once(
    qtbot: QtBot,
    make_window: MakeWindow,
    doctor: UserContext,
    certificates: CertificateService,
    patients: PatientService,
) -> None:
    window = make_window(doctor)
    type_patient(qtbot, window, TOLVAN)
    window.work_dock.set_scope("unit")
    tolvan = patients.open_journal(doctor, TOLVAN)
    row = certificates.create_draft(doctor, tolvan, "ag114")
    qtbot.waitUntil(lambda: len(window.certificate_list.visible_rows()) == 1)
    assert window.certificate_list.visible_rows()[0][1:3] == [
        "Läkarintyg om arbetsförmåga – sjuklöneperioden",
        "Tomt utkast",
    ]
    # An empty draft is not yet work to send; started drafts are.
    assert window.work_dock.visible_rows() == []
    assert row.status_text == "Tomt utkast"


def test_the_table_opens_a_certificate_on_double_click_and_enter(
    qtbot: QtBot,
    make_window: MakeWindow,
    doctor: UserContext,
    certificates: CertificateService,
    patients: PatientService,
) -> None:
    tolvan = patients.open_journal(doctor, TOLVAN)
    first = certificates.create_draft(doctor, tolvan, "fk7804")
    window = make_window(doctor)
    type_patient(qtbot, window, TOLVAN)
    table = window.certificate_list.table
    rect = table.visualRect(window.certificate_model.index(0, 1))
    with qtbot.waitSignal(window.certificate_opened) as opened:
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [first.id]
    window.editor_area.setCurrentWidget(window.certificate_list)
    table.setFocus()
    with qtbot.waitSignal(window.certificate_opened):
        qtbot.keyClick(table, Qt.Key.Key_Return)


def test_recent_patients_are_one_click_away(
    qtbot: QtBot, make_window: MakeWindow, doctor: UserContext
) -> None:
    window = make_window(doctor)
    type_patient(qtbot, window, TOLVAN)
    type_patient(qtbot, window, "19990515-2477")
    assert window.controller.recent_patients() == [
        "19990515-2477  Eulåla Nilsson",
        "19121212-1212  Tolvan Tolvansson",
    ]
    window.recent_menu.actions()[1].trigger()
    assert window.patient_label.text() == "19121212-1212 Tolvan Tolvansson"


def test_the_dock_scopes_and_opening_from_it(
    qtbot: QtBot,
    make_window: MakeWindow,
    doctor: UserContext,
    store: Store,
) -> None:
    import datetime as dt

    from tests.factories import make_certificate

    when = dt.datetime(2026, 11, 26, 8, 0, tzinfo=dt.UTC)
    mine = make_certificate(store, TOLVAN, created=when)
    make_certificate(store, "199905152477", created=when, responsible=None)
    window = make_window(doctor)
    dock = window.work_dock
    assert dock.scope == "mine"
    assert [r[0] for r in dock.visible_rows()] == ["19121212-1212 Tolvan Tolvansson"]
    assert dock.visible_rows()[0][1:4] == ["Läkarintyg för sjukpenning", "Utkast", "Karin Berg"]
    dock.scope_group.button(1).click()
    assert len(dock.visible_rows()) == 2
    dock.scope_group.button(2).click()
    assert dock.visible_rows() == []  # no patient open
    type_patient(qtbot, window, "19990515-2477")
    assert [r[0] for r in dock.visible_rows()] == ["19990515-2477 Eulåla Nilsson"]
    dock.scope_group.button(0).click()
    # Double-click in "Mitt arbete" opens Tolvan and the draft.
    view = dock.to_send
    rect = view.visualRect(dock.to_send_model.index(0, 0))
    with qtbot.waitSignal(window.certificate_opened) as opened:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [mine]
    assert window.patient_label.text() == "19121212-1212 Tolvan Tolvansson"


def test_a_database_error_while_listing_is_shown_and_the_window_keeps_working(
    qtbot: QtBot, make_window: MakeWindow, doctor: UserContext, store: Store
) -> None:
    from sqlalchemy import text

    window = make_window(doctor)
    type_patient(qtbot, window, TOLVAN)
    with store.engine.begin() as connection:
        connection.execute(text("ALTER TABLE certificates RENAME TO certificates_away"))
    try:
        window.controller.reload_certificates()
        assert window.message_bar.text.startswith(
            "Databasen kunde inte läsas eller skrivas just nu, och ingenting har ändrats."
        )
        assert window.patient_label.text() == "19121212-1212 Tolvan Tolvansson"
    finally:
        with store.engine.begin() as connection:
            connection.execute(text("ALTER TABLE certificates_away RENAME TO certificates"))
    type_patient(qtbot, window, "19990515-2477")
    assert window.message_bar.text == ""
    assert window.patient_label.text() == "19990515-2477 Eulåla Nilsson"
