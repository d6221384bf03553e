"""The read-only lists of the simulation windows (an authority's inbox, FK's console, the event
log): whole rows selected, nothing edited, one line a row with long texts elided (the whole
text in the tooltip), and the lock of a protected identity as the journal's lists show it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem, QWidget

from models.qt.row_table_model import PROTECTED_TEXT, lock_icon


def read_only_table(
    headers: Sequence[str],
    widths: Sequence[int],
    name: str,
    parent: QWidget | None = None,
    *,
    single_selection: bool = True,
) -> QTableWidget:
    """A table with these column ``headers`` (the last one stretches), the first columns
    ``widths`` wide, and ``name`` for screen readers."""
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if single_selection:
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.horizontalHeader().setStretchLastSection(True)
    for column, width in enumerate(widths):
        table.setColumnWidth(column, width)
    table.setAccessibleName(name)
    return table


def mark_protected(cell: QTableWidgetItem) -> None:
    """The patient's cell of a protected identity: the lock, and why the name is withheld."""
    cell.setIcon(lock_icon())
    cell.setToolTip(PROTECTED_TEXT)
