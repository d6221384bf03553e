"""An inline bar for expected errors and notices, shown at the top of the window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget


class MessageBar(QFrame):
    """A dismissable one-line message; hidden until there is something to say."""

    _STYLES = {  # noqa: RUF012
        "error": "background:#fde7e9; border:1px solid #d13438; color:#6e0811;",
        "info": "background:#e8f1fb; border:1px solid #2b6cb0; color:#0c2d57;",
    }

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Stäng meddelandet"))
        close.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(close)
        self.hide()

    def show_error(self, message: str) -> None:
        self._show(message, "error")

    def show_info(self, message: str) -> None:
        self._show(message, "info")

    def _show(self, message: str, kind: str) -> None:
        self.setStyleSheet(f"#messageBar {{ {self._STYLES[kind]} }}")
        self.label.setText(message)
        self.setProperty("kind", kind)
        self.show()

    def clear(self) -> None:
        self.label.clear()
        self.hide()

    @property
    def text(self) -> str:
        return "" if self.isHidden() else self.label.text()
