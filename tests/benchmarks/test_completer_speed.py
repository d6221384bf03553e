"""The diagnosis completer: from a keystroke to the completer model holding the new matches.

Target: at most 20 ms (median) per keystroke, in the code edit and in the description edit,
over all 35,684 ICD-10-SE codes. Each round calls what the keystroke calls (the edit's
``textEdited`` slot: search, model reset, ``changed``) after resetting the model to the text
before the key; one more benchmark sends real key events, popup and all.

Under ``make test`` (benchmarks disabled) each case runs once on a handful of codes instead of
the whole code list, so the test stays light.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytest_benchmark.fixture import BenchmarkFixture
from pytestqt.qtbot import QtBot

from models.definitions.loader import shipped_definitions
from models.reference.diagnoses import ICD_10_SE, DiagnosisCatalogue, icd10se
from widgets.editor.diagnosis_widget import DiagnosisListWidget
from widgets.editor.field_widget import EditorContext

pytestmark = pytest.mark.qt_log_ignore(
    r"^This plugin does not support raise\(\)$",
    r"^This plugin does not support grabbing the keyboard$",
    extend=True,
)

LIMIT = 20
ROUNDS = 200
FEW_CODES = [
    ("F32", "", "Depressiv episod", "Depression"),
    ("F320", "", "Lindrig depressiv episod"),
    ("F321", "", "Medelsvår depressiv episod"),
    ("J00", "", "Akut nasofaryngit", "Förkylning"),
    ("J069", "", "Akut övre luftvägsinfektion, ospecificerad"),
    ("M545", "", "Lumbago"),
    ("M549", "", "Ryggvärk, ospecificerad", "Ryggsmärta"),
    ("S720", "", "Fraktur på lårbenshalsen"),
]


@pytest.fixture
def catalogue(benchmark: BenchmarkFixture) -> DiagnosisCatalogue:
    # The fixture knows whether benchmarks run: ``make bench`` adds --benchmark-enable to the
    # --benchmark-disable in addopts, so the disable option alone does not tell.
    if benchmark.disabled:
        return DiagnosisCatalogue(ICD_10_SE, FEW_CODES)
    full = icd10se()
    full.prepare_search()
    return full


@pytest.fixture
def widget(qtbot: QtBot, catalogue: DiagnosisCatalogue) -> Iterator[DiagnosisListWidget]:
    context = EditorContext(
        today=dt.date(2026, 11, 27),
        search_diagnoses=lambda text: catalogue.search(text, limit=LIMIT),
    )
    shown = DiagnosisListWidget(shipped_definitions()["fk7804"].field("6"), context)
    qtbot.addWidget(shown)
    shown.show()
    yield shown


@pytest.mark.parametrize(
    ("before", "typed"),
    [("", "F"), ("F3", "F32"), ("F32.", "F32.1"), ("", "J"), ("M5", "M54")],
)
def test_keystroke_in_code_edit(
    benchmark: BenchmarkFixture,
    widget: DiagnosisListWidget,
    catalogue: DiagnosisCatalogue,
    before: str,
    typed: str,
) -> None:
    model = widget.completer_model(widget.rows[0].code_completer)
    benchmark.pedantic(
        widget.code_edited, args=(0, typed), setup=lambda: model.refresh(before), rounds=ROUNDS
    )
    assert model.query == typed
    hits = [model.diagnosis(row) for row in range(model.rowCount())]
    assert hits == catalogue.search(typed, limit=LIMIT)


@pytest.mark.parametrize(
    ("before", "typed"),
    [
        ("d", "de"),
        ("depres", "depress"),
        ("depressiv episo", "depressiv episod"),
        ("lumbag", "lumbago"),
        ("ryggsmärt", "ryggsmärta"),
        ("fraktur lårbe", "fraktur lårben"),
    ],
)
def test_keystroke_in_description_edit(
    benchmark: BenchmarkFixture,
    widget: DiagnosisListWidget,
    catalogue: DiagnosisCatalogue,
    before: str,
    typed: str,
) -> None:
    model = widget.completer_model(widget.rows[0].text_completer)
    benchmark.pedantic(
        widget.text_edited, args=(0, typed), setup=lambda: model.refresh(before), rounds=ROUNDS
    )
    assert model.query == typed
    hits = [model.diagnosis(row) for row in range(model.rowCount())]
    assert hits == catalogue.search(typed, limit=LIMIT)


def test_real_keystroke_with_popup(
    benchmark: BenchmarkFixture, qtbot: QtBot, widget: DiagnosisListWidget
) -> None:
    """A key event into the description edit: the search, the model and the popup shown."""
    edit = widget.rows[0].text
    model = widget.completer_model(widget.rows[0].text_completer)
    edit.setFocus()

    def before() -> None:
        edit.setText("depres")  # no textEdited: the model still holds the last search
        model.refresh("depres")

    benchmark.pedantic(qtbot.keyClick, args=(edit, Qt.Key.Key_S), setup=before, rounds=ROUNDS)
    assert edit.text() == "depress"
    assert model.query == "depress"
