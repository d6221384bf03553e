"""Rendering the FK7804 editor, and one autosave (SQLite, and PostgreSQL in CI)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QEvent
from pytest_benchmark.fixture import BenchmarkFixture
from pytestqt.qtbot import QtBot

from models.clock import FixedClock
from models.definitions.engine import PatientFacts, ValidationContext, validate
from models.definitions.loader import shipped_definitions
from models.events import ChangeBus
from models.patients import PatientService
from models.reference.diagnoses import icd10se
from models.staff import UserContext
from models.store import Store
from models.workflow.certificates import CertificateService
from models.workflow.drafts import DraftService
from tests.conftest import TOLVAN
from tests.models.definitions.types import samples
from widgets.editor.field_widget import EditorContext
from widgets.editor.form_editor import FormEditor


def test_render_the_fk7804_editor(benchmark: BenchmarkFixture, qtbot: QtBot) -> None:
    definition = shipped_definitions()["fk7804"]
    catalogue = icd10se()
    context = ValidationContext(
        today=dt.date(2026, 11, 27),
        patient=PatientFacts(birth_date=dt.date(1912, 12, 12)),
        diagnosis_exists=catalogue.exists,
    )
    content = samples.fk7804()

    def render() -> FormEditor:
        editor = FormEditor(
            definition,
            EditorContext(today=dt.date(2026, 11, 27)),
            lambda answers: validate(definition, answers, context),
            "19121212-1212  Tolvan Tolvansson",
        )
        editor.set_content(content)
        editor.resize(1000, 800)
        editor.show()
        editor.grab()  # laid out and painted
        editor.hide()
        editor.deleteLater()
        shown.append(editor.status.text())
        return editor

    def dispose() -> None:
        # As the event loop does between two opened certificates: the old editor goes.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    shown: list[str] = []
    benchmark.pedantic(render, rounds=30, iterations=1, teardown=dispose, warmup_rounds=2)
    assert shown[-1] == "Klart att signera"


def test_one_autosave(
    benchmark: BenchmarkFixture,
    store: Store,
    clock: FixedClock,
    bus: ChangeBus,
    certificates: CertificateService,
    patients: PatientService,
    doctor: UserContext,
) -> None:
    drafts = DraftService(store, clock, certificates.definitions, bus)
    row = certificates.create_draft(doctor, patients.open_journal(doctor, TOLVAN), "fk7804")
    content = samples.fk7804()
    state = {"version": certificates.open_certificate(doctor, row.id).version, "n": 0}

    def save() -> int:
        state["n"] += 1
        content["25"] = f"Övriga upplysningar, version {state['n']}."
        state["version"] = drafts.save(doctor, row.id, content, state["version"]).version
        return state["version"]

    assert benchmark(save) > 1
