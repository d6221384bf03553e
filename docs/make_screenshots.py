"""Regenerate the README's screenshots: ``make screenshots`` (headless, on a temporary database)."""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import simulation_screens  # beside this script
from PySide6.QtWidgets import QApplication

from desktop.app import SMOKE_PATIENT, SMOKE_UNIT, SMOKE_USER, _create_application
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
from models.workflow.actions import Action
from models.workflow.certificates import CertificateService
from models.workflow.fmb_warning import SickLeaveHistory
from models.workflow.lifecycle import lifecycle
from resources import resource_path
from tests.models.definitions.types import samples
from widgets.login_dialog import LoginDialog
from widgets.signing_dialog import SigningDialog
from widgets.type_chooser_dialog import TypeChooserDialog

DOCS = Path(__file__).resolve().parent


def main() -> int:
    app = _create_application(sys.argv[:1])
    clock = FixedClock(dt.datetime(2026, 11, 27, 9, 30, tzinfo=SWEDISH_TIME))
    with tempfile.TemporaryDirectory() as home:
        url = parse_url(f"sqlite:///{Path(home) / 'screens.sqlite3'}")
        opened = open_store(url, clock, resource_path("seed"))
        store = opened.store
        directory = StaffDirectory(store, shipped_befattningar())
        patients = PatientService(store, clock)

        login = LoginDialog(directory)
        login.select_staff(SMOKE_USER)
        login.select_unit(SMOKE_UNIT)
        login.show()
        app.processEvents()
        login.grab().save(str(DOCS / "login.png"))

        user = directory.login(SMOKE_USER, SMOKE_UNIT)
        bus = ChangeBus()
        certificates = CertificateService(store, clock, shipped_definitions(), bus)
        flow = lifecycle(store, clock, certificates.definitions, bus)
        services = WindowServices(
            patients,
            certificates,
            flow,
            ChangeBridge(bus),
            clock,
            SickLeaveHistory(store),
            PrintService(store, clock, certificates.definitions, flow.signing),
            store,
            bus,
        )
        window = MainWindow(user, services, Paths.under(Path(home)), store.description)
        window.show()
        window.open_patient(SMOKE_PATIENT)
        patient = window.patient
        assert patient is not None
        certificates.create_draft(user, patient, "ag114")
        certificates.create_draft(user, patient, "fk7804")
        window.controller.reload_certificates()
        window.work_dock.set_scope("unit")
        app.processEvents()
        window.grab().save(str(DOCS / "main-window.png"))

        dialog = TypeChooserDialog(
            certificates.type_choices(user, patient), f"{patient.formatted_id} {patient.name}"
        )
        dialog.select("luse")
        dialog.show()
        app.processEvents()
        dialog.grab().save(str(DOCS / "type-chooser.png"))
        dialog.close()

        # The FK7804 editor: empty, half-filled with what is missing shown, and complete.
        row = certificates.create_draft(user, patient, "fk7804")
        window.work_dock.hide()
        window.controller.open_certificate(row.id)
        editor = window.editor_controller.editor
        assert editor is not None
        app.processEvents()
        window.grab().save(str(DOCS / "editor-empty.png"))
        half = {
            key: value
            for key, value in samples.fk7804().items()
            if key in ("1", "28", "29", "6", "unit.postadress", "unit.postnummer")
        }
        editor.set_content(half)
        editor.fields["6"].help_button.click()  # type: ignore[union-attr]
        editor.show_missing()
        app.processEvents()
        window.grab().save(str(DOCS / "editor-missing.png"))
        editor.set_content(samples.fk7804())
        editor.show_missing()
        editor.scroll_area.verticalScrollBar().setValue(
            editor.scroll_area.verticalScrollBar().maximum() // 2
        )
        app.processEvents()
        window.grab().save(str(DOCS / "editor-complete.png"))
        # The FMB panel beside the form, with the length warning under the periods.
        content = samples.fk7804()
        content["32"] = {"HELT_NEDSATT": {"from": "2026-11-27", "to": "2027-08-31"}}
        editor.set_content(content)
        assert editor.side_button is not None
        editor.side_button.setChecked(True)
        app.processEvents()
        editor.focus_field("32")
        app.processEvents()
        window.grab().save(str(DOCS / "editor-fmb.png"))

        # Signing: the SITHS PIN dialog, then the signed certificate, read-only, with its
        # status lines and the actions the rules allow.
        lifecycle_services = services.lifecycle
        draft = certificates.create_draft(user, patient, "fk7804")
        version = certificates.open_certificate(user, draft.id).version
        lifecycle_services.drafts.save(user, draft.id, samples.fk7804(), version)
        window.controller.open_certificate(draft.id)
        window.action_controller.trigger(Action.SIGN)
        signing = window.action_controller.dialog
        assert isinstance(signing, SigningDialog)
        signing.pin.setText("1234")
        app.processEvents()
        signing.grab().save(str(DOCS / "signing.png"))
        signing.sign_button.click()
        app.processEvents()
        window.work_dock.show()
        window.grab().save(str(DOCS / "signed.png"))

        # Questions: the certificate is sent, FK asks for a complement and a contact; the
        # panel beside the certificate and the dock's Fråga/svar list show them.
        lifecycle_services.signing.send(user, draft.id, patient_consent=True)
        fk = lifecycle_services.fk
        fk.send_question(
            "Handläggare Eva Ek",
            draft.id,
            "KOMPLT",
            "Beskriv hur funktionsnedsättningen påverkar arbetet.",
            last_date_to_reply=dt.date(2026, 12, 11),
            fields=[("35", "Hur påverkas koncentrationen i arbetet?")],
        )
        fk.send_question(
            "Handläggare Eva Ek", draft.id, "KONTKT", "Kan vi ringa dig på fredag förmiddag?"
        )
        window.controller.open_certificate(draft.id)
        window.work_dock.refresh()
        app.processEvents()
        window.grab().save(str(DOCS / "questions.png"))
        simulation_screens.capture(window, user, DOCS)
        window.close()
        store.close()
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
