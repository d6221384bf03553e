"""Mina intyg (1177) as the patient uses it: log in, read the list with its badges, filter it,
open a certificate, send it, and print it (with the diagnosis hidden for the employer)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from desktop import tasks
from desktop.tasks import run_task
from models.clock import FixedClock
from models.events import ChangeBus
from models.printing.citizen import SHARED_COMPUTER
from models.recipients.citizen import UNDER_AGE
from models.recipients.mina_intyg import MinaIntyg
from models.staff import UserContext
from models.store import Store
from models.store.schema import CertificateStatus
from models.workflow.lifecycle import Lifecycle
from models.workflow.revoking import RevokeReason
from tests.conftest import TOLVAN
from tests.factories import make_certificate
from tests.models.definitions.types import samples
from tests.models.recipients.conftest import NILS, mina, signed_before
from widgets.mina_intyg.window import MinaIntygWindow

__all__ = ["mina"]  # the portal on this test's store, as the models' tests have it


def _at(day: int, month: int = 11, year: int = 2026) -> dt.datetime:
    return dt.datetime(year, month, day, 8, 0, tzinfo=dt.UTC)


@pytest.fixture
def window(
    qtbot: QtBot, mina: MinaIntyg, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> MinaIntygWindow:
    monkeypatch.setattr(tasks, "synchronous", True)
    shown = MinaIntygWindow(mina, clock, run=run_task)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def _click(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isEnabled(), button.toolTip()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _log_in(qtbot: QtBot, window: MinaIntygWindow, person_id: str = TOLVAN) -> None:
    window.login_page.choose(person_id)
    _click(qtbot, window.login_page.login_button)


def _cards(window: MinaIntygWindow) -> list[tuple[str, list[str]]]:
    return [(card.row.type_name, card.badge_texts()) for card in window.list_page.cards]


def _choose(combo: QComboBox, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, [combo.itemText(i) for i in range(combo.count())]
    combo.setCurrentIndex(index)


def _answer_next_box(button_text: str) -> list[str]:
    """Press the button with this text in the next message box; returns the box's text."""
    seen: list[str] = []

    def respond() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox), box
        seen.append(box.text())
        chosen = [b for b in box.buttons() if b.text() == button_text]
        assert chosen, [b.text() for b in box.buttons()]
        chosen[0].click()

    QTimer.singleShot(0, respond)
    return seen


def test_a_child_is_refused_and_tolvan_logs_in_and_out(
    qtbot: QtBot, window: MinaIntygWindow
) -> None:
    assert window.windowTitle() == "Mina intyg (1177) – simulering"
    assert window.top_bar.portal.text() == "Intyg – 1177"
    assert not window.top_bar.log_out_button.isVisible()
    assert window.pages.currentWidget() is window.login_page
    people = [
        window.login_page.people.item(r).text() for r in range(window.login_page.people.count())
    ]
    assert "Tolvan Tolvansson\n19121212-1212 · 113 år" in people
    assert not any("99202600" in person for person in people)  # no reservnummer

    _log_in(qtbot, window, NILS)
    assert window.citizen is None
    assert window.pages.currentWidget() is window.login_page
    assert window.login_page.refusal.isVisible()
    assert window.login_page.refusal.text() == UNDER_AGE

    _log_in(qtbot, window)
    assert window.pages.currentWidget() is window.list_page
    assert window.top_bar.citizen.text() == "Tolvan Tolvansson"
    assert window.top_bar.log_out_button.isVisible()

    _click(qtbot, window.top_bar.log_out_button)
    assert window.citizen is None
    assert window.pages.currentWidget() is window.login_page
    assert not window.top_bar.citizen.isVisible()


