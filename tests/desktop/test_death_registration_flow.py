"""A DB that reaches Skatteverket changes the open journal: the banner and the rules follow."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from desktop.main_window import MainWindow
from models.clock import FixedClock
from models.staff import UserContext
from models.store import Store
from tests.desktop.drivers import type_patient
from tests.models.recipients.conftest import ERIK, signed_now

MakeWindow = Callable[[UserContext], MainWindow]


def test_the_open_journal_shows_the_death_once_skatteverket_has_the_db(
    qtbot: QtBot,
    main_window_for: MakeWindow,
    doctor: UserContext,
    store: Store,
    clock: FixedClock,
) -> None:
    window = main_window_for(doctor)
    type_patient(qtbot, window, ERIK)
    assert window.patient_header.banner_labels == []
    assert window.new_certificate_action.isEnabled()

    # The DB is signed (and so sent to Skatteverket) while Erik's journal is open.
    signed_now(store, window.services.lifecycle, doctor, clock, "db", ERIK)

    qtbot.waitUntil(lambda: window.patient_header.banner_labels == ["Patienten är avliden"])
    assert window.patient is not None
    assert window.patient.date_of_death is not None
    assert window.patient.date_of_death.isoformat() == "2026-11-26"
    # The journal lists the DB itself.
    assert window.certificate_model.rowCount() == 1
