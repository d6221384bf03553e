"""The journal tree "Journalinnehåll", with the heading "Intyg via Webcert"."""

from __future__ import annotations

from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget


class JournalPanel(QTreeWidget):
    """The patient's journal contents; certificates are listed under "Intyg via Webcert"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderLabel(self.tr("Journalinnehåll"))
        self.setMinimumWidth(220)
        self.certificates_item = QTreeWidgetItem([self.tr("Intyg via Webcert")])
        self.addTopLevelItem(self.certificates_item)
        self.setEnabled(False)

    def set_patient_open(self, is_open: bool) -> None:
        self.setEnabled(is_open)
        if is_open:
            self.setCurrentItem(self.certificates_item)
        else:
            self.clearSelection()
