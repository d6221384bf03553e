"""The diagnosis rows (FK7804 field 6), driven by keys and clicks, searching real ICD-10-SE."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QCompleter, QLineEdit
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from models.definitions.loader import shipped_definitions
from models.qt.diagnosis_completer_model import (
    CodeRole,
    DiagnosisCompleterModel,
    StoredCodeRole,
    TitleRole,
)
from models.reference.diagnoses import icd10se
from tests.widgets.editor.helpers import show_watched
from widgets.editor.diagnosis_widget import DiagnosisListWidget
from widgets.editor.field_widget import EditorContext

# The offscreen platform cannot raise the completer's popup or let it grab the keyboard.
pytestmark = pytest.mark.qt_log_ignore(
    r"^This plugin does not support raise\(\)$",
    r"^This plugin does not support grabbing the keyboard$",
    extend=True,
)

CONTEXT = EditorContext(
    today=dt.date(2026, 11, 27), search_diagnoses=lambda text: icd10se().search(text, limit=20)
)
F321 = {"code": "F32.1", "text": "Medelsvår depressiv episod"}
BLANK = {"code": "", "text": ""}


def _make(qtbot: QtBot) -> tuple[DiagnosisListWidget, list[None]]:
    return show_watched(
        qtbot, DiagnosisListWidget(shipped_definitions()["fk7804"].field("6"), CONTEXT)
    )


def _popup(completer: QCompleter) -> QAbstractItemView:
    popup = completer.popup()
    assert popup is not None
    return popup


def _shown(completer: QCompleter) -> list[str]:
    model = _popup(completer).model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def _type(edit: QLineEdit, qtbot: QtBot, text: str) -> None:
    edit.setFocus()
    QApplication.processEvents()
    qtbot.keyClicks(edit, text)


def _pick(qtbot: QtBot, completer: QCompleter, shown: str) -> None:
    """Highlight the popup entry reading ``shown`` and press Enter, as a user would."""
    popup = _popup(completer)
    assert popup.isVisible()
    row = _shown(completer).index(shown)
    popup.setCurrentIndex(popup.model().index(row, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)


def test_shows_three_empty_rows_named_for_screen_readers(qtbot: QtBot) -> None:
    widget, _changes = _make(qtbot)
    assert len(widget.rows) == 3
    assert [row.code.accessibleName() for row in widget.rows] == [
        "Diagnoskod 1",
        "Diagnoskod 2",
        "Diagnoskod 3",
    ]
    assert widget.rows[2].text.accessibleName() == "Diagnosbeskrivning 3"
    assert widget.rows[0].code.placeholderText() == "Kod"
    assert widget.rows[0].text.placeholderText() == "Diagnosbeskrivning"
    assert widget.rows[0].code.width() < widget.rows[0].text.width()
    assert widget.value() is None


def test_a_code_offers_matches_and_choosing_one_fills_both_edits(qtbot: QtBot) -> None:
    widget, changes = _make(qtbot)
    row = widget.rows[0]
    _type(row.code, qtbot, "F32")
    assert _popup(row.code_completer).isVisible()
    assert _shown(row.code_completer)[:3] == [
        "F32 Depressiv episod",
        "F32.0 Lindrig depressiv episod",
        "F32.1 Medelsvår depressiv episod",
    ]
    _type(row.code, qtbot, ".1")
    assert _shown(row.code_completer) == ["F32.1 Medelsvår depressiv episod"]
    assert len(changes) == len("F32.1")
    _pick(qtbot, row.code_completer, "F32.1 Medelsvår depressiv episod")
    assert not _popup(row.code_completer).isVisible()
    assert row.code.text() == "F32.1"
    assert row.text.text() == "Medelsvår depressiv episod"
    assert widget.value() == [F321]
    assert len(changes) == len("F32.1") + 1


def test_words_in_the_description_find_the_code_too(qtbot: QtBot) -> None:
    widget, changes = _make(qtbot)
    row = widget.rows[0]
    _type(row.text, qtbot, "depress")
    shown = _shown(row.text_completer)
    assert shown[0] == "F32 Depressiv episod"
    assert "F32.1 Medelsvår depressiv episod" in shown
    _pick(qtbot, row.text_completer, "F32.1 Medelsvår depressiv episod")
    assert (row.code.text(), row.text.text()) == ("F32.1", "Medelsvår depressiv episod")
    assert widget.value() == [F321]
    assert len(changes) == len("depress") + 1


def test_arrow_keys_walk_the_popup_and_enter_chooses(qtbot: QtBot) -> None:
    widget, _changes = _make(qtbot)
    row = widget.rows[1]
    _type(row.code, qtbot, "J06")
    popup = _popup(row.code_completer)
    qtbot.keyClick(popup, Qt.Key.Key_Down)  # onto the first hit, J06
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    assert row.code.text() == "J06.0"  # the highlighted code is shown while walking
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert widget.value() == [BLANK, {"code": "J06.0", "text": "Akut laryngofaryngit"}]


def test_enter_takes_the_hit_that_matches_what_is_typed(qtbot: QtBot) -> None:
    widget, _changes = _make(qtbot)
    row = widget.rows[0]
    _type(row.code, qtbot, "f32.1")
    qtbot.keyClick(_popup(row.code_completer), Qt.Key.Key_Return)
    assert widget.value() == [F321]


def test_the_model_follows_each_keystroke_without_filtering_itself(qtbot: QtBot) -> None:
    widget, _changes = _make(qtbot)
    row = widget.rows[0]
    model = widget.completer_model(row.code_completer)
    _type(row.code, qtbot, "F3")
    assert model.query == "F3"
    assert model.rowCount() == 20  # the search's limit
    qtbot.keyClick(row.code, Qt.Key.Key_Backspace)
    qtbot.keyClick(row.code, Qt.Key.Key_Backspace)
    assert model.rowCount() == 0
    assert not _popup(row.code_completer).isVisible()


def test_a_typed_code_is_capitalised_on_leaving(qtbot: QtBot) -> None:
    widget, changes = _make(qtbot)
    row = widget.rows[0]
    _type(row.code, qtbot, "j06.9")
    _popup(row.code_completer).hide()
    qtbot.keyClick(row.code, Qt.Key.Key_Tab)
    row.text.setFocus()
    QApplication.processEvents()
    assert row.code.text() == "J06.9"
    assert widget.value() == [{"code": "J06.9", "text": ""}]
    assert len(changes) == len("j06.9") + 1


def test_empty_rows_above_a_filled_one_are_kept_trailing_ones_dropped(qtbot: QtBot) -> None:
    widget, _changes = _make(qtbot)
    _type(widget.rows[2].text, qtbot, "Ryggont")
    assert widget.value() == [BLANK, BLANK, {"code": "", "text": "Ryggont"}]
    widget.rows[2].text.clear()
    assert widget.value() is None


def test_set_value_shows_rows_without_signalling_and_round_trips(qtbot: QtBot) -> None:
    widget, changes = _make(qtbot)
    stored = [F321, BLANK, {"code": "M54.5", "text": "Lumbago"}]
    widget.set_value(stored)
    assert [(row.code.text(), row.text.text()) for row in widget.rows] == [
        ("F32.1", "Medelsvår depressiv episod"),
        ("", ""),
        ("M54.5", "Lumbago"),
    ]
    assert widget.value() == stored
    widget.set_value(widget.value())
    assert widget.value() == stored
    widget.set_value(None)
    assert widget.value() is None
    assert changes == []


def test_more_stored_rows_than_the_form_has_are_shown(qtbot: QtBot) -> None:
    widget, _changes = _make(qtbot)
    stored = [{"code": f"J0{n}", "text": f"Diagnos {n}"} for n in range(4)]
    widget.set_value(stored)
    assert len(widget.rows) == 4
    assert widget.value() == stored


def test_focus_part_follows_the_rules_part_names(qtbot: QtBot) -> None:
    widget, _changes = _make(qtbot)
    for part, edit in [
        ("1.code", widget.rows[1].code),
        ("2.text", widget.rows[2].text),
        ("0", widget.rows[0].code),
        (None, widget.rows[0].code),
    ]:
        widget.focus_part(part)
        QApplication.processEvents()
        assert QApplication.focusWidget() is edit, part


def test_completer_model(qtmodeltester: ModelTester) -> None:
    model = DiagnosisCompleterModel(lambda text: icd10se().search(text, limit=5))
    model.refresh("F32.1")
    qtmodeltester.check(model)
    first = model.index(0, 0)
    assert first.data() == "F32.1 Medelsvår depressiv episod"
    assert first.data(Qt.ItemDataRole.ToolTipRole) == "F32.1 Medelsvår depressiv episod"
    assert (first.data(CodeRole), first.data(TitleRole)) == ("F32.1", "Medelsvår depressiv episod")
    assert first.data(StoredCodeRole) == "F321"
    assert model.index(1, 0).data() is None
    assert model.rowCount(first) == 0
    assert model.flags(QModelIndex()) == Qt.ItemFlag.NoItemFlags
    model.refresh("   ")
    assert model.rowCount() == 0
    assert model.diagnosis(0) is None
