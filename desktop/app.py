"""Start-up: options, logging, database, login, main window; and the --smoke self-test."""

from __future__ import annotations

import logging
import sys
import tempfile
import time
from collections.abc import Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from desktop.cli import Options, parse_options
from desktop.errors import ErrorHandler, setup_logging
from desktop.main_window import WindowServices
from desktop.session import Session
from desktop.settings import Paths, Settings
from models.clock import Clock
from models.definitions.loader import shipped_definitions
from models.errors import IntygsstudioError, LoginError
from models.events import ChangeBus
from models.patients import PatientInfo, PatientService
from models.printing import PrintService
from models.qt.bridge import ChangeBridge
from models.reference.diagnoses import diagnosis_exists
from models.reference.hsa import shipped_befattningar
from models.reference.preload import start_preload
from models.staff import StaffDirectory, UserContext
from models.store import OpenedStore, open_store
from models.store.urls import default_url, parse_url
from models.workflow.certificates import CertificateService
from models.workflow.fmb_warning import SickLeaveHistory
from models.workflow.lifecycle import Lifecycle, lifecycle
from resources import resource_path

log = logging.getLogger("intygsstudio")

# Who --smoke logs in as, and whose journal it opens: the seeded doctor at Testenhet 17.
SMOKE_USER = "TSTNMT2321000156-L001"
SMOKE_UNIT = "TSTNMT2321000156-1077"
SMOKE_PATIENT = "191212121212"

EXIT_OK = 0
EXIT_BUG = 1
EXIT_EXPECTED_ERROR = 2
#: After the first window is up: reading the code lists must not delay it.
PRELOAD_DELAY_MS = 300


@dataclass
class Services:
    """The services the shell wires into its windows."""

    opened: OpenedStore
    clock: Clock
    directory: StaffDirectory
    patients: PatientService
    certificates: CertificateService
    lifecycle: Lifecycle
    bus: ChangeBus


def _report_startup_error(message: str, show_dialog: bool) -> None:
    log.info("Start avbruten: %s", message)
    print(f"intygsstudio: {message}", file=sys.stderr)
    if show_dialog:
        from widgets.message_boxes import show_error

        show_error(None, message)


def open_services(options: Options, settings: Settings, clock: Clock) -> Services:
    """Open the database the options name (or the default) and build the services."""
    url_text = options.database or settings.database_url
    url = parse_url(url_text) if url_text else default_url(settings.paths.data_dir)
    opened = open_store(url, clock, resource_path("seed"), reset=options.reset_training)
    if opened.migration.backup is not None:
        log.info("Databasen kopierades till %s före uppgradering", opened.migration.backup)
    log.info("Databas: %s", opened.store.description)
    store = opened.store
    bus = ChangeBus()
    definitions = shipped_definitions()
    return Services(
        opened=opened,
        clock=clock,
        directory=StaffDirectory(store, shipped_befattningar()),
        patients=PatientService(store, clock),
        certificates=CertificateService(store, clock, definitions, bus),
        # ICD-10-SE is read when a draft is first signed, not at start-up.
        lifecycle=lifecycle(store, clock, definitions, bus, diagnosis_exists=diagnosis_exists),
        bus=bus,
    )


def _log_in(options: Options, services: Services) -> UserContext | None:
    if options.user:
        return services.directory.login(options.user, options.unit)
    if options.unit:
        raise LoginError("Ange --user tillsammans med --unit.")
    from widgets.login_dialog import LoginDialog

    dialog = LoginDialog(services.directory)
    return dialog.user if dialog.exec() else None


def _create_application(qt_args: Sequence[str]) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(list(qt_args))
    app.setApplicationName("Intygsstudio")
    app.setApplicationDisplayName("Intygsstudio")
    app.setOrganizationName("Intygsstudio")
    swedish = QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden)
    QLocale.setDefault(swedish)
    # Qt's own texts (standard buttons, context menus) in Swedish too.
    translator = QTranslator(app)
    qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(swedish, "qtbase", "_", qt_translations):
        app.installTranslator(translator)
    return app


def run(argv: Sequence[str], *, started: float | None = None) -> int:
    """Run the application; returns the process exit code."""
    started = time.perf_counter() if started is None else started
    options = parse_options(argv[1:])
    if options.smoke:
        options = Options(
            database=None,
            user=SMOKE_USER,
            unit=SMOKE_UNIT,
            patient=SMOKE_PATIENT,
            reset_training=None,
            no_crash_dialog=True,
            smoke=True,
            qt_args=options.qt_args,
        )
    with ExitStack() as cleanup:
        settings = Settings.load()
        if options.smoke:
            home = cleanup.enter_context(tempfile.TemporaryDirectory(prefix="intygsstudio-"))
            settings = Settings(paths=Paths.under(Path(home)), database_url=None)
        return _run(options, settings, started, cleanup)
    return EXIT_BUG  # pragma: no cover - the with-block always returns


def _run(options: Options, settings: Settings, started: float, cleanup: ExitStack) -> int:
    setup_logging(settings.paths.log_file)
    app = _create_application([sys.argv[0] if sys.argv else "intygsstudio", *options.qt_args])
    show_dialogs = not options.no_crash_dialog
    errors = ErrorHandler(
        settings.paths.log_file,
        show_dialogs=show_dialogs,
        on_bug=(lambda: app.exit(EXIT_BUG)) if options.smoke else None,
    )
    errors.install()
    clock = Clock()
    try:
        services = open_services(options, settings, clock)
        cleanup.callback(services.opened.store.close)
        user = _log_in(options, services)
        if user is None:
            return EXIT_OK
        patient: PatientInfo | None = None
        if options.patient:
            patient = services.patients.open_journal(user, options.patient)
    except IntygsstudioError as error:
        _report_startup_error(error.message, show_dialogs)
        return EXIT_EXPECTED_ERROR

    window_services = WindowServices(
        patients=services.patients,
        certificates=services.certificates,
        lifecycle=services.lifecycle,
        bridge=ChangeBridge(services.bus, app),
        clock=clock,
        sick_leave=SickLeaveHistory(services.opened.store),
        printing=PrintService(
            services.opened.store,
            clock,
            services.certificates.definitions,
            services.lifecycle.signing,
        ),
        store=services.opened.store,
        bus=services.bus,
        journal_delay=settings.journal_delay,
    )
    # The session holds the window, so that Arkiv → Byt användare can replace it.
    session = Session(
        window_services, services.directory, settings.paths, services.opened.store.description
    )
    window = session.open(user)
    if patient is not None:
        window.show_patient(patient)
    window.show()
    log.info("Inloggad som %s på %s", user.staff.hsa_id, user.unit.hsa_id)
    if options.smoke:
        QTimer.singleShot(0, lambda: _finish_smoke(app, started))
    else:
        QTimer.singleShot(PRELOAD_DELAY_MS, start_preload)
    code = app.exec()
    return EXIT_BUG if errors.bugs else code


def _finish_smoke(app: QApplication, started: float) -> None:
    elapsed_ms = (time.perf_counter() - started) * 1000
    print(f"smoke: first window shown after {elapsed_ms:.0f} ms", flush=True)
    app.exit(EXIT_OK)
