"""The questions panel beside a sent certificate: "Kompletteringsbegäran" and "Administrativa
frågor", one card per question, and "Ny fråga".

The panel shows a ``QuestionPanel`` from the question service and asks for actions through
``requested(action, question_id, payload)``; the controller calls the service and gives the
panel the new state. A card shows its reminders on top, the subject, who sent it and when, the
text, "Svara senast" while unhandled, links to the fields a complement request names (``field``
signal), and the answer. Answers being written autosave through ``draftEdited``.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.clock import local_text
from models.workflow.question_cards import QuestionCard
from models.workflow.question_rules import QuestionAction
from models.workflow.question_service import QuestionPanel
from widgets.editor.style import styled

DRAFT_DELAY_MS = 1000


def _short(label: str, limit: int = 60) -> str:
    """A field's label as a link: its first words (the tooltip of the form has the rest)."""
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


class QuestionCardWidget(QFrame):
    """One question with its reminders, answer and buttons."""

    def __init__(self, card: QuestionCard, panel: QuestionPanelWidget) -> None:
        super().__init__()
        self.card = card
        self.setObjectName(f"question-{card.id}")
        styled(self, "section")
        layout = QVBoxLayout(self)
        for reminder in card.reminders:
            note = QLabel(
                self.tr("Påminnelse {at}: {text}").format(
                    at=local_text(reminder.sent_at), text=reminder.text
                )
            )
            note.setWordWrap(True)
            styled(note, "notice")
            layout.addWidget(note)
        sender = self.tr("Försäkringskassan") if card.from_fk else self.tr("Vårdenheten")
        heading = QLabel(f"{card.subject_label} – {sender}")
        styled(heading, "fieldLabel")
        layout.addWidget(heading)
        meta = QLabel(f"{card.author} · {local_text(card.sent_at)}")
        styled(meta, "small")
        layout.addWidget(meta)
        text = QLabel(card.text)
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(text)
        if card.field_links:
            links = "<br>".join(
                f'<a href="{html.escape(link.field_id)}">{html.escape(_short(link.label))}</a>'
                + (f": {html.escape(link.text)}" if link.text else "")
                for link in card.field_links
            )
            fields = QLabel(self.tr("Visa kompletteringsbegäran för:") + "<br>" + links)
            fields.setWordWrap(True)
            fields.linkActivated.connect(panel.field.emit)
            layout.addWidget(fields)
        if card.last_date_to_reply and not card.handled:
            due = QLabel(self.tr("Svara senast: {date}").format(date=card.last_date_to_reply))
            styled(due, "status")
            layout.addWidget(due)
        if card.answer is not None:
            reply = card.answer
            answer = QLabel(
                f"<b>{html.escape(reply.title)}</b><br>{html.escape(reply.text)}"
                f"<br><small>{html.escape(reply.author)} · {local_text(reply.at)}</small>"
            )
            answer.setWordWrap(True)
            styled(answer, "help")
            layout.addWidget(answer)
        if card.answered_with:
            done = QLabel(html.escape(card.answered_with))
            if card.answered_by_certificate_id:
                link = card.answered_by_certificate_id
                done.setText(
                    f'{html.escape(card.answered_with)} <a href="{link}">'
                    + self.tr("Öppna intyget")
                    + "</a>"
                )
                done.linkActivated.connect(panel.openCertificate.emit)
            done.setWordWrap(True)
            layout.addWidget(done)
        self.buttons: dict[QuestionAction, QWidget] = {}
        self.answer_box: QPlainTextEdit | None = None
        row = QHBoxLayout()
        for action in (
            QuestionAction.ANSWER,
            QuestionAction.COMPLEMENT,
            QuestionAction.CANNOT_COMPLEMENT,
        ):
            state = card.actions.get(action)
            if state is None or not state.applicable:
                continue
            button = QPushButton(state.label)
            button.setEnabled(state.allowed)
            button.setToolTip(state.reason or state.notice or "")
            button.clicked.connect(lambda _c=False, a=action: panel.act(a, card))
            row.addWidget(button)
            self.buttons[action] = button
        row.addStretch(1)
        layout.addLayout(row)
        row = QHBoxLayout()
        handle = card.actions.get(QuestionAction.HANDLE) or card.actions.get(
            QuestionAction.UNHANDLE
        )
        if handle is not None and handle.applicable:
            box = QCheckBox(self.tr("Hanterad"))
            box.setChecked(card.handled)
            box.setEnabled(handle.allowed)
            box.setToolTip(handle.reason or handle.notice or "")
            box.clicked.connect(lambda checked: panel.act_handled(card, checked))
            row.addWidget(box)
            self.buttons[handle.action] = box
        layout.addLayout(row)
        if card.draft_text is not None:
            self.open_answer()

    def open_answer(self) -> QPlainTextEdit:
        """The answer box with Skicka and Avbryt, under the card."""
        if self.answer_box is not None:
            return self.answer_box
        box = QPlainTextEdit(self.card.draft_text or "")
        box.setTabChangesFocus(True)
        box.setMaximumHeight(120)
        box.setAccessibleName(self.tr("Svar på {subject}").format(subject=self.card.subject_label))
        send = QPushButton(self.tr("Skicka"))
        cancel = QPushButton(self.tr("Avbryt"))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(send)
        row.addWidget(cancel)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.addWidget(box)
        layout.addLayout(row)
        self.answer_box, self.send_button, self.cancel_button = box, send, cancel
        return box


