"""The FK caseworker console, driven like an instructor: pick a received certificate, send a
complement request, remind, answer care's question, and see a revocation notice."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from models.clock import FixedClock
from models.staff import UserContext
from models.store import Store
from models.workflow.lifecycle import Lifecycle
from tests.conftest import TOLVAN
from tests.models.workflow.questions_support import question_row, sent_certificate
from widgets.fk_console_window import FkConsoleWindow

TITLE = "Försäkringskassan – handläggarvy (simulering)"


@pytest.fixture
def window(qtbot: QtBot, life: Lifecycle, clock: FixedClock) -> FkConsoleWindow:
    shown = FkConsoleWindow(life.fk, clock, caseworker="Anna Handlaggare")
    qtbot.addWidget(shown)
    shown.show()
    return shown


def _click(qtbot: QtBot, button: object) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]


def _open(qtbot: QtBot, window: FkConsoleWindow, certificate_id: str) -> None:
    _click(qtbot, window.refresh_button)
    ids = [
        window.table.item(r, 0).data(Qt.ItemDataRole.UserRole)
        for r in range(window.table.rowCount())
    ]
    window.table.selectRow(ids.index(certificate_id))
    assert window.current is not None
    assert window.current.received.certificate_id == certificate_id


def test_the_console_lists_and_shows_what_fk_received(
    qtbot: QtBot, window: FkConsoleWindow, life: Lifecycle, store: Store, doctor: UserContext
) -> None:
    assert window.windowTitle() == TITLE
    assert window.table.rowCount() == 0
    certificate_id = sent_certificate(store, life, doctor)
    _open(qtbot, window, certificate_id)
    row = [window.table.item(0, c).text() for c in range(window.table.columnCount())]
    assert row[0] == "19121212-1212"
    assert row[2] == "Läkarintyg för sjukpenning"
    assert row[3] == "2026-11-27 09:30"
    assert row[4] == "Mottaget"
    assert "MADRS-S 28" in window.content.toPlainText()
    assert "Läkarintyg för sjukpenning" in window.heading.text()
    assert not window.revocation.isVisible()
    # KOMPLT by default, with today + 14 days as "Svara senast".
    assert window.form.chosen_subject() == "KOMPLT"
    assert window.form.deadline.date() == QDate(2026, 12, 11)
    assert [window.form.subject.itemText(i) for i in range(4)] == [
        "Komplettering", "Avstämningsmöte", "Kontakt", "Övrigt",
    ]  # fmt: skip


def test_a_complement_request_then_a_reminder(
    qtbot: QtBot, window: FkConsoleWindow, life: Lifecycle, store: Store, doctor: UserContext
) -> None:
    certificate_id = sent_certificate(store, life, doctor)
    _open(qtbot, window, certificate_id)
    # Without a field, the service refuses and the message bar says why.
    qtbot.keyClicks(window.form.text, "Please clarify the functional impairment.")
    _click(qtbot, window.form.send_button)
    assert window.message_bar.text == "Ange vilka fält i intyget kompletteringen gäller."
    window.form.check_field("35", "Describe MADRS in detail.")
    window.form.deadline.setDate(QDate(2026, 12, 18))
    _click(qtbot, window.form.send_button)
    assert window.message_bar.text == "Frågan är skickad till vården."
    panel = life.questions.panel(doctor, certificate_id)
    [card] = panel.complement_requests
    assert (card.text, card.author) == (
        "Please clarify the functional impairment.",
        "Anna Handlaggare",
    )
    assert card.last_date_to_reply == dt.date(2026, 12, 18)
    assert [(f.field_id, f.text) for f in card.field_links] == [("35", "Describe MADRS in detail.")]
    assert window.table.item(0, 4).text() == "Mottaget – öppna frågor: 1"
    # The question is listed, selected, and can be reminded of; answering is for care's questions.
    assert window.messages.topLevelItem(0).text(0) == "Komplettering"
    assert window.selected_card() is not None and window.selected_card().id == card.id
    assert window.remind_button.isEnabled() and not window.answer_button.isEnabled()
    qtbot.keyClicks(window.reply_text, "Reminder: please answer.")
    _click(qtbot, window.remind_button)
    assert window.message_bar.text == "Påminnelsen är skickad till vården."
    [card] = life.questions.panel(doctor, certificate_id).complement_requests
    assert [r.text for r in card.reminders] == ["Reminder: please answer."]
    top = window.messages.topLevelItem(0)
    assert "Påminnelse" in [top.child(i).text(0) for i in range(top.childCount())]


def test_answering_a_question_from_care(
    qtbot: QtBot, window: FkConsoleWindow, life: Lifecycle, store: Store, doctor: UserContext
) -> None:
    certificate_id = sent_certificate(store, life, doctor)
    asked = life.questions.ask(doctor, certificate_id, "KONTKT", "Ring mig.")
    _open(qtbot, window, certificate_id)
    window.select_question(asked)
    assert window.answer_button.isEnabled() and not window.remind_button.isEnabled()
    _click(qtbot, window.answer_button)  # no text yet
    assert window.message_bar.text == "Skriv en text."
    qtbot.keyClicks(window.reply_text, "We will call on Monday.")
    _click(qtbot, window.answer_button)
    assert window.message_bar.text == "Svaret är skickat till vården."
    stored = question_row(store, asked)
    assert (stored.status, stored.answer_text) == ("ANSWERED", "We will call on Monday.")
    assert not window.answer_button.isEnabled()
    top = window.messages.topLevelItem(0)
    assert top.text(5) == "Besvarad"
    assert top.child(0).text(1) == "We will call on Monday."


def test_a_revoked_certificate_shows_its_notice(
    qtbot: QtBot, window: FkConsoleWindow, life: Lifecycle, store: Store, doctor: UserContext
) -> None:
    certificate_id = sent_certificate(store, life, doctor)
    life.revoking.revoke(doctor, certificate_id, "ANNAT_ALLVARLIGT_FEL", "Fel diagnos.")
    _open(qtbot, window, certificate_id)
    notice = "Vården makulerade intyget 2026-11-27 09:30. Meddelande: Fel diagnos."
    assert window.revocation.isVisible() and window.revocation.text() == notice
    assert window.table.item(0, 4).text() == "Makulerat"
    assert window.table.item(0, 0).toolTip() == notice
    assert not window.form.isEnabled()
    assert TOLVAN[:8] in window.heading.text()


def test_a_protected_patients_row_carries_the_lock(
    qtbot: QtBot, window: FkConsoleWindow, life: Lifecycle, store: Store, doctor: UserContext
) -> None:
    protected = sent_certificate(store, life, doctor, person="197006121144")  # Kerstin Lund
    plain = sent_certificate(store, life, doctor)
    _click(qtbot, window.refresh_button)
    rows = {
        window.table.item(r, 0).data(Qt.ItemDataRole.UserRole): window.table.item(r, 0)
        for r in range(window.table.rowCount())
    }
    assert not rows[protected].icon().isNull()
    assert rows[protected].toolTip() == "Patienten har skyddade personuppgifter"
    assert rows[plain].icon().isNull()


def test_start_question_shows_a_received_certificate_with_the_form_ready(
    qtbot: QtBot, window: FkConsoleWindow, life: Lifecycle, store: Store, doctor: UserContext
) -> None:
    assert not window.start_question("no-such-certificate")
    assert window.current is None and not window.form.isEnabled()
    certificate_id = sent_certificate(store, life, doctor)
    for _again in range(2):  # the second time the console already shows it
        assert window.start_question(certificate_id)
        assert window.current is not None
        assert window.current.received.certificate_id == certificate_id
        assert window.form.isEnabled() and window.form.text.toPlainText() == ""
        assert window.form.deadline.date() == QDate(2026, 12, 11)
        assert window.form.text.hasFocus()
