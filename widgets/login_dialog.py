"""Login as with a SITHS card: choose who you are, then the care unit you work at today."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
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
        self.resize(820, 420)

        heading = QLabel(self.tr("<b>Välj ditt SITHS-kort</b>"))
        self.people = QTreeWidget()
        self.people.setRootIsDecorated(False)
        self.people.setAlternatingRowColors(True)
        self.people.setHeaderLabels(
            [self.tr("Namn"), self.tr("Roll i Webcert"), self.tr("Befattning"), self.tr("HSA-id")]
        )
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
            item = QTreeWidgetItem([person.name, person.role.value, person.title, person.hsa_id])
            item.setData(0, StaffIdRole, person.hsa_id)
            self.people.addTopLevelItem(item)
        for column in range(self.people.columnCount()):
            self.people.resizeColumnToContents(column)
            self.people.setColumnWidth(column, self.people.columnWidth(column) + 16)

        self.people.currentItemChanged.connect(self._person_changed)
        self.people.itemDoubleClicked.connect(lambda _item, _column: self.accept())
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        first = self.people.topLevelItem(0)
        if first is not None:
            self.people.setCurrentItem(first)
        self._person_changed()

    def selected_staff(self) -> StaffInfo | None:
        item = self.people.currentItem()
        return None if item is None else self._staff[item.data(0, StaffIdRole)]

    def rows(self) -> list[list[str]]:
        """The list as the user reads it, row by row."""
        return [
            [item.text(column) for column in range(self.people.columnCount())]
            for item in map(self.people.topLevelItem, range(self.people.topLevelItemCount()))
            if item is not None
        ]

    def select_staff(self, hsa_id: str) -> None:
        for row in range(self.people.topLevelItemCount()):
            item = self.people.topLevelItem(row)
            if item is not None and item.data(0, StaffIdRole) == hsa_id:
                self.people.setCurrentItem(item)
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
