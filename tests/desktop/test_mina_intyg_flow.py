"""Mina intyg and the authorities' inboxes through the real main window: the doctor signs, the
patient sends from 1177, and the journal, the open certificate, Försäkringskassan's console
and Transportstyrelsen's inbox all show it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from desktop.main_window import MainWindow
from models.staff import UserContext
from tests.desktop.drivers import new_draft, open_in_editor, type_patient
from tests.desktop.test_lifecycle_flow import _current, _listed, _sign
from tests.models.definitions.types import samples
from widgets.authority_inbox_window import AuthorityInboxWindow
from widgets.mina_intyg.window import MinaIntygWindow

TOLVAN = "19121212-1212"
NILS = "201701012393"  # nine years old


def _menu_action(window: MainWindow, text: str) -> QAction:
    found = [a for a in window.simulation_menu.actions() if a.text() == text]
    assert found, [a.text() for a in window.simulation_menu.actions()]
    return found[0]


def _open_mina_intyg(window: MainWindow) -> MinaIntygWindow:
    _menu_action(window, "Mina intyg (1177)…").trigger()
    portal = window.simulation_controller.mina_intyg_window
    assert portal is not None and portal.isVisible()
    return portal


def _click(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isEnabled(), button.toolTip()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _log_in(qtbot: QtBot, portal: MinaIntygWindow, person_id: str) -> None:
    portal.login_page.choose(person_id)
    _click(qtbot, portal.login_page.login_button)


def _answer_when_shown(button_text: str) -> list[str]:
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


def _signed_in_journal(
    qtbot: QtBot, window: MainWindow, doctor: UserContext, type_code: str
) -> str:
    content = getattr(samples, type_code.replace("-", "_"))()
    draft = new_draft(window, doctor, type_code, content)
    _sign(qtbot, window, open_in_editor(window, draft))
    assert _current(window).read_only
    return draft


def test_the_patient_sends_from_mina_intyg_and_the_journal_and_fk_see_it(
    qtbot: QtBot, main_window_for: Callable[[UserContext], MainWindow], doctor: UserContext
) -> None:
    window = main_window_for(doctor)
    type_patient(qtbot, window, TOLVAN)
    certificate_id = _signed_in_journal(qtbot, window, doctor, "fk7804")
    editor = _current(window)
    qtbot.waitUntil(lambda: _listed(window, 2) == "Signerad")
    assert not _listed(window, 4)  # Mottagare: not sent yet

    portal = _open_mina_intyg(window)
    assert portal.top_bar.portal.text() == "Intyg – 1177"
    _log_in(qtbot, portal, "191212121212")
    assert portal.top_bar.citizen.text() == "Tolvan Tolvansson"
    [card] = portal.list_page.cards
    assert card.row.certificate_id == certificate_id
    assert card.badge_texts() == ["Nytt", "Ej skickat"]
    _click(qtbot, card.open_button)
    page = portal.certificate_page
    assert page.send_button.text() == "Skicka intyg till Försäkringskassan"

    seen = _answer_when_shown("Skicka")
    _click(qtbot, page.send_button)
    assert "Försäkringskassan" in seen[0]
    assert page.message_bar.text == "Intyget är skickat till Försäkringskassan."
    assert page.badge_texts() == ["Nytt", "Skickat"]

    # The journal hears of it: the Mottagare column and the open certificate's status line.
    qtbot.waitUntil(lambda: _listed(window, 4) == "Försäkringskassan")
    assert _current(window) is editor
    qtbot.waitUntil(
        lambda: "Intyget är skickat till Försäkringskassan" in editor.status_lines.text()
    )
    console = window.open_fk_console()
    ids = [
        console.table.item(r, 0).data(Qt.ItemDataRole.UserRole)
        for r in range(console.table.rowCount())
    ]
    assert ids == [certificate_id]

    _click(qtbot, page.send_button)  # the second time: already sent, to whom and when, unasked
    assert page.message_bar.property("kind") == "error"
    assert page.message_bar.text == (
        "Intyget är redan skickat till Försäkringskassan 2026-11-27 09:30."
    )

    # The menu raises the same window again, still logged in.
    assert _open_mina_intyg(window) is portal and portal.citizen is not None


def test_a_driving_licence_certificate_reaches_transportstyrelsen_and_a_child_cannot_log_in(
    qtbot: QtBot, main_window_for: Callable[[UserContext], MainWindow], doctor: UserContext
) -> None:
    window = main_window_for(doctor)
    type_patient(qtbot, window, TOLVAN)
    certificate_id = _signed_in_journal(qtbot, window, doctor, "ts-bas")
    _menu_action(window, "Transportstyrelsen…").trigger()
    inbox = window.simulation_controller.inbox_windows["TRANSP"]
    assert isinstance(inbox, AuthorityInboxWindow) and inbox.isVisible()
    assert inbox.table.rowCount() == 0  # signed, not sent

    portal = _open_mina_intyg(window)
    _log_in(qtbot, portal, "191212121212")
    _click(qtbot, portal.list_page.cards[0].open_button)
    _answer_when_shown("Skicka")
    _click(qtbot, portal.certificate_page.send_button)
    assert portal.certificate_page.message_bar.text == "Intyget är skickat till Transportstyrelsen."

    qtbot.waitUntil(lambda: inbox.table.rowCount() == 1)  # the open inbox follows the news
    inbox.table.selectRow(0)
    assert inbox.current is not None and inbox.current.item.certificate_id == certificate_id
    assert (
        inbox.heading.text()
        == "Mottaget 2026-11-27 09:30 från patienten via Mina intyg. Utfärdat av Testenhet 17."
    )
    assert inbox.table.item(0, 5).text() == "Mottaget"
    names = [a.text() for a in window.simulation_menu.actions() if a.text()]
    first = names.index("Mina intyg (1177)…")  # other simulations add their own actions
    assert names[first : first + 4] == [
        "Mina intyg (1177)…",
        "Transportstyrelsen…",
        "Skatteverket…",
        "Socialstyrelsen…",
    ]

    _click(qtbot, portal.top_bar.log_out_button)
    _log_in(qtbot, portal, NILS)
    assert portal.citizen is None
    assert (
        portal.login_page.refusal.text() == "Du måste ha fyllt 16 år för att kunna använda Intyg."
    )


def test_an_employer_certificate_is_printed_without_the_diagnosis(
    qtbot: QtBot, main_window_for: Callable[[UserContext], MainWindow], doctor: UserContext
) -> None:
    window = main_window_for(doctor)
    type_patient(qtbot, window, TOLVAN)
    _signed_in_journal(qtbot, window, doctor, "ag7804")
    portal = _open_mina_intyg(window)
    _log_in(qtbot, portal, "191212121212")
    _click(qtbot, portal.list_page.cards[0].open_button)
    page = portal.certificate_page
    assert not page.send_button.isVisible()
    assert page.adapt.isVisible()
    page.hide_diagnosis.click()

    seen = _answer_when_shown("Fortsätt")
    with qtbot.waitSignal(portal.printed, timeout=10_000) as shown:
        _click(qtbot, page.print_button)
    assert seen and "dator som andra också använder" in seen[0]
    viewer = shown.args[0]
    assert viewer is portal.print_viewer and viewer.isVisible()
    assert viewer.save_name.startswith("minimalt_arbetsgivarintyg_")
    assert viewer.save_action is not None
    viewer.reject()
