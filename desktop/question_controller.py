"""The questions panel of an opened certificate: showing it, and doing what its buttons ask.

A signed certificate opens with the panel beside the form (open at once when something on it
is unhandled); the question service says whether questions can be asked at all. Every button
goes to one service call; afterwards the panel is read again. A refusal is shown in the panel
as the service words it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from models.errors import IntygsstudioError
from models.events import CertificateChanged
from models.staff import UserContext
from models.workflow.rows import CertificateRow
from widgets.cannot_complement_dialog import CannotComplementDialog
from widgets.editor.form_editor import FormEditor
from widgets.question_panel import QuestionPanelWidget

if TYPE_CHECKING:
    from desktop.main_window import MainWindow, WindowServices

PANEL_TOOLTIP = "Frågor och svar med Försäkringskassan"


class QuestionController(QObject):
    """Owns the panel of the certificate in the editor, if it is not a draft."""

    def __init__(
        self,
        window: MainWindow,
        user: UserContext,
        services: WindowServices,
        open_certificate: Callable[[str], None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._user = user
        self._flow = services.lifecycle
        self._open = open_certificate
        self.panel: QuestionPanelWidget | None = None
        self.editor: FormEditor | None = None
        self.certificate_id: str | None = None
        self.dialog: CannotComplementDialog | None = None
        services.bridge.certificateChanged.connect(self._changed)

    def attach(self, editor: FormEditor, row: CertificateRow) -> None:
        self.panel, self.editor, self.certificate_id = None, None, None
        if not editor.read_only or editor.side_panel is not None:
            return  # drafts have FMB beside them; questions belong to sent certificates
        panel = QuestionPanelWidget()
        button = editor.attach_side_panel(panel, self.tr("Frågor och svar"), PANEL_TOOLTIP)
        self.panel, self.editor, self.certificate_id = panel, editor, row.id
        panel.requested.connect(self._requested)
        panel.draftEdited.connect(self._save_draft)
        panel.field.connect(lambda field_id: editor.focus_field(field_id))
        panel.openCertificate.connect(self._open)
        editor.destroyed.connect(lambda: self._forget(panel))
        if self.reload() and not (panel.panel.inactive_reason):
            button.setChecked(panel.panel.unhandled > 0)

    def _forget(self, panel: QuestionPanelWidget) -> None:
        if self.panel is panel:
            self.panel, self.editor, self.certificate_id = None, None, None

    def reload(self) -> bool:
        panel, certificate_id = self.panel, self.certificate_id
        if panel is None or certificate_id is None:
            return False
        try:
            panel.show_panel(self._flow.questions.panel(self._user, certificate_id))
        except IntygsstudioError as error:
            panel.show_error(error.message)
            return False
        return True

    def _changed(self, event: CertificateChanged) -> None:
        if self.certificate_id is not None and event.certificate_id == self.certificate_id:
            self.reload()

    # -- the buttons ----------------------------------------------------------------------------

    def _requested(self, action: str, question_id: str, payload: Any) -> None:
        panel, certificate_id = self.panel, self.certificate_id
        if panel is None or certificate_id is None:
            return
        questions, complements = self._flow.questions, self._flow.complements
        user = self._user
        try:
            if action == "new_question":
                subject, text = payload
                questions.ask(user, certificate_id, subject, text)
            elif action == "send_answer":
                questions.send_answer(user, question_id, str(payload))
            elif action == "cancel_answer":
                if not self._confirm(self.tr("Vill du radera svaret du har börjat skriva?")):
                    return
                questions.delete_answer_draft(user, question_id)
            elif action in ("handle", "unhandle"):
                notice = payload if action == "handle" else None
                if notice and not self._confirm(str(notice)):
                    self.reload()  # the box goes back to unticked
                    return
                questions.set_handled(user, question_id, action == "handle", confirmed=bool(notice))
            elif action == "complement":
                self._open(complements.complement(user, certificate_id).row.id)
                return
            elif action == "cannot_complement":
                self._cannot_complement(certificate_id)
                return
        except IntygsstudioError as error:
            panel.show_error(error.message)
            return
        self.reload()

    def _cannot_complement(self, certificate_id: str) -> None:
        dialog = CannotComplementDialog(self._window)
        self.dialog = dialog

        def send() -> None:
            assert dialog.reason is not None
            try:
                draft = self._flow.complements.cannot_complement(
                    self._user, certificate_id, dialog.reason, dialog.comment
                )
            except IntygsstudioError as error:
                if self.panel is not None:
                    self.panel.show_error(error.message)
                return
            if draft is not None:
                self._open(draft.row.id)
            else:
                self.reload()

        dialog.accepted.connect(send)
        dialog.open()

    def _save_draft(self, question_id: str, text: str, version: int) -> None:
        panel = self.panel
        if panel is None:
            return
        try:
            saved = self._flow.questions.save_answer_draft(self._user, question_id, text, version)
        except IntygsstudioError as error:
            panel.show_error(error.message)
            return
        panel.draft_saved(question_id, saved)

    def _confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self._window, self.tr("Frågor och svar"), text)
        return answer == QMessageBox.StandardButton.Yes
