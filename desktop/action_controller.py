"""The action bar of an opened certificate: what the rules allow, and doing it.

For the certificate in the editor, the bar shows the lifecycle's verdict on every action
(``ActionRules.allowed_actions``) and the header its status lines; both are read again whenever
the certificate or one related to it changes. Pressing a button asks what Webcert asks (the
SITHS PIN, the patient's consent, the reason for revoking, a confirmation) and calls the one
service for that action. A refusal is shown in the editor's message bar as the service words
it. After an action the certificate (or the new draft) is opened again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox, QWidget

from desktop.tasks import run_task
from models.definitions.progress import missing_items
from models.errors import IntygsstudioError
from models.events import CertificateChanged
from models.staff import UserContext
from models.store.schema import CertificateStatus
from models.workflow.actions import Action, ActionState
from models.workflow.locking import effective_status
from models.workflow.rows import CertificateRow
from models.workflow.signing import IncompleteDraftError
from models.workflow.siths import TRAINING_PIN, SithsCard
from widgets.editor.form_editor import FormEditor
from widgets.print_viewer import PrintViewer
from widgets.revoke_dialog import RevokeDialog
from widgets.signing_dialog import SigningDialog

if TYPE_CHECKING:
    from desktop.editor_controller import EditorController
    from desktop.main_window import MainWindow, WindowServices
    from models.printing import PrintResult

DELETE_QUESTION = "När du raderar utkastet tas det bort från Webcert. Vill du radera det?"
INCOMPLETE_READY = (
    "Utkastet saknar fortfarande obligatoriska uppgifter. Den som signerar måste fylla i dem "
    "innan intyget kan signeras. Vill du ändå markera det klart för signering?"
)


class ActionController(QObject):
    """Keeps the open certificate's action bar and status lines current, and runs actions."""

    acted = Signal(object, str)  # Action, certificate id: after an action succeeded
    printed = Signal(object)  # the print viewer, once it shows the PDF

    def __init__(
        self,
        window: MainWindow,
        user: UserContext,
        services: WindowServices,
        editor: EditorController,
        open_certificate: Callable[[str], None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._user = user
        self._lifecycle = services.lifecycle
        self._printing = services.printing
        self._clock = services.clock
        self._editor_controller = editor
        self._open = open_certificate
        self.editor: FormEditor | None = None
        self.certificate_id: str | None = None
        self.states: dict[Action, ActionState] = {}
        self.dialog: QWidget | None = None  # the open signing or revoke dialog, for tests
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self.refresh)
        services.bridge.certificateChanged.connect(self._changed)
        editor.closed.connect(self._detach)

    # -- following the open certificate ---------------------------------------------------------

    def attach(self, editor: FormEditor, row: CertificateRow) -> None:
        self.editor = editor
        self.certificate_id = row.id
        self.row = row
        editor.action_bar.triggered.connect(self.trigger)
        editor.openRequested.connect(self._open)
        self.refresh()

    def _detach(self) -> None:
        self.editor = None
        self.certificate_id = None
        self.states = {}

    def _changed(self, event: CertificateChanged) -> None:
        if self.editor is not None and self.certificate_id is not None:
            self._pending.start()  # several changes in one action: read the rules once

    def refresh(self) -> None:
        editor, certificate_id = self.editor, self.certificate_id
        if editor is None or certificate_id is None:
            return
        try:
            self.states, lines = self._lifecycle.rules.view(self._user, certificate_id)
        except IntygsstudioError:
            self.states, lines = {}, []  # deleted or out of reach: the list says so
        editor.action_bar.set_states(self.states.values())
        editor.set_status_lines(lines)

    # -- the actions ----------------------------------------------------------------------------

    def trigger(self, action: Action) -> None:
        """Do what the button says, after Webcert's questions."""
        editor, certificate_id = self.editor, self.certificate_id
        if editor is None or certificate_id is None:
            return
        self._editor_controller.flush()
        state = self.states.get(action)
        if state is None or not state.allowed:
            if state is not None and state.reason:
                editor.message_bar.show_error(state.reason)
            return
        handler: dict[Action, Callable[[FormEditor, str, ActionState], None]] = {
            Action.SIGN: self._sign,
            Action.SEND: self._send,
            Action.PRINT: self._print,
            Action.REVOKE: self._revoke,
            Action.REPLACE: self._derive,
            Action.RENEW: self._derive,
            Action.COPY: self._derive,
            Action.CREATE_FROM: self._derive,
            Action.DELETE: self._delete,
            Action.MARK_READY: self._mark_ready,
            Action.SET_RESPONSIBLE: self._choose_responsible,
        }
        if action in handler:
            handler[action](editor, certificate_id, state)

    def _run(self, editor: FormEditor, work: Callable[[], None]) -> bool:
        try:
            work()
        except IntygsstudioError as error:
            editor.message_bar.show_error(error.message)
            return False
        return True

    def _sign(self, editor: FormEditor, certificate_id: str, state: ActionState) -> None:
        errors = [f for f in editor.findings if f.severity == "error"]
        if errors:  # Webcert checks the draft before it asks for the card
            editor.show_missing()
            missing = missing_items(editor.definition, editor.findings)
            editor.message_bar.show_error(IncompleteDraftError(missing).message)
            return
        card = SithsCard(self._user, self._clock)
        dialog = SigningDialog(
            card.holder_name,
            card.holder_id,
            card.accepts,
            state.label,
            hint=self.tr("Övningskortens PIN-kod är {pin}.").format(pin=TRAINING_PIN),
            parent=self._window,
        )
        self.dialog = dialog

        def signed() -> None:
            signature = card.signature
            assert signature is not None
            version = self._editor_controller.version
            try:
                result = self._lifecycle.signing.sign(
                    self._user, certificate_id, version, signature
                )
            except IncompleteDraftError as error:
                editor.show_missing()
                editor.message_bar.show_error(error.message)
                return
            except IntygsstudioError as error:  # a conflicting save, a rule, a lost database
                editor.message_bar.show_error(error.message)
                return
            self._after(Action.SIGN, certificate_id)
            opened = self.editor
            if opened is None:
                return
            if result.notice:
                opened.message_bar.show_error(result.notice)
                if result.print_for_police and self._offer_print(result.notice):
                    self.trigger(Action.PRINT)
            elif result.sent_to:
                opened.message_bar.show_info(
                    self.tr("Intyget är signerat och skickat till {to}.").format(to=result.sent_to)
                )
            else:
                opened.message_bar.show_info(self.tr("Intyget är signerat."))

        dialog.accepted.connect(signed)
        dialog.open()

    def _print(self, editor: FormEditor, certificate_id: str, state: ActionState) -> None:
        """Skriv ut: the PDF is made on a worker thread; the viewer opens when it is ready."""
        button = editor.action_bar.buttons.get(Action.PRINT)
        if button is not None:
            button.setEnabled(False)  # one printout at a time
        editor.message_bar.show_info(self.tr("Utskriften förbereds…"))
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        title = f"{editor.definition.name} – {self.tr('utskrift')}"

        def finish() -> None:
            QApplication.restoreOverrideCursor()
            if self.editor is editor:
                editor.message_bar.clear()
                if button is not None:
                    button.setEnabled(True)

        def ready(result: PrintResult) -> None:
            finish()
            viewer = PrintViewer(result.pdf, title, result.warning, parent=self._window)
            self.dialog = viewer
            viewer.open()
            self.printed.emit(viewer)

        def failed(error: BaseException) -> None:
            finish()
            if not isinstance(error, IntygsstudioError):
                raise error  # a bug: the error handler shows the crash dialog
            if self.editor is editor:
                editor.message_bar.show_error(error.message)

        run_task(lambda: self._printing.pdf_for(self._user, certificate_id), ready, failed)

    def _send(self, editor: FormEditor, certificate_id: str, state: ActionState) -> None:
        question = state.notice or self.tr("Vill du skicka intyget?")
        answer = QMessageBox.question(self._window, state.label, question)
        if answer != QMessageBox.StandardButton.Yes:
            return
        sent_to: list[str] = []

        def send() -> None:
            sent_to.append(
                self._lifecycle.signing.send(self._user, certificate_id, patient_consent=True)
            )

        if self._run(editor, send):
            self._after(Action.SEND, certificate_id)
            if self.editor is not None:
                self.editor.message_bar.show_info(
                    self.tr("Intyget är skickat till {to}.").format(to=sent_to[0])
                )

    def _revoke(self, editor: FormEditor, certificate_id: str, state: ActionState) -> None:
        row = self.row
        status = effective_status(row.status, row.created_at, self._clock)
        dialog = RevokeDialog(
            row.type_code,
            state.notice or "",
            locked_draft=status == CertificateStatus.LOCKED_DRAFT,
            parent=self._window,
        )
        self.dialog = dialog

        def revoke() -> None:
            work = lambda: self._lifecycle.revoking.revoke(  # noqa: E731
                self._user, certificate_id, dialog.reason, dialog.text
            )
            if self._run(editor, work):
                self._after(Action.REVOKE, certificate_id)
                if self.editor is not None:
                    self.editor.message_bar.show_info(self.tr("Intyget är makulerat."))

        dialog.accepted.connect(revoke)
        dialog.open()

    def _derive(self, editor: FormEditor, certificate_id: str, state: ActionState) -> None:
        if state.continues:
            self._open(state.continues)
            return
        if state.notice:
            answer = QMessageBox.question(self._window, state.label, state.notice)
            if answer != QMessageBox.StandardButton.Yes:
                return
        derived = self._lifecycle.derived
        make = {
            Action.REPLACE: derived.replace,
            Action.RENEW: derived.renew,
            Action.COPY: derived.copy,
            Action.CREATE_FROM: derived.create_from,
        }[state.action]
        try:
            result = make(self._user, certificate_id)
        except IntygsstudioError as error:
            editor.message_bar.show_error(error.message)
            return
        self.acted.emit(state.action, result.row.id)
        self._open(result.row.id)
        if result.info and self.editor is not None:
            self.editor.message_bar.show_info(result.info)

    def _delete(self, editor: FormEditor, certificate_id: str, state: ActionState) -> None:
        answer = QMessageBox.question(self._window, state.label, self.tr(DELETE_QUESTION))
        if answer != QMessageBox.StandardButton.Yes:
            return
        if self._run(editor, lambda: self._lifecycle.drafts.delete(self._user, certificate_id)):
            self._editor_controller.discard()
            self._window.editor_area.setCurrentWidget(self._window.certificate_list)
            self.acted.emit(Action.DELETE, certificate_id)

    def _mark_ready(self, editor: FormEditor, certificate_id: str, state: ActionState) -> None:
        """Markera klart för signering: who is to sign (TakeCare asks), then the mark."""
        if any(f.severity == "error" for f in editor.findings):
            answer = QMessageBox.question(self._window, state.label, self.tr(INCOMPLETE_READY))
            if answer != QMessageBox.StandardButton.Yes:
                return
        responsible = self._ask_responsible(editor, certificate_id, state.label)
        if responsible is None:
            return
        work = lambda: self._lifecycle.drafts.mark_ready_for_signing(  # noqa: E731
            self._user, certificate_id, responsible_id=responsible
        )
        if self._run(editor, work):
            self._after(Action.MARK_READY, certificate_id)

    def _choose_responsible(
        self, editor: FormEditor, certificate_id: str, state: ActionState
    ) -> None:
        responsible = self._ask_responsible(editor, certificate_id, state.label)
        if responsible is None:
            return
        work = lambda: self._lifecycle.drafts.set_signing_responsible(  # noqa: E731
            self._user, certificate_id, responsible
        )
        if self._run(editor, work):
            self._after(Action.SET_RESPONSIBLE, certificate_id)

    def _ask_responsible(self, editor: FormEditor, certificate_id: str, title: str) -> str | None:
        """The HSA-id of the signing responsible the user picks, or None if cancelled."""
        try:
            candidates = self._lifecycle.drafts.signing_candidates(self._user, certificate_id)
        except IntygsstudioError as error:
            editor.message_bar.show_error(error.message)
            return None
        if not candidates:
            editor.message_bar.show_error(self.tr("Det finns ingen som kan signera på enheten."))
            return None
        names = [f"{candidate.name} ({candidate.role.value})" for candidate in candidates]
        current = next(
            (i for i, c in enumerate(candidates) if c.name == self.row.responsible_name), 0
        )
        name, chosen = QInputDialog.getItem(
            self._window, title, self.tr("Signeringsansvarig:"), names, current, False
        )
        if not chosen or name not in names:
            return None
        return candidates[names.index(name)].hsa_id

    def _offer_print(self, notice: str) -> bool:
        answer = QMessageBox.question(
            self._window, self.tr("Skriv ut"), f"{notice}\n\n" + self.tr("Vill du skriva ut nu?")
        )
        return answer == QMessageBox.StandardButton.Yes

    def _after(self, action: Action, certificate_id: str) -> None:
        """Open the certificate again: its status, layout and actions have changed."""
        self.acted.emit(action, certificate_id)
        self._open(certificate_id)
