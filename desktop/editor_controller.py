"""Opens drafts in the form editor and autosaves them.

Each change is stored at most ``AUTOSAVE_DELAY_MS`` after the last keystroke, and at once when
the focus leaves the editor, another certificate or patient is opened, or the window closes.
A save is a few milliseconds in its own transaction, so it runs on the GUI thread between
keystrokes. If another workstation saved in between, the draft is read in again and what this
user typed is kept in a box to copy from.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from models.definitions.engine import PatientFacts, ValidationContext, is_empty, validate
from models.definitions.findings import Finding
from models.definitions.summary import answered_fields
from models.errors import IntygsstudioError
from models.patients import PatientInfo
from models.reference.diagnoses import DiagnosisCatalogue, icd10se
from models.reference.fmb import fmb
from models.staff import UserContext
from models.workflow.certificates import CertificateDetail
from models.workflow.drafts import DraftConflictError
from models.workflow.fmb_warning import FmbFields, fmb_length_warning
from widgets.editor.field_widget import EditorContext
from widgets.editor.fmb_panel import NO_DIAGNOSIS, FmbPanel
from widgets.editor.form_editor import FormEditor

if TYPE_CHECKING:
    from desktop.main_window import MainWindow, WindowServices

AUTOSAVE_DELAY_MS = 600
SAVING = "Utkastet sparas…"
SAVED = "Utkastet är sparat"
FK_NOTE = "fk_complement"
FMB_TOOLTIP = "FMB – Läs FMB, ett stöd för ifyllnad och bedömning"


class EditorController(QObject):
    """Owns the open draft's editor and its autosave."""

    saved = Signal(str)  # certificate id, after each successful save
    closed = Signal()

    def __init__(self, window: MainWindow, user: UserContext, services: WindowServices) -> None:
        super().__init__(window)
        self._window = window
        self._user = user
        self._certificates = services.certificates
        self._drafts = services.lifecycle.drafts
        self._clock = services.clock
        self._sick_leave = services.sick_leave
        self._complements = services.lifecycle.complements
        self.editor: FormEditor | None = None
        self.certificate_id: str | None = None
        self._version = 0
        self._dirty = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def open(
        self, detail: CertificateDetail, patient: PatientInfo, *, editable: bool = True
    ) -> FormEditor:
        """Show the certificate in a new editor in the window's editor area: a draft the user
        may change with autosave, anything else read-only in the same layout."""
        self.flush()
        self.close_editor()
        facts = PatientFacts(birth_date=patient.birth_date, date_of_death=patient.date_of_death)
        catalogue = icd10se()
        context = ValidationContext(
            today=self._clock.today(), patient=facts, diagnosis_exists=catalogue.exists
        )
        definition = detail.definition
        fmb_fields = FmbFields.of(definition)
        earlier = (
            self._sick_leave.periods(detail.row.patient_id, detail.row.unit_id, detail.row.id)
            if fmb_fields is not None
            else []
        )

        # A complement draft shows what Försäkringskassan asks, at the fields it names.
        notes = self._fk_notes(detail) if editable else []

        def check(content: dict[str, Any]) -> list[Finding]:
            findings = validate(definition, content, context) + notes
            if fmb_fields is not None:
                warning = fmb_length_warning(fmb_fields, content, earlier, fmb())
                if warning is not None:
                    findings.append(warning)
            return findings

        editor = FormEditor(
            definition,
            EditorContext(
                today=self._clock.today(),
                search_diagnoses=lambda text: catalogue.search(text, limit=20),
            ),
            check,
            f"{patient.formatted_id}  {patient.name}",
        )
        if fmb_fields is not None and editable:  # FMB is a support for writing drafts
            self._attach_fmb(editor, catalogue)
        editor.set_content(detail.content)
        started = not is_empty(detail.content, definition)
        editor.set_save_state(SAVED if started else "")
        if editable:
            editor.contentChanged.connect(self._content_changed)
        else:
            editor.set_read_only(True)
        if detail.integrity_warning:
            editor.message_bar.show_error(detail.integrity_warning)
        self.editor = editor
        self.certificate_id = detail.row.id
        self._version = detail.version
        self._dirty = False
        area = self._window.editor_area
        area.addWidget(editor)
        area.setCurrentWidget(editor)
        return editor

    def _attach_fmb(self, editor: FormEditor, catalogue: DiagnosisCatalogue) -> None:
        """The FMB button and side panel, following the diagnoses as they are entered."""

        def title(code: str) -> str | None:
            found = catalogue.get(code)
            return None if found is None else found.title

        panel = FmbPanel(fmb().lookup, title)
        button = editor.attach_side_panel(panel, self.tr("FMB"), FMB_TOOLTIP)

        def follow() -> None:
            codes = editor.diagnosis_codes()
            panel.set_codes(codes)
            button.setEnabled(bool(codes))
            button.setToolTip(FMB_TOOLTIP if codes else NO_DIAGNOSIS)
            if not codes:
                button.setChecked(False)

        editor.contentChanged.connect(follow)
        editor.contentShown.connect(follow)

    def close_editor(self) -> None:
        if self.editor is None:
            return
        self._window.editor_area.removeWidget(self.editor)
        self.editor.deleteLater()
        self.editor = None
        self.certificate_id = None
        self.closed.emit()

    def _content_changed(self) -> None:
        self._dirty = True
        if self.editor is not None:
            self.editor.set_save_state(SAVING)
        self._timer.start()

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if (
            self._dirty
            and self.editor is not None
            and not (new is not None and self.editor.isAncestorOf(new))
        ):
            self.flush()

    def flush(self) -> None:
        """Store pending changes now (called on a timer, on leaving, and on closing)."""
        self._timer.stop()
        editor, certificate_id = self.editor, self.certificate_id
        if not self._dirty or editor is None or certificate_id is None:
            return
        self._dirty = False
        try:
            saved = self._drafts.save(self._user, certificate_id, editor.content(), self._version)
        except DraftConflictError as conflict:
            self._reload_after_conflict(conflict)
            return
        except IntygsstudioError as error:
            self._dirty = True
            editor.message_bar.show_error(error.message)
            editor.set_save_state(self.tr("Utkastet kunde inte sparas"))
            return
        self._version = saved.version
        editor.set_save_state(SAVED)
        self.saved.emit(certificate_id)

    def _reload_after_conflict(self, conflict: DraftConflictError) -> None:
        editor, certificate_id = self.editor, self.certificate_id
        assert editor is not None and certificate_id is not None
        mine = answered_fields(editor.definition, editor.content())
        detail = self._certificates.open_certificate(self._user, certificate_id)
        self._version = detail.version
        editor.set_content(detail.content)
        own = [a for a in mine if not a.field_id.startswith("unit.")]
        editor.show_conflict(conflict.message, "\n\n".join(f"{a.label}\n{a.text}" for a in own))
        editor.set_save_state(SAVED)

    def _fk_notes(self, detail: CertificateDetail) -> list[Finding]:
        try:
            links = self._complements.complement_notes(self._user, detail.row.id)
        except IntygsstudioError:
            return []
        return [
            Finding(link.field_id, "info", f"Försäkringskassan: {link.text}", FK_NOTE)
            for link in links
            if link.text
        ]

    @property
    def version(self) -> int:
        """The version of the open draft as last loaded or saved here."""
        return self._version

    def discard(self) -> None:
        """Close the editor without saving (its draft is gone)."""
        self._timer.stop()
        self._dirty = False
        self.close_editor()
