"""The editor's look: fonts, colours and frames set directly, without style sheets.

A form has hundreds of widgets. Style sheets make Qt re-polish every widget they reach, which
made building the FK7804 form several times slower; fonts and palettes cost nothing to apply.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QWidget

RED, BLUE, GREEN, GREY, DARK = "#a4262c", "#0c4a8a", "#107c10", "#5f6b7a", "#4a5968"

# role -> (bold, point-size change, colour or None)
_TEXT_ROLES: dict[str, tuple[bool, int, str | None]] = {
    "fieldLabel": (True, 0, None),
    "muted": (False, 0, DARK),
    "small": (False, -1, DARK),
    "counter": (False, -1, GREY),
    "saveState": (False, 0, GREY),
    "title": (True, 3, None),
    "sectionHeading": (True, 2, "#1f3b57"),
    "heading": (True, 2, None),
    "findings": (False, 0, RED),
    "status": (True, 0, RED),
    "rule": (False, 0, "#d0d7de"),
}
# Boxes with a background: role -> (background, text colour).
_BOXES = {"help": ("#eef4fb", "#1c2b3a"), "notice": ("#fff4ce", "#4d3b00")}
# Colours that a state changes: (role, state, value) -> colour.
_STATE_COLOURS = {
    ("findings", "tone", "info"): BLUE,
    ("findings", "tone", "error"): RED,
    ("counter", "over", "true"): RED,
    ("counter", "over", "false"): GREY,
    ("status", "ready", "true"): GREEN,
    ("status", "ready", "false"): RED,
}


def _colour(widget: QWidget, colour: str) -> None:
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
    widget.setPalette(palette)


def styled(widget: QWidget, role: str) -> QWidget:
    """Give a widget its role's look."""
    widget.setProperty("role", role)
    if role == "section" and isinstance(widget, QFrame):
        # A frame and a white background, not a style sheet: a sheet on a section would
        # reach (and slow down) every widget inside it.
        widget.setFrameShape(QFrame.Shape.StyledPanel)
        palette = widget.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor("#ffffff"))
        widget.setPalette(palette)
        widget.setAutoFillBackground(True)
        return widget
    if role in _BOXES:
        background, text = _BOXES[role]
        palette = widget.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(background))
        palette.setColor(QPalette.ColorRole.WindowText, QColor(text))
        widget.setPalette(palette)
        widget.setAutoFillBackground(True)
        if isinstance(widget, QLabel):
            widget.setMargin(6)
        if isinstance(widget, QFrame) and role == "notice":
            widget.setFrameShape(QFrame.Shape.Box)
        return widget
    bold, size, colour = _TEXT_ROLES[role]
    if bold or size:
        font = QFont(widget.font())
        font.setBold(bold)
        if size:
            font.setPointSizeF(max(font.pointSizeF() + size, 6))
        widget.setFont(font)
    if colour:
        _colour(widget, colour)
    return widget


def set_state(widget: QWidget, name: str, value: str) -> None:
    """Change a state that changes the look (e.g. ``over`` on a counter)."""
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    colour = _STATE_COLOURS.get((str(widget.property("role")), name, value))
    if colour:
        _colour(widget, colour)
