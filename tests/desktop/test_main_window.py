"""The main window driven like a user: type a personnummer, read the header and status bar."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from desktop.main_window import MainWindow
from models.audit import entries_for_patient
from models.staff import UserContext
from models.store import Store
from tests.desktop.drivers import type_patient

MakeWindow = Callable[[], MainWindow]


@pytest.fixture
def make_window(
    main_window_for: Callable[[UserContext], MainWindow], doctor: UserContext
) -> MakeWindow:
    return lambda: main_window_for(doctor)


def test_status_bar_names_user_unit_and_database(make_window: MakeWindow) -> None:
    window = make_window()
    assert window.user_label.text() == "Karin Berg (Läkare)"
    assert window.unit_label.text() == "Testenhet 17"
    assert window.patient_label.text() == "Ingen patient"
    assert window.database_label.text().startswith(("SQLite: ", "PostgreSQL: "))
    assert [action.text() for action in window.menuBar().actions()] == [
        "&Arkiv",
        "&Nytt",
        "&Visa",
        "&Simulering",
        "&Hjälp",
    ]


def test_typing_a_personnummer_opens_the_journal(
    qtbot: QtBot, make_window: MakeWindow, store: Store
) -> None:
    window = make_window()
    with qtbot.waitSignal(window.patient_opened) as opened:
        type_patient(qtbot, window, "121212+1212")
    assert window.patient_header.identity.text() == "19121212-1212  Tolvan Tolvansson"
    assert window.patient_header.details.text().startswith("113 år")
    assert window.patient_header.banner_labels == []
    assert window.patient_label.text() == "19121212-1212 Tolvan Tolvansson"
    assert window.patient_field.text() == "19121212-1212"
    assert window.journal.isEnabled()
    assert window.journal.currentItem().text(0) == "Intyg via Webcert"
    actions = [entry.action for entry in entries_for_patient(store, opened.args[0].id)]
    assert actions == ["Läsa"]


def test_a_malformed_number_is_explained_and_nothing_changes(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window()
    type_patient(qtbot, window, "19121212-1212")
    type_patient(qtbot, window, "19121212-1213")
    assert "inget giltigt personnummer" in window.message_bar.text
    assert window.patient_label.text() == "19121212-1212 Tolvan Tolvansson"
    assert window.patient_header.identity.text().endswith("Tolvan Tolvansson")


def test_an_unknown_number_is_explained(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    type_patient(qtbot, window, "121212-1212")
    assert window.message_bar.text.startswith(
        "Det finns ingen patient med personnummer 20121212-1212"
    )
    assert window.patient is None
    assert not window.journal.isEnabled()


@pytest.mark.parametrize(
    ("typed", "banners"),
    [
        ("19700612-1144", ["Patienten har skyddade personuppgifter"]),
        ("19400107-9120", ["Patienten är avliden"]),
        (
            "99202600-0018",
            ["Patienten har reservnummer – elektroniska intyg kan inte utfärdas"],
        ),
    ],
)
def test_banners_warn_about_the_patient(
    qtbot: QtBot, make_window: MakeWindow, typed: str, banners: list[str]
) -> None:
    window = make_window()
    type_patient(qtbot, window, typed)
    assert window.patient_header.banner_labels == banners


def test_protected_identity_hides_the_address(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    type_patient(qtbot, window, "19700612-1144")
    assert window.patient_header.details.text() == "56 år"


def test_closing_the_patient_clears_the_journal(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    type_patient(qtbot, window, "19121212-1212")
    with qtbot.waitSignal(window.patient_closed):
        window.close_patient_action.trigger()
    assert window.patient is None
    assert window.patient_header.isHidden()
    assert window.patient_label.text() == "Ingen patient"


def test_the_work_dock_has_both_lists_and_can_be_hidden(make_window: MakeWindow) -> None:
    window = make_window()
    assert window.work_dock.windowTitle() == "Mitt/Vårt/Patientens arbete"
    assert window.work_dock.isVisible()
    window.work_dock.toggleViewAction().trigger()
    assert not window.work_dock.isVisible()
