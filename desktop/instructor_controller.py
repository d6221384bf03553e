"""The instructor's tools: Simulering → Skicka fråga som Försäkringskassan… and Händelselogg…,
Arkiv → Ny testpatient… and Byt användare….

"Skicka fråga som Försäkringskassan" is a shortcut from the certificate in the editor to the FK
console with that certificate chosen and the "Ny fråga" form ready; it is greyed out, with the
reason as its status tip, unless the open certificate has reached Försäkringskassan. Switching
user replaces the whole main window, so it is done by whoever built it (``desktop.session``),
which hands the controller its switcher.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction

from models.errors import IntygsstudioError
from models.events import CertificateChanged
from models.staff import UserContext
from models.training.event_log import EventLog
from models.training.test_patients import TestPatients
from widgets.event_log_window import EventLogWindow
from widgets.new_patient_dialog import NewPatientDialog

if TYPE_CHECKING:
    from desktop.main_window import MainWindow

FK_READY = "Öppna Försäkringskassans handläggarvy med intyget valt och formuläret Ny fråga."
NO_CERTIFICATE = "Öppna först ett intyg som är skickat till Försäkringskassan."
NOT_SENT = "Intyget är inte skickat till Försäkringskassan."
REVOKED = "Intyget är makulerat; Försäkringskassan ställer inga frågor om det."
SWITCH_READY = "Logga in som en annan medarbetare eller på en annan vårdenhet."
NO_SWITCH = "Byt användare går bara i det fönster programmet startade med."


class InstructorController(QObject):
    """Adds the instructor's actions to the Arkiv and Simulering menus."""

    def __init__(self, window: MainWindow, user: UserContext) -> None:
        super().__init__(window)
        self._window = window
        self._user = user
        services = window.services
        self._fk = services.lifecycle.fk
        self.event_log: EventLogWindow | None = None
        self.new_patient_dialog: NewPatientDialog | None = None
        self._switch_user: Callable[[], object] | None = None

        simulation = window.simulation_menu
        self.fk_question_action = QAction(self.tr("Skicka fråga som Försäkringskassan…"), self)
        self.fk_question_action.triggered.connect(self.ask_as_fk)
        self.event_log_action = QAction(self.tr("Händelselogg…"), self)
        self.event_log_action.setStatusTip(
            self.tr("Övningsdatabasens senaste statushändelser och PDL-loggposter")
        )
        self.event_log_action.triggered.connect(self.open_event_log)
        # Right after "Försäkringskassan – handläggarvy…", the other FK simulation.
        after = window.fk_console_action
        actions = simulation.actions()
        ours = [self.fk_question_action, self.event_log_action]
        if after in actions[:-1]:
            simulation.insertActions(actions[actions.index(after) + 1], ours)
        else:
            simulation.addActions(ours)

        self.new_patient_action = QAction(self.tr("Ny testpatient…"), self)
        self.new_patient_action.setStatusTip(
            self.tr("Lägg till en patient med testpersonnummer eller reservnummer för en kurs")
        )
        self.new_patient_action.triggered.connect(self.new_patient)
        self.switch_user_action = QAction(self.tr("Byt användare…"), self)
        self.switch_user_action.triggered.connect(self.switch_user)
        for action in (self.new_patient_action, self.switch_user_action):
            window.archive_menu.insertAction(window.archive_end, action)
        self.set_user_switcher(None)

        window.certificate_opened.connect(lambda _id: self.update_fk_action())
        window.editor_controller.closed.connect(self.update_fk_action)
        services.bridge.certificateChanged.connect(self._certificate_changed)
        simulation.aboutToShow.connect(self.update_fk_action)
        self.update_fk_action()

    # Skicka fråga som Försäkringskassan ------------------------------------------------------

    def _certificate_changed(self, event: CertificateChanged) -> None:
        if event.certificate_id == self._window.editor_controller.certificate_id:
            self.update_fk_action()

    def fk_refusal(self) -> str | None:
        """Why FK cannot ask about the open certificate, or None if it can."""
        certificate_id = self._window.editor_controller.certificate_id
        if certificate_id is None:
            return NO_CERTIFICATE
        try:
            received = self._fk.received(certificate_id=certificate_id, limit=1)
        except IntygsstudioError as error:
            return error.message
        if not received:
            return NOT_SENT
        if received[0].revocation_notice:
            return REVOKED
        return None

    def update_fk_action(self) -> None:
        refusal = self.fk_refusal()
        action = self.fk_question_action
        action.setEnabled(refusal is None)
        tip = self.tr(refusal or FK_READY)
        action.setStatusTip(tip)
        action.setToolTip(tip)

    def ask_as_fk(self) -> None:
        """Open the FK console at the open certificate, with the new-question form ready."""
        certificate_id = self._window.editor_controller.certificate_id
        refusal = self.fk_refusal()
        if refusal is not None or certificate_id is None:
            self._window.message_bar.show_error(self.tr(refusal or NO_CERTIFICATE))
            self.update_fk_action()
            return
        console = self._window.open_fk_console()
        if not console.start_question(certificate_id):
            console.message_bar.show_error(self.tr(NOT_SENT))

    # Händelselogg ----------------------------------------------------------------------------

    def data_replaced(self) -> None:
        """The training data was reset: the event log shows the new database's events."""
        if self.event_log is not None:
            self.event_log.refresh()

    def open_event_log(self) -> EventLogWindow:
        if self.event_log is None:
            services = self._window.services
            log = EventLog(services.store, services.certificates.definitions)
            self.event_log = EventLogWindow(log, services.bridge, parent=self._window)
            self.event_log.setWindowFlag(Qt.WindowType.Window)
        else:
            self.event_log.refresh()
        self.event_log.show()
        self.event_log.raise_()
        return self.event_log

    # Ny testpatient --------------------------------------------------------------------------

    def new_patient_dialog_for(self) -> NewPatientDialog:
        """The dialog, made but not shown (tests fill it in before ``exec``)."""
        services = self._window.services
        dialog = NewPatientDialog(
            TestPatients(services.store, services.clock),
            self._user,
            services.clock.today(),
            parent=self._window,
        )
        self.new_patient_dialog = dialog
        return dialog

    def new_patient(self) -> None:
        """Arkiv → Ny testpatient…; afterwards the journal opens if the dialog says so."""
        dialog = self.new_patient_dialog_for()
        try:
            if not dialog.exec() or dialog.created is None:
                return
            created = dialog.created
            self._window.statusBar().showMessage(
                self.tr("Testpatienten {name}, {number}, är skapad.").format(
                    name=created.name, number=created.formatted_id
                ),
                8000,
            )
            self._patients_changed()
            if dialog.open_journal.isChecked():
                self._window.open_patient(created.formatted_id)
        finally:
            self.new_patient_dialog = None
            dialog.deleteLater()

    def _patients_changed(self) -> None:
        """A new patient can log in to Mina intyg at once: an open login page reads its list
        again (a patient who is logged in keeps their page)."""
        portal = self._window.simulation_controller.mina_intyg_window
        if portal is not None and portal.citizen is None:
            portal.show_login()

    # Byt användare ---------------------------------------------------------------------------

    def set_user_switcher(self, switch: Callable[[], object] | None) -> None:
        """What "Byt användare…" calls (the session that built this window); None greys it."""
        self._switch_user = switch
        action = self.switch_user_action
        action.setEnabled(switch is not None)
        tip = self.tr(SWITCH_READY if switch is not None else NO_SWITCH)
        action.setStatusTip(tip)
        action.setToolTip(tip)

    def switch_user(self) -> None:
        if self._switch_user is not None:
            self._switch_user()
