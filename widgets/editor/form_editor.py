"""The generic form editor: any certificate definition, laid out section by section.

It shows the answers, hides and shows fields as the rules say, and shows findings: warnings and
information at once, errors only once the user has asked what is missing (as in Webcert). It
knows nothing of a particular type; saving is the controller's business.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from models.definitions.engine import visible_field_ids
from models.definitions.findings import Finding
from models.definitions.progress import missing_items, shown_at_once, status_line
from models.definitions.schema import Definition
from models.definitions.values import diagnosis_codes
from models.workflow.header import StatusLine
from widgets.action_bar import ActionBar
from widgets.editor.field_widget import EditorContext, FieldWidget
from widgets.editor.registry import create_field_widget
from widgets.editor.style import RED, set_state, styled
from widgets.message_bar import MessageBar

Validator = Callable[[dict[str, Any]], list[Finding]]
PlaceRole = Qt.ItemDataRole.UserRole + 1
#: Where a user types; a field's input errors wait while the user is in one of these.
TEXT_ENTRIES = (QLineEdit, QPlainTextEdit, QAbstractSpinBox)


class FormEditor(QWidget):
    """Renders a definition; emits ``contentChanged`` whenever the user changes an answer."""

    contentChanged = Signal()  # noqa: N815 - Qt naming
    openRequested = Signal(str)  # noqa: N815 - a status line's link: a related certificate
    contentShown = Signal()  # noqa: N815 - after set_content: stored answers are on screen

    def __init__(
        self,
        definition: Definition,
        context: EditorContext,
        validate: Validator,
        patient_label: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.definition = definition
        self._validate = validate
        self._show_errors = False
        self._left: set[str] = set()  # fields the focus has left: their input errors show
        self.findings: list[Finding] = []
        self.setObjectName("formEditor")
        context.diagnosis_codes = self.diagnosis_codes
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

        self.title = QLabel(f"{definition.name} ({definition.form})")
        styled(self.title, "title")
        self.patient = QLabel(patient_label)
        self.status = QLabel()
        self.save_state = QLabel()
        styled(self.save_state, "saveState")
        self.read_only = False
        # The lifecycle's status lines (WORKFLOW.md §1.2): signed, sent, replaced, locked …
        self.status_lines = QLabel()
        self.status_lines.setWordWrap(True)
        self.status_lines.setTextFormat(Qt.TextFormat.RichText)
        self.status_lines.linkActivated.connect(self.openRequested.emit)
        self.status_lines.hide()
        styled(self.status, "status")
        self.message_bar = MessageBar()
        self.conflict_box = QPlainTextEdit()
        self.conflict_box.setReadOnly(True)
        self.conflict_box.setMaximumHeight(120)
        self.conflict_box.setAccessibleName(self.tr("Det du skrev"))
        self.conflict_box.hide()

        self.fields: dict[str, FieldWidget] = {}
        self.sections: dict[str, QWidget] = {}
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(4, 4, 12, 4)
        for category in definition.categories:
            section = QFrame()
            section.setObjectName("section")
            styled(section, "section")

            section_layout = QVBoxLayout(section)
            heading = QLabel(category.title)
            styled(heading, "sectionHeading")
            section_layout.addWidget(heading)
            if category.help:
                note = QLabel(category.help)
                note.setWordWrap(True)
                styled(note, "muted")
                section_layout.addWidget(note)
            for field in category.fields:
                widget = create_field_widget(field, context)
                widget.changed.connect(self._changed)
                self.fields[field.id] = widget
                section_layout.addWidget(widget)
            self.sections[category.id] = section
            body_layout.addWidget(section)
        body_layout.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(body)
        self._body = body
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)

        self.missing = QListWidget()
        self.missing.hide()
        self.missing.itemActivated.connect(self._jump)
        self.missing.itemClicked.connect(self._jump)
        self.show_missing_button = QPushButton(self.tr("Visa vad som saknas"))
        self.show_missing_button.clicked.connect(self.show_missing)
        self.action_bar = ActionBar()
        self.side_button: QPushButton | None = None
        self.side_panel: QWidget | None = None
        self.splitter = QSplitter()
        self.splitter.addWidget(self.scroll_area)
        self.splitter.setChildrenCollapsible(False)
        # The action bar may wrap onto a second row: the buttons beside it stay on the first.
        actions = QHBoxLayout()
        actions.addWidget(self.show_missing_button, 0, Qt.AlignmentFlag.AlignTop)
        actions.addStretch(1)
        self._actions = actions
        actions.addWidget(self.action_bar)

        header = QVBoxLayout()
        header.setSpacing(2)
        header.addWidget(self.title)
        header.addWidget(self.patient)
        state = QHBoxLayout()
        state.addWidget(self.status)
        state.addStretch(1)
        state.addWidget(self.save_state)
        header.addLayout(state)
        header.addWidget(self.status_lines)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addLayout(header)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.conflict_box)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.missing)
        layout.addLayout(actions)

    def set_read_only(self, read_only: bool) -> None:
        """Show the answers without letting them change (a signed or locked certificate, or
        a draft of another unit): the same layout, the help still opens, nothing is saved."""
        self.read_only = read_only
        for widget in self.fields.values():
            widget.input.setEnabled(not read_only)
        self.show_missing_button.setVisible(not read_only)
        self.status.setVisible(not read_only)
        self.save_state.setVisible(not read_only)
        if read_only:
            self.missing.hide()
            # Disabled inputs keep the normal text colour: the answers must stay readable.
            palette = self._body.palette()
            for role in (
                QPalette.ColorRole.Text,
                QPalette.ColorRole.WindowText,
                QPalette.ColorRole.ButtonText,
            ):
                palette.setColor(
                    QPalette.ColorGroup.Disabled,
                    role,
                    palette.color(QPalette.ColorGroup.Active, role),
                )
            self._body.setPalette(palette)

    def set_status_lines(self, lines: Sequence[StatusLine]) -> None:
        """The lifecycle's lines, each with its link to a related certificate if it has one."""
        parts = []
        for line in lines:
            shown = html.escape(line.text)
            if line.link_id and line.link_text:
                shown += f' <a href="{html.escape(line.link_id)}">{html.escape(line.link_text)}</a>'
            if line.level == "warning":
                shown = f'<span style="color:{RED}">{shown}</span>'
            parts.append(shown)
        self.status_lines.setText("<br>".join(parts))
        self.status_lines.setVisible(bool(parts))

    def attach_side_panel(self, panel: QWidget, button_text: str, tooltip: str) -> QPushButton:
        """A panel beside the form (e.g. FMB), opened and closed with a checkable button."""
        self.side_panel = panel
        panel.hide()
        self.splitter.addWidget(panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        button = QPushButton(button_text)
        button.setCheckable(True)
        button.setToolTip(tooltip)
        button.setAccessibleName(tooltip)
        button.toggled.connect(self._toggle_side_panel)
        self._actions.insertWidget(1, button, 0, Qt.AlignmentFlag.AlignTop)
        self.side_button = button
        return button

    def _toggle_side_panel(self, shown: bool) -> None:
        if self.side_panel is None:
            return
        self.side_panel.setVisible(shown)
        if shown:
            # The panel takes what the form can spare; the form keeps its full width first.
            width = self.splitter.width()
            form = max(self._body.minimumSizeHint().width() + 24, width - 420)
            self.splitter.setSizes([form, max(width - form, 320)])

    # -- content --------------------------------------------------------------------------------

    def set_content(self, content: dict[str, Any]) -> None:
        """Show stored answers (no ``contentChanged``)."""
        for field_id, widget in self.fields.items():
            widget.set_value(content.get(field_id))
        self._left = set(content)  # typed earlier: checked as if the user had left them
        self.refresh()
        self.contentShown.emit()

    def _all_answers(self) -> dict[str, Any]:
        answers = {}
        for field_id, widget in self.fields.items():
            if widget.field.holds_answer:
                value = widget.value()
                if value is not None:
                    answers[field_id] = value
        return answers

    def content(self) -> dict[str, Any]:
        """The answers of the fields shown now: what is stored and validated."""
        answers = self._all_answers()
        visible = set(visible_field_ids(self.definition, answers))
        return {key: value for key, value in answers.items() if key in visible}

    def diagnosis_codes(self) -> list[str]:
        """The ICD-10 codes entered in the form's diagnosis fields now, in form order."""
        codes: list[str] = []
        for widget in self.fields.values():
            if widget.field.kind == "diagnosis_list":
                codes += diagnosis_codes(widget.value())
        return codes

    # -- live rules -----------------------------------------------------------------------------

    def _changed(self) -> None:
        self.refresh()
        self.contentChanged.emit()

    def refresh(self) -> None:
        """Show and hide fields, validate, and show the status and findings."""
        answers = self._all_answers()
        visible = set(visible_field_ids(self.definition, answers))
        for category in self.definition.categories:
            shown = [f.id for f in category.fields if f.id in visible]
            for field in category.fields:
                self.fields[field.id].setVisible(field.id in visible)
            self.sections[category.id].setVisible(bool(shown))
        content = {key: value for key, value in answers.items() if key in visible}
        self.findings = self._validate(content)
        ready = status_line(self.findings)
        self.status.setText(ready)
        set_state(self.status, "ready", "true" if ready == "Klart att signera" else "false")
        self._show_field_findings()
        if self._show_errors:
            self._fill_missing()

    def _show_field_findings(self) -> None:
        focus = QApplication.focusWidget()
        typing = self._field_of(focus) if isinstance(focus, TEXT_ENTRIES) else None
        by_field: dict[str, list[Finding]] = {}
        for finding in self.findings:
            checked = finding.field_id in self._left and (
                typing is None or typing.field.id != finding.field_id
            )
            if self._show_errors or shown_at_once(finding, checked):
                by_field.setdefault(finding.field_id, []).append(finding)
        for field_id, widget in self.fields.items():
            widget.show_findings(by_field.get(field_id, []))

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        """What was typed in a field is checked when the user leaves a text box of it, as
        Webcert checks an input on blur, and not while the user types in one of its boxes."""
        left, entered = self._field_of(old), self._field_of(new)
        if left is not None and isinstance(old, TEXT_ENTRIES):
            self._left.add(left.field.id)
        if any(f is not None and f.field.id in self._left for f in (left, entered)):
            self._show_field_findings()

    def _field_of(self, widget: QWidget | None) -> FieldWidget | None:
        while widget is not None and widget is not self:
            if isinstance(widget, FieldWidget) and self.fields.get(widget.field.id) is widget:
                return widget
            widget = widget.parentWidget()
        return None

    def show_missing(self) -> None:
        """Visa vad som saknas: errors at their fields, and a list that jumps to each."""
        self._show_errors = True
        self.refresh()
        self.missing.setVisible(True)
        if self.missing.count():
            self.missing.setCurrentRow(0)

    def _fill_missing(self) -> None:
        self.missing.clear()
        items = missing_items(self.definition, self.findings)
        if not items:
            self.missing.addItem(self.tr("Inget saknas. Utkastet är klart att signera."))
            self._fit_missing()
            return
        for entry in items:
            label = entry.label if len(entry.label) <= 60 else entry.label[:57].rstrip() + "…"
            item = QListWidgetItem(f"{entry.category}: {label} – {entry.message}")
            item.setToolTip(f"{entry.label}\n{entry.message}")
            item.setData(PlaceRole, (entry.field_id, entry.part))
            self.missing.addItem(item)
        self._fit_missing()

    def _fit_missing(self) -> None:
        """As tall as its entries, up to a few lines (the form keeps most of the room)."""
        rows = max(self.missing.count(), 1)
        line = self.missing.sizeHintForRow(0) if self.missing.count() else 18
        self.missing.setFixedHeight(
            min(rows, 7) * max(line, 16) + 2 * self.missing.frameWidth() + 4
        )

    def _jump(self, item: QListWidgetItem) -> None:
        place = item.data(PlaceRole)
        if place:
            self.focus_field(*place)

    def focus_field(self, field_id: str, part: str | None = None) -> None:
        widget = self.fields.get(field_id)
        if widget is None:
            return
        self.scroll_area.ensureWidgetVisible(widget, 0, 40)
        widget.focus_part(part)

    def show_conflict(self, message: str, own_text: str) -> None:
        """Someone else saved first: say so, and keep what this user typed for copying."""
        self.message_bar.show_error(message)
        self.conflict_box.setPlainText(own_text)
        self.conflict_box.setVisible(bool(own_text))

    def set_save_state(self, text: str) -> None:
        self.save_state.setText(text)
