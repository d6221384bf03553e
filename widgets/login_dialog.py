"""Login as with a SITHS card: choose who you are, then the care unit you work at today."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.errors import IntygsstudioError
from models.staff import StaffDirectory, StaffInfo, UserContext

StaffIdRole = Qt.ItemDataRole.UserRole + 1


class LoginDialog(QDialog):
    """Lists the staff the way a card reader lists certificates, then asks for the unit."""

    def __init__(self, directory: StaffDirectory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._directory = directory
        self._staff: dict[str, StaffInfo] = {}
        self.user: UserContext | None = None
        self.setWindowTitle(self.tr("Logga in – Intygsstudio"))
        self.resize(560, 440)

        heading = QLabel(self.tr("<b>Välj ditt SITHS-kort</b>"))
        self.people = QListWidget()
        self.people.setAlternatingRowColors(True)
        self.units = QComboBox()
        self.units.setMinimumWidth(320)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color:#a4262c;")
        self.buttons = QDialogButtonBox()
        self.login_button = self.buttons.addButton(
            self.tr("Logga in"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("Avbryt"), QDialogButtonBox.ButtonRole.RejectRole)

        form = QFormLayout()
        form.addRow(self.tr("Välj din vårdenhet:"), self.units)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.people, 1)
        layout.addLayout(form)
        layout.addWidget(self.notice)
        layout.addWidget(self.buttons)

        for person in directory.list_staff():
            self._staff[person.hsa_id] = person
            detail = " · ".join(part for part in (person.role.value, person.title) if part)
            item = QListWidgetItem(f"{person.name}\n{detail}   ({person.hsa_id})")
            item.setData(StaffIdRole, person.hsa_id)
            self.people.addItem(item)

        self.people.currentItemChanged.connect(self._person_changed)
        self.people.itemDoubleClicked.connect(lambda _item: self.accept())
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        if self.people.count():
            self.people.setCurrentRow(0)
        self._person_changed()

    def selected_staff(self) -> StaffInfo | None:
        item = self.people.currentItem()
        return None if item is None else self._staff[item.data(StaffIdRole)]

    def select_staff(self, hsa_id: str) -> None:
        for row in range(self.people.count()):
            if self.people.item(row).data(StaffIdRole) == hsa_id:
                self.people.setCurrentRow(row)
                return
        raise KeyError(hsa_id)

    def select_unit(self, hsa_id: str) -> None:
        index = self.units.findData(hsa_id)
        if index < 0:
            raise KeyError(hsa_id)
        self.units.setCurrentIndex(index)

    def _person_changed(self) -> None:
        self.units.clear()
        self.notice.clear()
        person = self.selected_staff()
        if person is None:
            self.login_button.setEnabled(False)
            return
        for unit in person.units:
            self.units.addItem(f"{unit.name} ({unit.hsa_id})", unit.hsa_id)
        self.units.setEnabled(len(person.units) > 1)
        self.login_button.setEnabled(True)

    def accept(self) -> None:
        person = self.selected_staff()
        if person is None:
            return
        try:
            self.user = self._directory.login(person.hsa_id, self.units.currentData())
        except IntygsstudioError as error:
            self.notice.setText(error.message)
            return
        super().accept()
