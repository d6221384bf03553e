"""The common part of the table models that show one certificate (or question) row per line."""

from __future__ import annotations

from functools import cache
from typing import Any, ClassVar, Generic, Protocol, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QIcon

AnyIndex = QModelIndex | QPersistentModelIndex
PROTECTED_TEXT = "Patienten har skyddade personuppgifter"


@cache
def lock_icon() -> QIcon:
    """The lock Webcert and TakeCare show at a protected patient's rows (read once, on need)."""
    import qtawesome  # not at start-up: most lists have no protected patient

    icon: QIcon = qtawesome.icon("fa6s.lock", color="#a4262c")
    return icon


class MarkedRow(Protocol):
    """What the lock needs of a row: whether its patient has skyddade personuppgifter."""

    @property
    def protected_identity(self) -> bool: ...


RowT = TypeVar("RowT", bound=MarkedRow)


class RowTableModel(QAbstractTableModel, Generic[RowT]):
    """A flat table over row values with translated column headings."""

    HEADERS: ClassVar[tuple[str, ...]] = ()
    #: The column that carries the lock of a protected patient's row.
    LOCK_COLUMN: ClassVar[int] = 0

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[RowT] = []

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.HEADERS)
        ):
            return QCoreApplication.translate(type(self).__name__, self.HEADERS[section])
        return None

    def marking(self, row: RowT, index: AnyIndex, role: int) -> Any:
        """The lock in column ``LOCK_COLUMN`` of a row for a patient with skyddade
        personuppgifter, with its explanation; None for every other cell and role."""
        if not row.protected_identity or index.column() != self.LOCK_COLUMN:
            return None
        if role == Qt.ItemDataRole.DecorationRole:
            return lock_icon()
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate("RowTableModel", PROTECTED_TEXT)
        return None

    def row_at(self, index: AnyIndex) -> RowT | None:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()]
