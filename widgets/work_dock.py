"""The dock "Mitt/Vårt/Patientens arbete": the lists "Att skicka" and "Fråga/svar via Webcert"."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDockWidget,
    QGroupBox,
    QHBoxLayout,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)


class WorkDock(QDockWidget):
    """Scope switch plus one table per work list; the lists' models are attached by later panels."""

    SCOPES = ("Mitt arbete", "Vårt arbete", "Patientens arbete")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Mitt/Vårt/Patientens arbete"), parent)
        self.setObjectName("workDock")
        body = QWidget()
        self.scope_group = QButtonGroup(self)
        scopes = QHBoxLayout()
        for index, label in enumerate(self.SCOPES):
            button = QRadioButton(self.tr(label))
            self.scope_group.addButton(button, index)
            scopes.addWidget(button)
        scopes.addStretch(1)
        self.scope_group.button(0).setChecked(True)
        self.to_send = QTableView()
        self.questions = QTableView()
        layout = QVBoxLayout(body)
        layout.addLayout(scopes)
        for title, view in (
            (self.tr("Att skicka"), self.to_send),
            (self.tr("Fråga/svar via Webcert"), self.questions),
        ):
            box = QGroupBox(title)
            box_layout = QVBoxLayout(box)
            box_layout.addWidget(view)
            layout.addWidget(box)
        self.setWidget(body)
