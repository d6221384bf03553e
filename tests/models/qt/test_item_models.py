"""The journal and work-list models pass Qt's model tester and show what the rows say."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from models.events import CertificateChanged, ChangeBus
from models.qt.bridge import ChangeBridge
from models.qt.certificate_table_model import CertificateIdRole, CertificateTableModel
from models.qt.work_list_model import WorkListModel
from models.workflow.rows import CertificateRow


def row(n: int, status_text: str = "Utkast") -> CertificateRow:
    moment = dt.datetime(2026, 11, 1, 8, 0, tzinfo=dt.UTC) + dt.timedelta(hours=n)
    return CertificateRow(
        id=f"id-{n}",
        type_code="fk7804",
        type_name="Läkarintyg för sjukpenning",
        status="DRAFT",
        status_text=status_text,
        timestamp=moment,
        created_at=moment,
        updated_at=moment,
        unit_id="U",
        unit_name="Testenhet 17",
        recipient="",
        patient_id=1,
        person_id="191212121212",
        patient_name="Tolvan Tolvansson",
        responsible_name="Karin Berg",
    )


def test_certificate_table_model(qtmodeltester: ModelTester) -> None:
    model = CertificateTableModel()
    model.set_rows([row(1), row(2, "Tomt utkast")])
    qtmodeltester.check(model)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == [
        "Datum/tid",
        "Blankett/formulär",
        "Status",
        "Vårdenhet",
        "Mottagare",
    ]
    # Newest first: row 2 (10:00 UTC) before row 1.
    assert [model.index(0, c).data() for c in range(5)] == [
        "2026-11-01 11:00",  # Swedish time (UTC+1 in November)
        "Läkarintyg för sjukpenning",
        "Tomt utkast",
        "Testenhet 17",
        "",
    ]
    assert model.index(1, 0).data(CertificateIdRole) == "id-1"
    persistent = QPersistentModelIndex(model.index(0, 2))
    model.sort(2, Qt.SortOrder.DescendingOrder)  # "Utkast" after "Tomt utkast", reversed
    assert [model.index(r, 2).data() for r in range(2)] == ["Utkast", "Tomt utkast"]
    assert persistent.row() == 1 and persistent.data() == "Tomt utkast"
    qtmodeltester.check(model)
    model.set_rows([])
    qtmodeltester.check(model)


def test_work_list_model_fetches_lazily(qtmodeltester: ModelTester) -> None:
    rows = [row(n) for n in range(45)]
    calls: list[tuple[int, int]] = []

    def source(offset: int, limit: int) -> list[CertificateRow]:
        calls.append((offset, limit))
        return rows[offset : offset + limit]

    model = WorkListModel(page_size=20)
    model.set_source(source)
    assert model.rowCount() == 20 and model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 45 and not model.canFetchMore(QModelIndex())
    assert calls == [(0, 20), (20, 20), (40, 20)]
    assert model.index(44, 0).data() == "19121212-1212 Tolvan Tolvansson"
    qtmodeltester.check(model)


def test_bridge_delivers_events_as_a_signal(qtbot: QtBot) -> None:
    bus = ChangeBus()
    bridge = ChangeBridge(bus)
    event = CertificateChanged("id-1", 1, "U", "created")
    with qtbot.waitSignal(bridge.certificateChanged) as received:
        bus.publish(event)
    assert received.args == [event]
    bridge.detach()
    with qtbot.assertNotEmitted(bridge.certificateChanged):
        bus.publish(event)


def test_a_protected_patients_rows_carry_a_lock_in_every_list(qtbot: QtBot) -> None:
    import dataclasses

    protected = dataclasses.replace(row(3), protected_identity=True)
    journal = CertificateTableModel()
    journal.set_rows([row(1), protected])
    work = WorkListModel()
    work.set_source(lambda offset, limit: [row(1), protected][offset : offset + limit])
    models: list[tuple[CertificateTableModel | WorkListModel, int, int]] = [
        (journal, 0, 1),  # newest first
        (work, 1, 0),
    ]
    for model, protected_row, plain_row in models:
        lock = model.index(protected_row, 0)
        assert not lock.data(Qt.ItemDataRole.DecorationRole).isNull()
        assert lock.data(Qt.ItemDataRole.ToolTipRole) == "Patienten har skyddade personuppgifter"
        assert model.index(plain_row, 0).data(Qt.ItemDataRole.DecorationRole) is None
        assert model.index(protected_row, 1).data(Qt.ItemDataRole.DecorationRole) is None
