"""The citizen portal's look: white and calm, 1177's blue, rounded badges and cards.

It must look unlike TakeCare at a glance, so a student always knows which side they are on.
Style sheets are set only on small widgets that hold no form (the top bar, badges, cards,
buttons): a sheet on an ancestor of the read-only form would reach its hundreds of widgets and
slow it down (see ``widgets/editor/style.py``). Pages get their white through the palette.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QWidget

BLUE = "#1b4e8a"  # 1177's dark blue
LIGHT_BLUE = "#e9f1fa"
TEXT = "#1f2a37"
MUTED = "#5b6673"
BORDER = "#d5dbe3"

#: badge -> (background, text colour)
BADGE_COLOURS = {
    "Nytt": ("#ddf1e3", "#17612f"),
    "Skickat": ("#e3edf9", "#17457a"),
    "Ej skickat": ("#f1f2f4", "#4a5563"),
    "Ersatt": ("#fdeedd", "#8a4a0b"),
}


def white(widget: QWidget) -> QWidget:
    """A white page with dark text, through the palette (no style sheet)."""
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(TEXT))
    widget.setPalette(palette)
    widget.setAutoFillBackground(True)
    return widget


def heading(text: str, size: int = 18) -> QLabel:
    """A page or card heading in the portal's blue."""
    label = QLabel(text)
    font = QFont(label.font())
    font.setPointSize(size)
    font.setBold(True)
    label.setFont(font)
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(BLUE if size >= 14 else TEXT))
    label.setPalette(palette)
    label.setWordWrap(True)
    return label


def muted(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(MUTED))
    label.setPalette(palette)
    return label


def badge(text: str) -> QLabel:
    """A small rounded tag ("Nytt", "Skickat", "Ej skickat", "Ersatt")."""
    background, colour = BADGE_COLOURS.get(text, ("#f1f2f4", TEXT))
    label = QLabel(text)
    label.setObjectName("badge")
    label.setProperty("badge", text)
    label.setStyleSheet(
        f"QLabel {{ background:{background}; color:{colour}; border-radius:9px;"
        " padding:1px 9px; font-weight:bold; }"
    )
    return label


def primary(button: QPushButton) -> QPushButton:
    """The page's main action: filled blue."""
    button.setStyleSheet(
        f"QPushButton {{ background:{BLUE}; color:white; border:none; border-radius:4px;"
        " padding:7px 16px; font-weight:bold; }"
        "QPushButton:hover { background:#163f70; }"
        "QPushButton:disabled { background:#aab7c6; color:#eef2f6; }"
    )
    return button


def secondary(button: QPushButton) -> QPushButton:
    """Other actions: outlined blue."""
    button.setStyleSheet(
        f"QPushButton {{ background:white; color:{BLUE}; border:1px solid {BLUE};"
        " border-radius:4px; padding:6px 14px; }"
        f"QPushButton:hover {{ background:{LIGHT_BLUE}; }}"
        "QPushButton:disabled { color:#9aa5b1; border-color:#c4ccd6; }"
    )
    return button


def link(button: QPushButton) -> QPushButton:
    """A button that reads as a link ("Tillbaka", "Visa intyget")."""
    button.setFlat(True)
    button.setStyleSheet(
        f"QPushButton {{ color:{BLUE}; border:none; text-decoration:underline;"
        " padding:2px 0px; text-align:left; }"
    )
    return button


def card(frame: QFrame) -> QFrame:
    """A bordered white box (a certificate in the list, a notice)."""
    frame.setObjectName("card")
    frame.setStyleSheet(
        f"QFrame#card {{ background:white; border:1px solid {BORDER}; border-radius:6px; }}"
    )
    return frame


def alert(label: QLabel) -> QLabel:
    """A yellow notice ("Detta intyg har ersatts …", the under-age message)."""
    label.setWordWrap(True)
    label.setStyleSheet(
        "QLabel { background:#fff4d6; border:1px solid #e3b341; border-left:5px solid #c98a00;"
        " color:#3d2e00; padding:8px; }"
    )
    return label
