"""The simulated Försäkringskassan's caseworker console (WORKFLOW.md §4), for instructors and
self-study: what FK has received, a certificate read-only with its messages, and FK's messages
to care (a new question, a reminder, an answer). Everything goes through ``FkConsole``."""

from __future__ import annotations

import contextlib
import html
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from models.clock import Clock, local_text
from models.definitions.summary import answered_fields
from models.errors import IntygsstudioError
from models.reference.patient_id import formatted_person_id
from models.workflow.fk_console import (
    FkCertificate,
    FkConsole,
    ReceivedCertificate,
    may_answer,
    may_remind,
)
from models.workflow.question_cards import QuestionCard
from widgets.fk_message_form import (
    FkMessageList,
    FkQuestionForm,
    date_edit,
    to_date,
)
from widgets.message_bar import MessageBar
from widgets.read_only_table import mark_protected, read_only_table

CASEWORKER = "Handläggare Försäkringskassan"
T = TypeVar("T")
QUESTION_ROLE = Qt.ItemDataRole.UserRole


class FkConsoleWindow(QMainWindow):
    """Försäkringskassan – handläggarvy (simulering)."""

    def __init__(
        self,
        console: FkConsole,
        clock: Clock,
        caseworker: str = CASEWORKER,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._console = console
        self._clock = clock
        self._received: list[ReceivedCertificate] = []
        self.current: FkCertificate | None = None
        self.setWindowTitle(self.tr("Försäkringskassan – handläggarvy (simulering)"))
        self.setObjectName("fkConsoleWindow")
        self.message_bar = MessageBar(self)
        self.caseworker = QLineEdit(caseworker, self)
        self.caseworker.setAccessibleName(self.tr("Handläggare"))
        self.refresh_button = QPushButton(self.tr("Uppdatera"), self)
        self.table = read_only_table(
            [
                self.tr("Personnummer"),
                self.tr("Namn"),
                self.tr("Intyg"),
                self.tr("Mottaget"),
                self.tr("Status"),
            ],
            (105, 125, 150, 110),
            self.tr("Mottagna intyg"),
            self,
        )
        self.heading = QLabel(self.tr("Välj ett intyg i listan."), self)
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight:bold; font-size:11pt;")
        self.revocation = QLabel(self)
        self.revocation.setWordWrap(True)
        self.revocation.setStyleSheet(
            "background:#fde7e9; border:1px solid #d13438; color:#6e0811; padding:4px;"
        )
        self.revocation.hide()
        self.content = QTextBrowser(self)
        self.content.setAccessibleName(self.tr("Intygets innehåll"))
        self.messages = FkMessageList(self)
        self.reply_text = QPlainTextEdit(self)
        self.reply_text.setPlaceholderText(self.tr("Text till påminnelsen eller svaret"))
        self.reply_text.setAccessibleName(self.tr("Text till påminnelsen eller svaret"))
        self.reply_text.setFixedHeight(48)
        self.reminder_deadline = date_edit(self, clock.today())
        self.reminder_deadline.setAccessibleName(self.tr("Svara senast (påminnelse)"))
        self.remind_button = QPushButton(self.tr("Skicka påminnelse"), self)
        self.answer_button = QPushButton(self.tr("Svara"), self)
        self.form = FkQuestionForm(clock.today(), self)
        self._lay_out()
        self.refresh_button.clicked.connect(self.refresh)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.messages.itemSelectionChanged.connect(self._update_buttons)
        self.form.send_button.clicked.connect(self.send_question)
        self.remind_button.clicked.connect(self.send_reminder)
        self.answer_button.clicked.connect(self.send_answer)
        self.resize(1540, 860)
        self.refresh()

    def _lay_out(self) -> None:
        left = QWidget(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Mottagna intyg"), left), 1)
        top.addWidget(self.refresh_button)
        who = QHBoxLayout()
        who.addWidget(QLabel(self.tr("Handläggare:"), left))
        who.addWidget(self.caseworker, 1)
        left_layout = QVBoxLayout(left)
        left_layout.addLayout(who)
        left_layout.addLayout(top)
        left_layout.addWidget(self.table, 1)
        reply = QHBoxLayout()
        reply.addWidget(QLabel(self.tr("Svara senast"), self))
        reply.addWidget(self.reminder_deadline)
        reply.addStretch(1)
        reply.addWidget(self.remind_button)
        reply.addWidget(self.answer_button)
        messages = QWidget(self)
        messages_layout = QVBoxLayout(messages)
        messages_layout.setContentsMargins(0, 0, 0, 0)
        messages_layout.addWidget(QLabel(self.tr("Meddelanden"), messages))
        messages_layout.addWidget(self.messages, 1)
        messages_layout.addWidget(self.reply_text)
        messages_layout.addLayout(reply)
        upper = QSplitter(Qt.Orientation.Horizontal, self)
        upper.addWidget(self.content)
        upper.addWidget(messages)
        upper.setSizes([400, 560])
        stack = QSplitter(Qt.Orientation.Vertical, self)
        stack.addWidget(upper)
        stack.addWidget(self.form)
        stack.setSizes([470, 330])
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.heading)
        right_layout.addWidget(self.revocation)
        right_layout.addWidget(stack, 1)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([600, 900])
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addWidget(self.message_bar)
        layout.addWidget(split, 1)
        self.setCentralWidget(central)

    # Reading -------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read what FK has received again, keeping the selected certificate."""
        chosen = self.current.received.certificate_id if self.current else None
        received = self._call(self._console.received)
        if received is None:
            return
        self._received = received
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for row, item in enumerate(received):
            self.table.insertRow(row)
            status = self.tr("Makulerat") if item.revocation_notice else self.tr("Mottaget")
            if item.open_questions:
                status += self.tr(" – öppna frågor: {n}").format(n=item.open_questions)
            cells = [
                formatted_person_id(item.person_id),
                item.patient_name,
                item.type_name,
                local_text(item.received_at),
                status,
            ]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(QUESTION_ROLE, item.certificate_id)
                cell.setToolTip(item.revocation_notice or text)
                if item.revocation_notice:
                    cell.setForeground(QColor("#a4262c"))
                if column == 0 and item.protected_identity:
                    mark_protected(cell)
                self.table.setItem(row, column, cell)
        self.table.blockSignals(False)
        if chosen is not None and self.select(chosen):
            return
        self._show(None)

    def select(self, certificate_id: str) -> bool:
        """Select a received certificate by id; False if FK has not received it."""
        for row, item in enumerate(self._received):
            if item.certificate_id == certificate_id:
                self.table.blockSignals(True)
                self.table.selectRow(row)
                self.table.blockSignals(False)
                self._open(certificate_id)
                return True
        return False

    def start_question(self, certificate_id: str) -> bool:
        """Show a received certificate with the "Ny fråga" form ready to fill in (Simulering →
        Skicka fråga som Försäkringskassan); False if FK has not received it."""
        self.refresh()  # opens the certificate again if it was the one chosen
        opened = self.current
        shown = opened is not None and opened.received.certificate_id == certificate_id
        if not shown and not self.select(certificate_id):
            return False
        self.form.text.setFocus()
        return True

    def _selection_changed(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self._show(None)
            return
        self._open(self._received[rows[0].row()].certificate_id)

    def _open(self, certificate_id: str) -> None:
        opened = self._call(lambda: self._console.open_certificate(certificate_id))
        self._show(opened)

    def _show(self, opened: FkCertificate | None) -> None:
        self.current = opened
        self.messages.clear()
        for widget in (self.form, self.reply_text, self.reminder_deadline):
            widget.setEnabled(opened is not None and not opened.received.revocation_notice)
        if opened is None:
            self.heading.setText(self.tr("Välj ett intyg i listan."))
            self.revocation.hide()
            self.content.clear()
            self.form.set_definition(None, set())
            self._update_buttons()
            return
        r = opened.received
        self.heading.setText(
            self.tr("{type} – {name}, {person}").format(
                type=r.type_name, name=r.patient_name, person=formatted_person_id(r.person_id)
            )
        )
        self.revocation.setText(r.revocation_notice or "")
        self.revocation.setVisible(bool(r.revocation_notice))
        self.content.setHtml(self._content_html(opened))
        answered = {f.field_id for f in answered_fields(opened.definition, opened.content)}
        self.form.set_definition(opened.definition, answered)
        self.form.reset(self._clock.today())
        self.reminder_deadline.setDate(self.form.deadline.date())
        self.messages.show_cards(opened.questions)
        self._update_buttons()

    def _content_html(self, opened: FkCertificate) -> str:
        r = opened.received
        e = html.escape
        parts = [
            f"<h3>{e(r.type_name)}</h3><p>"
            + e(self.tr("Utfärdat av {who}, {unit}. Mottaget {when}.")).format(
                who=e(r.signed_by), unit=e(r.unit_name), when=e(local_text(r.received_at))
            )
            + "</p>"
        ]
        category = None
        for answered in answered_fields(opened.definition, opened.content):
            if answered.category != category:
                category = answered.category
                parts.append(f"<h4>{e(category)}</h4>")
            text = e(answered.text).replace("\n", "<br>")
            parts.append(f"<p><b>{e(answered.field_id)}. {e(answered.label)}</b><br>{text}</p>")
        return "".join(parts)

    def selected_card(self) -> QuestionCard | None:
        """The question selected in the messages (or the one a selected row belongs to)."""
        return self.messages.selected_card()

    def select_question(self, question_id: str) -> None:
        self.messages.select_question(question_id)

    def _update_buttons(self) -> None:
        card = self.selected_card()
        revoked = self.current is None or bool(self.current.received.revocation_notice)
        self.remind_button.setEnabled(not revoked and card is not None and may_remind(card))
        self.answer_button.setEnabled(not revoked and card is not None and may_answer(card))

    # Writing -------------------------------------------------------------------------------

    def send_question(self) -> None:
        if self.current is None:
            return
        form = self.form
        certificate_id = self.current.received.certificate_id
        sent = self._call(
            lambda: self._console.send_question(
                self.caseworker.text(),
                certificate_id,
                form.chosen_subject(),
                form.chosen_text(),
                last_date_to_reply=form.chosen_deadline(),
                fields=form.chosen_fields(),
            )
        )
        if sent is not None:
            self._done(self.tr("Frågan är skickad till vården."), sent)

    def send_reminder(self) -> None:
        card = self.selected_card()
        if card is None:
            return
        sent = self._call(
            lambda: self._console.send_reminder(
                self.caseworker.text(),
                card.id,
                self.reply_text.toPlainText(),
                last_date_to_reply=to_date(self.reminder_deadline.date()),
            )
        )
        if sent is not None:
            self._done(self.tr("Påminnelsen är skickad till vården."), card.id)

    def send_answer(self) -> None:
        card = self.selected_card()
        if card is None:
            return
        text = self.reply_text.toPlainText()

        def answer() -> bool:
            self._console.answer(self.caseworker.text(), card.id, text)
            return True

        if self._call(answer):
            self._done(self.tr("Svaret är skickat till vården."), card.id)

    def _done(self, notice: str, question_id: str) -> None:
        self.reply_text.clear()
        self.refresh()
        self.message_bar.show_info(notice)
        with contextlib.suppress(KeyError):
            self.select_question(question_id)

    def _call(self, work: Callable[[], T]) -> T | None:
        """Run a service call; an expected error goes to the message bar."""
        try:
            result = work()
        except IntygsstudioError as error:
            self.message_bar.show_error(error.message)
            return None
        self.message_bar.clear()
        return result
