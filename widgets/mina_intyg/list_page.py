"""The citizen's certificates: filters by year, unit, type and status, and one card each.

Which certificates are listed and which badges they carry is the service's business
(``MinaIntyg.certificates``); the page shows what it is given and says which filters are chosen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from models.clock import local_text
from models.recipients.citizen import STATUSES
from models.recipients.mina_intyg import CitizenFilters, CitizenRow, FilterOptions
from widgets.message_bar import MessageBar
from widgets.mina_intyg.look import badge, card, heading, link, muted, secondary, white

NEWEST_FIRST, OLDEST_FIRST = "Nyast först", "Äldst först"


def day_text(moment: dt.datetime | dt.date) -> str:
    """The date a citizen reads: "2026-11-27" (a moment in Swedish local time)."""
    if isinstance(moment, dt.datetime):
        return local_text(moment)[:10]
    return moment.isoformat()


class CertificateCard(QFrame):
    """One certificate in the list: type, date, unit, badges and "Visa intyget"."""

    openRequested = Signal(str)  # noqa: N815 - Qt naming

    def __init__(self, row: CitizenRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        card(self)
        self.row = row
        self.title = heading(row.type_name, 12)
        self.title.setWordWrap(False)  # the form's code follows the name on the same line
        self.form = muted(row.form)
        self.details = muted(
            self.tr("Utfärdat {date} · {unit}, {provider}").format(
                date=day_text(row.signed_at), unit=row.unit_name, provider=row.care_provider
            )
        )
        self.badges = [badge(text) for text in row.badges]
        self.open_button = secondary(QPushButton(self.tr("Visa intyget")))
        self.open_button.setAccessibleName(
            self.tr("Visa intyget {type} från {date}").format(
                type=row.type_name, date=day_text(row.signed_at)
            )
        )
        self.open_button.clicked.connect(lambda: self.openRequested.emit(row.certificate_id))

        titles = QHBoxLayout()
        titles.addWidget(self.title)
        titles.addWidget(self.form)
        titles.addStretch(1)
        tags = QHBoxLayout()
        tags.setSpacing(6)
        for label in self.badges:
            tags.addWidget(label)
        tags.addStretch(1)
        text = QVBoxLayout()
        text.setSpacing(4)
        text.addLayout(titles)
        text.addWidget(self.details)
        text.addLayout(tags)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addLayout(text, 1)
        layout.addWidget(self.open_button)

    def badge_texts(self) -> list[str]:
        return [label.text() for label in self.badges]


class ListPage(QWidget):
    """The list with its filters; asks for rows again whenever a filter changes."""

    filtersChanged = Signal()  # noqa: N815 - Qt naming
    openRequested = Signal(str)  # noqa: N815 - Qt naming

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        white(self)
        self.setObjectName("listPage")
        self.cards: list[CertificateCard] = []
        self._rows: list[CitizenRow] = []
        self._filling = True  # no filtersChanged while the combo boxes are filled
        self.heading = heading(self.tr("Dina intyg"), 20)
        intro = muted(
            self.tr(
                "Här visas intyg som vården har utfärdat till dig. Du kan läsa, skicka och "
                "skriva ut dem. Makulerade intyg och intyg om dödsfall visas inte."
            )
        )
        self.year = self._combo(self.tr("År"))
        self.unit = self._combo(self.tr("Vårdenhet"))
        self.type = self._combo(self.tr("Intygstyp"))
        self.status = self._combo(self.tr("Status"))
        self.sort = self._combo(self.tr("Sortering"))
        self.sort.addItem(self.tr(NEWEST_FIRST))
        self.sort.addItem(self.tr(OLDEST_FIRST))
        self._filling = False
        self.clear_button = link(QPushButton(self.tr("Rensa filter")))
        self.clear_button.clicked.connect(self.clear_filters)
        self.count = muted("")
        self.message_bar = MessageBar()  # a certificate no longer there, a failed read
        self.empty = muted(self.tr("Det finns inga intyg att visa."))

        filters = QHBoxLayout()
        filters.setSpacing(10)
        for title, combo in (
            (self.tr("År"), self.year),
            (self.tr("Vårdenhet"), self.unit),
            (self.tr("Intygstyp"), self.type),
            (self.tr("Status"), self.status),
            (self.tr("Sortera"), self.sort),
        ):
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(QLabel(title))
            box.addWidget(combo)
            filters.addLayout(box)
        filters.addStretch(1)
        filters.addWidget(self.clear_button)

        self._cards = white(QWidget())
        self._cards_layout = QVBoxLayout(self._cards)
        self._cards_layout.setContentsMargins(0, 0, 6, 0)
        self._cards_layout.setSpacing(10)
        self._cards_layout.addWidget(self.empty)
        self._cards_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self._cards)
        white(scroll.viewport())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 20, 32, 12)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(intro)
        layout.addLayout(filters)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.count)
        layout.addWidget(scroll, 1)

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        combo.setMinimumWidth(120)
        combo.currentIndexChanged.connect(self._changed)
        return combo

    # -- filters ---------------------------------------------------------------------------

    def set_options(self, options: FilterOptions) -> None:
        """The choices the citizen's certificates allow; a chosen value stays if still there."""
        self._filling = True
        try:
            _fill(self.year, self.tr("Alla år"), [(str(y), y) for y in options.years])
            _fill(self.unit, self.tr("Alla vårdenheter"), [(u, u) for u in options.units])
            _fill(self.type, self.tr("Alla intygstyper"), [(n, c) for c, n in options.types])
            _fill(self.status, self.tr("Alla"), [(self.tr(s), s) for s in STATUSES])
        finally:
            self._filling = False

    def filters(self) -> CitizenFilters:
        return CitizenFilters(
            year=self.year.currentData(),
            unit=self.unit.currentData(),
            type_code=self.type.currentData(),
            status=self.status.currentData(),
        )

    def clear_filters(self) -> None:
        self._filling = True
        for combo in (self.year, self.unit, self.type, self.status):
            combo.setCurrentIndex(0)
        self._filling = False
        self.filtersChanged.emit()

    def _changed(self) -> None:
        if self._filling:
            return
        if self.sender() is self.sort:
            self._show_cards()
        else:
            self.filtersChanged.emit()

    # -- rows ------------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[CitizenRow]) -> None:
        self._rows = list(rows)
        self._show_cards()

    def _show_cards(self) -> None:
        for old in self.cards:
            self._cards_layout.removeWidget(old)
            old.deleteLater()
        oldest_first = self.sort.currentIndex() == 1
        rows = sorted(self._rows, key=lambda r: r.signed_at, reverse=not oldest_first)
        self.cards = []
        for index, row in enumerate(rows):
            shown = CertificateCard(row)
            shown.openRequested.connect(self.openRequested.emit)
            self._cards_layout.insertWidget(index, shown)
            self.cards.append(shown)
        self.empty.setVisible(not rows)
        chosen = self.filters() != CitizenFilters()
        self.count.setText(
            self.tr("{n} intyg som matchar filtren").format(n=len(rows))
            if chosen
            else self.tr("{n} intyg").format(n=len(rows))
        )


def _fill(combo: QComboBox, everything: str, choices: Sequence[tuple[str, object]]) -> None:
    """Replace a filter's choices, keeping the chosen one if it is still offered."""
    chosen = combo.currentData()
    combo.clear()
    combo.addItem(everything, None)
    for text, value in choices:
        combo.addItem(text, value)
    index = combo.findData(chosen) if chosen is not None else 0
    combo.setCurrentIndex(max(index, 0))
