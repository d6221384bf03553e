"""A text with an ICF helper: FK7804's (LISJP's) fields for impairment and activity limitation.

The field is a multi-line text like any other (``TextFieldWidget``) with a "Ta hjälp av ICF"
button above it, in the tab order before the text. The button opens ``IcfPicker`` with FMB's
ICF codes for the diagnoses entered in the form now, and a search over all of ICF.

The chosen codes are written into the text as its first line (the stored answer is text only,
see ``models/definitions/values.py``)::

    ICF: b1300 Energinivå; b1400 Vidmakthålla uppmärksamhet
    <the clinician's description>

Opening the helper again shows the codes of that line as ticked; "Lägg till" rewrites the line
(unticked codes go, the line goes when none is left) and leaves the rest of the text as it
was. The change is one undo step and one ``changed``. The text may then exceed the field's
maximum length: the counter shows it in red and the rules report it, as for typed text; no
code is dropped.

Which FMB section a field draws from is the definition's ``icf_section`` (FK7804's 35
Funktionsnedsättning: b-codes, 17 Aktivitetsbegränsning: d-codes). An icf_text field without
one gets the helper with the search only.

The ICF list is read on the first press, not when the editor is built.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from models.reference.icf import (
    LINE_PREFIX,
    IcfField,
    IcfSuggestions,
    chosen_in_text,
    icf,
    suggested_codes,
    with_icf_codes,
)
from widgets.editor.icf_picker import IcfPicker
from widgets.editor.simple_fields import TextFieldWidget

_TOPIC = {IcfField.IMPAIRMENT: "funktionsnedsättning", IcfField.ACTIVITY: "aktivitetsbegränsning"}


class IcfTextFieldWidget(TextFieldWidget):
    """Multi-line text with a "Ta hjälp av ICF" button; see the module docstring."""

    def build_input(self) -> QWidget:
        box = super().build_input()
        section = self.field.icf_section
        self.icf_field: IcfField | None = IcfField(section) if section else None
        self.picker: IcfPicker | None = None
        self.icf_button = QPushButton(self.tr("Ta hjälp av ICF"))
        self.icf_button.setAutoDefault(False)
        topic = _TOPIC[self.icf_field] if self.icf_field is not None else "frågan"
        self.icf_button.setAccessibleName(
            self.tr("Ta hjälp av ICF för {topic}").format(topic=topic)
        )
        self.icf_button.setToolTip(
            self.tr(
                "Välj ICF-koder från FMB för diagnoserna, eller sök bland alla ICF-koder. "
                "De valda koderna skrivs på textens första rad."
            )
        )
        self.icf_button.clicked.connect(self.open_picker)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 2)
        row.addWidget(self.icf_button)
        row.addStretch(1)
        layout = box.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertLayout(0, row)
        QWidget.setTabOrder(self.icf_button, self.editor)
        return box

    def open_picker(self) -> None:
        """Open the helper (not blocking: "Lägg till" writes the codes into the text)."""
        catalogue = icf()
        codes = self.context.diagnosis_codes()
        suggestions = (
            suggested_codes(codes, self.icf_field, catalogue=catalogue)
            if self.icf_field is not None
            else IcfSuggestions((), ())
        )
        if self.picker is not None:
            self.picker.deleteLater()
        self.picker = IcfPicker(
            catalogue,
            suggestions,
            self.icf_field,
            codes,
            chosen_in_text(self._text(), catalogue),
            self,
        )
        self.picker.accepted.connect(self._picked)
        self.picker.open()

    def _picked(self) -> None:
        if self.picker is None:
            return
        text = self._text()
        new_text = with_icf_codes(text, self.picker.chosen())
        if new_text == text:
            return
        editor = self.editor
        assert isinstance(editor, QPlainTextEdit)  # icf_text is always multi-line
        self._loading = True
        cursor = QTextCursor(editor.document())
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(new_text)
        cursor.endEditBlock()
        self._loading = False
        self._edited()  # the counter (red when over the limit) and one ``changed``
        line_end = new_text.find("\n") + 1 if new_text.startswith(LINE_PREFIX) else 0
        cursor.setPosition(line_end)
        editor.setTextCursor(cursor)
        editor.setFocus(Qt.FocusReason.OtherFocusReason)
