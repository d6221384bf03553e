"""The behaviour of the journal: opening patients, listing, creating and opening certificates.

The controller wires the main window's widgets to the services and keeps every list current
through change events. Rules live in the services; here is only what the screen does with
their answers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from models.errors import IntygsstudioError
from models.events import CertificateChanged
from models.patients import PatientInfo
from models.staff import UserContext
from models.workflow.creation import patient_blocker, webcert_blocker
from models.workflow.question_list import QuestionFilters, QuestionRow
from models.workflow.rows import CertificateRow, Scope
from widgets.type_chooser_dialog import TypeChooserDialog

if TYPE_CHECKING:
    from desktop.editor_controller import EditorController
    from desktop.main_window import MainWindow, WindowServices

MAX_RECENT = 8
NO_PATIENT_TEXT = "Öppna en patient genom att skriva personnumret i fältet Patient."
CHOOSE_TEXT = "Välj Intyg via Webcert i journalen för att se patientens intyg."


class JournalController(QObject):
    """Gives the main window's journal, editor area and work dock their behaviour."""

    opened_in_editor = Signal(object, object)  # FormEditor, CertificateRow

    def __init__(
        self,
        window: MainWindow,
        user: UserContext,
        services: WindowServices,
        editor: EditorController,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._editor = editor
        self._user = user
        self._patients = services.patients
        self._certificates = services.certificates
        self._clock = services.clock
        self.patient: PatientInfo | None = None
        self._patient_touched = False
        self._recent: list[PatientInfo] = []
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self._refresh_lists)

        window.patient_field.returnPressed.connect(self._open_typed_patient)
        window.open_patient_action.triggered.connect(self._open_typed_patient)
        window.close_patient_action.triggered.connect(self.close_patient)
        window.new_certificate_action.triggered.connect(self.new_certificate)
        window.journal.currentItemChanged.connect(lambda *_: self._journal_item_changed())
        window.certificate_list.openRequested.connect(self.open_certificate)
        window.work_dock.openRequested.connect(self.open_work_item)
        services.bridge.certificateChanged.connect(self._changed)
        window.editor_placeholder.setText(self.tr(NO_PATIENT_TEXT))
        self.new_certificate_reason: str | None = None
        self._update_actions()
        window.work_dock.set_fetcher(self.work_page)
        self._question_list = services.lifecycle.question_list
        window.work_dock.questionOpenRequested.connect(self.open_question_item)
        window.work_dock.set_question_fetcher(
            self.question_page, self.question_count, self._signers()
        )

    # -- patients ------------------------------------------------------------------------------

    def _open_typed_patient(self) -> None:
        text = self._window.patient_field.text().strip()
        if not text:
            self._window.message_bar.show_error(self.tr("Skriv patientens personnummer först."))
            return
        self.open_patient(text)

    def open_patient(self, typed_id: str) -> bool:
        """Open a journal; an expected error is shown in the window and nothing else changes."""
        self._editor.flush()
        try:
            patient = self._patients.open_journal(self._user, typed_id)
        except IntygsstudioError as error:
            self._window.message_bar.show_error(error.message)
            return False
        self.show_patient(patient)
        return True

    def show_patient(self, patient: PatientInfo) -> None:
        """Show a journal that the patient service has opened (and logged)."""
        window = self._window
        self._editor.close_editor()
        window.message_bar.clear()
        self.patient = patient
        window.patient_field.setText(patient.formatted_id)
        window.patient_header.show_patient(patient, self._clock.today())
        window.patient_label.setText(f"{patient.formatted_id} {patient.name}")
        window.close_patient_action.setEnabled(True)
        self._remember(patient)
        self._update_actions()
        window.journal.set_patient_open(True)
        self._show_certificates()
        if window.work_dock.scope == "patient":
            window.work_dock.refresh()
        window.patient_opened.emit(patient)

    def close_patient(self) -> None:
        window = self._window
        self._editor.flush()
        self._editor.close_editor()
        self.patient = None
        window.patient_field.clear()
        window.patient_header.clear()
        window.patient_label.setText(self.tr("Ingen patient"))
        window.journal.set_patient_open(False)
        window.close_patient_action.setEnabled(False)
        window.certificate_model.set_rows([])
        window.editor_placeholder.setText(self.tr(NO_PATIENT_TEXT))
        window.editor_area.setCurrentWidget(window.editor_placeholder)
        self._update_actions()
        if window.work_dock.scope == "patient":
            window.work_dock.refresh()
        window.patient_closed.emit()

    def _remember(self, patient: PatientInfo) -> None:
        self._recent = [p for p in self._recent if p.id != patient.id]
        self._recent.insert(0, patient)
        del self._recent[MAX_RECENT:]
        menu = self._window.recent_menu
        menu.clear()
        for recent in self._recent:
            action = menu.addAction(f"{recent.formatted_id}  {recent.name}")
            action.triggered.connect(
                lambda _checked=False, pid=recent.person_id: self.open_patient(pid)
            )
        self._window.recent_button.setEnabled(bool(self._recent))

    def recent_patients(self) -> list[str]:
        return [action.text() for action in self._window.recent_menu.actions()]

    # -- certificates --------------------------------------------------------------------------

    def _journal_item_changed(self) -> None:
        if self.patient is not None and (
            self._window.journal.currentItem() is self._window.journal.certificates_item
        ):
            self._show_certificates()

    def _show_certificates(self) -> None:
        window = self._window
        self.reload_certificates()
        window.editor_area.setCurrentWidget(window.certificate_list)

    def reload_certificates(self) -> None:
        if self.patient is None:
            return
        selected = self._window.certificate_list.selected_id()
        try:
            rows = self._certificates.list_for_patient(self._user, self.patient)
        except IntygsstudioError as error:
            self._window.message_bar.show_error(error.message)
            return
        self._window.certificate_model.set_rows(rows)
        if selected:
            self._window.certificate_list.select(selected)

    def new_certificate(self) -> None:
        """Nytt → Intyg via Webcert: choose a type; Skapa makes a draft and opens it."""
        patient = self.patient
        if patient is None:
            return
        try:
            choices = self._certificates.type_choices(self._user, patient)
        except IntygsstudioError as error:
            self._window.message_bar.show_error(error.message)
            return
        dialog = TypeChooserDialog(choices, f"{patient.formatted_id} {patient.name}", self._window)
        if not dialog.exec() or dialog.chosen is None:
            return
        try:
            row = self._certificates.create_draft(self._user, patient, dialog.chosen)
        except IntygsstudioError as error:
            self._window.message_bar.show_error(error.message)
            return
        self.reload_certificates()
        self._window.certificate_list.select(row.id)
        self.open_certificate(row.id)

    def open_certificate(self, certificate_id: str) -> None:
        """A draft the user may edit opens in the form editor; anything else read-only."""
        window = self._window
        self._editor.flush()
        try:
            detail = self._certificates.open_certificate(self._user, certificate_id)
        except IntygsstudioError as error:
            window.message_bar.show_error(error.message)
            return
        row = detail.row
        patient = self.patient
        if patient is None or patient.id != row.patient_id:
            return
        editor = self._editor.open(detail, patient, editable=detail.edit_refusal is None)
        self.opened_in_editor.emit(editor, row)
        window.certificate_opened.emit(certificate_id)

    def open_work_item(self, row: CertificateRow) -> None:
        """Double-click in the work dock: open the patient (if need be) and the certificate."""
        self._open_in_journal(row.patient_id, row.person_id, row.id)

    def _open_in_journal(self, patient_id: int, person_id: str, certificate_id: str) -> None:
        """Open the patient's journal unless it is open already, then the certificate."""
        if (self.patient is None or self.patient.id != patient_id) and not self.open_patient(
            person_id
        ):
            return
        self._window.certificate_list.select(certificate_id)
        self.open_certificate(certificate_id)

    @property
    def _patient_id(self) -> int | None:
        return self.patient.id if self.patient is not None else None

    def work_page(self, scope: Scope, offset: int, limit: int) -> list[CertificateRow]:
        try:
            return self._certificates.work_list(
                self._user, scope, patient_id=self._patient_id, offset=offset, limit=limit
            )
        except IntygsstudioError as error:
            self._window.message_bar.show_error(error.message)
            return []

    def _signers(self) -> list[tuple[str, str]]:
        try:
            return self._question_list.signers(self._user)
        except IntygsstudioError:
            return []

    def question_page(
        self, scope: Scope, filters: QuestionFilters, offset: int, limit: int
    ) -> list[QuestionRow]:
        """A page of "Fråga/svar via Webcert" for the dock."""
        try:
            return self._question_list.rows(
                self._user,
                scope,
                patient_id=self._patient_id,
                offset=offset,
                limit=limit,
                filters=filters,
            )
        except IntygsstudioError as error:
            self._window.message_bar.show_error(error.message)
            return []

    def question_count(self, scope: Scope) -> int:
        try:
            return self._question_list.count_unhandled(
                self._user, scope, patient_id=self._patient_id
            )
        except IntygsstudioError:
            return 0

    def open_question_item(self, row: QuestionRow) -> None:
        """Double-click in Fråga/svar: the patient, then the certificate with its questions."""
        self._open_in_journal(row.patient_id, row.person_id, row.certificate_id)

    # -- keeping current -----------------------------------------------------------------------

    def _changed(self, event: CertificateChanged) -> None:
        # Several events in a row (a save, its status change) refresh the lists once.
        if self.patient is not None and event.patient_id == self.patient.id:
            self._patient_touched = True
        self._refresh_timer.start()

    def _refresh_lists(self) -> None:
        if self.patient is not None:
            if self._patient_touched:
                self._reread_patient()
            self.reload_certificates()
        self._patient_touched = False
        self._window.work_dock.refresh()

    def refresh_views(self) -> None:
        """Everything the window lists, read again after the data or the date changed under it
        (a training reset, time travel): the open patient's header (the age counts by the
        clock) and certificates, the work dock and the FK console."""
        window = self._window
        if self.patient is not None:
            window.patient_header.show_patient(self.patient, self._clock.today())
            self.reload_certificates()
        window.work_dock.refresh()
        if window.fk_console is not None:
            window.fk_console.refresh()

    def _reread_patient(self) -> None:
        """A change to the open patient's certificates may have changed the patient: a DB that
        reached Skatteverket registers the death, and the banner and rules follow."""
        assert self.patient is not None
        try:
            patient = self._patients.reread(self.patient)
        except IntygsstudioError:  # the lists' reload reports a lost database
            return
        if patient != self.patient:
            self.patient = patient
            self._window.patient_header.show_patient(patient, self._clock.today())
            self._update_actions()

    def _update_actions(self) -> None:
        if self.patient is None:
            reason: str | None = self.tr("Öppna en patient först.")
        else:
            reason = webcert_blocker(self._user) or patient_blocker(self._user, self.patient)
        for action in (self._window.new_certificate_action, self._window.new_menu_action):
            action.setEnabled(reason is None)
            tip = reason or self.tr("Skriv ett nytt intyg via Webcert för patienten.")
            action.setToolTip(tip)
            action.setStatusTip(tip)
        self.new_certificate_reason = reason