class QuestionPanelWidget(QWidget):
    """Both tabs and Ny fråga for one certificate."""

    requested = Signal(str, str, object)  # action, question id ("" for Ny fråga), payload
    draftEdited = Signal(str, str, int)  # noqa: N815 - question id, text, version
    field = Signal(str)  # a field a complement request names
    openCertificate = Signal(str)  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("questionPanel")
        self.title = QLabel(self.tr("Ärendekommunikation"))
        styled(self.title, "heading")
        self.inactive = QLabel()
        self.inactive.setWordWrap(True)
        styled(self.inactive, "muted")
        self.message = QLabel()
        self.message.setWordWrap(True)
        styled(self.message, "findings")
        self.message.hide()
        self.new_button = QPushButton(self.tr("Ny fråga"))
        self.new_button.clicked.connect(self._toggle_new)
        self.subject = QComboBox()
        self.subject.setAccessibleName(self.tr("Ämne"))
        self.new_text = QPlainTextEdit()
        self.new_text.setTabChangesFocus(True)
        self.new_text.setMaximumHeight(100)
        self.new_text.setAccessibleName(self.tr("Frågetext"))
        self.new_send = QPushButton(self.tr("Skicka"))
        self.new_send.clicked.connect(self._send_new)
        self.new_form = QWidget()
        form = QVBoxLayout(self.new_form)
        form.setContentsMargins(0, 0, 0, 0)
        form.addWidget(self.subject)
        form.addWidget(self.new_text)
        form.addWidget(self.new_send, 0, Qt.AlignmentFlag.AlignRight)
        self.new_form.hide()
        self.tabs = QTabWidget()
        self.cards: dict[str, QuestionCardWidget] = {}
        self._drafts: dict[str, int] = {}
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.flush_drafts)
        self._pending: set[str] = set()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.inactive)
        layout.addWidget(self.message)
        layout.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.new_form)
        layout.addWidget(self.tabs, 1)

    # -- showing a panel ------------------------------------------------------------------------

    def show_panel(self, panel: QuestionPanel) -> None:
        self.flush_drafts()
        self.panel = panel
        self.message.hide()
        self.inactive.setText(panel.inactive_reason or "")
        self.inactive.setVisible(panel.inactive_reason is not None)
        state = panel.new_question
        self.new_button.setVisible(state.applicable and panel.inactive_reason is None)
        self.new_button.setEnabled(state.allowed)
        self.new_button.setToolTip(state.reason or "")
        self.subject.clear()
        for code, label in panel.subjects:
            self.subject.addItem(label, code)
        self.tabs.setVisible(panel.inactive_reason is None)
        current = self.tabs.currentIndex()
        self.tabs.clear()
        self.cards = {}
        for title, cards in (
            (self.tr("Kompletteringsbegäran"), panel.complement_requests),
            (self.tr("Administrativa frågor"), panel.administrative),
        ):
            open_count = sum(not c.handled for c in cards)
            body = QWidget()
            column = QVBoxLayout(body)
            if not cards:
                empty = QLabel(self.tr("Inga frågor."))
                styled(empty, "muted")
                column.addWidget(empty)
            for card in cards:
                widget = QuestionCardWidget(card, self)
                self.cards[card.id] = widget
                self._drafts[card.id] = card.draft_version
                self._wire_answer(widget)
                column.addWidget(widget)
            column.addStretch(1)
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            scroll.setWidget(body)
            self.tabs.addTab(scroll, f"{title} ({open_count})" if open_count else title)
        if current >= 0:
            self.tabs.setCurrentIndex(current)
        elif panel.administrative and not panel.complement_requests:
            self.tabs.setCurrentIndex(1)

    def show_error(self, message: str) -> None:
        self.message.setText(message)
        self.message.show()

    # -- actions --------------------------------------------------------------------------------

    def act(self, action: QuestionAction, card: QuestionCard) -> None:
        if action is QuestionAction.ANSWER:
            widget = self.cards[card.id]
            box = widget.open_answer()
            self._wire_answer(widget)
            box.setFocus()
            return
        self.requested.emit(action.value, card.id, None)

    def act_handled(self, card: QuestionCard, checked: bool) -> None:
        action = QuestionAction.HANDLE if checked else QuestionAction.UNHANDLE
        self.requested.emit(
            action.value, card.id, card.actions[action].notice if action in card.actions else None
        )

    def _wire_answer(self, widget: QuestionCardWidget) -> None:
        box = widget.answer_box
        if box is None or box.property("wired"):
            return
        box.setProperty("wired", True)
        question = widget.card.id
        box.textChanged.connect(lambda: self._draft_changed(question))
        widget.send_button.clicked.connect(
            lambda: self.requested.emit("send_answer", question, box.toPlainText())
        )
        widget.cancel_button.clicked.connect(
            lambda: self.requested.emit("cancel_answer", question, None)
        )

    def _draft_changed(self, question: str) -> None:
        self._pending.add(question)
        self._draft_timer.start()

    def flush_drafts(self) -> None:
        """Autosave the answers being written (on a timer, and before the panel changes)."""
        self._draft_timer.stop()
        for question in sorted(self._pending):
            widget = self.cards.get(question)
            if widget is not None and widget.answer_box is not None:
                self.draftEdited.emit(
                    question, widget.answer_box.toPlainText(), self._drafts.get(question, 0)
                )
        self._pending.clear()

    def draft_saved(self, question: str, version: int) -> None:
        self._drafts[question] = version

    def _toggle_new(self) -> None:
        self.new_form.setVisible(not self.new_form.isVisible())
        if self.new_form.isVisible():
            self.subject.setFocus()

    def _send_new(self) -> None:
        self.requested.emit(
            "new_question", "", (self.subject.currentData() or "", self.new_text.toPlainText())
        )
