"""The work list "Fråga/svar via Webcert", fetched page by page as the view scrolls.

Columns Pnr, Namn, Typ, Intyg, Ansvarig, Datum/Tid, Svara senast; one row per certificate.
Column Pnr carries the row's icon: yellow for an incoming question or answer from
Försäkringskassan, blue for a question care sent and FK has not answered yet. A patient with
skyddade personuppgifter gets the lock in column Namn, so both marks stay visible.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QIcon

from models.clock import local_text
from models.qt.paged_row_model import PagedRowModel
from models.qt.row_table_model import AnyIndex
from models.workflow.question_list import QuestionRow

COL_PNR, COL_NAME, COL_KIND, COL_TYPE, COL_RESPONSIBLE, COL_LATEST, COL_REPLY_BY = range(7)
#: The whole ``QuestionRow`` of an index's row.
QuestionRowRole = Qt.ItemDataRole.UserRole + 3

INCOMING_TEXT = "Inkommen fråga eller svar från Försäkringskassan"
AWAITING_TEXT = "Fråga skickad till Försäkringskassan, inväntar svar"


@cache
def kind_icon(kind: str) -> QIcon | None:
    """Yellow for 'incoming', blue for 'awaiting', nothing for 'handled' (read once, on need)."""
    if kind not in ("incoming", "awaiting"):
        return None
    import qtawesome  # not at start-up

    if kind == "incoming":
        icon: QIcon = qtawesome.icon("fa6s.circle-exclamation", color="#e0a800")
    else:
        icon = qtawesome.icon("fa6s.clock", color="#2b6cb0")
    return icon


def latest_time(row: QuestionRow) -> str:
    """Datum/Tid in Swedish local time."""
    return local_text(row.latest_at)


def _translate(text: str) -> str:
    return QCoreApplication.translate("QuestionListModel", text)


class QuestionListModel(PagedRowModel[QuestionRow]):
    """One certificate with questions per row; its kind's icon in Pnr, the lock in Namn."""

    HEADERS = ("Pnr", "Namn", "Typ", "Intyg", "Ansvarig", "Datum/Tid", "Svara senast")
    LOCK_COLUMN = COL_NAME

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index)
        if row is None:
            return None
        marking = self.marking(row, index, role)
        if marking is not None:
            return marking
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.texts(row)[column]
        if role == Qt.ItemDataRole.DecorationRole:
            return kind_icon(row.icon) if column == COL_PNR else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_PNR:
                if row.icon == "incoming":
                    return _translate(INCOMING_TEXT)
                if row.icon == "awaiting":
                    return _translate(AWAITING_TEXT)
                return None
            if column == COL_NAME:
                return row.patient_name
            if column == COL_TYPE:
                return row.type_name
            return None
        if role == QuestionRowRole:
            return row
        return None

    @staticmethod
    def texts(row: QuestionRow) -> tuple[str, ...]:
        """The row's cells as shown (Typ through translation, the rest as data)."""
        reply_by = row.last_date_to_reply
        return (
            row.formatted_person_id,
            row.patient_name,
            _translate(row.kind),
            row.type_name,
            row.responsible_name,
            latest_time(row),
            reply_by.isoformat() if reply_by is not None else "",
        )
