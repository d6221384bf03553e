"""A row table filled page by page as the view scrolls (the work lists of the work dock)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex

from models.qt.row_table_model import AnyIndex, RowT, RowTableModel

PAGE_SIZE = 200

#: Fetches one page: (offset, limit) -> rows.
PageSource = Callable[[int, int], list[RowT]]


class PagedRowModel(RowTableModel[RowT]):
    """Rows come from a page source; ``canFetchMore``/``fetchMore`` load the next page lazily."""

    def __init__(self, parent: Any = None, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self._source: PageSource[RowT] | None = None
        self._exhausted = True
        self._page_size = page_size

    def set_source(self, source: PageSource[RowT] | None) -> None:
        """Start over from the first page of a new source (or empty the list)."""
        self.beginResetModel()
        self._source = source
        self._rows = []
        self._exhausted = source is None
        if source is not None:
            self._rows.extend(self._next_page(source))
        self.endResetModel()

    def reload(self) -> None:
        self.set_source(self._source)

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted or self._source is None:
            return
        page = self._next_page(self._source)
        if page:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    def _next_page(self, source: PageSource[RowT]) -> list[RowT]:
        """The page after the rows held; a short page means there is nothing more."""
        page = source(len(self._rows), self._page_size)
        self._exhausted = len(page) < self._page_size
        return page
