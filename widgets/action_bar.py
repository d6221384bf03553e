"""The buttons under an opened certificate: exactly the actions the rules offer.

The bar is given the rules' verdict for every action (``ActionState``) and shows a button for
each one that belongs to this certificate: enabled when allowed, greyed out with the reason as
its tooltip when not. Actions that do not apply (a renew button on a draft) get no button. It
knows nothing of the rules themselves; pressing a button emits ``triggered`` with the action.

The buttons flow onto a second row when the bar is too narrow for them (side panels beside
the certificate take its width), so a button's text is never clipped; the order is kept.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QWidget

from models.workflow.actions import Action, ActionState
from widgets.flow_layout import FlowLayout

#: Webcert's order: the main action first, the destructive ones last.
ORDER = (
    Action.SIGN,
    Action.SEND,
    Action.MARK_READY,
    Action.PRINT,
    Action.RENEW,
    Action.REPLACE,
    Action.CREATE_FROM,
    Action.COPY,
    Action.REVOKE,
    Action.DELETE,
)


class ActionBar(QWidget):
    """A row of action buttons, wrapping when narrow; ``triggered`` carries the pressed
    button's action."""

    triggered = Signal(object)  # Action

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actionBar")
        self.buttons: dict[Action, QPushButton] = {}
        self._layout = FlowLayout(self, right_aligned=True)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def set_states(self, states: Iterable[ActionState]) -> None:
        """Show the buttons for these states (replacing the previous ones)."""
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.buttons = {}
        by_action = {state.action: state for state in states}
        for action in ORDER:
            state = by_action.get(action)
            if state is None or not state.applicable:
                continue
            button = QPushButton(state.label)
            button.setObjectName(f"action-{action.value}")
            button.setEnabled(state.allowed)
            tip = state.reason if not state.allowed else state.notice
            if tip:
                button.setToolTip(tip)
            button.setAccessibleDescription(tip or "")
            button.clicked.connect(
                lambda _checked=False, chosen=action: self.triggered.emit(chosen)
            )
            if action is Action.DELETE:
                self._layout.addStretch()
            self._layout.addWidget(button)
            self.buttons[action] = button

    def labels(self) -> list[str]:
        """The buttons' texts, in order, as the user reads them."""
        return [button.text() for button in self.buttons.values()]
