"""A simulated authority's inbox (Transportstyrelsen, Skatteverket, Socialstyrelsen): what it
has received, each certificate openable read-only, and the revocation notices it got.

One window serves every authority; Försäkringskassan has its caseworker console instead
(``fk_console_window``), because FK also asks questions. Everything goes through ``Inbox``.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.clock import Clock, local_text
from models.errors import IntygsstudioError
from models.events import CertificateChanged
from models.recipients.authorities import Authority
from models.recipients.inbox import Inbox, InboxItem, ReceivedDocument
from models.reference.patient_id import formatted_person_id
from widgets.editor.form_editor import FormEditor
from widgets.editor.read_only_view import read_only_view
from widgets.editor.style import RED
from widgets.message_bar import MessageBar
from widgets.read_only_table import mark_protected, read_only_table

COLUMNS = ("Mottaget", "Intyg", "Patient", "Vårdenhet", "Version", "Status")
COL_STATUS = 5
DELIVERY_ROLE = Qt.ItemDataRole.UserRole


def status_text(item: InboxItem) -> str:
    """ "Mottaget", or "Makulerat <datum>" once the revocation notice has come."""
    if item.revoked_at is None:
        return "Mottaget"
    return f"Makulerat {local_text(item.revoked_at)[:10]}"


class AuthorityInboxWindow(QMainWindow):
    """<Myndighet> – inkorg (simulering): received certificates beside the one opened."""

    def __init__(
        self, inbox: Inbox, authority: Authority, clock: Clock, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._inbox = inbox
        self.authority = authority
        self._clock = clock
        self.items: list[InboxItem] = []
        self.current: ReceivedDocument | None = None
        self.view: FormEditor | None = None
        self.setObjectName(f"inbox-{authority.code}")
        self.setWindowTitle(self.tr("{name} – inkorg (simulering)").format(name=authority.name))
        self.message_bar = MessageBar()
        self.refresh_button = QPushButton(self.tr("Uppdatera"))
        self.refresh_button.clicked.connect(self.refresh)
        self.table = read_only_table(
            [self.tr(c) for c in COLUMNS], (120, 330, 250, 170, 70), self.tr("Mottagna intyg")
        )
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.empty = QLabel(
            self.tr("{name} har inte tagit emot några intyg.").format(name=authority.name)
        )
        self.empty.setStyleSheet("color:#5f6b7a;")

        self.heading = QLabel(self.tr("Välj ett intyg i listan."))
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight:bold; font-size:11pt;")
        self.revocation = QLabel()
        self.revocation.setWordWrap(True)
        self.revocation.setStyleSheet(
            f"background:#fde7e9; border:1px solid #d13438; color:{RED}; padding:4px;"
        )
        self.revocation.hide()
        self.placeholder = QLabel(self.tr("Inget intyg valt."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet("color:#5f6b7a;")
        self.document = QStackedWidget()
        self.document.addWidget(self.placeholder)
        self._lay_out()
        self.resize(1180, 940)
        self.refresh()

    def _lay_out(self) -> None:
        left = QWidget()
        top = QHBoxLayout()
        title = QLabel(self.tr("{name} – mottagna intyg").format(name=self.authority.name))
        title.setStyleSheet("font-weight:bold; font-size:12pt;")
        top.addWidget(title, 1)
        top.addWidget(self.refresh_button)
        left_layout = QVBoxLayout(left)
        left_layout.addLayout(top)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.empty)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(9, 0, 9, 0)
        right_layout.addWidget(self.heading)
        right_layout.addWidget(self.revocation)
        right_layout.addWidget(self.document, 1)
        # The list above the certificate: a form needs the window's whole width.
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(left)
        split.addWidget(right)
        split.setChildrenCollapsible(False)
        split.setSizes([230, 690])
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.message_bar)
        layout.addWidget(split, 1)
        self.setCentralWidget(central)

    # -- the list ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the inbox again, keeping the opened certificate selected."""
        chosen = self.current.item.delivery_id if self.current else None
        try:
            items = self._inbox.received(self.authority.code)
        except IntygsstudioError as error:
            self.message_bar.show_error(error.message)
            return
        self.items = items
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for row, item in enumerate(items):
            self.table.insertRow(row)
            cells = (
                local_text(item.received_at),
                f"{item.type_name} ({item.form})",
                f"{formatted_person_id(item.person_id)} {item.patient_name}",
                item.unit_name,
                item.type_version,
                status_text(item),
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(DELIVERY_ROLE, item.delivery_id)
                cell.setToolTip(item.revoke_text or text)
                if item.revoked_at is not None:
                    cell.setForeground(QColor(RED))
                if column == 2 and item.protected_identity:
                    mark_protected(cell)
                self.table.setItem(row, column, cell)
        self.table.blockSignals(False)
        self.empty.setVisible(not items)
        if chosen is not None and self.select(chosen):
            return
        self._show(None)

    def select(self, delivery_id: int) -> bool:
        """Open a received certificate by its delivery; False if it is not in the inbox."""
        for row, item in enumerate(self.items):
            if item.delivery_id == delivery_id:
                self.table.blockSignals(True)
                self.table.selectRow(row)
                self.table.blockSignals(False)
                self._open(delivery_id)
                return True
        return False

    def certificate_changed(self, event: CertificateChanged) -> None:
        """Something was sent or revoked: an open inbox reads itself again (not for a draft
        being saved, which no recipient sees)."""
        if event.kind == "status" and self.isVisible():
            self.refresh()

    def _selection_changed(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self._open(self.items[rows[0].row()].delivery_id)
        else:
            self._show(None)

    # -- the opened certificate ----------------------------------------------------------------

    def _open(self, delivery_id: int) -> None:
        try:
            opened = self._inbox.open(delivery_id)
        except IntygsstudioError as error:
            self.message_bar.show_error(error.message)
            self._show(None)
            return
        self.message_bar.clear()
        self._show(opened)

    def _show(self, opened: ReceivedDocument | None) -> None:
        previous, self.current = self.current, opened
        if opened is None:
            self.heading.setText(self.tr("Välj ett intyg i listan."))
            self.revocation.hide()
            self._replace_view(None)
            return
        item = opened.item
        self.heading.setText(
            self.tr("Mottaget {when} från {sender}. Utfärdat av {unit}.").format(
                when=local_text(item.received_at), sender=item.sent_by, unit=item.unit_name
            )
        )
        notice = (
            self.tr("Makulerat {when}: {text}").format(
                when=local_text(item.revoked_at), text=item.revoke_text or ""
            )
            if item.revoked_at is not None
            else ""
        )
        self.revocation.setText(notice)
        self.revocation.setVisible(bool(notice))
        if previous is None or previous.item.delivery_id != item.delivery_id or self.view is None:
            self._replace_view(opened)

    def _replace_view(self, opened: ReceivedDocument | None) -> None:
        if self.view is not None:
            self.document.removeWidget(self.view)
            self.view.deleteLater()
            self.view = None
        if opened is None:
            self.document.setCurrentWidget(self.placeholder)
            return
        today: dt.date = self._clock.today()
        label = f"{formatted_person_id(opened.item.person_id)}  {opened.item.patient_name}"
        self.view = read_only_view(opened.definition, dict(opened.content), today, label)
        self.document.addWidget(self.view)
        self.document.setCurrentWidget(self.view)
