"""The händelselogg window: newest first, the filter, Uppdatera, and following changes."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from models.clock import FixedClock
from models.events import ChangeBus
from models.patients import PatientService
from models.qt.bridge import ChangeBridge
from models.staff import UserContext
from models.store import Store
from models.training.event_log import EventLog, LogFilter
from models.workflow.certificates import CertificateService
from tests.conftest import TOLVAN
from widgets.event_log_window import REFRESH_DELAY_MS, EventLogWindow

MINUTE = dt.timedelta(minutes=1)
DOCTOR_WHO = "Karin Berg (Läkare, Testenhet 17)"


@pytest.fixture
def window(
    qtbot: QtBot, store: Store, certificates: CertificateService, bus: ChangeBus
) -> EventLogWindow:
    bridge = ChangeBridge(bus)
    shown = EventLogWindow(EventLog(store, certificates.definitions), bridge)
    bridge.setParent(shown)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def test_the_log_lists_what_happened_newest_first_and_filters(
    qtbot: QtBot,
    window: EventLogWindow,
    patients: PatientService,
    certificates: CertificateService,
    doctor: UserContext,
    clock: FixedClock,
) -> None:
    assert window.rows() == []
    assert window.count_label.text() == "0 händelser, nyast först"
    tolvan = patients.open_journal(doctor, TOLVAN)  # a read publishes nothing
    qtbot.mouseClick(window.refresh_button, Qt.MouseButton.LeftButton)
    assert window.rows() == [
        ["2026-11-27 09:30", "PDL", DOCTOR_WHO, "19121212-1212", "", "Läsa – Journalen öppnad"]
    ]
    clock.advance(MINUTE)
    certificates.create_draft(doctor, tolvan, "fk7804")  # publishes: the window follows
    qtbot.waitUntil(lambda: len(window.rows()) == 3)
    assert [row[:2] + row[4:] for row in window.rows()] == [
        ["2026-11-27 09:31", "Status", "FK7804", "Utkast skapat"],
        [
            "2026-11-27 09:31",
            "PDL",
            "FK7804",
            "Skriva – Skapade utkast: Läkarintyg för sjukpenning",
        ],
        ["2026-11-27 09:30", "PDL", "", "Läsa – Journalen öppnad"],
    ]
    assert window.table.item(0, 4).toolTip() == "Läkarintyg för sjukpenning"
    assert window.table.item(0, 1).toolTip() == "Status: SKAPAT"
    assert [window.filter.itemText(i) for i in range(window.filter.count())] == [
        "Alla",
        "Statushändelser",
        "PDL",
    ]
    window.set_filter(LogFilter.STATUS)
    assert [row[5] for row in window.rows()] == ["Utkast skapat"]
    window.set_filter(LogFilter.PDL)
    assert [row[1] for row in window.rows()] == ["PDL", "PDL"]
    window.grab().save("/tmp/event_log_window.png")


def test_a_hidden_window_reads_the_log_when_shown_again(
    qtbot: QtBot,
    window: EventLogWindow,
    patients: PatientService,
    certificates: CertificateService,
    doctor: UserContext,
) -> None:
    window.hide()
    certificates.create_draft(doctor, patients.open_journal(doctor, TOLVAN), "fk7804")
    qtbot.wait(REFRESH_DELAY_MS * 2)  # the burst is over; hidden, the window only notes it
    assert window.rows() == []
    window.show()
    assert len(window.rows()) == 3


def test_a_protected_patient_has_the_lock(
    window: EventLogWindow, patients: PatientService, doctor: UserContext
) -> None:
    patients.open_journal(doctor, "197006121144")
    window.refresh()
    cell = window.table.item(0, 3)
    assert cell.text() == "19700612-1144"
    assert cell.toolTip() == "Patienten har skyddade personuppgifter"
    assert not cell.icon().isNull()
