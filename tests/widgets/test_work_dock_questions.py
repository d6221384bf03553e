"""The list "Fråga/svar via Webcert" in the work dock: rows as the fetcher gives them, the
badge, the filters of "Ej hanterade ärenden" and opening a row."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from models.workflow.question_list import Measure, QuestionFilters, QuestionRow, Sender
from models.workflow.rows import Scope
from tests.models.qt.test_question_list_model import question_row
from widgets.work_dock import WorkDock

TOLVAN = "191212121212"
LILLTOLVAN = "201212121212"


class FakeQuestions:
    """A fetcher over fixed rows that filters on personnummer and records each call."""

    def __init__(self, rows: list[QuestionRow]) -> None:
        self.rows = rows
        self.calls: list[tuple[Scope, QuestionFilters, int, int]] = []
        self.counts: list[Scope] = []

    def fetch(
        self, scope: Scope, filters: QuestionFilters, offset: int, limit: int
    ) -> list[QuestionRow]:
        self.calls.append((scope, filters, offset, limit))
        digits = "".join(c for c in filters.person_id or "" if c.isdigit())
        rows = [r for r in self.rows if not digits or r.person_id == digits]
        return rows[offset : offset + limit]

    def count(self, scope: Scope) -> int:
        self.counts.append(scope)
        return len(self.rows)

    @property
    def last_filters(self) -> QuestionFilters:
        return self.calls[-1][1]


def rows() -> list[QuestionRow]:
    first = question_row(2, "incoming", reply_by=dt.date(2026, 11, 20))
    second = question_row(1, "awaiting")
    from dataclasses import replace

    second = replace(second, person_id=LILLTOLVAN, patient_name="Lilltolvan Tolvansson")
    return [first, second]


@pytest.fixture
def dock(qtbot: QtBot) -> WorkDock:
    dock = WorkDock()
    qtbot.addWidget(dock)
    dock.resize(1400, 300)
    dock.show()
    return dock


@pytest.fixture
def fake(dock: WorkDock) -> FakeQuestions:
    fake = FakeQuestions(rows())
    dock.set_question_fetcher(
        fake.fetch, fake.count, [("SE-DOC-1", "Ajla Doktor"), ("SE-DOC-2", "Karin Berg")]
    )
    return fake


def test_rows_and_badge(dock: WorkDock, fake: FakeQuestions) -> None:
    assert dock.visible_question_rows() == [
        [
            "19121212-1212",
            "Tolvan Tolvansson",
            "Inkommen fråga/svar",
            "Läkarintyg för sjukpenning",
            "Karin Berg",
            "2026-11-01 11:00",
            "2026-11-20",
        ],
        [
            "20121212-1212",
            "Lilltolvan Tolvansson",
            "Skickad fråga",
            "Läkarintyg för sjukpenning",
            "Karin Berg",
            "2026-11-01 10:00",
            "",
        ],
    ]
    assert dock.questions_box.title() == "Fråga/svar via Webcert (2)"
    assert dock.windowTitle() == "Mitt/Vårt/Patientens arbete – 2 ej hanterade"
    assert dock.unhandled_questions == 2
    assert fake.calls[-1] == ("mine", QuestionFilters(), 0, 200)
    fake.rows = []
    dock.refresh()
    assert dock.visible_question_rows() == []
    assert dock.questions_box.title() == "Fråga/svar via Webcert"
    assert dock.windowTitle() == "Mitt/Vårt/Patientens arbete"


def test_scope_switch_reloads_with_the_scope(dock: WorkDock, fake: FakeQuestions) -> None:
    dock.set_scope("unit")
    assert fake.calls[-1][0] == "unit"
    assert fake.counts[-1] == "unit"


def test_filters(dock: WorkDock, fake: FakeQuestions, qtbot: QtBot) -> None:
    panel = dock.filters
    assert not panel.filter_panel.isVisible()
    qtbot.mouseClick(panel.filter_toggle, Qt.MouseButton.LeftButton)
    assert panel.filter_panel.isVisible()
    assert panel.measure_combo.currentText() == "Alla ej hanterade"
    assert [panel.signer_combo.itemText(i) for i in range(panel.signer_combo.count())] == [
        "Visa alla",
        "Ajla Doktor",
        "Karin Berg",
    ]

    panel.measure_combo.setCurrentIndex(panel.measure_combo.findText("Komplettera"))
    assert fake.last_filters.measure is Measure.COMPLEMENT
    assert panel.filter_toggle.text() == "Filter (aktiva)"
    panel.sender_combo.setCurrentIndex(panel.sender_combo.findText("Försäkringskassan"))
    assert fake.last_filters.sender is Sender.FK
    panel.signer_combo.setCurrentIndex(2)
    assert fake.last_filters.signed_by == "SE-DOC-2"

    QTest.keyClicks(panel.patient_edit, "20121212-1212")  # a whole personnummer: at once
    assert fake.last_filters.person_id == "20121212-1212"
    assert [r[1] for r in dock.visible_question_rows()] == ["Lilltolvan Tolvansson"]

    QTest.keyClicks(panel.date_from_edit, "2026-11-01")
    QTest.keyClick(panel.date_from_edit, Qt.Key.Key_Return)
    assert fake.last_filters.date_from == dt.date(2026, 11, 1)
    QTest.keyClicks(panel.date_to_edit, "2026-13-01")  # not a date: no limit, marked
    QTest.keyClick(panel.date_to_edit, Qt.Key.Key_Return)
    assert fake.last_filters.date_to is None
    assert panel.date_to_edit.toolTip() == "Ange datum som ÅÅÅÅ-MM-DD"
    QTest.keyClicks(panel.reply_by_edit, "2026-12-11")  # "svara senast" on or before
    QTest.keyClick(panel.reply_by_edit, Qt.Key.Key_Return)
    assert fake.last_filters.reply_by == dt.date(2026, 12, 11)

    calls = len(fake.calls)
    qtbot.mouseClick(panel.clear_filters_button, Qt.MouseButton.LeftButton)
    assert len(fake.calls) == calls + 1  # one reload, not one per field
    assert fake.last_filters == QuestionFilters()
    assert dock.question_filters() == QuestionFilters()
    assert panel.measure_combo.currentText() == "Alla ej hanterade"
    assert (
        panel.patient_edit.text() == panel.date_to_edit.text() == panel.reply_by_edit.text() == ""
    )
    assert panel.filter_toggle.text() == "Filter"
    assert len(dock.visible_question_rows()) == 2


def test_partial_personnummer_waits_for_enter(dock: WorkDock, fake: FakeQuestions) -> None:
    panel = dock.filters
    calls = len(fake.calls)
    QTest.keyClicks(panel.patient_edit, "1912")
    assert len(fake.calls) == calls
    QTest.keyClick(panel.patient_edit, Qt.Key.Key_Return)
    assert fake.last_filters.person_id == "1912"
    assert dock.visible_question_rows() == []


def test_double_click_and_enter_open_the_row(
    dock: WorkDock, fake: FakeQuestions, qtbot: QtBot
) -> None:
    view = dock.questions
    opened: list[QuestionRow] = []
    dock.questionOpenRequested.connect(opened.append)
    rect = view.visualRect(view.model().index(1, 1))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [fake.rows[1]]
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 0))
    QTest.keyClick(view, Qt.Key.Key_Return)
    assert opened == [fake.rows[1], fake.rows[0]]
