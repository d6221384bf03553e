"""Run as a separate process by the crash test: types into a draft, then waits to be killed.

``python -m tests.desktop.typing_app DATABASE_FILE TEXT`` opens Tolvan's journal as the seeded
doctor, creates a sick-leave draft, types TEXT into "Övriga upplysningar" with real key events,
prints the certificate id and keeps running until it is killed.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from desktop.main_window import MainWindow, WindowServices
from desktop.settings import Paths
from models.clock import SWEDISH_TIME, FixedClock
from models.definitions.loader import shipped_definitions
from models.events import ChangeBus
from models.patients import PatientService
from models.printing import PrintService
from models.qt.bridge import ChangeBridge
from models.reference.hsa import shipped_befattningar
from models.staff import StaffDirectory
from models.store import open_store
from models.store.urls import parse_url
from models.workflow.certificates import CertificateService
from models.workflow.fmb_warning import SickLeaveHistory
from models.workflow.lifecycle import lifecycle
from resources import resource_path

DOCTOR = "TSTNMT2321000156-L001"
UNIT = "TSTNMT2321000156-1077"


def main() -> int:
    database, text = sys.argv[1], sys.argv[2]
    app = QApplication([])
    clock = FixedClock(dt.datetime(2026, 11, 27, 9, 30, tzinfo=SWEDISH_TIME))
    store = open_store(parse_url(f"sqlite:///{database}"), clock, resource_path("seed")).store
    user = StaffDirectory(store, shipped_befattningar()).login(DOCTOR, UNIT)
    bus = ChangeBus()
    definitions = shipped_definitions()
    certificates = CertificateService(store, clock, definitions, bus)
    flow = lifecycle(store, clock, definitions, bus)
    services = WindowServices(
        PatientService(store, clock),
        certificates,
        flow,
        ChangeBridge(bus),
        clock,
        SickLeaveHistory(store),
        PrintService(store, clock, definitions, flow.signing),
        store,
        bus,
    )
    window = MainWindow(user, services, Paths.under(Path(database).parent), "test")
    window.show()
    window.open_patient("191212121212")
    assert window.patient is not None
    row = certificates.create_draft(user, window.patient, "fk7804")
    window.controller.open_certificate(row.id)
    editor = window.editor_controller.editor
    assert editor is not None
    field = editor.fields["25"]
    target = field.findChild(QPlainTextEdit)
    assert target is not None
    target.setFocus()
    QTest.keyClicks(target, text)
    print(row.id, flush=True)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