def test_the_list_shows_badges_and_filters(
    qtbot: QtBot, window: MinaIntygWindow, store: Store
) -> None:
    fk = signed_before(store, "fk7804", signed=_at(25))
    signed_before(store, "ag7804", signed=_at(1, 3), sent_to=None)
    signed_before(store, "ts-bas", signed=_at(20), sent_to="TRANSP")
    signed_before(store, "fk7804", signed=_at(5, 10, 2025), unit_id="TSTNMT2321000156-1078")
    revoked = CertificateStatus.REVOKED
    signed_before(store, "fk7804", signed=_at(26), status=revoked)  # never shown
    signed_before(store, "db", signed=_at(26))  # never shown
    signed_before(store, "fk7804", signed=_at(26), replaces_id=fk)
    _log_in(qtbot, window)

    page = window.list_page
    assert page.count.text() == "5 intyg"
    assert _cards(window) == [
        ("Läkarintyg för sjukpenning", ["Nytt", "Ej skickat"]),
        ("Läkarintyg för sjukpenning", ["Nytt", "Ersatt"]),
        ("Transportstyrelsens läkarintyg", ["Nytt", "Skickat"]),
        ("Läkarintyg om arbetsförmåga – arbetsgivaren", []),
        ("Läkarintyg för sjukpenning", ["Ej skickat"]),
    ]
    first = page.cards[0]
    assert first.details.text().startswith("Utfärdat 2026-11-26 · Testenhet 17, ")

    _choose(page.status, "Skickat")
    assert _cards(window) == [("Transportstyrelsens läkarintyg", ["Nytt", "Skickat"])]
    assert page.count.text() == "1 intyg som matchar filtren"
    _click(qtbot, page.clear_button)
    _choose(page.year, "2025")
    assert [card.row.signed_at.year for card in page.cards] == [2025]
    _choose(page.year, "Alla år")
    _choose(page.type, "Läkarintyg om arbetsförmåga – arbetsgivaren")
    assert len(page.cards) == 1
    _choose(page.type, "Alla intygstyper")
    assert [page.unit.itemText(i) for i in range(page.unit.count())] == [
        "Alla vårdenheter",
        "Testenhet 17",
        "Vårdcentralen Sjöstaden",
    ]
    _choose(page.unit, "Vårdcentralen Sjöstaden")
    assert [card.row.signed_at.year for card in page.cards] == [2025]
    assert page.cards[0].details.text().startswith("Utfärdat 2025-10-05 · Vårdcentralen")
    _click(qtbot, page.clear_button)
    _choose(page.sort, "Äldst först")
    assert page.cards[0].row.signed_at.year == 2025
    assert page.count.text() == "5 intyg"


def test_a_certificate_is_read_and_sent_once(
    qtbot: QtBot, window: MinaIntygWindow, store: Store
) -> None:
    certificate_id = signed_before(store, "fk7804", signed=_at(25))
    _log_in(qtbot, window)
    _click(qtbot, window.list_page.cards[0].open_button)

    page = window.certificate_page
    assert window.pages.currentWidget() is page
    assert page.heading.text() == "Läkarintyg för sjukpenning (FK7804)"
    assert page.badge_texts() == ["Nytt", "Ej skickat"]
    assert not page.replaced.isVisible() and not page.adapt.isVisible()
    content = page.content
    assert content is not None and content.read_only
    assert content.patient.text() == "19121212-1212  Tolvan Tolvansson"
    assert not content.patient.isVisible()  # the top bar names the citizen
    assert not content.action_bar.isVisible()
    assert content.fields["25"].value() == samples.fk7804()["25"]
    assert "Intyget utfärdades av Testenhet 17" in page.history.text()

    seen = _answer_next_box("Skicka")
    _click(qtbot, page.send_button)
    assert seen == [
        "Vill du skicka intyget till Försäkringskassan? Intyget skickas digitalt och "
        "Försäkringskassan kan läsa det direkt."
    ]
    assert page.message_bar.text == "Intyget är skickat till Försäkringskassan."
    assert page.badge_texts() == ["Nytt", "Skickat"]
    assert "Skickat till Försäkringskassan" in page.history.text()
    assert (
        page.send_note.text() == "Intyget är redan skickat till Försäkringskassan 2026-11-27 09:30."
    )

    _click(qtbot, page.send_button)  # a second attempt is told when and to whom, unasked
    assert QApplication.activeModalWidget() is None
    assert page.message_bar.property("kind") == "error"
    assert page.message_bar.text == (
        "Intyget är redan skickat till Försäkringskassan 2026-11-27 09:30."
    )

    _click(qtbot, page.back_button)
    assert window.pages.currentWidget() is window.list_page
    assert _cards(window)[0][1] == ["Nytt", "Skickat"]
    assert certificate_id == window.list_page.cards[0].row.certificate_id


def test_the_send_can_be_cancelled(qtbot: QtBot, window: MinaIntygWindow, store: Store) -> None:
    signed_before(store, "fk7804", signed=_at(25))
    _log_in(qtbot, window)
    _click(qtbot, window.list_page.cards[0].open_button)
    page = window.certificate_page
    _answer_next_box("Avbryt")
    _click(qtbot, page.send_button)
    assert page.badge_texts() == ["Nytt", "Ej skickat"]
    assert page.message_bar.text == ""


