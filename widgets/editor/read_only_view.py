"""A signed certificate shown read-only by the form editor, outside the clinician's editor area.

Mina intyg and the authorities' inboxes show a certificate's content the way the clinician's
editor shows a signed one (the same sections, labels and inputs, disabled), so a student sees
one certificate, not three renderings of it. Nothing here saves, validates or offers actions.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QWidget

from models.definitions.findings import Finding
from models.definitions.schema import Definition
from widgets.editor.field_widget import EditorContext
from widgets.editor.form_editor import FormEditor


def _no_findings(_content: dict[str, Any]) -> list[Finding]:
    """A signed certificate is what it is: the reader is shown no findings."""
    return []


def read_only_view(
    definition: Definition,
    content: dict[str, Any],
    today: dt.date,
    patient_label: str,
    parent: QWidget | None = None,
) -> FormEditor:
    """The form editor with ``content`` shown read-only and without its action row."""
    editor = FormEditor(definition, EditorContext(today=today), _no_findings, patient_label, parent)
    editor.setObjectName("readOnlyView")
    editor.set_content(content)
    editor.set_read_only(True)
    editor.action_bar.hide()
    return editor
