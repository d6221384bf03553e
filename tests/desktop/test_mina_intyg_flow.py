"""Mina intyg and the authorities' inboxes through the real main window: the doctor signs, the
patient sends from 1177, and the journal, the open certificate, Försäkringskassan's console
and Transportstyrelsen's inbox all show it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.main_window import MainWindow
from models.staff import UserContext
from tests.desktop.drivers import (
    answer_when_shown,
    click,
    current_editor,
    listed,
    log_in_to_portal,
    open_mina_intyg,
    signed_in_journal,
    simulation_action,
    type_patient,
)
from widgets.authority_inbox_window import AuthorityInboxWindow

TOLVAN = "19121212-1212"
NILS = "201701012393"  # nine years old


def test_the_patient_sends_from_mina_intyg_and_the_journal_and_fk_see_it(
    qtbot: QtBot, main_window_for: Callable[[UserContext], MainWindow], doctor: UserContext
) -> None:
    window = main_window_for(doctor)
    type_patient(qtbot, window, TOLVAN)
    certificate_id = signed_in_journal(qtbot, window, doctor, "fk7804")
    editor = current_editor(window)
    qtbot.waitUntil(lambda: listed(window, 2) == "Signerad")
    assert not listed(window, 4)  # Mottagare: not sent yet

    portal = open_mina_intyg(window)
    assert portal.top_bar.portal.text() == "Intyg – 1177"
    log_in_to_portal(qtbot, portal, "191212121212")
    assert portal.top_bar.citizen.text() == "Tolvan Tolvansson"
    [card] = portal.list_page.cards
    assert card.row.certificate_id == certificate_id
    assert card.badge_texts() == ["Nytt", "Ej skickat"]
    click(qtbot, card.open_button)
    page = portal.certificate_page
    assert page.send_button.text() == "Skicka intyg till Försäkringskassan"

    seen = answer_when_shown("Skicka")
    click(qtbot, page.send_button)
    assert "Försäkringskassan" in seen[0]
    assert page.message_bar.text == "Intyget är skickat till Försäkringskassan."
    assert page.badge_texts() == ["Nytt", "Skickat"]

    # The journal hears of it: the Mottagare column and the open certificate's status line.
    qtbot.waitUntil(lambda: listed(window, 4) == "Försäkringskassan")
    assert current_editor(window) is editor
    qtbot.waitUntil(
        lambda: "Intyget är skickat till Försäkringskassan" in editor.status_lines.text()
    )
    console = window.open_fk_console()
    ids = [
        console.table.item(r, 0).data(Qt.ItemDataRole.UserRole)
        for r in range(console.table.rowCount())
    ]
    assert ids == [certificate_id]

    click(qtbot, page.send_button)  # the second time: already sent, to whom and when, unasked
    assert page.message_bar.property("kind") == "error"
    assert page.message_bar.text == (
        "Intyget är redan skickat till Försäkringskassan 2026-11-27 09:30."
    )

    # The menu raises the same window again, still logged in.
    assert open_mina_intyg(window) is portal and portal.citizen is not None


def test_a_driving_licence_certificate_reaches_transportstyrelsen_and_a_child_cannot_log_in(
    qtbot: QtBot, main_window_for: Callable[[UserContext], MainWindow], doctor: UserContext
) -> None:
    window = main_window_for(doctor)
    type_patient(qtbot, window, TOLVAN)
    certificate_id = signed_in_journal(qtbot, window, doctor, "ts-bas")
    simulation_action(window, "Transportstyrelsen…").trigger()
    inbox = window.simulation_controller.inbox_windows["TRANSP"]
    assert isinstance(inbox, AuthorityInboxWindow) and inbox.isVisible()
    assert inbox.table.rowCount() == 0  # signed, not sent

    portal = open_mina_intyg(window)
    log_in_to_portal(qtbot, portal, "191212121212")
    click(qtbot, portal.list_page.cards[0].open_button)
    answer_when_shown("Skicka")
    click(qtbot, portal.certificate_page.send_button)
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

    click(qtbot, portal.top_bar.log_out_button)
    log_in_to_portal(qtbot, portal, NILS)
    assert portal.citizen is None
    assert (
        portal.login_page.refusal.text() == "Du måste ha fyllt 16 år för att kunna använda Intyg."
    )


def test_an_employer_certificate_is_printed_without_the_diagnosis(
    qtbot: QtBot, main_window_for: Callable[[UserContext], MainWindow], doctor: UserContext
) -> None:
    window = main_window_for(doctor)
    type_patient(qtbot, window, TOLVAN)
    signed_in_journal(qtbot, window, doctor, "ag7804")
    portal = open_mina_intyg(window)
    log_in_to_portal(qtbot, portal, "191212121212")
    click(qtbot, portal.list_page.cards[0].open_button)
    page = portal.certificate_page
    assert not page.send_button.isVisible()
    assert page.adapt.isVisible()
    page.hide_diagnosis.click()

    seen = answer_when_shown("Fortsätt")
    with qtbot.waitSignal(portal.printed, timeout=10_000) as shown:
        click(qtbot, page.print_button)
    assert seen and "dator som andra också använder" in seen[0]
    viewer = shown.args[0]
    assert viewer is portal.print_viewer and viewer.isVisible()
    assert viewer.save_name.startswith("minimalt_arbetsgivarintyg_")
    assert viewer.save_action is not None
    viewer.reject()
