"""The simulation windows read the same database and clock as the journal: a reset of the
training data and time travel reach Mina intyg, the inboxes and the event log too."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from desktop import tasks
from desktop.main_window import MainWindow
from models.clock import FixedClock
from models.staff import UserContext
from tests.desktop.drivers import (
    answer_when_shown,
    click,
    listed,
    log_in_to_portal,
    open_mina_intyg,
    signed_in_journal,
    type_patient,
)

MakeWindow = Callable[[UserContext], MainWindow]
TOLVAN = "19121212-1212"


@pytest.fixture(autouse=True)
def sync_tasks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tasks, "synchronous", True)


def test_time_travel_takes_nytt_away_in_an_open_mina_intyg(
    qtbot: QtBot, main_window_for: MakeWindow, doctor: UserContext
) -> None:
    window = main_window_for(doctor)
    type_patient(qtbot, window, TOLVAN)
    signed_in_journal(qtbot, window, doctor, "fk7804")
    portal = open_mina_intyg(window)
    log_in_to_portal(qtbot, portal, "191212121212")
    [card] = portal.list_page.cards
    assert card.badge_texts() == ["Nytt", "Ej skickat"]

    window.time_controller.advance_days(15)

    [card] = portal.list_page.cards
    assert card.badge_texts() == ["Ej skickat"]


def test_a_reset_logs_the_patient_out_and_refreshes_the_inboxes_and_the_event_log(
    qtbot: QtBot, main_window_for: MakeWindow, doctor: UserContext
) -> None:
    window = main_window_for(doctor)
    type_patient(qtbot, window, TOLVAN)
    signed_in_journal(qtbot, window, doctor, "fk7804")
    portal = open_mina_intyg(window)
    log_in_to_portal(qtbot, portal, "191212121212")
    assert len(portal.list_page.cards) == 1
    skatteverket = window.simulation_controller.open_inbox("SKV")
    assert skatteverket.table.model().rowCount() == 0
    log = window.instructor_controller.open_event_log()

    assert window.training_controller.reset("dodsfall")

    # The portal is back at its login; the DB of the scenario is in Skatteverket's inbox.
    assert portal.citizen is None
    assert portal.pages.currentWidget() is portal.login_page
    assert skatteverket.table.model().rowCount() == 1
    # The event log shows the new database: the reset itself is its newest PDL entry.
    assert log.rows()[0][1:] == [
        "PDL",
        "Karin Berg (Läkare, Testenhet 17)",
        "",
        "",
        "Återställ övningsdata – Scenario Dödsfall",
    ]


def test_with_a_journal_delay_the_send_reaches_the_journal_when_the_delay_has_passed(
    qtbot: QtBot, main_window_for: MakeWindow, doctor: UserContext, clock: FixedClock
) -> None:
    window = main_window_for(doctor)
    simulation = window.simulation_controller
    simulation.mina_intyg.journal_delay = dt.timedelta(minutes=5)  # as the setting would
    type_patient(qtbot, window, TOLVAN)
    signed_in_journal(qtbot, window, doctor, "fk7804")
    portal = open_mina_intyg(window)
    log_in_to_portal(qtbot, portal, "191212121212")
    click(qtbot, portal.list_page.cards[0].open_button)
    answer_when_shown("Skicka")
    click(qtbot, portal.certificate_page.send_button)
    assert portal.certificate_page.badge_texts() == ["Nytt", "Skickat"]

    # FK has it at once; the journal does not know yet, not even when the timer looks.
    simulation.journal_timer.timeout.emit()
    window.controller.reload_certificates()
    assert listed(window, 2) == "Signerad" and not listed(window, 4)

    clock.advance(dt.timedelta(minutes=5))
    simulation.journal_timer.timeout.emit()
    qtbot.waitUntil(lambda: listed(window, 4) == "Försäkringskassan")
    assert listed(window, 2) == "Skickad"
