"""Simulering → Spola fram tiden: how many days to move the app's clock forward.

The dialog only asks; ``TimeController`` moves the clock. It shows the date the app runs on now
(simulated or real) and, live, the date it will run on. The move holds for this running app
only: it is not stored, so a restart or another workstation on the same database runs on real
time (the help text says so).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLayout,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from widgets.editor.style import styled
from widgets.message_boxes import confirm_buttons

MIN_DAYS = 1
MAX_DAYS = 365
DEFAULT_DAYS = 15  # just past the fourteen days after which a draft locks
WEEKDAYS = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")
HELP = (
    "Appens klocka flyttas framåt, så att låsning av utkast, svarsfrister, markeringen "
    "Nytt och FMB:s beräkningar följer det simulerade datumet. Det du gör under tiden får "
    "simulerade tidpunkter. Framspolningen gäller bara den här körningen av Intygsstudio på "
    "den här datorn: den sparas inte, och efter omstart (eller med Återgå till verklig tid) "
    "gäller verklig tid igen."
)


def day_text(day: dt.date) -> str:
    """ "2026-12-12 (lördag)"."""
    return f"{day.isoformat()} ({WEEKDAYS[day.weekday()]})"


class TimeTravelDialog(QDialog):
    """``days`` holds the chosen number of days once accepted."""

    def __init__(self, today: dt.date, simulated: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Spola fram tiden"))
        self._today = today
        self.days = 0
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        info = QLabel(self.tr(HELP))
        info.setWordWrap(True)
        info.setMinimumWidth(440)
        styled(info, "help")
        layout.addWidget(info)
        form = QFormLayout()
        self.current = QLabel(day_text(today))
        self.current.setObjectName("currentDate")
        current_label = self.tr("Simulerat datum nu:") if simulated else self.tr("Dagens datum:")
        form.addRow(current_label, self.current)
        self.spin = QSpinBox()
        self.spin.setRange(MIN_DAYS, MAX_DAYS)
        self.spin.setValue(DEFAULT_DAYS)
        self.spin.setSuffix(self.tr(" dagar"))
        self.spin.setAccessibleName(self.tr("Antal dagar"))
        form.addRow(self.tr("Spola fram:"), self.spin)
        self.new_date = QLabel()
        self.new_date.setObjectName("newDate")
        styled(self.new_date, "fieldLabel")  # bold: this is what the choice leads to
        form.addRow(self.tr("Nytt datum:"), self.new_date)
        layout.addLayout(form)
        self.buttons, self.confirm = confirm_buttons(self, self.tr("Spola fram"), self._accept)
        layout.addWidget(self.buttons)
        self.spin.valueChanged.connect(self._update)
        self._update()
        self.spin.setFocus()
        self.spin.selectAll()

    @property
    def resulting_date(self) -> dt.date:
        return self._today + dt.timedelta(days=self.spin.value())

    def _update(self) -> None:
        days = self.spin.value()
        self.spin.setSuffix(self.tr(" dag") if days == 1 else self.tr(" dagar"))
        self.new_date.setText(day_text(self.resulting_date))

    def _accept(self) -> None:
        self.days = self.spin.value()
        self.accept()
