"""Arkiv → Ny testpatient: an instructor adds a patient for a course.

The identity is a number from Skatteverket's test lists (typed, or "Föreslå" for an unused one)
or a reservnummer given when the patient is created; then names, an optional address,
skyddade personuppgifter and a date of death. ``TestPatients`` checks everything; what it
refuses is shown in the dialog, at the field it concerns.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from models.errors import IntygsstudioError, PatientIdError
from models.patients import PatientInfo
from models.reference.patient_id import PatientIdKind, formatted_person_id
from models.staff import UserContext
from models.training.test_patients import NewPatient, NewPatientError, TestPatients

ERROR_STYLE = "color:#a4262c;"
FIELD_ERROR_STYLE = "border:1px solid #a4262c;"


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class NewPatientDialog(QDialog):
    """Ny testpatient: ``created`` holds the patient after "Skapa"."""

    def __init__(
        self,
        patients: TestPatients,
        user: UserContext,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._patients = patients
        self._user = user
        self.created: PatientInfo | None = None
        self.setWindowTitle(self.tr("Ny testpatient"))
        self.setObjectName("newPatientDialog")

        self.test_number_choice = QRadioButton(self.tr("Testpersonnummer"), self)
        self.reserve_choice = QRadioButton(self.tr("Reservnummer"), self)
        self._identity = QButtonGroup(self)
        for button in (self.test_number_choice, self.reserve_choice):
            self._identity.addButton(button)
        self.test_number_choice.setChecked(True)
        self.person_id = QLineEdit(self)
        self.person_id.setPlaceholderText(self.tr("ÅÅÅÅMMDD-NNNN"))
        self.person_id.setAccessibleName(self.tr("Testpersonnummer"))
        self.person_id.setToolTip(
            self.tr(
                "Ett personnummer eller samordningsnummer ur Skatteverkets lista över "
                "testpersonnummer. Riktiga personnummer får inte användas."
            )
        )
        self.suggest_button = QPushButton(self.tr("Föreslå"), self)
        self.suggest_button.setToolTip(self.tr("Fyll i ett oanvänt testpersonnummer"))
        self.reserve_text = QLabel(self)
        self.reserve_text.setStyleSheet("color:#5f6b7a;")
        self.given_name = QLineEdit(self)
        self.given_name.setAccessibleName(self.tr("Förnamn"))
        self.family_name = QLineEdit(self)
        self.family_name.setAccessibleName(self.tr("Efternamn"))
        self.street = QLineEdit(self)
        self.street.setAccessibleName(self.tr("Gatuadress"))
        self.postal_code = QLineEdit(self)
        self.postal_code.setAccessibleName(self.tr("Postnummer"))
        self.postal_code.setPlaceholderText(self.tr("123 45"))
        self.postal_code.setMaximumWidth(80)
        self.city = QLineEdit(self)
        self.city.setAccessibleName(self.tr("Ort"))
        self.protected = QCheckBox(self.tr("Skyddade personuppgifter"), self)
        self.protected.setToolTip(
            self.tr("Patienten har skyddad identitet; ingen adress registreras.")
        )
        self.deceased = QCheckBox(self.tr("Avliden"), self)
        self.date_of_death = QDateEdit(self)
        self.date_of_death.setCalendarPopup(True)
        self.date_of_death.setDisplayFormat("yyyy-MM-dd")
        self.date_of_death.setMaximumDate(_qdate(today))
        self.date_of_death.setDate(_qdate(today))
        self.date_of_death.setAccessibleName(self.tr("Dödsdatum"))
        self.open_journal = QCheckBox(self.tr("Öppna patientens journal efteråt"), self)
        self.open_journal.setChecked(True)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        self.buttons = QDialogButtonBox(self)
        self.create_button = self.buttons.addButton(
            self.tr("Skapa"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(
            self.tr("Avbryt"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self._lay_out()
        self.suggest_button.clicked.connect(self.suggest)
        self._identity.buttonToggled.connect(lambda *_args: self._identity_changed())
        self.protected.toggled.connect(self._protected_changed)
        self.deceased.toggled.connect(self.date_of_death.setEnabled)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.date_of_death.setEnabled(False)
        self._identity_changed()
        self.setMinimumWidth(560)

    def _lay_out(self) -> None:
        identity = QGroupBox(self.tr("Identitet"), self)
        grid = QGridLayout(identity)
        grid.addWidget(self.test_number_choice, 0, 0)
        grid.addWidget(self.person_id, 0, 1)
        grid.addWidget(self.suggest_button, 0, 2)
        grid.addWidget(self.reserve_choice, 1, 0)
        grid.addWidget(self.reserve_text, 1, 1, 1, 2)
        grid.setColumnStretch(1, 1)

        person = QGroupBox(self.tr("Patient"), self)
        form = QFormLayout(person)
        form.addRow(self.tr("Förnamn"), self.given_name)
        form.addRow(self.tr("Efternamn"), self.family_name)
        form.addRow(self.tr("Gatuadress"), self.street)
        place = QHBoxLayout()
        place.addWidget(self.postal_code)
        place.addWidget(self.city, 1)
        form.addRow(self.tr("Postnr och ort"), place)
        form.addRow("", self.protected)
        death = QHBoxLayout()
        death.addWidget(self.deceased)
        death.addWidget(self.date_of_death)
        death.addStretch(1)
        form.addRow("", death)

        layout = QVBoxLayout(self)
        layout.addWidget(identity)
        layout.addWidget(person)
        layout.addWidget(self.error)
        layout.addWidget(self.open_journal)
        layout.addWidget(self.buttons)

    # The identity ----------------------------------------------------------------------------

    def suggest(self) -> None:
        """Fill in an unused test personnummer (another one at each press)."""
        self.test_number_choice.setChecked(True)
        previous = "".join(ch for ch in self.person_id.text() if ch.isdigit()) or None
        try:
            digits = self._patients.suggest_person_id(PatientIdKind.PERSONNUMMER, after=previous)
        except IntygsstudioError as error:
            self._show_error(error.message, self.person_id)
            return
        self.person_id.setText(formatted_person_id(digits))
        self._clear_error()

    def _identity_changed(self) -> None:
        typed = self.test_number_choice.isChecked()
        self.person_id.setEnabled(typed)
        self.suggest_button.setEnabled(typed)
        self.reserve_text.setEnabled(not typed)
        try:
            upcoming = self._patients.suggest_person_id(PatientIdKind.RESERVNUMMER)
        except IntygsstudioError as error:
            self.reserve_text.setText(error.message)
            return
        self.reserve_text.setText(
            self.tr("Ges när patienten skapas (nästa: {number})").format(
                number=formatted_person_id(upcoming)
            )
        )

    def _protected_changed(self, protected: bool) -> None:
        for field in (self.street, self.postal_code, self.city):
            if protected:
                field.clear()
            field.setEnabled(not protected)

    # Creating --------------------------------------------------------------------------------

    def new_patient(self) -> NewPatient:
        """What the form says."""
        day = self.date_of_death.date()
        return NewPatient(
            person_id=self.person_id.text() if self.test_number_choice.isChecked() else None,
            given_name=self.given_name.text(),
            family_name=self.family_name.text(),
            protected_identity=self.protected.isChecked(),
            date_of_death=(
                dt.date(day.year(), day.month(), day.day()) if self.deceased.isChecked() else None
            ),
            street_address=self.street.text(),
            postal_code=self.postal_code.text(),
            city=self.city.text(),
        )

    def accept(self) -> None:
        try:
            self.created = self._patients.create(self.new_patient(), self._user)
        except PatientIdError as error:
            self._show_error(error.message, self.person_id)
            return
        except NewPatientError as error:
            self._show_error(error.message, self._field(error.field))
            return
        except IntygsstudioError as error:
            self._show_error(error.message, None)
            return
        super().accept()

    def _field(self, name: str) -> QWidget | None:
        fields: dict[str, QWidget] = {
            "person_id": self.person_id,
            "given_name": self.given_name,
            "family_name": self.family_name,
            "date_of_death": self.date_of_death,
            "address": self.postal_code,
        }
        return fields.get(name)

    def _show_error(self, message: str, field: QWidget | None) -> None:
        self._clear_error()
        self.error.setText(message)
        self.error.show()
        if field is not None:
            field.setStyleSheet(FIELD_ERROR_STYLE)
            field.setFocus()
        self.adjustSize()

    def _clear_error(self) -> None:
        self.error.hide()
        self.error.clear()
        for field in (self.person_id, self.given_name, self.family_name, self.postal_code):
            field.setStyleSheet("")
        self.date_of_death.setStyleSheet("")
