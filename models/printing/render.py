"""PrintDocument → PDF bytes. Pure: no database, no Qt, nothing kept between calls."""

from __future__ import annotations

import io
import threading
from functools import partial

from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate

from models.printing.document import PrintDocument
from models.printing.fonts import REGULAR, register_fonts
from models.printing.layout import story
from models.printing.page import (
    FOOTER_TOP,
    FRAME_PADDING,
    HEADER_BOTTOM,
    MARGIN,
    PAGE_HEIGHT,
    NumberedCanvas,
    PageDecor,
)

# reportlab keeps each embedded font's per-document subset in the (process-wide) font object;
# one PDF at a time keeps that bookkeeping out of reach of a second thread.
_lock = threading.Lock()


def render_certificate_pdf(document: PrintDocument) -> bytes:
    """The printout as a PDF (A4). Callable from any thread; the same document gives the same
    bytes."""
    register_fonts()
    buffer = io.BytesIO()
    template = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        # The frame pads its content: the text lines up with the header at MARGIN.
        leftMargin=MARGIN - FRAME_PADDING,
        rightMargin=MARGIN - FRAME_PADDING,
        topMargin=PAGE_HEIGHT - HEADER_BOTTOM,
        bottomMargin=FOOTER_TOP,
        title=document.title,
        author="",
        subject="",
        creator="Intygsstudio",
        producer="Intygsstudio",
        invariant=True,
        # Otherwise every page would also reference Helvetica, a font the PDF does not embed.
        initialFontName=REGULAR,
        initialFontSize=10,
        initialLeading=12,
    )
    decor = PageDecor(document)
    with _lock:
        template.build(story(document), canvasmaker=partial(NumberedCanvas, decor=decor))
    return buffer.getvalue()
