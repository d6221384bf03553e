"""Nytt → Intyg via Webcert: choose a certificate type, then Skapa or Avbryt."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.workflow.creation import TypeChoice

CodeRole = Qt.ItemDataRole.UserRole + 1


class TypeChooserDialog(QDialog):
    """Lists every type with recipient and Mina intyg; types not allowed now are disabled."""

    def __init__(
        self, choices: list[TypeChoice], patient_label: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._choices = {choice.code: choice for choice in choices}
        self.chosen: str | None = None
        self.setWindowTitle(self.tr("Intyg via Webcert – välj intygstyp"))
        self.resize(860, 520)

        heading = QLabel(self.tr("Välj intyg för <b>{patient}</b>").format(patient=patient_label))
        self.types = QTreeWidget()
        self.types.setRootIsDecorated(False)
        self.types.setAlternatingRowColors(True)
        self.types.setHeaderLabels(
            [self.tr("Intyg"), self.tr("Mottagare"), self.tr("Visas i Mina intyg")]
        )
        for choice in choices:
            item = QTreeWidgetItem(
                [
                    choice.name,
                    choice.recipient,
                    self.tr("Ja") if choice.mina_intyg else self.tr("Nej"),
                ]
            )
            item.setData(0, CodeRole, choice.code)
            if not choice.allowed:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                for column in range(3):
                    item.setToolTip(column, choice.reason or "")
            self.types.addTopLevelItem(item)
        for column in range(3):
            self.types.resizeColumnToContents(column)
        self.types.setColumnWidth(0, self.types.columnWidth(0) + 24)

        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setMinimumHeight(70)
        self.description.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.description.setStyleSheet("background:#f3f6f9; border:1px solid #c8d1db; padding:6px;")
        self.buttons = QDialogButtonBox()
        self.create_button = self.buttons.addButton(
            self.tr("Skapa"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("Avbryt"), QDialogButtonBox.ButtonRole.RejectRole)
        self.create_button.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.types, 1)
        layout.addWidget(self.description)
        layout.addWidget(self.buttons)

        self.types.currentItemChanged.connect(self._selection_changed)
        self.types.itemDoubleClicked.connect(lambda _item, _column: self.accept())
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        first = next((c for c in choices if c.allowed), None)
        if first is not None:
            self.select(first.code)
        else:
            self._show(choices[0] if choices else None)

    def rows(self) -> list[tuple[str, str, str, str]]:
        """(name, recipient, Mina intyg, reason it is disabled or "") as the user reads them."""
        rows = []
        for index in range(self.types.topLevelItemCount()):
            item = self.types.topLevelItem(index)
            if item is not None:
                rows.append((item.text(0), item.text(1), item.text(2), item.toolTip(0)))
        return rows

    def select(self, code: str) -> None:
        for index in range(self.types.topLevelItemCount()):
            item = self.types.topLevelItem(index)
            if item is not None and item.data(0, CodeRole) == code:
                self.types.setCurrentItem(item)
                self._show(self._choices[code])
                return
        raise KeyError(code)

    def _selection_changed(self, current: QTreeWidgetItem | None) -> None:
        self._show(self._choices.get(current.data(0, CodeRole)) if current else None)

    def _show(self, choice: TypeChoice | None) -> None:
        if choice is None:
            self.description.clear()
            self.create_button.setEnabled(False)
            return
        text = f"<b>{choice.name}</b><br>{choice.description}"
        if choice.reason:
            text += f"<br><span style='color:#a4262c'>{choice.reason}</span>"
        self.description.setText(text)
        self.create_button.setEnabled(choice.allowed)

    def accept(self) -> None:
        item = self.types.currentItem()
        code = item.data(0, CodeRole) if item is not None else None
        if code is None or not self._choices[code].allowed:
            return
        self.chosen = code
        super().accept()
