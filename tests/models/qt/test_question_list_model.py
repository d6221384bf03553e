"""The model of "Fråga/svar via Webcert" passes Qt's model tester, shows the seed's columns and
marks rows by kind; pages are fetched as the view asks for more."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from models.qt.question_list_model import QuestionListModel, QuestionRowRole
from models.workflow.question_list import INCOMING, SENT, QuestionRow

HEADERS = ["Pnr", "Namn", "Typ", "Intyg", "Ansvarig", "Datum/Tid", "Svara senast"]


def question_row(
    n: int,
    icon: str = "incoming",
    *,
    reply_by: dt.date | None = None,
    protected: bool = False,
) -> QuestionRow:
    return QuestionRow(
        certificate_id=f"cert-{n}",
        type_code="fk7804",
        type_name="Läkarintyg för sjukpenning",
        patient_id=n,
        person_id="191212121212",
        patient_name="Tolvan Tolvansson",
        responsible_name="Karin Berg",
        kind=INCOMING if icon == "incoming" else SENT if icon == "awaiting" else "Hanterad",
        icon=icon,  # type: ignore[arg-type]
        latest_at=dt.datetime(2026, 11, 1, 8, 0, tzinfo=dt.UTC) + dt.timedelta(hours=n),
        last_date_to_reply=reply_by,
        unhandled=1,
        protected_identity=protected,
    )


def paged(rows: list[QuestionRow], calls: list[tuple[int, int]]):  # type: ignore[no-untyped-def]
    def source(offset: int, limit: int) -> list[QuestionRow]:
        calls.append((offset, limit))
        return rows[offset : offset + limit]

    return source


def test_columns_texts_and_roles(qtmodeltester: ModelTester, qapp: QApplication) -> None:
    model = QuestionListModel()
    rows = [
        question_row(1, "incoming", reply_by=dt.date(2026, 11, 20)),
        question_row(2, "awaiting"),
        question_row(3, "handled", protected=True),
    ]
    model.set_source(paged(rows, []))
    qtmodeltester.check(model)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)] == HEADERS
    assert [model.index(0, c).data() for c in range(7)] == [
        "19121212-1212",
        "Tolvan Tolvansson",
        "Inkommen fråga/svar",
        "Läkarintyg för sjukpenning",
        "Karin Berg",
        "2026-11-01 10:00",  # 09:00 UTC is 10:00 in Sweden in November
        "2026-11-20",
    ]
    assert model.index(1, 2).data() == "Skickad fråga"
    assert model.index(1, 6).data() == ""
    assert model.index(2, 0).data(QuestionRowRole) is rows[2]


def test_icons_and_tooltips_per_kind(qapp: QApplication) -> None:
    model = QuestionListModel()
    model.set_source(
        paged(
            [
                question_row(1, "incoming"),
                question_row(2, "awaiting"),
                question_row(3, "handled", protected=True),
            ],
            [],
        )
    )
    decoration, tooltip = Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole
    incoming = model.index(0, 0).data(decoration)
    awaiting = model.index(1, 0).data(decoration)
    assert isinstance(incoming, QIcon) and not incoming.isNull()
    assert isinstance(awaiting, QIcon) and not awaiting.isNull()
    assert incoming.cacheKey() != awaiting.cacheKey()
    assert model.index(2, 0).data(decoration) is None
    assert model.index(0, 0).data(tooltip) == "Inkommen fråga eller svar från Försäkringskassan"
    assert model.index(1, 0).data(tooltip) == "Fråga skickad till Försäkringskassan, inväntar svar"
    # The lock of a protected patient sits in Namn, beside the kind icon.
    assert isinstance(model.index(2, 1).data(decoration), QIcon)
    assert model.index(2, 1).data(tooltip) == "Patienten har skyddade personuppgifter"
    assert model.index(0, 1).data(decoration) is None


def test_pages_load_lazily(qtmodeltester: ModelTester) -> None:
    rows = [question_row(n) for n in range(5)]
    calls: list[tuple[int, int]] = []
    checked = QuestionListModel(page_size=2)
    checked.set_source(paged(rows, []))
    qtmodeltester.check(checked)  # the tester fetches every page itself
    assert checked.rowCount() == 5
    model = QuestionListModel(page_size=2)
    model.set_source(paged(rows, calls))
    assert model.rowCount() == 2 and calls == [(0, 2)]
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 5
    assert not model.canFetchMore(QModelIndex())
    assert calls == [(0, 2), (2, 2), (4, 2)]
    model.set_source(None)
    assert model.rowCount() == 0 and not model.canFetchMore(QModelIndex())


def test_view_fetches_more_as_it_scrolls(qtbot: QtBot) -> None:
    rows = [question_row(n) for n in range(30)]
    model = QuestionListModel(page_size=10)
    model.set_source(paged(rows, []))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(600, 200)
    view.show()
    view.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > 10)
