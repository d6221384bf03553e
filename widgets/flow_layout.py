"""A layout that puts its widgets in a row and wraps them onto further rows when the row is
too narrow, so that no widget is ever squeezed below its size hint (a clipped button text).

It is height-for-width aware: given a width it tells its parent layout how tall it needs to
be, so the rows below move down instead of overlapping. A stretch (``addStretch``) takes the
free width of its row and travels with the widget after it, so a widget meant to stand apart
at the right end (e.g. a destructive button) still does so when it wraps onto a new row. Rows
without a stretch start at the left, or end at the right edge when ``right_aligned``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QLayout,
    QLayoutItem,
    QSizePolicy,
    QSpacerItem,
    QWidget,
)


@dataclass
class _Row:
    """One row: its items, how wide they are without the stretches, and how tall it is."""

    items: list[QLayoutItem] = field(default_factory=list)
    width: int = 0
    height: int = 0
    widgets: int = 0

    def add(self, item: QLayoutItem, spacing: int) -> None:
        hint = item.sizeHint()
        if not _is_stretch(item):
            self.width += hint.width() + (spacing if self.widgets else 0)
            self.widgets += 1
        self.items.append(item)
        self.height = max(self.height, hint.height())


def _is_stretch(item: QLayoutItem) -> bool:
    return item.spacerItem() is not None


class FlowLayout(QLayout):
    """Left-to-right rows of widgets at their size hint, wrapping when the width runs out."""

    def __init__(self, parent: QWidget | None = None, *, right_aligned: bool = False) -> None:
        """``right_aligned``: every row ends at the right edge (a bar anchored to the right
        keeps its edge when it wraps); otherwise rows start at the left."""
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._right_aligned = right_aligned

    # -- the QLayout protocol -------------------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def addStretch(self) -> None:
        """Free space that pushes the following widgets to the right end of their row."""
        self.addItem(QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum))
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if not 0 <= index < len(self._items):
            return None
        item = self._items.pop(index)
        self.invalidate()
        return item

    def expandingDirections(self) -> Qt.Orientation:
        # Like a QHBoxLayout with a stretch: the stretch wants the spare width.
        if any(_is_stretch(item) for item in self._items):
            return Qt.Orientation.Horizontal
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:
        """Everything on one row."""
        row = _Row()
        for item in self._visible():
            row.add(item, self._spacing())
        return self._with_margins(QSize(row.width, row.height))

    def minimumSize(self) -> QSize:
        """As narrow as the widest widget, one per row; the height follows the width."""
        size = QSize(0, 0)
        for item in self._visible():
            if not _is_stretch(item):
                size = size.expandedTo(item.minimumSize()).expandedTo(item.sizeHint())
        return self._with_margins(size)

    # -- arranging ------------------------------------------------------------------------------

    def rows(self, width: int) -> list[list[QLayoutItem]]:
        """The items (stretches included) on each row when the layout is this wide."""
        return [row.items for row in self._rows(width)]

    def _visible(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty() or _is_stretch(item)]

    def _rows(self, width: int) -> list[_Row]:
        margins = self.contentsMargins()
        available = width - margins.left() - margins.right()
        spacing = self._spacing()
        rows = [_Row()]
        pending: list[QLayoutItem] = []  # stretches waiting for the widget they precede
        for item in self._visible():
            if _is_stretch(item):
                pending.append(item)
                continue
            row = rows[-1]
            needed = item.sizeHint().width() + spacing
            if row.widgets and row.width + needed > available:
                row = _Row()
                rows.append(row)
            for stretch in pending:
                row.add(stretch, spacing)
            pending = []
            row.add(item, spacing)
        for stretch in pending:
            rows[-1].add(stretch, spacing)
        return [row for row in rows if row.widgets]

    def _arrange(self, rect: QRect, *, apply: bool) -> int:
        """Place the items in ``rect`` (when ``apply``); returns the height they take."""
        inner = rect.marginsRemoved(self.contentsMargins())
        spacing = self._spacing()
        rows = self._rows(rect.width())
        y = inner.y()
        for index, row in enumerate(rows):
            if index:
                y += spacing
            if apply:
                self._place_row(row, inner, y, spacing)
            y += row.height
        return y - rect.y() + self.contentsMargins().bottom()

    def _place_row(self, row: _Row, inner: QRect, y: int, spacing: int) -> None:
        stretches = [item for item in row.items if _is_stretch(item)]
        spare = max(0, inner.width() - row.width)
        x = inner.x() + (spare if self._right_aligned and not stretches else 0)
        placed = False
        for item in row.items:
            if _is_stretch(item):
                share = spare // len(stretches)
                item.setGeometry(QRect(x, y, share, row.height))
                x += share
                continue
            hint = item.sizeHint()
            if placed:
                x += spacing
            offset = (row.height - hint.height()) // 2
            item.setGeometry(QRect(QPoint(x, y + offset), hint))
            x += hint.width()
            placed = True

    def _spacing(self) -> int:
        """Between widgets and between rows: the style's, as a QHBoxLayout would use."""
        spacing = self.spacing()
        return spacing if spacing >= 0 else 6

    def _with_margins(self, size: QSize) -> QSize:
        return size.grownBy(self.contentsMargins())
