"""Every definition renders in the generic editor and a valid content reads "Klart att signera"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from models.definitions.engine import PatientFacts, ValidationContext, validate
from models.definitions.loader import shipped_definitions
from models.reference.diagnoses import icd10se
from tests.models.definitions.types import samples
from widgets.editor.field_widget import EditorContext
from widgets.editor.form_editor import FormEditor

TODAY = dt.date(2026, 11, 27)
SAMPLES: dict[str, tuple[Callable[[], dict[str, Any]], dt.date]] = {
    "fk7804": (samples.fk7804, dt.date(1912, 12, 12)),
    "luse": (samples.luse, dt.date(1980, 1, 13)),
    "luae_na": (samples.luae_na, dt.date(2002, 1, 1)),
    "luae_fs": (samples.luae_fs, dt.date(2002, 1, 1)),
    "ts-bas": (samples.ts_bas, dt.date(1980, 1, 13)),
    "ts-diabetes": (samples.ts_diabetes_insulin, dt.date(1980, 1, 13)),
    "ag114": (samples.ag114, dt.date(1980, 1, 13)),
    "ag7804": (samples.ag7804, dt.date(1980, 1, 13)),
    "db": (samples.db_uncertain, dt.date(1940, 1, 7)),
    "doi": (samples.doi_injury, dt.date(1940, 1, 7)),
}


def editor_for(qtbot: QtBot, code: str, birth: dt.date) -> FormEditor:
    definition = shipped_definitions()[code]
    catalogue = icd10se()
    context = ValidationContext(
        today=TODAY, patient=PatientFacts(birth_date=birth), diagnosis_exists=catalogue.exists
    )
    editor = FormEditor(
        definition,
        EditorContext(today=TODAY, search_diagnoses=lambda text: catalogue.search(text, 20)),
        lambda content: validate(definition, content, context),
        "19121212-1212  Tolvan Tolvansson",
    )
    qtbot.addWidget(editor)
    return editor


@pytest.mark.parametrize("code", sorted(SAMPLES))
def test_a_valid_content_is_ready_to_sign_and_shown_as_stored(qtbot: QtBot, code: str) -> None:
    make, birth = SAMPLES[code]
    content = make()
    editor = editor_for(qtbot, code, birth)
    editor.set_content(content)
    assert editor.status.text() == "Klart att signera", [
        (f.field_id, f.message) for f in editor.findings if f.severity == "error"
    ]
    # What the widgets show is exactly what was stored: nothing lost, nothing invented.
    assert editor.content() == content


def test_an_empty_form_is_incomplete(qtbot: QtBot) -> None:
    editor = editor_for(qtbot, "fk7804", dt.date(1912, 12, 12))
    editor.set_content({})
    assert editor.status.text() == "Obligatoriska uppgifter saknas"
