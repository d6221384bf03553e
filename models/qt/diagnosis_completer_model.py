"""The rows a diagnosis completer offers: the search results for what is typed, as they come.

The model does not filter: it holds exactly what the search returned for the latest text, best
first, so it suits a ``QCompleter`` in ``UnfilteredPopupCompletion`` mode that is refreshed on
every keystroke. Each row shows ``F32.1 Medelsvår depressiv episod``; the code (display form,
with the dot) and the title are available under their own roles for filling in the two edits.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from models.reference.diagnoses import Diagnosis

AnyIndex = QModelIndex | QPersistentModelIndex

#: The code as printed, with the dot: ``F32.1``.
CodeRole = Qt.ItemDataRole.UserRole + 1
#: The title alone: ``Medelsvår depressiv episod``.
TitleRole = Qt.ItemDataRole.UserRole + 2
#: The code as stored by the code system, without the dot: ``F321``.
StoredCodeRole = Qt.ItemDataRole.UserRole + 3

#: Finds diagnoses for typed text (code or words), best first.
DiagnosisSearch = Callable[[str], Sequence[Diagnosis]]


class DiagnosisCompleterModel(QAbstractListModel):
    """A read-only list of diagnoses, replaced by ``refresh(text)`` with the search results."""

    def __init__(self, search: DiagnosisSearch, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._search = search
        self._query = ""
        self._rows: list[Diagnosis] = []

    @property
    def query(self) -> str:
        """The text the rows were searched for (stripped)."""
        return self._query

    def refresh(self, text: str) -> None:
        """Search for ``text`` and show the results (none for blank text)."""
        query = text.strip()
        if query == self._query:
            return  # a trailing space, say: the same search
        found = list(self._search(query)) if query else []
        self.beginResetModel()
        self._query = query
        self._rows = found
        self.endResetModel()

    def diagnosis(self, row: int) -> Diagnosis | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        diagnosis = self.diagnosis(index.row()) if index.isValid() else None
        if diagnosis is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return f"{diagnosis.display_code} {diagnosis.title}"
        if role in (CodeRole, Qt.ItemDataRole.EditRole):
            return diagnosis.display_code
        if role == TitleRole:
            return diagnosis.title
        if role == StoredCodeRole:
            return diagnosis.code
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )
