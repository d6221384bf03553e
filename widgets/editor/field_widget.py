"""The base of every field widget: label, help toggle, the input, and the field's findings.

A field widget shows one field of a definition. Subclasses build the input for their kind and
convert between what the user sees and the stored answer (the shapes in
``models/definitions/values.py``). They emit ``changed`` when the user changes the answer, never
when ``set_value`` is called.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from models.definitions.findings import Finding
from models.definitions.schema import FieldDef
from models.reference.diagnoses import Diagnosis
from widgets.editor.style import set_state, styled


@dataclass
class EditorContext:
    """What field widgets may need beyond their field: today, the code lists, and the form's
    diagnosis codes as entered now (the form editor fills that in; it is empty until then)."""

    today: dt.date
    search_diagnoses: Callable[[str], list[Diagnosis]] = field(default=lambda _text: [])
    diagnosis_codes: Callable[[], list[str]] = field(default=lambda: [])


class FieldWidget(QWidget):
    """One field: its label (with an expandable help text), its input and its findings."""

    changed = Signal()

    def __init__(self, field_def: FieldDef, context: EditorContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.field = field_def
        self.context = context
        self.setObjectName(f"field-{field_def.id}")
        self.label = QLabel(field_def.label)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        styled(self.label, "fieldLabel")
        self.help_button: QToolButton | None = None
        self.help_label = QLabel(field_def.help or "")
        self.help_label.setWordWrap(True)
        styled(self.help_label, "help")
        self.help_label.hide()
        self.findings_label = QLabel()
        self.findings_label.setWordWrap(True)
        styled(self.findings_label, "findings")
        self.findings_label.hide()
        self._findings: list[Finding] = []
        self._hint = ""
        self.changed.connect(self._clear_hint)

        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(self.label, 1)
        if field_def.help:
            self.help_button = QToolButton()
            self.help_button.setArrowType(Qt.ArrowType.RightArrow)
            self.help_button.setAutoRaise(True)
            self.help_button.setCheckable(True)
            self.help_button.setToolTip(self.tr("Visa hjälptext"))
            self.help_button.setAccessibleName(
                self.tr("Hjälp för {label}").format(label=field_def.label)
            )
            self.help_button.toggled.connect(self.set_help_visible)
            header.insertWidget(0, self.help_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 8)
        layout.setSpacing(3)
        layout.addLayout(header)
        layout.addWidget(self.help_label)
        if field_def.sub_label:
            sub = QLabel(field_def.sub_label)
            sub.setWordWrap(True)
            styled(sub, "muted")
            layout.addWidget(sub)
        self.input = self.build_input()
        self.input.setAccessibleName(field_def.label)
        self._name_controls(field_def.label)
        layout.addWidget(self.input)
        layout.addWidget(self.findings_label)

    def _name_controls(self, label: str) -> None:
        """A control inside the input that has no name of its own (the text box of a text
        field, the line of a date) is announced with the field's label."""
        for control in self.input.findChildren(QWidget):
            if not control.focusPolicy() & Qt.FocusPolicy.TabFocus or control.accessibleName():
                continue
            if isinstance(control, QAbstractButton) and control.text():
                continue  # a check box or radio button is named by its text
            control.setAccessibleName(label)

    # -- for subclasses -------------------------------------------------------------------------

    def build_input(self) -> QWidget:
        """The widget the user answers with."""
        raise NotImplementedError

    def value(self) -> Any:
        """The stored answer for what is shown now, or None when nothing is entered."""
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        """Show a stored answer (without emitting ``changed``)."""
        raise NotImplementedError

    def focus_part(self, part: str | None) -> None:
        """Put the keyboard focus where a finding points (the whole input by default)."""
        self.input.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- shared behaviour -----------------------------------------------------------------------

    def set_help_visible(self, visible: bool) -> None:
        self.help_label.setVisible(visible)
        if self.help_button is not None:
            self.help_button.setArrowType(
                Qt.ArrowType.DownArrow if visible else Qt.ArrowType.RightArrow
            )
            if self.help_button.isChecked() != visible:
                self.help_button.setChecked(visible)

    def show_findings(self, findings: list[Finding]) -> None:
        """Show the field's findings under it (errors red, warnings and information blue)."""
        self._findings = findings
        self._render_findings()

    def show_input_hint(self, text: str) -> None:
        """Say why a keystroke was refused, until the answer next changes."""
        self._hint = text
        self._render_findings()

    def _clear_hint(self) -> None:
        if self._hint:
            self._hint = ""
            self._render_findings()

    def _render_findings(self) -> None:
        messages = [self._hint] if self._hint else []
        messages += [f.message for f in self._findings]
        if not messages:
            self.findings_label.clear()
            self.findings_label.hide()
            return
        errors = bool(self._hint) or any(f.severity == "error" for f in self._findings)
        set_state(self.findings_label, "tone", "error" if errors else "info")
        self.findings_label.setText("\n".join(dict.fromkeys(messages)))
        self.findings_label.show()

    @property
    def findings_text(self) -> str:
        return "" if self.findings_label.isHidden() else self.findings_label.text()
