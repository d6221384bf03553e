"""The portal's front door: a simulated BankID login where the student picks who they are.

Every seeded patient is offered, also those under 16, because meeting the portal's under-age
message is part of the training; the refusal itself comes from the service.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.recipients.mina_intyg import CitizenOption
from models.reference.patient_id import formatted_person_id
from widgets.mina_intyg.look import BORDER, alert, heading, muted, primary, white

PERSON_ROLE = Qt.ItemDataRole.UserRole


class LoginPage(QWidget):
    """Choose a person and log in; ``loginRequested`` carries the chosen personnummer."""

    loginRequested = Signal(str)  # noqa: N815 - Qt naming

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        white(self)
        self.setObjectName("loginPage")
        self.heading = heading(self.tr("Logga in"), 20)
        intro = muted(
            self.tr(
                "Här ser du dina intyg från vården. Inloggningen är simulerad: välj vem du "
                "är och logga in som om du använde BankID. Du behöver ha fyllt 16 år."
            )
        )
        self.people = QListWidget()
        self.people.setAccessibleName(self.tr("Välj person"))
        self.people.setStyleSheet(
            f"QListWidget {{ border:1px solid {BORDER}; border-radius:6px; padding:4px; }}"
            "QListWidget::item { padding:6px; }"
        )
        self.people.setMinimumHeight(400)
        self.login_button = primary(QPushButton(self.tr("Logga in med BankID")))
        self.login_button.setEnabled(False)
        self.refusal = alert(QLabel())
        self.refusal.setObjectName("refusal")
        self.refusal.hide()

        self.people.currentItemChanged.connect(self._chosen)
        self.people.itemActivated.connect(lambda _item: self.log_in())
        self.login_button.clicked.connect(self.log_in)

        column = QVBoxLayout()
        column.setSpacing(12)
        column.addWidget(self.heading)
        column.addWidget(intro)
        column.addWidget(self.people)
        buttons = QHBoxLayout()
        buttons.addWidget(self.login_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        column.addWidget(self.refusal)
        column.addStretch(1)
        centred = QHBoxLayout(self)
        centred.setContentsMargins(24, 32, 24, 24)
        centred.addStretch(1)
        centred.addLayout(column, 4)
        centred.addStretch(1)

    def set_people(self, options: Sequence[CitizenOption]) -> None:
        """The persons to choose from, with their age (those who may not log in too)."""
        self.people.clear()
        for option in options:
            years = self.tr("{age} år").format(age=option.age)
            number = formatted_person_id(option.person_id)
            item = QListWidgetItem(f"{option.name}\n{number} · {years}")
            item.setData(PERSON_ROLE, option.person_id)
            self.people.addItem(item)
        self.refusal.hide()
        self.login_button.setEnabled(False)

    def choose(self, person_id: str) -> None:
        """Select a person in the list, as a click would."""
        for row in range(self.people.count()):
            item = self.people.item(row)
            if item.data(PERSON_ROLE) == person_id:
                self.people.setCurrentItem(item)
                return
        raise KeyError(person_id)

    def _chosen(self, current: QListWidgetItem | None) -> None:
        self.login_button.setEnabled(current is not None)
        self.refusal.hide()

    def log_in(self) -> None:
        item = self.people.currentItem()
        if item is not None:
            self.loginRequested.emit(item.data(PERSON_ROLE))

    def show_refusal(self, message: str) -> None:
        """The portal's message for someone who may not log in (under 16, deceased)."""
        self.refusal.setText(message)
        self.refusal.show()
