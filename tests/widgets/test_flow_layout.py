"""The flow layout: widgets at their size hint, wrapping when the width runs out; a stretch
travels with the widget after it, and the height grows as the width shrinks."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from widgets.flow_layout import FlowLayout


def test_rows_wrap_and_a_stretch_keeps_the_last_widget_at_the_right(qtbot: QtBot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    layout = FlowLayout(host)
    layout.setContentsMargins(0, 0, 0, 0)
    first, second, last = QPushButton("Första knappen"), QPushButton("Andra"), QPushButton("Sist")
    layout.addWidget(first)
    layout.addWidget(second)
    layout.addStretch()
    layout.addWidget(last)
    one_row = layout.sizeHint().width()
    assert len(layout.rows(one_row)) == 1
    narrow = first.sizeHint().width() + second.sizeHint().width() + 20
    rows = layout.rows(narrow)
    assert [[item.widget() for item in row] for row in rows] == [[first, second], [None, last]]
    assert layout.heightForWidth(narrow) > layout.heightForWidth(one_row)
    assert layout.minimumSize().width() == max(b.sizeHint().width() for b in (first, second, last))

    host.resize(narrow, layout.heightForWidth(narrow))
    host.show()
    qtbot.waitExposed(host)
    assert first.x() == 0 and second.y() == first.y()
    assert last.y() > first.y() and last.geometry().right() == host.rect().right()
    for button in (first, second, last):
        assert button.size() == button.sizeHint()
