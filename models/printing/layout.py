"""The body of the printout as a platypus story: title, sent lines, notices, the answers section
by section, and the signature block.

Answers are paragraphs, never table cells, so a long text breaks across pages where it must.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from models.printing.document import SIGNED_ELECTRONICALLY, PrintDocument, Signature
from models.printing.fonts import BOLD, REGULAR
from models.printing.page import INK, MARGIN, MUTED, PAGE_WIDTH

_SHADE = Color(0.92, 0.92, 0.92)
_NOTICE_BACK = Color(1.0, 0.96, 0.85)
_NOTICE_BORDER = Color(0.8, 0.6, 0.2)
_WIDTH = PAGE_WIDTH - 2 * MARGIN

TITLE = ParagraphStyle("title", fontName=BOLD, fontSize=16, leading=20, textColor=INK)
FORM = ParagraphStyle("form", fontName=REGULAR, fontSize=10, leading=13, textColor=MUTED)
SENT = ParagraphStyle("sent", fontName=BOLD, fontSize=13, leading=17, textColor=INK)
SEEN = ParagraphStyle("seen", fontName=REGULAR, fontSize=11, leading=14, textColor=INK)
NOTICE = ParagraphStyle(
    "notice",
    fontName=BOLD,
    fontSize=10,
    leading=13,
    textColor=INK,
    backColor=_NOTICE_BACK,
    borderColor=_NOTICE_BORDER,
    borderWidth=0.8,
    borderPadding=5,
    leftIndent=5,
    rightIndent=5,
    spaceBefore=10,
    spaceAfter=14,
)
SECTION = ParagraphStyle(
    "section",
    fontName=BOLD,
    fontSize=11,
    leading=14,
    textColor=INK,
    backColor=_SHADE,
    borderPadding=4,
    leftIndent=4,
    rightIndent=4,
    spaceBefore=12,
    spaceAfter=4,
    keepWithNext=True,
)
LABEL = ParagraphStyle(
    "label",
    fontName=BOLD,
    fontSize=8.5,
    leading=11,
    textColor=MUTED,
    leftIndent=4,
    spaceBefore=5,
    keepWithNext=True,
)
ANSWER = ParagraphStyle("answer", fontName=REGULAR, fontSize=10, leading=13.5, leftIndent=4)
CELL = ParagraphStyle("cell", fontName=REGULAR, fontSize=9.5, leading=12.5)
CELL_LABEL = ParagraphStyle("cell_label", parent=CELL, fontName=BOLD, textColor=MUTED)
SIGNED = ParagraphStyle(
    "signed", fontName=BOLD, fontSize=9, leading=12, textColor=INK, spaceBefore=8, leftIndent=4
)


def _text(text: str) -> str:
    """Plain text as paragraph markup: escaped, line breaks kept."""
    return "<br/>".join(escape(line) for line in text.split("\n"))


def _heading(document: PrintDocument) -> list[Flowable]:
    story: list[Flowable] = [
        Paragraph(_text(document.type_name), TITLE),
        Paragraph(_text(document.form_code), FORM),
    ]
    closing = document.closing_lines()
    if closing:
        story.append(Spacer(1, 3 * mm))
        story.append(Paragraph(_text(closing[0]), SENT))
        story += [Paragraph(_text(line), SEEN) for line in closing[1:]]
    story += [Paragraph(_text(notice), NOTICE) for notice in document.notices]
    return story


def _answers(document: PrintDocument) -> list[Flowable]:
    story: list[Flowable] = []
    for section in document.sections:
        story.append(Paragraph(_text(section.title), SECTION))
        for line in section.lines:
            story.append(Paragraph(_text(line.label), LABEL))
            story.append(Paragraph(_text(line.text), ANSWER))
    return story


def signature_rows(signature: Signature) -> list[tuple[str, str]]:
    """The signature block as (label, value) rows; empty values left out."""
    address = ", ".join(
        part
        for part in (
            signature.street_address,
            f"{signature.postal_code} {signature.city}".strip(),
        )
        if part
    )
    rows = [
        ("Datum", signature.signed_on.isoformat()),
        ("Namn", signature.name),
        ("Befattning", signature.title),
        ("Specialistkompetens", signature.specialities),
        ("HSA-id", signature.hsa_id),
        ("Arbetsplatskod", signature.arbetsplatskod),
        ("Vårdenhet", signature.unit_name),
        ("Vårdgivare", signature.care_provider),
        ("Adress", address),
        ("Telefon", signature.phone),
    ]
    return [(label, value) for label, value in rows if value]


def _signature(signature: Signature) -> list[Flowable]:
    rows = [
        [Paragraph(_text(label), CELL_LABEL), Paragraph(_text(value), CELL)]
        for label, value in signature_rows(signature)
    ]
    table = Table(rows, colWidths=[44 * mm, _WIDTH - 44 * mm - 8], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                # Cells hold paragraphs, but the table sets its own font first (Helvetica,
                # which the PDF would not embed).
                ("FONT", (0, 0), (-1, -1), REGULAR),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    block: list[Flowable] = [
        Paragraph("Underskrift", SECTION),
        table,
        Paragraph(_text(SIGNED_ELECTRONICALLY), SIGNED),
    ]
    return [KeepTogether(block)]


def story(document: PrintDocument) -> list[Flowable]:
    """Every flowable of the body, in reading order."""
    flowables = _heading(document) + _answers(document)
    if document.signature is not None:
        flowables += _signature(document.signature)
    return flowables
