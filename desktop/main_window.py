"""The main window: menus, the patient field, journal, editor area, work dock and status bar.

It lays the panels out; the journal controller gives them their behaviour. No domain rules here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QStyle,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.action_controller import ActionController
from desktop.editor_controller import EditorController
from desktop.exercise_controller import ExerciseController
from desktop.instructor_controller import InstructorController
from desktop.journal_controller import JournalController
from desktop.lock_sweeper import LockSweeper
from desktop.question_controller import QuestionController
from desktop.settings import Paths
from desktop.simulation_controller import SimulationController
from desktop.time_controller import TimeController
from desktop.training_controller import TrainingController
from models.clock import Clock
from models.events import ChangeBus
from models.patients import PatientInfo, PatientService
from models.printing import PrintService
from models.qt.bridge import ChangeBridge
from models.qt.certificate_table_model import CertificateTableModel
from models.staff import UserContext
from models.store.engine import Store
from models.workflow.certificates import CertificateService
from models.workflow.fmb_warning import SickLeaveHistory
from models.workflow.lifecycle import Lifecycle
from widgets.certificate_list import CertificateList
from widgets.fk_console_window import FkConsoleWindow
from widgets.journal_panel import JournalPanel
from widgets.message_bar import MessageBar
from widgets.patient_header import PatientHeader
from widgets.work_dock import WorkDock


@dataclass(frozen=True)
class WindowServices:
    """What the main window's panels need from the core."""

    patients: PatientService
    certificates: CertificateService
    lifecycle: Lifecycle
    bridge: ChangeBridge
    clock: Clock
    sick_leave: SickLeaveHistory
    printing: PrintService
    # The core itself, for the simulation and training windows that build their own services
    # (Mina intyg, the authorities' inboxes, scenarios, exercises).
    store: Store
    bus: ChangeBus
    # How long a send from Mina intyg takes to reach the journal (settings; default none).
    journal_delay: dt.timedelta = dt.timedelta()