@pytest.mark.parametrize(("type_code", "sent_to"), [("fk7804", "FKASSA"), ("ag7804", None)])
def test_a_replaced_certificate_says_so_and_offers_no_actions(
    qtbot: QtBot, window: MinaIntygWindow, store: Store, type_code: str, sent_to: str | None
) -> None:
    old = signed_before(store, type_code, signed=_at(20), sent_to=sent_to)
    signed_before(store, type_code, signed=_at(25), replaces_id=old)
    current = signed_before(store, "fk7804", signed=_at(26))
    _log_in(qtbot, window)
    assert window.open_certificate(current)
    assert window.certificate_page.send_button.isVisible()
    assert window.open_certificate(old)  # from a page with actions to one without
    page = window.certificate_page
    assert page.replaced.isVisible()
    assert page.replaced.text() == "Detta intyg har ersatts av ett nytt intyg."
    assert "Ersatt" in page.badge_texts()
    assert not page.action_row.isVisible()
    assert not page.send_button.isVisible() and not page.print_button.isVisible()
    assert not page.adapt.isVisible()
    assert "Ersatt av ett nytt intyg" in page.history.text()


def test_an_employer_certificate_is_printed_without_the_diagnosis_and_saved(
    qtbot: QtBot, window: MinaIntygWindow, store: Store, tmp_path: Path
) -> None:
    signed_before(store, "ag7804", signed=_at(25))
    _log_in(qtbot, window)
    _click(qtbot, window.list_page.cards[0].open_button)
    page = window.certificate_page
    assert not page.send_button.isVisible()  # the employer gets a printout
    assert page.send_note.text().startswith("Intyget kan inte skickas digitalt.")
    assert page.adapt.isVisible() and page.hide_diagnosis.isEnabled()

    qtbot.mouseClick(
        page.hide_diagnosis, Qt.MouseButton.LeftButton, pos=page.hide_diagnosis.rect().center()
    )
    assert page.hide_diagnosis.isChecked()
    seen = _answer_next_box("Fortsätt")
    _click(qtbot, page.print_button)
    assert seen == [SHARED_COMPUTER]
    viewer = window.print_viewer
    assert viewer is not None and viewer.isVisible()
    assert viewer.save_name is not None and viewer.save_name.startswith("minimalt_arbetsgivarintyg")
    assert viewer.page_count() >= 1
    texts = [action.text() for action in viewer.toolbar.actions()]
    assert texts == ["Skriv ut…", "Spara som PDF…", "Stäng"]
    saved = viewer.save_to(tmp_path / viewer.save_name)
    assert saved.read_bytes().startswith(b"%PDF")
    viewer.reject()

    qtbot.mouseClick(
        page.show_diagnosis, Qt.MouseButton.LeftButton, pos=page.show_diagnosis.rect().center()
    )
    _answer_next_box("Avbryt")
    _click(qtbot, page.print_button)
    assert window.print_viewer is viewer  # cancelled at the warning: no new viewer


def test_the_diagnosis_of_a_carrier_certificate_cannot_be_hidden(
    qtbot: QtBot, window: MinaIntygWindow, store: Store
) -> None:
    make_certificate(
        store,
        TOLVAN,
        type_code="ag7804",
        status=CertificateStatus.SIGNED,
        created=_at(25),
        seal=True,
        content=samples.ag7804_smittbarare(),
    )
    _log_in(qtbot, window)
    _click(qtbot, window.list_page.cards[0].open_button)
    page = window.certificate_page
    assert page.adapt.isVisible()
    assert not page.hide_diagnosis.isEnabled() and page.show_diagnosis.isChecked()
    assert page.adapt_note.text() == page.adapt.toolTip() != ""


def test_a_certificate_revoked_while_open_is_gone_back_to_the_list(
    qtbot: QtBot,
    window: MinaIntygWindow,
    store: Store,
    bus: ChangeBus,
    life: Lifecycle,
    doctor: UserContext,
) -> None:
    bus.subscribe(window.certificate_changed)  # as the desktop's bridge passes it on
    kept = signed_before(store, "fk7804", signed=_at(20))
    revoked = signed_before(store, "fk7804", signed=_at(25))
    _log_in(qtbot, window)
    assert window.open_certificate(revoked)

    life.revoking.revoke(doctor, revoked, RevokeReason.FEL_PATIENT, "Fel patient.")

    assert window.pages.currentWidget() is window.list_page
    assert [card.row.certificate_id for card in window.list_page.cards] == [kept]
    assert window.list_page.message_bar.text == "Intyget finns inte bland dina intyg."
    assert window.list_page.count.text() == "1 intyg"
    _click(qtbot, window.list_page.cards[0].open_button)
    _click(qtbot, window.certificate_page.back_button)
    assert window.list_page.message_bar.text == ""  # the notice is gone once read
