"""The FK caseworker console's messages: the list of a certificate's questions with their
reminders, answers and named fields, and the "Ny fråga" form (subject, text, "Svara senast"
and, for a complement request (KOMPLT), the fields it concerns, each with what FK asks)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.clock import local_text
from models.definitions.schema import Definition
from models.store.schema import Subject
from models.workflow.question_cards import FK_SUBJECTS, QuestionCard

#: How long care has to answer unless the caseworker picks another date.
DEFAULT_DAYS = 14


#: The kinds of the message list's rows: a question, and what hangs under it.
QUESTION, REMINDER, ANSWER, FIELD = "question", "reminder", "answer", "field"
ROLE = Qt.ItemDataRole.UserRole


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def to_date(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def date_edit(parent: QWidget, day: dt.date) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(to_qdate(day))
    edit.setDate(to_qdate(day))
    return edit


class FkQuestionForm(QGroupBox):
    """A new question from FK to care; the window sends it through ``FkConsole``."""

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Ny fråga till vården"))
        self._today = today
        self.subject = QComboBox(self)
        for subject in FK_SUBJECTS:
            self.subject.addItem(self.tr(subject.label), subject.value)
        self.subject.setAccessibleName(self.tr("Ämne"))
        self.text = QPlainTextEdit(self)
        self.text.setPlaceholderText(self.tr("Frågan till vården"))
        self.text.setAccessibleName(self.tr("Text"))
        self.text.setMinimumHeight(90)
        self.deadline = date_edit(self, today)
        self.deadline.setAccessibleName(self.tr("Svara senast"))
        self.fields_label = QLabel(
            self.tr("Fält som kompletteringen gäller (kryssa i och skriv vad som saknas):"), self
        )
        self.fields_label.setWordWrap(True)
        self.fields = QTableWidget(0, 2, self)
        self.fields.setHorizontalHeaderLabels([self.tr("Fält"), self.tr("Fråga om fältet")])
        self.fields.verticalHeader().hide()
        self.fields.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.fields.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.fields.setColumnWidth(0, 260)
        self.fields.setAccessibleName(self.tr("Fält som kompletteringen gäller"))
        self.send_button = QPushButton(self.tr("Skicka fråga"), self)
        form = QFormLayout()
        form.addRow(self.tr("Ämne"), self.subject)
        form.addRow(self.tr("Text"), self.text)
        form.addRow(self.tr("Svara senast"), self.deadline)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addStretch(1)
        left.addWidget(self.send_button, 0, Qt.AlignmentFlag.AlignRight)
        right = QVBoxLayout()
        right.addWidget(self.fields_label)
        right.addWidget(self.fields, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 2)
        layout.addLayout(right, 3)
        self.subject.currentIndexChanged.connect(self._subject_changed)
        self.reset(today)

    def set_definition(self, definition: Definition | None, answered: set[str]) -> None:
        """The fields a complement request may name: the type's answer fields, answered first."""
        self.fields.setRowCount(0)
        if definition is None:
            return
        found = [f for f in definition.fields() if f.holds_answer]
        found.sort(key=lambda f: f.id not in answered)
        for row, field in enumerate(found):
            self.fields.insertRow(row)
            label = " ".join(field.label.split())
            item = QTableWidgetItem(f"{field.id} – {label}")
            item.setToolTip(label)
            item.setData(Qt.ItemDataRole.UserRole, field.id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.fields.setItem(row, 0, item)
            self.fields.setItem(row, 1, QTableWidgetItem(""))

    def reset(self, today: dt.date) -> None:
        """Empty again, with "Svara senast" today + 14 days."""
        self._today = today
        self.text.clear()
        self.deadline.setMinimumDate(to_qdate(today))
        self.deadline.setDate(to_qdate(today + dt.timedelta(days=DEFAULT_DAYS)))
        for row in range(self.fields.rowCount()):
            self._cell(row, 0).setCheckState(Qt.CheckState.Unchecked)
            self._cell(row, 1).setText("")
        self._subject_changed()

    # What the caseworker chose -------------------------------------------------------------

    def chosen_subject(self) -> str:
        return str(self.subject.currentData())

    def chosen_text(self) -> str:
        return self.text.toPlainText()

    def chosen_deadline(self) -> dt.date:
        return to_date(self.deadline.date())

    def chosen_fields(self) -> list[tuple[str, str]]:
        """(field id, what FK asks about it) of each checked field."""
        chosen = []
        for row in range(self.fields.rowCount()):
            item = self._cell(row, 0)
            if item.checkState() == Qt.CheckState.Checked:
                chosen.append((str(item.data(Qt.ItemDataRole.UserRole)), self._field_text(row)))
        return chosen

    def check_field(self, field_id: str, text: str = "") -> None:
        """Check a field and set its text (as the caseworker would)."""
        row = self.row_of(field_id)
        self._cell(row, 0).setCheckState(Qt.CheckState.Checked)
        if text:
            self._cell(row, 1).setText(text)

    def row_of(self, field_id: str) -> int:
        for row in range(self.fields.rowCount()):
            if self._cell(row, 0).data(Qt.ItemDataRole.UserRole) == field_id:
                return row
        raise KeyError(field_id)

    def _field_text(self, row: int) -> str:
        return self._cell(row, 1).text()

    def _cell(self, row: int, column: int) -> QTableWidgetItem:
        item = self.fields.item(row, column)
        assert item is not None
        return item

    def _subject_changed(self) -> None:
        complement = self.chosen_subject() == Subject.KOMPLT
        self.fields_label.setVisible(complement)
        self.fields.setVisible(complement)


class FkMessageList(QTreeWidget):
    """A certificate's questions as FK sees them; under each, the fields a complement request
    names, the reminders and the answer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cards: tuple[QuestionCard, ...] = ()
        self.setHeaderLabels(
            [
                self.tr("Ämne"),
                self.tr("Text"),
                self.tr("Avsändare"),
                self.tr("Skickad"),
                self.tr("Svara senast"),
                self.tr("Status"),
            ]
        )
        self.setAccessibleName(self.tr("Meddelanden"))
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.setColumnWidth(2, 140)
        self.setColumnWidth(1, 200)

    def show_cards(self, cards: tuple[QuestionCard, ...]) -> None:
        self.clear()
        self._cards = cards
        for card in cards:
            self.addTopLevelItem(self._question_item(card))
        self.expandAll()

    def _question_item(self, card: QuestionCard) -> QTreeWidgetItem:
        if card.handled:
            status = self.tr("Hanterad")
        elif card.answered:
            status = self.tr("Besvarad")
        else:
            status = self.tr("Ohanterad")
        sender = self.tr("FK") if card.from_fk else self.tr("Vården")
        deadline = card.last_date_to_reply.isoformat() if card.last_date_to_reply else ""
        texts = [card.subject_label, card.text, f"{sender} – {card.author}"]
        item = self._item(QUESTION, card.id, [*texts, local_text(card.sent_at), deadline, status])
        for link in card.field_links:
            text = f"{link.label}: {link.text}" if link.text else link.label
            item.addChild(self._item(FIELD, card.id, [self.tr("Fält %s") % link.field_id, text]))
        for reminder in card.reminders:
            day = reminder.last_date_to_reply.isoformat() if reminder.last_date_to_reply else ""
            texts = [self.tr("Påminnelse"), reminder.text, f"{self.tr('FK')} – {reminder.author}"]
            item.addChild(
                self._item(REMINDER, reminder.id, [*texts, local_text(reminder.sent_at), day])
            )
        if card.answer is not None:
            answer = card.answer
            who = f"{self.tr('Vården') if card.from_fk else self.tr('FK')} – {answer.author}"
            texts = [answer.title, answer.text, who, local_text(answer.at)]
            item.addChild(self._item(ANSWER, card.id, texts))
        return item

    def _item(self, kind: str, ident: str, texts: list[str]) -> QTreeWidgetItem:
        item = QTreeWidgetItem([" ".join(t.split()) for t in texts])
        item.setData(0, ROLE, (kind, ident))
        for column, text in enumerate(texts):
            item.setToolTip(column, text)
        return item

    def selected_card(self) -> QuestionCard | None:
        """The selected question (or the one a selected row belongs to)."""
        items = self.selectedItems()
        if not items:
            return None
        item = items[0]
        while (parent := item.parent()) is not None:
            item = parent
        _kind, ident = item.data(0, ROLE)
        return next((c for c in self._cards if c.id == ident), None)

    def select_question(self, question_id: str) -> None:
        for index in range(self.topLevelItemCount()):
            item = self.topLevelItem(index)
            if item is not None and item.data(0, ROLE) == (QUESTION, question_id):
                self.setCurrentItem(item)
                return
        raise KeyError(question_id)