class MainWindow(QMainWindow):
    """TakeCare's frame around the certificate module."""

    patient_opened = Signal(object)  # PatientInfo
    patient_closed = Signal()
    certificate_opened = Signal(str)

    def __init__(
        self,
        user: UserContext,
        services: WindowServices,
        paths: Paths,
        database_description: str,
    ) -> None:
        super().__init__()
        self._user = user
        self._paths = paths
        self.services = services
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Intygsstudio – TakeCare"))
        self.resize(1280, 800)

        self.message_bar = MessageBar()
        self.patient_header = PatientHeader()
        self.journal = JournalPanel()
        self.editor_area = QStackedWidget()
        self.editor_placeholder = QLabel()
        self.editor_placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.editor_placeholder.setStyleSheet("color:#5f6b7a; font-size:14px;")
        self.certificate_model = CertificateTableModel(self)
        self.certificate_list = CertificateList(self.certificate_model)
        for page in (self.editor_placeholder, self.certificate_list):
            self.editor_area.addWidget(page)
        splitter = QSplitter()
        splitter.addWidget(self.journal)
        splitter.addWidget(self.editor_area)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([250, 1030])
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.patient_header)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)

        self.work_dock = WorkDock(self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.work_dock)
        self.resizeDocks([self.work_dock], [230], Qt.Orientation.Vertical)

        self._build_toolbar()
        self._build_menus()
        self._build_status_bar(database_description)
        self.editor_controller = EditorController(self, user, services)
        self.controller = JournalController(self, user, services, self.editor_controller)
        self.action_controller = ActionController(
            self, user, services, self.editor_controller, self.controller.open_certificate
        )
        self.controller.opened_in_editor.connect(self.action_controller.attach)
        self.question_controller = QuestionController(
            self, user, services, self.controller.open_certificate
        )
        self.controller.opened_in_editor.connect(self.question_controller.attach)
        self.lock_sweeper = LockSweeper(services.lifecycle.locking, services.clock, self)
        self.lock_sweeper.sweep()  # before anything is listed: drafts past 14 days are locked
        # Simulation and training: one controller each, adding its own menu actions.
        # [mina-intyg]
        self.simulation_controller = SimulationController(self)
        # [training-reset]
        self.training_controller = TrainingController(self, user)
        # [time-travel]
        self.time_controller = TimeController(self)
        # [exercises]
        self.exercise_controller = ExerciseController(self, paths)
        # [instructor]
        self.instructor_controller = InstructorController(self, user)
        self._follow_resets_and_the_clock()

    # -- construction -------------------------------------------------------------------------

    def _follow_resets_and_the_clock(self) -> None:
        """The simulation windows read the database and the clock too: a reset of the training
        data and a move of the clock reach them as well as the journal."""
        reset = self.training_controller.reset_done
        reset.connect(lambda _report: self.simulation_controller.data_replaced())
        reset.connect(lambda _report: self.instructor_controller.data_replaced())
        self.time_controller.clock_changed.connect(self.simulation_controller.clock_moved)

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Patient"))
        toolbar.setObjectName("patientToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addWidget(QLabel(self.tr("Patient: ")))
        self.patient_field = QLineEdit()
        self.patient_field.setPlaceholderText(self.tr("ÅÅÅÅMMDD-NNNN"))
        self.patient_field.setClearButtonEnabled(True)
        self.patient_field.setMaximumWidth(220)
        self.patient_field.setToolTip(
            self.tr("Skriv personnummer eller samordningsnummer och tryck Enter.")
        )
        toolbar.addWidget(self.patient_field)
        self.open_patient_action = QAction(
            self.style().standardIcon(QStyle.StandardPixmap.SP_DirOpenIcon),
            self.tr("Öppna journal"),
            self,
        )
        toolbar.addAction(self.open_patient_action)
        self.recent_menu = QMenu(self.tr("Senaste patienter"), self)
        self.recent_button = QToolButton()
        self.recent_button.setText(self.tr("Senaste"))
        self.recent_button.setToolTip(self.tr("Senast öppnade patienter"))
        self.recent_button.setMenu(self.recent_menu)
        self.recent_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.recent_button.setEnabled(False)
        toolbar.addWidget(self.recent_button)
        toolbar.addSeparator()
        self.new_certificate_action = QAction(
            self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon),
            self.tr("Nytt intyg via Webcert…"),
            self,
        )
        self.new_certificate_action.setShortcut(QKeySequence("Ctrl+N"))
        toolbar.addAction(self.new_certificate_action)
        self.addToolBar(toolbar)

    def _build_menus(self) -> None:
        menu_bar = self.menuBar()
        archive = self.archive_menu = menu_bar.addMenu(self.tr("&Arkiv"))
        find_patient = archive.addAction(self.tr("Sök patient…"))
        find_patient.setShortcut(QKeySequence("Ctrl+P"))
        find_patient.triggered.connect(self.focus_patient_field)
        archive.addMenu(self.recent_menu)
        self.close_patient_action = archive.addAction(self.tr("Stäng patient"))
        self.close_patient_action.setEnabled(False)
        # Training (Återställ övningsdata, Ny testpatient) adds its actions before this point.
        self.archive_end = archive.addSeparator()
        quit_action = archive.addAction(self.tr("Avsluta"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)

        new = menu_bar.addMenu(self.tr("&Nytt"))
        self.new_menu_action = new.addAction(self.tr("Intyg via Webcert…"))
        self.new_menu_action.setIcon(self.new_certificate_action.icon())
        self.new_menu_action.triggered.connect(self.new_certificate_action.trigger)

        view = menu_bar.addMenu(self.tr("&Visa"))
        dock_action = self.work_dock.toggleViewAction()
        dock_action.setText(self.tr("Mitt/Vårt/Patientens arbete"))
        view.addAction(dock_action)

        simulation = self.simulation_menu = menu_bar.addMenu(self.tr("&Simulering"))
        self.fk_console_action = simulation.addAction(self.tr("Försäkringskassan – handläggarvy…"))
        self.fk_console_action.triggered.connect(self.open_fk_console)
        self.fk_console: FkConsoleWindow | None = None

        help_menu = menu_bar.addMenu(self.tr("&Hjälp"))
        help_menu.addAction(self.tr("Öppna loggmappen"), self._open_log_folder)
        help_menu.addAction(self.tr("Om Intygsstudio"), self._about)

    def open_fk_console(self) -> FkConsoleWindow:
        """The simulated caseworker at Försäkringskassan, in a window of its own."""
        if self.fk_console is None:
            self.fk_console = FkConsoleWindow(
                self.services.lifecycle.fk, self.services.clock, parent=self
            )
            self.fk_console.setWindowFlag(Qt.WindowType.Window)
        self.fk_console.show()
        self.fk_console.raise_()
        return self.fk_console

    def _build_status_bar(self, database_description: str) -> None:
        status = self.statusBar()
        user = self._user
        self.user_label = QLabel(f"{user.staff.name} ({user.role.value})")
        self.unit_label = QLabel(f"{user.unit.name}")
        self.patient_label = QLabel(self.tr("Ingen patient"))
        self.database_label = QLabel(database_description)
        self.database_label.setStyleSheet("color:#5f6b7a;")
        self.user_label.setToolTip(self.tr("Inloggad användare"))
        self.unit_label.setToolTip(self.tr("Vårdenhet"))
        self.patient_label.setToolTip(self.tr("Öppen patient"))
        for index, label in enumerate((self.user_label, self.unit_label, self.patient_label)):
            if index:
                separator = QFrame()
                separator.setFrameShape(QFrame.Shape.VLine)
                separator.setFrameShadow(QFrame.Shadow.Sunken)
                status.addPermanentWidget(separator)
            label.setContentsMargins(6, 0, 6, 0)
            status.addPermanentWidget(label)
        status.addWidget(self.database_label)

    # -- the journal, through the controller ---------------------------------------------------

    @property
    def patient(self) -> PatientInfo | None:
        return self.controller.patient

    def focus_patient_field(self) -> None:
        self.patient_field.setFocus()
        self.patient_field.selectAll()

    def open_patient(self, typed_id: str) -> bool:
        return self.controller.open_patient(typed_id)

    def show_patient(self, patient: PatientInfo) -> None:
        self.controller.show_patient(patient)

    def close_patient(self) -> None:
        self.controller.close_patient()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Nothing typed is lost: a pending autosave is stored before the window closes."""
        self.editor_controller.flush()
        super().closeEvent(event)

    def _open_log_folder(self) -> None:
        self._paths.log_dir.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._paths.log_dir)))

    def _about(self) -> None:
        from desktop import version

        QMessageBox.about(
            self,
            self.tr("Om Intygsstudio"),
            self.tr(
                "<b>Intygsstudio</b> {version}<br>TakeCare:s intygsmodul med Webcert, "
                "för arbete och utbildning.<br>Loggfil: {log}"
            ).format(version=version(), log=self._paths.log_file),
        )
