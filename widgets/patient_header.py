"""The patient banner over the journal: identity number, name, age and warnings."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from models.patients import PatientInfo
from models.reference.patient_id import PatientIdKind


class PatientHeader(QFrame):
    """Shows the open patient; hidden while no journal is open."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("patientHeader")
        self.setStyleSheet(
            "#patientHeader { background:#f3f6f9; border-bottom:1px solid #c8d1db; }"
        )
        self.identity = QLabel()
        self.identity.setStyleSheet("font-size:15px; font-weight:600;")
        self.details = QLabel()
        self.banners = QVBoxLayout()
        self.banners.setSpacing(2)
        self._banner_labels: list[QLabel] = []
        text = QVBoxLayout()
        text.addWidget(self.identity)
        text.addWidget(self.details)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addLayout(text, 1)
        layout.addLayout(self.banners)
        self.hide()

    def show_patient(self, patient: PatientInfo, today: dt.date) -> None:
        self.identity.setText(f"{patient.formatted_id}  {patient.name}")
        age = patient.age(today)
        parts = [self.tr("%n år", "", age)] if age is not None else []
        town = f"{patient.postal_code} {patient.city}".strip()
        address = ", ".join(part for part in (patient.street_address, town) if part)
        if address and not patient.protected_identity:
            parts.append(address)
        self.details.setText(" · ".join(parts))
        self._set_banners(self.banner_texts(patient))
        self.show()

    def banner_texts(self, patient: PatientInfo) -> list[str]:
        texts = []
        if patient.protected_identity:
            texts.append(self.tr("Patienten har skyddade personuppgifter"))
        if patient.deceased:
            texts.append(self.tr("Patienten är avliden"))
        if patient.id_kind is PatientIdKind.RESERVNUMMER:
            texts.append(
                self.tr("Patienten har reservnummer – elektroniska intyg kan inte utfärdas")
            )
        return texts

    def _set_banners(self, texts: list[str]) -> None:
        for old in self._banner_labels:
            self.banners.removeWidget(old)
            old.deleteLater()
        self._banner_labels = []
        for text in texts:
            label = QLabel(text)
            label.setStyleSheet(
                "background:#fff4ce; border:1px solid #c19c00; color:#4d3b00; padding:2px 6px;"
            )
            self.banners.addWidget(label)
            self._banner_labels.append(label)

    @property
    def banner_labels(self) -> list[str]:
        """The banners' texts, top to bottom."""
        return [label.text() for label in self._banner_labels]

    def clear(self) -> None:
        self._set_banners([])
        self.hide()
