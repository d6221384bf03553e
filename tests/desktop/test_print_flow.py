"""Skriv ut from the action bar: the PDF is made in the background and the viewer opens."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.main_window import MainWindow
from models.staff import UserContext
from models.store import Store
from models.store.audit_log import AuditEntry
from models.workflow.actions import Action
from tests.desktop.drivers import (
    answer_next_box,
    current_editor,
    new_draft,
    open_in_editor,
    press,
    sign,
    type_patient,
)
from tests.models.definitions.types import samples
from widgets.print_viewer import PrintViewer


def _print(qtbot: QtBot, window: MainWindow) -> PrintViewer:
    with qtbot.waitSignal(window.action_controller.printed, timeout=10_000) as shown:
        press(qtbot, current_editor(window), Action.PRINT)
    viewer = shown.args[0]
    assert isinstance(viewer, PrintViewer) and viewer.isVisible()
    qtbot.addWidget(viewer)
    return viewer


def _print_entries(store: Store) -> list[str]:
    with store.session() as session:
        return list(
            session.scalars(select(AuditEntry.details).where(AuditEntry.action == "Utskrift"))
        )


def test_a_draft_and_then_the_signed_certificate_are_printed(
    qtbot: QtBot,
    main_window_for: Callable[[UserContext], MainWindow],
    doctor: UserContext,
    store: Store,
) -> None:
    window = main_window_for(doctor)
    type_patient(qtbot, window, "19121212-1212")
    editor = open_in_editor(window, new_draft(window, doctor, "fk7804", samples.fk7804()))
    assert "Skriv ut" in editor.action_bar.labels()
    draft_view = _print(qtbot, window)
    assert draft_view.page_count() >= 2
    assert draft_view.notice.isHidden()
    draft_view.close()
    assert _print_entries(store) == ["Utkastet utskrivet"]

    sign(qtbot, window, current_editor(window))
    signed_view = _print(qtbot, window)
    assert signed_view.windowTitle() == "Läkarintyg för sjukpenning – utskrift"
    assert _print_entries(store) == ["Utkastet utskrivet", "Intyg utskrivet"]


def test_a_protected_patients_printout_comes_with_a_notice(
    qtbot: QtBot,
    main_window_for: Callable[[UserContext], MainWindow],
    doctor: UserContext,
) -> None:
    window = main_window_for(doctor)
    type_patient(qtbot, window, "19700612-1144")  # Kerstin Lund, skyddade personuppgifter
    open_in_editor(window, new_draft(window, doctor, "ag114", samples.ag114()))
    viewer = _print(qtbot, window)
    assert viewer.notice.isVisible()
    assert "skyddade personuppgifter" in viewer.notice.text()


def test_a_db_for_the_police_is_offered_for_printing_after_signing(
    qtbot: QtBot,
    main_window_for: Callable[[UserContext], MainWindow],
    doctor: UserContext,
) -> None:
    window = main_window_for(doctor)
    type_patient(qtbot, window, "19400107-9120")
    draft = new_draft(window, doctor, "db", {**samples.db_uncertain(), "7": True})
    seen = answer_next_box("", QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(window.action_controller.printed, timeout=10_000) as shown:
        sign(qtbot, window, open_in_editor(window, draft))
    assert "Polismyndigheten" in seen[0]
    viewer = shown.args[0]
    qtbot.addWidget(viewer)
    assert "Polismyndigheten" in viewer.notice.text()
