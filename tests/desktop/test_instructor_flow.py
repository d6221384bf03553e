"""The instructor's tools in the main window: FK's question from the open certificate, the
händelselogg, a new test patient opened in the journal, and switching user."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtWidgets import QApplication, QPlainTextEdit
from pytestqt.qtbot import QtBot

from desktop.instructor_controller import NO_CERTIFICATE, NOT_SENT, InstructorController
from desktop.main_window import MainWindow
from desktop.session import Session
from desktop.settings import Paths
from models.staff import StaffDirectory, UserContext
from models.store import Store
from models.training.event_log import LogFilter
from tests.conftest import SECRETARY, TESTENHET_17, TOLVAN
from tests.desktop.drivers import (
    log_in_as,
    new_draft,
    open_in_editor,
    question_panel,
    sent_fk7804,
    tick,
    type_patient,
)
from widgets.new_patient_dialog import NewPatientDialog


def _instructor(window: MainWindow) -> InstructorController:
    return window.instructor_controller


def _menu_texts(window: MainWindow, menu_name: str) -> list[str]:
    menu = window.archive_menu if menu_name == "Arkiv" else window.simulation_menu
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def test_the_menus_hold_the_instructors_actions(
    main_window_for: Callable[[UserContext], MainWindow], doctor: UserContext
) -> None:
    window = main_window_for(doctor)
    archive = _menu_texts(window, "Arkiv")
    assert archive.index("Ny testpatient…") < archive.index("Avsluta")
    assert archive.index("Byt användare…") < archive.index("Avsluta")
    simulation = _menu_texts(window, "Simulering")
    start = simulation.index("Försäkringskassan – handläggarvy…")
    assert simulation[start + 1 : start + 3] == [
        "Skicka fråga som Försäkringskassan…",
        "Händelselogg…",
    ]
    # Without a session (only the started app has one) switching user is greyed out.
    assert not _instructor(window).switch_user_action.isEnabled()


def test_fk_asks_about_the_open_sent_certificate(
    qtbot: QtBot, main_window_for: Callable[[UserContext], MainWindow], doctor: UserContext
) -> None:
    window = main_window_for(doctor)
    action = _instructor(window).fk_question_action
    assert not action.isEnabled() and action.statusTip() == NO_CERTIFICATE
    type_patient(qtbot, window, "19121212-1212")
    open_in_editor(window, new_draft(window, doctor, "fk7804"))
    assert not action.isEnabled() and action.statusTip() == NOT_SENT

    certificate = sent_fk7804(qtbot, window, doctor)
    qtbot.waitUntil(action.isEnabled)
    assert action.statusTip().startswith("Öppna Försäkringskassans handläggarvy")
    action.trigger()
    console = window.fk_console
    assert console is not None and console.isVisible()
    assert console.current is not None
    assert console.current.received.certificate_id == certificate
    assert console.heading.text().startswith("Läkarintyg för sjukpenning – Tolvan Tolvansson")
    assert console.form.isEnabled() and console.form.text.toPlainText() == ""
    selected = console.table.selectionModel().selectedRows()
    assert [console.table.item(i.row(), 0).data(Qt.ItemDataRole.UserRole) for i in selected] == [
        certificate
    ]
    # The caseworker asks; the question reaches the certificate's questions panel.
    console.form.subject.setCurrentIndex(console.form.subject.findData("KONTKT"))
    qtbot.keyClicks(console.form.text, "Ring mig om patienten.")
    qtbot.mouseClick(console.form.send_button, Qt.MouseButton.LeftButton)
    assert console.message_bar.text == "Frågan är skickad till vården."
    qtbot.waitUntil(lambda: len(question_panel(window).cards) == 1)
    console.grab().save("/tmp/fk_console_from_shortcut.png")

    window.close_patient()
    assert not action.isEnabled() and action.statusTip() == NO_CERTIFICATE


def test_the_event_log_shows_what_the_user_did(
    qtbot: QtBot, main_window_for: Callable[[UserContext], MainWindow], doctor: UserContext
) -> None:
    window = main_window_for(doctor)
    type_patient(qtbot, window, "19121212-1212")
    _instructor(window).event_log_action.trigger()
    log = _instructor(window).event_log
    assert log is not None and log.isVisible()
    assert [row[1:] for row in log.rows()] == [
        [
            "PDL",
            "Karin Berg (Läkare, Testenhet 17)",
            "19121212-1212",
            "",
            "Läsa – Journalen öppnad",
        ]
    ]
    new_draft(window, doctor, "fk7804")  # the window follows the change
    qtbot.waitUntil(lambda: len(log.rows()) == 3)
    assert log.rows()[0][5] == "Utkast skapat"
    log.grab().save("/tmp/event_log_in_app.png")


def _fill_new_patient(
    qtbot: QtBot, done: list[NewPatientDialog], *, deceased: bool = False
) -> Callable[[], None]:
    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, NewPatientDialog)
        done.append(dialog)
        qtbot.mouseClick(dialog.suggest_button, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(dialog.given_name, "Kursdeltagare")
        qtbot.keyClicks(dialog.family_name, "Ett")
        if deceased:
            tick(qtbot, dialog.deceased)
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)

    return fill


def test_a_new_test_patient_opens_in_the_journal(
    qtbot: QtBot, main_window_for: Callable[[UserContext], MainWindow], doctor: UserContext
) -> None:
    window = main_window_for(doctor)
    done: list[NewPatientDialog] = []
    QTimer.singleShot(0, _fill_new_patient(qtbot, done))
    _instructor(window).new_patient_action.trigger()
    assert len(done) == 1
    patient = window.patient
    assert patient is not None and patient.name == "Kursdeltagare Ett"
    assert window.patient_header.identity.text() == f"{patient.formatted_id}  Kursdeltagare Ett"
    assert window.patient_header.banner_labels == []
    assert window.statusBar().currentMessage().startswith("Testpatienten Kursdeltagare Ett")
    assert window.patient_field.text() == patient.formatted_id
    window.grab().save("/tmp/new_patient_in_journal.png")


def test_a_new_test_patient_can_log_in_to_an_open_mina_intyg_at_once(
    qtbot: QtBot, main_window_for: Callable[[UserContext], MainWindow], doctor: UserContext
) -> None:
    window = main_window_for(doctor)
    portal = window.simulation_controller.open_mina_intyg()
    before = portal.login_page.people.count()
    done: list[NewPatientDialog] = []
    QTimer.singleShot(0, _fill_new_patient(qtbot, done))
    _instructor(window).new_patient_action.trigger()
    created = done[0].created
    assert created is not None
    assert portal.login_page.people.count() == before + 1
    portal.login_page.choose(created.person_id)  # listed, so the patient can log in
    assert portal.log_in(created.person_id)
    assert portal.top_bar.citizen.text() == "Kursdeltagare Ett"


def test_a_patient_with_a_new_reservnummer_opens_in_the_journal(
    qtbot: QtBot, main_window_for: Callable[[UserContext], MainWindow], doctor: UserContext
) -> None:
    window = main_window_for(doctor)

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, NewPatientDialog)
        qtbot.mouseClick(dialog.reserve_choice, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(dialog.given_name, "Okand")
        qtbot.keyClicks(dialog.family_name, "Man")
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill)
    _instructor(window).new_patient_action.trigger()
    patient = window.patient
    assert patient is not None and patient.person_id == "992026000026"
    assert window.patient_field.text() == "99202600-0026"
    assert window.patient_header.identity.text() == "99202600-0026  Okand Man"


def test_a_deceased_new_patient_is_shown_as_deceased(
    qtbot: QtBot, main_window_for: Callable[[UserContext], MainWindow], doctor: UserContext
) -> None:
    window = main_window_for(doctor)
    QTimer.singleShot(0, _fill_new_patient(qtbot, [], deceased=True))
    _instructor(window).new_patient_action.trigger()
    assert window.patient is not None and window.patient.deceased
    assert window.patient_header.banner_labels == ["Patienten är avliden"]


def _session(
    main_window_for: Callable[[UserContext], MainWindow],
    doctor: UserContext,
    directory: StaffDirectory,
    store: Store,
    tmp_path: Path,
) -> Session:
    services = main_window_for(doctor).services
    return Session(services, directory, Paths.under(tmp_path), store.description)


def test_switching_user_replaces_the_window_without_restarting(
    qtbot: QtBot,
    main_window_for: Callable[[UserContext], MainWindow],
    doctor: UserContext,
    directory: StaffDirectory,
    store: Store,
    tmp_path: Path,
) -> None:
    session = _session(main_window_for, doctor, directory, store, tmp_path)
    services = session.services
    first = session.open(doctor)
    first.show()
    assert first.user_label.text() == "Karin Berg (Läkare)"
    type_patient(qtbot, first, "19121212-1212")
    draft = new_draft(first, doctor, "fk7804")
    editor = open_in_editor(first, draft)
    typed = editor.fields["25"].findChild(QPlainTextEdit)
    typed.setFocus()
    qtbot.keyClicks(typed, "Larare.")  # not yet autosaved when the user switches
    action = first.instructor_controller.switch_user_action
    assert action.isEnabled()

    # Avbryt keeps the doctor's window as it was.
    QTimer.singleShot(0, log_in_as(SECRETARY, None))
    action.trigger()
    assert session.window is first and first.isVisible()
    assert first.patient is not None and first.patient.person_id == TOLVAN

    gone: list[bool] = []
    first.destroyed.connect(lambda: gone.append(True))
    QTimer.singleShot(0, log_in_as(SECRETARY, TESTENHET_17))
    action.trigger()
    qtbot.waitUntil(lambda: gone == [True])  # the doctor's window is closed and deleted
    second = session.window
    assert second is not None and second is not first
    qtbot.addWidget(second)
    assert second.isVisible()
    secretary = directory.get(SECRETARY)
    assert second.user_label.text() == f"{secretary.name} (Vårdadministratör)"
    assert second.unit_label.text() == "Testenhet 17"
    assert second.patient is None  # a new user opens the journal themselves
    # The same services: the secretary sees the doctor's draft in the journal.
    type_patient(qtbot, second, "19121212-1212")
    assert draft in [row.id for row in second.certificate_model.rows()]
    assert services.certificates.open_certificate(doctor, draft).content["25"] == "Larare."
    second.grab().save("/tmp/switched_user.png")


def test_the_simulation_windows_stay_open_for_the_new_user(
    qtbot: QtBot,
    main_window_for: Callable[[UserContext], MainWindow],
    doctor: UserContext,
    directory: StaffDirectory,
    store: Store,
    tmp_path: Path,
) -> None:
    session = _session(main_window_for, doctor, directory, store, tmp_path)
    first = session.open(doctor)
    first.show()
    type_patient(qtbot, first, "19121212-1212")
    certificate = sent_fk7804(qtbot, first, doctor)
    console = first.open_fk_console()
    assert console.select(certificate)
    console.resize(760, 520)
    portal = first.simulation_controller.open_mina_intyg()
    assert portal.log_in(TOLVAN)
    first.simulation_controller.open_inbox("SKV")
    log = _instructor(first).open_event_log()
    log.set_filter(LogFilter.PDL)
    first.simulation_controller.open_inbox("TRANSP").close()  # closed: stays closed

    gone: list[bool] = []
    console.destroyed.connect(lambda: gone.append(True))
    QTimer.singleShot(0, log_in_as(SECRETARY, TESTENHET_17))
    _instructor(first).switch_user_action.trigger()
    qtbot.waitUntil(lambda: gone == [True])  # the old ones went with the doctor's window
    second = session.window
    assert second is not None and second is not first
    qtbot.addWidget(second)

    again = second.fk_console
    assert again is not None and again.isVisible() and again.size() == QSize(760, 520)
    assert again.current is not None and again.current.received.certificate_id == certificate
    mina = second.simulation_controller.mina_intyg_window
    assert mina is not None and mina.isVisible()
    assert mina.citizen is not None and mina.citizen.person_id == TOLVAN
    assert list(second.simulation_controller.inbox_windows) == ["SKV"]
    assert second.simulation_controller.inbox_windows["SKV"].isVisible()
    shown_log = _instructor(second).event_log
    assert shown_log is not None and shown_log.isVisible()
    assert shown_log.chosen_filter() is LogFilter.PDL
    assert {row[1] for row in shown_log.rows()} == {"PDL"}
