"""The main window on a clock frozen in 2071: every date it shows is the clock's (issue 10).

The GUI half of the dynamic proof that nothing reads the system time: the header's age, the
journal, the work dock, the editor's calendars, the FK console's deadlines and the time-travel
dialog all start from 1 June 2071, decades after any real "now".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from desktop.main_window import MainWindow
from models.clock import FixedClock
from models.staff import UserContext
from tests.desktop.drivers import (
    choose_days,
    new_draft,
    open_in_editor,
    open_time_travel,
    shown_date,
    type_patient,
)
from tests.models.definitions.types import samples
from tests.models.workflow.conftest import signature
from tests.models.workflow.test_frozen_clock import FROZEN, FROZEN_DAY, shifted
from widgets.editor.date_input import DateInput

MakeWindow = Callable[[UserContext], MainWindow]
FROZEN_TEXT = "2071-06-01 10:15"


@pytest.fixture
def clock() -> FixedClock:
    """Overrides the suite's clock: the database, services and window run on it."""
    return FixedClock(FROZEN)


def test_the_window_shows_the_frozen_clock_s_dates(
    qtbot: QtBot, main_window_for: MakeWindow, doctor: UserContext, clock: FixedClock
) -> None:
    window = main_window_for(doctor)
    assert not shown_date(window).isVisible()  # frozen is not simulated
    type_patient(qtbot, window, "19121212-1212")
    assert window.patient_header.details.text().startswith("158 år")

    services = window.services
    sent = new_draft(window, doctor, "fk7804", shifted(samples.fk7804()))
    version = services.certificates.open_certificate(doctor, sent).version
    services.lifecycle.signing.sign(doctor, sent, version, signature(doctor, clock))
    services.lifecycle.signing.send(doctor, sent, patient_consent=True)
    services.lifecycle.fk.send_question(
        "Anna Handläggare",
        sent,
        "AVSTMN",
        "Kan vi ses?",
        last_date_to_reply=FROZEN_DAY + dt.timedelta(days=21),
    )
    draft = new_draft(window, doctor, "fk7804")
    qtbot.waitUntil(lambda: len(window.certificate_list.visible_rows()) == 2)
    assert {row[0] for row in window.certificate_list.visible_rows()} == {FROZEN_TEXT}
    window.work_dock.refresh()
    questions = window.work_dock.visible_question_rows()
    assert [(row[5], row[6]) for row in questions] == [(FROZEN_TEXT, "2071-06-22")]

    # Every date field's calendar opens on the clock's today.
    editor = open_in_editor(window, draft)
    dates = editor.findChildren(DateInput)
    assert dates
    for date in dates:
        menu = date.calendar_button.menu()
        assert menu is not None
        menu.aboutToShow.emit()
        assert date.calendar.selectedDate() == QDate(2071, 6, 1)

    # The FK console's deadlines start from it too.
    console = window.open_fk_console()
    assert console.select(sent)
    assert console.form.deadline.minimumDate() == QDate(2071, 6, 1)
    assert console.form.deadline.date() == QDate(2071, 6, 15)
    console.close()

    # And time travel moves on from it.
    dialog = open_time_travel(window)
    assert dialog.current.text() == "2071-06-01 (måndag)"
    choose_days(qtbot, dialog, 15)
    qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    assert shown_date(window).text() == "Simulerat datum: 2071-06-16"
    statuses = {row[2] for row in window.certificate_list.visible_rows()}
    assert "Låst utkast" in statuses
