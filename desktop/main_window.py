"""The main window: menus, the patient field, journal, editor area, work dock and status bar.

It composes panels and passes each only what it needs; it holds no domain rules.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QStyle,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop.settings import Paths
from models.clock import Clock
from models.errors import IntygsstudioError
from models.patients import PatientInfo, PatientService
from models.staff import UserContext
from widgets.journal_panel import JournalPanel
from widgets.message_bar import MessageBar
from widgets.patient_header import PatientHeader
from widgets.work_dock import WorkDock


class MainWindow(QMainWindow):
    """TakeCare's frame around the certificate module."""

    patient_opened = Signal(object)  # PatientInfo
    patient_closed = Signal()

    def __init__(
        self,
        user: UserContext,
        patients: PatientService,
        clock: Clock,
        paths: Paths,
        database_description: str,
    ) -> None:
        super().__init__()
        self._user = user
        self._patients = patients
        self._clock = clock
        self._paths = paths
        self.patient: PatientInfo | None = None
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Intygsstudio – TakeCare"))
        self.resize(1200, 760)

        self.message_bar = MessageBar()
        self.patient_header = PatientHeader()
        self.journal = JournalPanel()
        self.editor_area = QStackedWidget()
        self.editor_placeholder = QLabel(
            self.tr("Öppna en patient genom att skriva personnumret i fältet Patient.")
        )
        self.editor_placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.editor_placeholder.setStyleSheet("color:#5f6b7a; font-size:14px;")
        self.editor_area.addWidget(self.editor_placeholder)
        splitter = QSplitter()
        splitter.addWidget(self.journal)
        splitter.addWidget(self.editor_area)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 940])
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
        self.resizeDocks([self.work_dock], [220], Qt.Orientation.Vertical)

        self._build_toolbar()
        self._build_menus()
        self._build_status_bar(database_description)

    # -- construction -------------------------------------------------------------------------

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Patient"))
        toolbar.setObjectName("patientToolbar")
        toolbar.setMovable(False)
        toolbar.addWidget(QLabel(self.tr("Patient: ")))
        self.patient_field = QLineEdit()
        self.patient_field.setPlaceholderText(self.tr("ÅÅÅÅMMDD-NNNN"))
        self.patient_field.setClearButtonEnabled(True)
        self.patient_field.setMaximumWidth(220)
        self.patient_field.setToolTip(
            self.tr("Skriv personnummer eller samordningsnummer och tryck Enter.")
        )
        self.patient_field.returnPressed.connect(self._open_typed_patient)
        toolbar.addWidget(self.patient_field)
        self.open_patient_action = QAction(
            self.style().standardIcon(QStyle.StandardPixmap.SP_DirOpenIcon),
            self.tr("Öppna journal"),
            self,
        )
        self.open_patient_action.triggered.connect(self._open_typed_patient)
        toolbar.addAction(self.open_patient_action)
        self.addToolBar(toolbar)

    def _build_menus(self) -> None:
        menu_bar = self.menuBar()
        archive = menu_bar.addMenu(self.tr("&Arkiv"))
        find_patient = archive.addAction(self.tr("Sök patient…"))
        find_patient.setShortcut(QKeySequence("Ctrl+P"))
        find_patient.triggered.connect(self.focus_patient_field)
        self.close_patient_action = archive.addAction(self.tr("Stäng patient"))
        self.close_patient_action.setEnabled(False)
        self.close_patient_action.triggered.connect(self.close_patient)
        archive.addSeparator()
        quit_action = archive.addAction(self.tr("Avsluta"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)

        new = menu_bar.addMenu(self.tr("&Nytt"))
        self.new_certificate_action = new.addAction(
            self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon),
            self.tr("Intyg via Webcert…"),
        )
        self.new_certificate_action.setShortcut(QKeySequence("Ctrl+N"))
        # Enabled by the certificate-type chooser when it is wired in (issue 4).
        self.new_certificate_action.setEnabled(False)

        view = menu_bar.addMenu(self.tr("&Visa"))
        dock_action = self.work_dock.toggleViewAction()
        dock_action.setText(self.tr("Mitt/Vårt/Patientens arbete"))
        view.addAction(dock_action)

        help_menu = menu_bar.addMenu(self.tr("&Hjälp"))
        help_menu.addAction(self.tr("Öppna loggmappen"), self._open_log_folder)
        help_menu.addAction(self.tr("Om Intygsstudio"), self._about)

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

    # -- behaviour ----------------------------------------------------------------------------

    def focus_patient_field(self) -> None:
        self.patient_field.setFocus()
        self.patient_field.selectAll()

    def _open_typed_patient(self) -> None:
        text = self.patient_field.text().strip()
        if not text:
            self.message_bar.show_error(self.tr("Skriv patientens personnummer först."))
            return
        self.open_patient(text)

    def open_patient(self, typed_id: str) -> bool:
        """Open a journal; an expected error is shown in the window and nothing else changes."""
        try:
            patient = self._patients.open_journal(self._user, typed_id)
        except IntygsstudioError as error:
            self.message_bar.show_error(error.message)
            return False
        self.show_patient(patient)
        return True

    def show_patient(self, patient: PatientInfo) -> None:
        """Show a journal that has been opened (and logged) through the patient service."""
        self.message_bar.clear()
        self.patient = patient
        self.patient_field.setText(patient.formatted_id)
        self.patient_header.show_patient(patient, self._clock.today())
        self.patient_label.setText(f"{patient.formatted_id} {patient.name}")
        self.journal.set_patient_open(True)
        self.close_patient_action.setEnabled(True)
        self.editor_placeholder.setText(
            self.tr("Välj Intyg via Webcert i journalen för att se patientens intyg.")
        )
        self.patient_opened.emit(patient)

    def close_patient(self) -> None:
        self.patient = None
        self.patient_field.clear()
        self.patient_header.clear()
        self.patient_label.setText(self.tr("Ingen patient"))
        self.journal.set_patient_open(False)
        self.close_patient_action.setEnabled(False)
        self.editor_placeholder.setText(
            self.tr("Öppna en patient genom att skriva personnumret i fältet Patient.")
        )
        self.patient_closed.emit()

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
