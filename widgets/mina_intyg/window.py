"""Mina intyg (1177), simulated: the citizen's side of the certificates, in a window of its own.

A white portal with 1177's blue top bar, so it never reads as TakeCare: log in as a patient,
see the certificates from every unit, open one, send it to its recipient, print or save it.
Everything goes through ``MinaIntyg``; an expected refusal is shown on the page, never raised.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from models.clock import Clock
from models.errors import IntygsstudioError
from models.events import CertificateChanged
from models.printing.service import PrintResult
from models.recipients.mina_intyg import Citizen, MinaIntyg
from models.reference.patient_id import formatted_person_id
from widgets.message_boxes import ask
from widgets.mina_intyg.certificate_page import CertificatePage
from widgets.mina_intyg.list_page import ListPage
from widgets.mina_intyg.login_page import LoginPage
from widgets.mina_intyg.look import BLUE, white
from widgets.print_viewer import PrintViewer

T = TypeVar("T")
TITLE = "Intyg – 1177"
#: Runs ``work`` and hands its result to ``done`` or its exception to ``failed``: the desktop
#: passes ``desktop.tasks.run_task``, which does it off the GUI thread (tests make it synchronous).
Runner = Callable[[Callable[[], Any], Callable[[Any], None], Callable[[BaseException], None]], None]


class TopBar(QFrame):
    """1177's blue bar: the portal's name, the logged-in citizen and "Logga ut"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("topBar")
        self.setStyleSheet(
            f"QFrame#topBar {{ background:{BLUE}; }}"
            "QLabel { color:white; }"
            "QLabel#portal { font-size:17pt; font-weight:bold; }"
            "QPushButton { color:white; background:transparent; border:1px solid white;"
            " border-radius:4px; padding:4px 12px; }"
            "QPushButton:hover { background:#2a63a6; }"
        )
        self.portal = QLabel(self.tr(TITLE))
        self.portal.setObjectName("portal")
        self.citizen = QLabel()
        self.citizen.setObjectName("citizen")
        self.log_out_button = QPushButton(self.tr("Logga ut"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(24, 10, 24, 10)
        layout.addWidget(self.portal)
        layout.addStretch(1)
        layout.addWidget(self.citizen)
        layout.addSpacing(12)
        layout.addWidget(self.log_out_button)
        self.show_citizen(None)

    def show_citizen(self, name: str | None) -> None:
        self.citizen.setText(name or "")
        self.citizen.setVisible(name is not None)
        self.log_out_button.setVisible(name is not None)


class MinaIntygWindow(QMainWindow):
    """The portal: login, the list of certificates, one certificate."""

    printed = Signal(object)  # the print viewer, once it shows the PDF

    def __init__(
        self,
        mina: MinaIntyg,
        clock: Clock,
        parent: QWidget | None = None,
        *,
        run: Runner,
    ) -> None:
        super().__init__(parent)
        self._mina = mina
        self._clock = clock
        self._run = run
        self.citizen: Citizen | None = None
        self.print_viewer: PrintViewer | None = None
        self.setObjectName("minaIntygWindow")
        self.setWindowTitle(self.tr("Mina intyg (1177) – simulering"))
        self.top_bar = TopBar()
        self.login_page = LoginPage()
        self.list_page = ListPage()
        self.certificate_page = CertificatePage()
        self.pages = QStackedWidget()
        for page in (self.login_page, self.list_page, self.certificate_page):
            self.pages.addWidget(page)
        central = white(QWidget())
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.top_bar)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.resize(1280, 860)

        self.top_bar.log_out_button.clicked.connect(self.log_out)
        self.login_page.loginRequested.connect(self.log_in)
        self.list_page.filtersChanged.connect(self.show_list)
        self.list_page.openRequested.connect(self.open_certificate)
        self.certificate_page.backRequested.connect(self.show_list)
        self.certificate_page.sendRequested.connect(self.send)
        self.certificate_page.printRequested.connect(self.print_certificate)
        self.show_login()

    # -- pages ---------------------------------------------------------------------------------

    def show_login(self) -> None:
        people = self._call(self._mina.patients, self.login_page.show_refusal)
        if people is not None:
            self.login_page.set_people(people)
        self.pages.setCurrentWidget(self.login_page)

    def log_in(self, person_id: str) -> bool:
        """Log in as this person; a refusal (under 16) is shown on the login page."""
        citizen = self._call(lambda: self._mina.log_in(person_id), self.login_page.show_refusal)
        if citizen is None:
            return False
        self.citizen = citizen
        self.top_bar.show_citizen(citizen.name)
        self.list_page.clear_filters()
        self.show_list()
        return True

    def log_out(self) -> None:
        self.citizen = None
        self.top_bar.show_citizen(None)
        self.certificate_page.shown = None
        self.show_login()

    def show_list(self) -> None:
        citizen = self.citizen
        if citizen is None:
            return
        page = self.list_page
        if self.pages.currentWidget() is not page:
            page.message_bar.clear()  # a notice is read once, when the list is shown again
        options = self._call(lambda: self._mina.filter_options(citizen), self._list_error)
        if options is not None:
            page.set_options(options)
        rows = self._call(
            lambda: self._mina.certificates(citizen, page.filters()), self._list_error
        )
        if rows is not None:
            page.set_rows(rows)
        self.pages.setCurrentWidget(page)

    def _list_error(self, message: str) -> None:
        self.list_page.message_bar.show_error(message)

    def open_certificate(self, certificate_id: str) -> bool:
        """Show a certificate; if it is no longer the citizen's to see (revoked while open),
        the list is shown again, saying so."""
        citizen = self.citizen
        if citizen is None:
            return False
        page = self.certificate_page
        shown = self._call(lambda: self._mina.certificate(citizen, certificate_id), self._gone)
        if shown is None:
            return False
        if page.shown is None or page.shown.row.certificate_id != certificate_id:
            page.message_bar.clear()
        label = f"{formatted_person_id(citizen.person_id)}  {citizen.name}"
        page.show_certificate(shown, label, self._clock.today())
        self.pages.setCurrentWidget(page)
        return True

    def _gone(self, message: str) -> None:
        self.certificate_page.shown = None
        self.show_list()
        self.list_page.message_bar.show_info(message)

    def refresh(self) -> None:
        """Read the shown page again (the clinician may have sent or replaced something)."""
        current = self.pages.currentWidget()
        if current is self.list_page:
            self.show_list()
        elif current is self.certificate_page and self.certificate_page.shown is not None:
            self.open_certificate(self.certificate_page.shown.row.certificate_id)

    def certificate_changed(self, event: CertificateChanged) -> None:
        """A change of status somewhere (signed, sent, replaced, revoked): refresh the list,
        or the open certificate if it is the one. Drafts being saved are no citizen's news."""
        if event.kind != "status" or self.citizen is None or not self.isVisible():
            return
        shown = self.certificate_page.shown
        if self.pages.currentWidget() is self.list_page or (
            shown is not None and shown.row.certificate_id == event.certificate_id
        ):
            self.refresh()

    # -- actions -------------------------------------------------------------------------------

    def send(self, certificate_id: str) -> None:
        """Skicka intyg: after the citizen confirms, to the type's recipient. When the service
        has already said why it cannot be sent (already sent: to whom and when), the attempt
        goes straight to the service, whose refusal the page shows."""
        citizen, page = self.citizen, self.certificate_page
        shown = page.shown
        if citizen is None or shown is None:
            return
        if shown.send_refusal is None and not self._confirm_send(shown.recipient or ""):
            return
        sent = self._call(
            lambda: self._mina.send(citizen, certificate_id), page.message_bar.show_error
        )
        if sent is None:
            return
        self.open_certificate(certificate_id)
        page.message_bar.show_info(self.tr("Intyget är skickat till {to}.").format(to=sent))

    def _confirm_send(self, to: str) -> bool:
        """The portal's question before sending."""
        text = self.tr(
            "Vill du skicka intyget till {to}? Intyget skickas digitalt och {to} kan "
            "läsa det direkt."
        ).format(to=to)
        return ask(self, self.tr("Skicka intyg"), text, self.tr("Skicka"))

    def print_certificate(self, certificate_id: str, show_diagnosis: bool = True) -> None:
        """Skriv ut / Spara PDF: the PDF is made in the background; then the warning about
        shared computers, and the PDF, which the citizen may also save."""
        citizen, page = self.citizen, self.certificate_page
        if citizen is None:
            return
        page.print_button.setEnabled(False)  # one printout at a time
        page.message_bar.show_info(self.tr("Utskriften förbereds…"))
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)

        def finish() -> None:
            QApplication.restoreOverrideCursor()
            page.print_button.setEnabled(True)
            page.message_bar.clear()

        def ready(result: PrintResult) -> None:
            finish()
            self._show_printout(result)

        def failed(error: BaseException) -> None:
            finish()
            if not isinstance(error, IntygsstudioError):
                raise error  # a bug: the error handler shows the crash dialog
            page.message_bar.show_error(error.message)

        mina = self._mina
        self._run(
            lambda: mina.pdf(citizen, certificate_id, show_diagnosis=show_diagnosis),
            ready,
            failed,
        )

    def _show_printout(self, result: PrintResult) -> None:
        if result.warning and not ask(
            self,
            self.tr("Skriv ut / Spara PDF"),
            result.warning,
            self.tr("Fortsätt"),
            icon=QMessageBox.Icon.Information,
        ):
            return
        shown = self.certificate_page.shown
        title = self.tr("{type} – utskrift").format(
            type=shown.row.type_name if shown is not None else self.tr("Intyg")
        )
        if self.print_viewer is not None:
            self.print_viewer.deleteLater()  # the previous printout's viewer, closed by now
        viewer = PrintViewer(result.pdf, title, None, self, save_name=result.file_name)
        self.print_viewer = viewer
        viewer.open()
        self.printed.emit(viewer)

    def _call(self, work: Callable[[], T], show: Callable[[str], None]) -> T | None:
        """Run a service call; an expected error is shown with ``show``."""
        try:
            return work()
        except IntygsstudioError as error:
            show(error.message)
            return None
