"""An authority's inbox, used as the instructor would: what Transportstyrelsen received, one
certificate opened read-only in the clinician's layout, and a revocation notice in red."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from models.clock import FixedClock
from models.recipients.authorities import SOS, TRANSP, authority
from models.recipients.inbox import Inbox
from models.staff import UserContext
from models.store import Store
from models.workflow.lifecycle import Lifecycle
from models.workflow.revoking import RevokeReason
from tests.models.recipients.conftest import inbox, signed_before
from tests.models.workflow.conftest import at
from widgets.authority_inbox_window import COL_STATUS, COLUMNS, AuthorityInboxWindow

__all__ = ["inbox"]  # as the recipients' model tests have them


def _window(qtbot: QtBot, inbox: Inbox, clock: FixedClock, code: str) -> AuthorityInboxWindow:
    shown = AuthorityInboxWindow(inbox, authority(code), clock)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def _sent_ts_bas(store: Store, life: Lifecycle, doctor: UserContext) -> str:
    certificate_id = signed_before(store, "ts-bas", signed=at(25))
    life.signing.send(doctor, certificate_id, patient_consent=True)
    return certificate_id


def _cells(window: AuthorityInboxWindow, row: int) -> list[str]:
    return [window.table.item(row, c).text() for c in range(window.table.columnCount())]


def test_transportstyrelsen_lists_and_opens_what_it_received(
    qtbot: QtBot,
    inbox: Inbox,
    clock: FixedClock,
    store: Store,
    life: Lifecycle,
    doctor: UserContext,
) -> None:
    window = _window(qtbot, inbox, clock, TRANSP)
    assert window.windowTitle() == "Transportstyrelsen – inkorg (simulering)"
    assert window.table.rowCount() == 0
    assert window.empty.isVisible()
    assert window.empty.text() == "Transportstyrelsen har inte tagit emot några intyg."

    _sent_ts_bas(store, life, doctor)
    qtbot.mouseClick(window.refresh_button, Qt.MouseButton.LeftButton)
    headers = [window.table.horizontalHeaderItem(c).text() for c in range(len(COLUMNS))]
    assert headers == ["Mottaget", "Intyg", "Patient", "Vårdenhet", "Version", "Status"]
    assert window.table.rowCount() == 1 and not window.empty.isVisible()
    received, type_text, patient, unit, version, status = _cells(window, 0)
    assert received == "2026-11-27 09:30"  # the clock, in Swedish time
    assert type_text == "Transportstyrelsens läkarintyg (TSTRK1007)"
    assert patient == "19121212-1212 Tolvan Tolvansson"
    assert unit and version == "1.0" and status == "Mottaget"
    assert window.view is None  # nothing opened yet

    window.table.selectRow(0)
    view = window.view
    assert view is not None and view.read_only
    assert not view.action_bar.isVisibleTo(window)
    assert (
        window.heading.text()
        == "Mottaget 2026-11-27 09:30 från Karin Berg. Utfärdat av Testenhet 17."
    )
    assert view.patient.text() == "19121212-1212  Tolvan Tolvansson"
    assert not window.revocation.isVisibleTo(window)
    filled = [w for w in view.fields.values() if w.value() not in (None, "", [], {})]
    assert filled and not any(w.input.isEnabled() for w in filled)


def test_a_revocation_notice_marks_the_row_and_the_opened_certificate(
    qtbot: QtBot,
    inbox: Inbox,
    clock: FixedClock,
    store: Store,
    life: Lifecycle,
    doctor: UserContext,
) -> None:
    certificate_id = _sent_ts_bas(store, life, doctor)
    window = _window(qtbot, inbox, clock, TRANSP)
    window.table.selectRow(0)
    opened_view = window.view

    life.revoking.revoke(doctor, certificate_id, RevokeReason.FEL_PATIENT, "Fel person.")
    window.refresh()
    assert window.table.item(0, COL_STATUS).text() == "Makulerat 2026-11-27"
    assert window.table.item(0, 0).foreground().color().name() == "#a4262c"
    assert window.current is not None and window.view is opened_view  # still the one open
    assert window.revocation.isVisibleTo(window)
    assert window.revocation.text().startswith("Makulerat 2026-11-27 09:30: ")
    assert "Fel person." in window.revocation.text()


def test_an_inbox_shows_only_its_own_recipients_certificates(
    qtbot: QtBot,
    inbox: Inbox,
    clock: FixedClock,
    store: Store,
    life: Lifecycle,
    doctor: UserContext,
) -> None:
    _sent_ts_bas(store, life, doctor)
    socialstyrelsen = _window(qtbot, inbox, clock, SOS)
    assert socialstyrelsen.windowTitle() == "Socialstyrelsen – inkorg (simulering)"
    assert socialstyrelsen.table.rowCount() == 0
