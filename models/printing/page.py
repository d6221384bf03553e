"""What every page carries around the answers: the header (type, form code, the patient's number),
the footer ("Intygsid: …", "Sida x av y") and the diagonal watermark.

All three are drawn when the document is saved, once the number of pages is known. The watermark
lies over the answers, translucent, so that the shaded section headings cannot hide it and the
text under it stays readable.
"""

from __future__ import annotations

import math
from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from models.printing.document import PrintDocument
from models.printing.fonts import BOLD, REGULAR

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 20 * mm
#: platypus frames pad their content by this much on every side.
FRAME_PADDING = 6
#: The body's frame lies between these two lines.
HEADER_BOTTOM = PAGE_HEIGHT - 27 * mm
FOOTER_TOP = 17 * mm

INK = Color(0, 0, 0)
MUTED = Color(0.35, 0.35, 0.35)
RULE = Color(0.6, 0.6, 0.6)
WATERMARK = Color(0.45, 0.45, 0.45, alpha=0.22)
_WATERMARK_MAX_SIZE = 110.0
_WATERMARK_SHARE = 0.66  # of the page's diagonal


def _page_label(number: int, total: int) -> str:
    return f"Sida {number} av {total}"


class PageDecor:
    """Draws one document's page furniture; holds nothing that changes while drawing."""

    def __init__(self, document: PrintDocument) -> None:
        self._document = document

    def watermark(self, canvas: Canvas) -> None:
        """The diagonal grey mark (UTKAST, LÅST UTKAST, MAKULERAT), if the document has one."""
        text = self._document.watermark
        if not text:
            return
        diagonal = math.hypot(PAGE_WIDTH, PAGE_HEIGHT)
        size = min(_WATERMARK_MAX_SIZE, diagonal * _WATERMARK_SHARE / stringWidth(text, BOLD, 1))
        canvas.saveState()
        canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
        canvas.rotate(math.degrees(math.atan2(PAGE_HEIGHT, PAGE_WIDTH)))
        canvas.setFillColor(WATERMARK)
        canvas.setFont(BOLD, size)
        canvas.drawCentredString(0, -size * 0.35, text)
        canvas.restoreState()

    def furniture(self, canvas: Canvas, number: int, total: int) -> None:
        """Watermark, header and footer of page ``number`` of ``total``."""
        self.watermark(canvas)
        document = self._document
        canvas.saveState()
        top = PAGE_HEIGHT - 13 * mm
        canvas.setFillColor(INK)
        # A long type name shrinks rather than run into the "Personnummer" label beside it.
        room = PAGE_WIDTH - 2 * MARGIN - stringWidth(document.person_id_label, REGULAR, 8) - 12
        size = min(10.0, 10 * room / stringWidth(document.type_name, BOLD, 10))
        canvas.setFont(BOLD, size)
        canvas.drawString(MARGIN, top, document.type_name)
        canvas.setFont(REGULAR, 9)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN, top - 12, document.form_code)
        right = PAGE_WIDTH - MARGIN
        canvas.setFont(REGULAR, 8)
        canvas.drawRightString(right, top + 1, document.person_id_label)
        canvas.setFillColor(INK)
        canvas.setFont(BOLD, 12)
        canvas.drawRightString(right, top - 13, document.person_id)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.line(MARGIN, HEADER_BOTTOM + 4 * mm, right, HEADER_BOTTOM + 4 * mm)
        canvas.line(MARGIN, FOOTER_TOP - 3 * mm, right, FOOTER_TOP - 3 * mm)
        canvas.setFont(REGULAR, 8)
        canvas.setFillColor(MUTED)
        footer = FOOTER_TOP - 3 * mm - 11
        canvas.drawString(MARGIN, footer, f"Intygsid: {document.certificate_id}")
        canvas.drawRightString(right, footer, _page_label(number, total))
        canvas.restoreState()


class NumberedCanvas(Canvas):
    """A canvas that keeps each finished page until the end, to write "Sida x av y" on it."""

    def __init__(self, *args: Any, decor: PageDecor, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._decor = decor
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]  # reportlab's own "new page" step

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._decor.furniture(self, number, total)
            super().showPage()
        super().save()
