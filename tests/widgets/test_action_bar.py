"""The action bar wraps its buttons onto more rows when narrow: no text is clipped, Webcert's
order is kept, the destructive action stays last at the right, and the rows below move down."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from models.workflow.actions import Action, ActionState, Refusal
from widgets.action_bar import ORDER, ActionBar

LABELS = {
    Action.SIGN: "Signera intyget",
    Action.SEND: "Skicka till Försäkringskassan",
    Action.MARK_READY: "Markera klart för signering",
    Action.PRINT: "Skriv ut",
    Action.RENEW: "Förnya",
    Action.REPLACE: "Ersätt",
    Action.CREATE_FROM: "Skapa AG7804",
    Action.COPY: "Kopiera",
    Action.REVOKE: "Makulera",
    Action.DELETE: "Radera utkast",
}


def _host(qtbot: QtBot, width: int) -> tuple[QWidget, ActionBar, QLabel]:
    """The bar above a label, as under the form, in a window of this width."""
    host = QWidget()
    layout = QVBoxLayout(host)
    bar = ActionBar()
    bar.set_states(
        ActionState(action, label, Refusal("Inte nu.") if action is Action.REPLACE else None)
        for action, label in reversed(LABELS.items())
    )
    below = QLabel("Nedanför")
    layout.addWidget(bar)
    layout.addWidget(below)
    layout.addStretch(1)
    qtbot.addWidget(host)
    host.resize(width, 300)
    host.show()
    qtbot.waitExposed(host)
    return host, bar, below


def _rows(buttons: list[QPushButton]) -> list[list[str]]:
    """The texts row by row, each row left to right: the order the user reads them."""
    tops = sorted({b.y() for b in buttons})
    return [[b.text() for b in sorted(buttons, key=QPushButton.x) if b.y() == top] for top in tops]


def _unclipped_and_apart(bar: ActionBar) -> None:
    buttons = list(bar.buttons.values())
    for button in buttons:
        assert button.isVisible(), button.text()
        assert button.width() >= button.sizeHint().width(), button.text()
        assert bar.rect().contains(button.geometry()), button.text()
    for i, first in enumerate(buttons):
        for second in buttons[i + 1 :]:
            assert not first.geometry().intersects(second.geometry()), (first.text(), second.text())


def test_a_narrow_bar_wraps_in_webcerts_order_without_clipping(qtbot: QtBot) -> None:
    _host_widget, bar, below = _host(qtbot, 420)
    assert bar.width() < bar.sizeHint().width()  # one row would not fit
    _unclipped_and_apart(bar)
    rows = _rows(list(bar.buttons.values()))
    assert len(rows) > 1
    assert [text for row in rows for text in row] == bar.labels() == [LABELS[a] for a in ORDER]
    assert not bar.buttons[Action.REPLACE].isEnabled()
    # The destructive action is last, at the right edge; the label below is not covered.
    delete = bar.buttons[Action.DELETE]
    assert rows[-1][-1] == "Radera utkast"
    assert delete.geometry().right() == bar.rect().right()
    assert below.y() >= bar.geometry().bottom()


def test_a_wide_bar_is_one_row_and_new_states_replace_the_buttons(qtbot: QtBot) -> None:
    host, bar, _below = _host(qtbot, 1800)
    _unclipped_and_apart(bar)
    assert _rows(list(bar.buttons.values())) == [[LABELS[a] for a in ORDER]]
    pressed: list[Action] = []
    bar.triggered.connect(pressed.append)
    bar.set_states([ActionState(Action.PRINT, "Skriv ut"), ActionState(Action.RENEW, "Förnya")])
    host.layout().activate()  # the window's minimum width no longer holds the old buttons
    host.resize(150, 300)  # room for one of them per row
    qtbot.waitUntil(lambda: bar.buttons[Action.RENEW].y() > bar.buttons[Action.PRINT].y())
    _unclipped_and_apart(bar)
    assert bar.labels() == ["Skriv ut", "Förnya"]
    bar.buttons[Action.RENEW].click()
    assert pressed == [Action.RENEW]
