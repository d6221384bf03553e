"""One certificate in the portal: its content, its history and what the citizen may do.

The content is the clinician's read-only form (``read_only_view``). Whether it may be sent,
and whether the diagnosis may be left out of a printout, is what the service's
``CitizenCertificate`` says; the page only shows it and asks for the action.
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from models.clock import local_text
from models.recipients.mina_intyg import CitizenCertificate
from widgets.editor.form_editor import FormEditor
from widgets.editor.read_only_view import read_only_view
from widgets.message_bar import MessageBar
from widgets.mina_intyg.list_page import day_text
from widgets.mina_intyg.look import (
    alert,
    badge,
    card,
    heading,
    link,
    muted,
    primary,
    secondary,
    white,
)

ADAPT_NOTE = (
    "Du kan välja att inte visa diagnosen när du skriver ut intyget, till exempel för att "
    "lämna det till din arbetsgivare."
)


class CertificatePage(QWidget):
    """Heading, badges, the replaced notice, actions, history and the content."""

    backRequested = Signal()  # noqa: N815 - Qt naming
    sendRequested = Signal(str)  # noqa: N815 - certificate id
    printRequested = Signal(str, bool)  # noqa: N815 - certificate id, show the diagnosis

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        white(self)
        self.setObjectName("certificatePage")
        self.shown: CitizenCertificate | None = None
        self.content: FormEditor | None = None
        self.back_button = link(QPushButton(self.tr("‹ Tillbaka till dina intyg")))
        self.back_button.clicked.connect(self.backRequested.emit)
        self.heading = heading("", 20)
        self.details = muted("")
        self._badges = QHBoxLayout()
        self._badges.setSpacing(6)
        self.badges: list[QLabel] = []
        self.replaced = alert(QLabel())
        self.replaced.setObjectName("replacedNotice")
        self.message_bar = MessageBar()

        self.send_button = primary(QPushButton(self.tr("Skicka intyg")))
        self.send_note = muted("")
        self.print_button = secondary(QPushButton(self.tr("Skriv ut / Spara PDF")))
        self.send_button.clicked.connect(self._send)
        self.print_button.clicked.connect(self._print)

        self.adapt = card(QFrame())
        self.adapt_title = heading(self.tr("Anpassa intyget för utskrift"), 11)
        self.adapt_note = muted(self.tr(ADAPT_NOTE))
        self.show_diagnosis = QRadioButton(self.tr("Visa diagnos"))
        self.hide_diagnosis = QRadioButton(self.tr("Dölj diagnos"))
        self.show_diagnosis.setChecked(True)
        group = QButtonGroup(self.adapt)
        group.addButton(self.show_diagnosis)
        group.addButton(self.hide_diagnosis)
        choices = QHBoxLayout()
        choices.addWidget(self.show_diagnosis)
        choices.addWidget(self.hide_diagnosis)
        choices.addStretch(1)
        adapt_layout = QVBoxLayout(self.adapt)
        adapt_layout.setContentsMargins(12, 8, 12, 8)
        adapt_layout.addWidget(self.adapt_title)
        adapt_layout.addWidget(self.adapt_note)
        adapt_layout.addLayout(choices)

        self.history_title = heading(self.tr("Händelser"), 12)
        self.history = QLabel()
        self.history.setWordWrap(True)
        self.history.setObjectName("history")

        # Hidden for a replaced or complemented certificate, which offers no actions.
        self.action_row = QWidget()
        actions = QHBoxLayout(self.action_row)
        actions.setContentsMargins(0, 0, 0, 0)
        actions.setSpacing(10)
        actions.addWidget(self.send_button)
        actions.addWidget(self.print_button)
        actions.addWidget(self.send_note, 1)
        top = QVBoxLayout()
        top.setSpacing(8)
        top.addWidget(self.back_button)
        top.addWidget(self.heading)
        top.addWidget(self.details)
        top.addLayout(self._badges)
        top.addWidget(self.replaced)
        top.addWidget(self.message_bar)
        top.addWidget(self.action_row)
        top.addWidget(self.adapt)

        side = QVBoxLayout()
        side.addWidget(self.history_title)
        side.addWidget(self.history)
        side.addStretch(1)
        self._side = white(QWidget())
        self._side.setLayout(side)
        self._side.setFixedWidth(240)
        self._body = QHBoxLayout()
        self._body.setSpacing(16)
        self._body.addWidget(self._side)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 12, 32, 12)
        layout.addLayout(top)
        layout.addLayout(self._body, 1)

    def show_certificate(
        self, shown: CitizenCertificate, patient_label: str, today: dt.date
    ) -> None:
        """Show a certificate; the content is rebuilt only when another one is opened."""
        previous = self.shown
        self.shown = shown
        row = shown.row
        self.heading.setText(f"{row.type_name} ({row.form})")
        self.details.setText(
            self.tr("Utfärdat {date} av {unit}, {provider}").format(
                date=day_text(row.signed_at), unit=row.unit_name, provider=row.care_provider
            )
        )
        while self._badges.count():
            item = self._badges.takeAt(0)
            old = item.widget() if item is not None else None
            if old is not None:
                old.hide()  # gone at once, not when the deferred delete comes
                old.deleteLater()
        self.badges = [badge(text) for text in row.badges]
        for label in self.badges:
            self._badges.addWidget(label)
        self._badges.addStretch(1)
        self.replaced.setText(shown.replaced_notice or "")
        self.replaced.setVisible(bool(shown.replaced_notice))
        self._show_actions(shown)
        steps = [f"<b>{local_text(e.at)}</b><br>{html.escape(e.text)}" for e in shown.history]
        self.history.setText("<br><br>".join(steps) or self.tr("Inga händelser."))
        same = previous is not None and previous.row.certificate_id == row.certificate_id
        if not same or self.content is None:
            self._show_content(shown, patient_label, today)

    def _show_actions(self, shown: CitizenCertificate) -> None:
        self.action_row.setVisible(shown.may_send or shown.may_print)
        self.send_button.setVisible(shown.may_send)
        if shown.recipient is not None:
            self.send_button.setText(self.tr("Skicka intyg till {to}").format(to=shown.recipient))
        # A second attempt is answered by the service ("redan skickat", with recipient and
        # date), as in the portal, so the button stays enabled while it is offered.
        self.send_button.setToolTip(shown.send_refusal or "")
        self.send_note.setText(shown.send_refusal or "")
        self.print_button.setVisible(shown.may_print)
        # "Anpassa intyget för utskrift" belongs to the employer's types; a carrier's
        # certificate (smittbärarpenning) has it greyed out with the reason.
        self.adapt.setVisible(shown.may_hide_diagnosis)
        allowed = shown.may_hide_diagnosis and shown.hide_refusal is None
        self.show_diagnosis.setEnabled(allowed)
        self.hide_diagnosis.setEnabled(allowed)
        if not allowed:
            self.show_diagnosis.setChecked(True)
        self.adapt_note.setText(shown.hide_refusal or self.tr(ADAPT_NOTE))
        self.adapt.setToolTip(shown.hide_refusal or "")

    def _show_content(self, shown: CitizenCertificate, patient_label: str, today: dt.date) -> None:
        if self.content is not None:
            self._body.removeWidget(self.content)
            self.content.hide()
            self.content.deleteLater()
        self.message_bar.clear()
        self.content = read_only_view(shown.definition, dict(shown.content), today, patient_label)
        # The page's heading already names the type, and the citizen knows who they are.
        self.content.title.hide()
        self.content.patient.hide()
        self._body.insertWidget(0, self.content, 1)

    def _send(self) -> None:
        if self.shown is not None:
            self.sendRequested.emit(self.shown.row.certificate_id)

    def _print(self) -> None:
        if self.shown is not None:
            hidden = not self.adapt.isHidden() and self.hide_diagnosis.isChecked()
            self.printRequested.emit(self.shown.row.certificate_id, not hidden)

    def badge_texts(self) -> list[str]:
        return [label.text() for label in self.badges]
