"""FK7804's ICF fields (35 and 17): "Ta hjälp av ICF", driven by clicks and keys."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from models.definitions.loader import shipped_definitions
from models.definitions.schema import FieldDef
from models.reference.icf import icf
from tests.widgets.editor.helpers import show_watched
from widgets.editor.field_widget import EditorContext
from widgets.editor.icf_field import IcfTextFieldWidget
from widgets.editor.icf_picker import IcfPicker
from widgets.editor.registry import create_field_widget

TODAY = dt.date(2026, 11, 27)


def _make(
    qtbot: QtBot, codes: list[str], field_id: str = "35"
) -> tuple[IcfTextFieldWidget, list[None]]:
    context = EditorContext(today=TODAY, diagnosis_codes=lambda: list(codes))
    widget = create_field_widget(shipped_definitions()["fk7804"].field(field_id), context)
    assert isinstance(widget, IcfTextFieldWidget)
    return show_watched(qtbot, widget)


def _open(qtbot: QtBot, widget: IcfTextFieldWidget) -> IcfPicker:
    qtbot.mouseClick(widget.icf_button, Qt.MouseButton.LeftButton)
    picker = widget.picker
    assert picker is not None and picker.isVisible()
    qtbot.addWidget(picker)
    picker.activateWindow()  # a window manager would; the offscreen platform needs asking
    qtbot.waitUntil(picker.isActiveWindow)
    return picker


def _editor(widget: IcfTextFieldWidget) -> QPlainTextEdit:
    assert isinstance(widget.editor, QPlainTextEdit)
    return widget.editor


def _tree_texts(picker: IcfPicker) -> list[str]:
    texts: list[str] = []

    def walk(item: QTreeWidgetItem, depth: int) -> None:
        texts.append("  " * depth + item.text(0))
        for index in range(item.childCount()):
            walk(item.child(index), depth + 1)

    for index in range(picker.suggestions.topLevelItemCount()):
        top = picker.suggestions.topLevelItem(index)
        assert top is not None
        walk(top, 0)
    return texts


def _tree_item(picker: IcfPicker, label: str) -> QTreeWidgetItem:
    found = picker.suggestions.findItems(
        label, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive
    )
    assert found, label
    return found[0]


def _add(qtbot: QtBot, picker: IcfPicker) -> None:
    assert picker.add_button.isEnabled()
    qtbot.mouseClick(picker.add_button, Qt.MouseButton.LeftButton)
    assert not picker.isVisible()


def test_the_button_is_named_and_comes_before_the_text(qtbot: QtBot) -> None:
    widget, _changes = _make(qtbot, ["F43.8A"])
    assert widget.icf_button.text() == "Ta hjälp av ICF"
    assert widget.icf_button.accessibleName() == "Ta hjälp av ICF för funktionsnedsättning"
    assert widget.icf_button.focusPolicy() & Qt.FocusPolicy.TabFocus
    widget.icf_button.setFocus()
    qtbot.keyClick(widget.icf_button, Qt.Key.Key_Tab)
    assert _editor(widget).hasFocus()
    activity, _ = _make(qtbot, [], "17")
    assert activity.icf_button.accessibleName() == "Ta hjälp av ICF för aktivitetsbegränsning"


def test_the_icf_list_is_read_on_the_first_press(qtbot: QtBot) -> None:
    icf.cache_clear()
    widget, _changes = _make(qtbot, ["F43.8A"])
    assert icf.cache_info().currsize == 0  # building the editor did not read it
    _open(qtbot, widget)
    assert icf.cache_info().currsize == 1


def test_fmb_codes_ticked_with_the_keyboard_go_first_in_the_text(qtbot: QtBot) -> None:
    widget, changes = _make(qtbot, ["F43.8A"])
    picker = _open(qtbot, widget)
    assert picker.windowTitle() == "Ta hjälp av ICF – Funktionsnedsättning"
    assert picker.info.text() == "Välj enbart de problem som påverkar patienten."
    assert _tree_texts(picker)[:4] == [
        "ICF-kategorier för: F43.8A – Utmattningssyndrom (stödet gäller F43.8)",
        "  Centrala ICF-kategorier",
        "    b114 Orientering",
        "    b126 Temperament och personlighet",
    ]
    assert "  Kompletterande ICF-kategorier" in _tree_texts(picker)
    assert picker.suggestions.accessibleName()
    # The first code is current and the list has the focus: Space ticks, Down moves.
    assert picker.suggestions.hasFocus()
    assert not picker.add_button.isEnabled()
    qtbot.keyClick(picker.suggestions, Qt.Key.Key_Space)
    qtbot.keyClick(picker.suggestions, Qt.Key.Key_Down)
    qtbot.keyClick(picker.suggestions, Qt.Key.Key_Space)
    assert picker.chosen_codes() == ["b114", "b126"]
    assert picker.summary.text() == "Valda ICF-koder: b114, b126"
    assert "Allmänna psykiska funktioner" in picker.details.toPlainText()  # b126's description
    assert changes == []
    _add(qtbot, picker)
    assert widget.value() == "ICF: b114 Orientering; b126 Temperament och personlighet\n"
    assert len(changes) == 1
    # The cursor waits on the line after the codes, for the description.
    assert widget.window().focusWidget() is _editor(widget)
    assert _editor(widget).textCursor().position() == len(widget.value())


def test_the_text_is_kept_and_earlier_codes_show_as_ticked(qtbot: QtBot) -> None:
    widget, changes = _make(qtbot, ["F43.8A", "M54.5"])
    widget.set_value("Orkar inte.")
    picker = _open(qtbot, widget)
    common = _tree_texts(picker)[0]
    assert common == "ICF-kategorier gemensamma för: F43.8A, M54.5"
    _tree_item(picker, "b134 Sömn").setCheckState(0, Qt.CheckState.Checked)
    _add(qtbot, picker)
    assert widget.value() == "ICF: b134 Sömn\nOrkar inte."
    # Again: b134 is ticked; untick it, tick another, and the line is rewritten.
    picker = _open(qtbot, widget)
    sleep = _tree_item(picker, "b134 Sömn")
    assert sleep.checkState(0) == Qt.CheckState.Checked
    assert not picker.add_button.isEnabled()  # nothing changed yet
    sleep.setCheckState(0, Qt.CheckState.Unchecked)
    _tree_item(picker, "b140 Uppmärksamhet").setCheckState(0, Qt.CheckState.Checked)
    _add(qtbot, picker)
    assert widget.value() == "ICF: b140 Uppmärksamhet\nOrkar inte."
    # Unticking everything removes the line.
    picker = _open(qtbot, widget)
    _tree_item(picker, "b140 Uppmärksamhet").setCheckState(0, Qt.CheckState.Unchecked)
    _add(qtbot, picker)
    assert widget.value() == "Orkar inte."
    assert len(changes) == 3
    # Each change is one undo step.
    _editor(widget).undo()
    assert widget.value() == "ICF: b140 Uppmärksamhet\nOrkar inte."


def test_search_then_enter_then_space_then_enter(qtbot: QtBot) -> None:
    widget, changes = _make(qtbot, ["F43.8A"], "17")
    picker = _open(qtbot, widget)
    assert picker.info.text() == (
        "Välj enbart de svårigheter som påverkar patientens sysselsättning."
    )
    assert picker.search.accessibleName() == "Sök ICF-kod"
    assert picker.results.accessibleName()
    qtbot.mouseClick(picker.search, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(picker.search, "daglig rutin")
    assert picker.results.item(0).text() == "d230 Genomföra daglig rutin"
    assert picker.result_count.text() == "6 träffar."
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)  # to the hits, not "Lägg till"
    assert picker.isVisible() and picker.results.hasFocus()
    qtbot.keyClick(picker.results, Qt.Key.Key_Space)
    assert picker.chosen_codes() == ["d230"]
    # d230 is also one of FMB's codes for F43.8A: ticked there too.
    assert _tree_item(picker, "d230 Genomföra daglig rutin").checkState(0) == Qt.CheckState.Checked
    qtbot.keyClick(picker.results, Qt.Key.Key_Return)  # "Lägg till" is the default button
    assert not picker.isVisible()
    assert widget.value() == "ICF: d230 Genomföra daglig rutin\n"
    assert len(changes) == 1


def test_search_finds_codes_of_other_components_too(qtbot: QtBot) -> None:
    widget, _changes = _make(qtbot, ["F43.8A"], "17")
    picker = _open(qtbot, widget)
    picker.search.setText("b1300")
    assert [picker.results.item(row).text() for row in range(picker.results.count())] == [
        "b1300 Energinivå"
    ]
    picker.search.setText("zzzz")
    assert picker.results.count() == 0
    assert picker.result_count.text() == "Inga ICF-koder hittades."


def test_a_diagnosis_without_fmb_icf_codes_gets_the_notice_and_the_search(qtbot: QtBot) -> None:
    widget, changes = _make(qtbot, ["L40"])
    picker = _open(qtbot, widget)
    assert picker.notice.isVisible()
    assert picker.notice.text().startswith(
        "Det finns ingen ICF-kod i FMB för den/de angivna diagnoserna (L40)."
    )
    assert "söka bland alla ICF-koder" in picker.notice.text()
    assert not picker.suggestions.isVisible()
    assert picker.search.hasFocus()
    qtbot.keyClicks(picker.search, "smarta")  # ASCII only: offscreen keyClicks stops at å/ä/ö
    assert picker.results.count() == 0
    picker.search.clear()
    qtbot.keyClicks(picker.search, "b280")
    picker.results.item(0).setCheckState(Qt.CheckState.Checked)
    _add(qtbot, picker)
    assert widget.value() == "ICF: b280 Smärta\n"
    assert len(changes) == 1


def test_without_diagnoses_the_helper_asks_for_one(qtbot: QtBot) -> None:
    widget, _changes = _make(qtbot, [])
    picker = _open(qtbot, widget)
    assert picker.notice.text().startswith("Ange minst en diagnos för att få ICF-stöd.")
    assert picker.search.isEnabled()


def test_some_diagnoses_without_codes_are_named(qtbot: QtBot) -> None:
    widget, _changes = _make(qtbot, ["F32.1", "L40"])
    picker = _open(qtbot, widget)
    assert picker.notice.text() == "FMB har inga ICF-koder för L40."
    assert picker.suggestions.isVisible()


def test_avbryt_and_escape_leave_the_text_alone(qtbot: QtBot) -> None:
    widget, changes = _make(qtbot, ["F43.8A"])
    widget.set_value("Trött.")
    picker = _open(qtbot, widget)
    _tree_item(picker, "b114 Orientering").setCheckState(0, Qt.CheckState.Checked)
    qtbot.mouseClick(picker.cancel_button, Qt.MouseButton.LeftButton)
    assert not picker.isVisible()
    picker = _open(qtbot, widget)
    _tree_item(picker, "b114 Orientering").setCheckState(0, Qt.CheckState.Checked)
    qtbot.keyClick(picker.suggestions, Qt.Key.Key_Escape)
    assert not picker.isVisible()
    assert widget.value() == "Trött."
    assert changes == []


def test_codes_beyond_the_maximum_length_are_kept_and_the_counter_says_so(
    qtbot: QtBot,
) -> None:
    widget, changes = _make(qtbot, ["F43.8A"])
    limit = widget.field.max_length
    assert limit == 4000
    widget.set_value("x" * (limit - 5))
    picker = _open(qtbot, widget)
    _tree_item(picker, "b114 Orientering").setCheckState(0, Qt.CheckState.Checked)
    _add(qtbot, picker)
    value = widget.value()
    assert value == "ICF: b114 Orientering\n" + "x" * (limit - 5)
    assert len(value) > limit
    QApplication.processEvents()
    assert widget.counter.isVisible()
    assert widget.counter.text() == f"{len(value)} av {limit} tecken"
    assert widget.counter.property("over") == "true"
    assert len(changes) == 1


def test_another_icf_field_gets_the_search_only(qtbot: QtBot) -> None:
    field = FieldDef(id="99", label="Annan fråga", kind="icf_text")
    context = EditorContext(today=TODAY, diagnosis_codes=lambda: ["F43.8A"])
    widget = IcfTextFieldWidget(field, context)
    qtbot.addWidget(widget)
    widget.show()
    picker = _open(qtbot, widget)
    assert picker.windowTitle() == "Ta hjälp av ICF"
    assert not picker.suggestions.isVisible()
    picker.search.setText("d230")
    picker.results.item(0).setCheckState(Qt.CheckState.Checked)
    _add(qtbot, picker)
    assert widget.value() == "ICF: d230 Genomföra daglig rutin\n"
