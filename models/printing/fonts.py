"""The printout's typeface: DejaVu Sans from ``resources/fonts``, registered with reportlab once.

reportlab's own base fonts (Helvetica …) know only Latin-1 through a fixed encoding and are not
embedded; a TrueType font covers every letter a Swedish name or free text may hold and travels
inside the PDF, so the printout looks the same on every computer.
"""

from __future__ import annotations

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "IntygSans"
BOLD = "IntygSans-Bold"

_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}
_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register the regular and bold faces (and <b> in paragraphs) the first time; then no-op.

    Safe to call from any thread: the first caller registers under a lock, the others wait.
    """
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        from resources import resource_path

        for name, file_name in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file_name))))
        # <b> in a paragraph picks the bold face; there is no italic, so <i> stays upright.
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 0, 1, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 1, 1, BOLD)
        _registered = True
