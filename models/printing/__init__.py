"""Printing a certificate: a PDF made from any certificate and its definition (WORKFLOW.md §5).

``render_certificate_pdf`` turns a :class:`PrintDocument` (plain values) into PDF bytes;
``PrintService.pdf_for`` reads a certificate under the access rules, renders it and writes the
PDL entry of the print. No Qt; callable from a worker thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from models.printing.document import (
    PrintDocument,
    PrintLine,
    PrintSection,
    Signature,
    build_document,
)
from models.printing.service import PrintResult, PrintService

if TYPE_CHECKING:
    from models.printing.render import render_certificate_pdf


def __getattr__(name: str) -> Any:
    """``render_certificate_pdf`` loads reportlab: only when someone asks for it."""
    if name == "render_certificate_pdf":
        from models.printing.render import render_certificate_pdf

        return render_certificate_pdf
    raise AttributeError(name)


__all__ = [
    "PrintDocument",
    "PrintLine",
    "PrintResult",
    "PrintSection",
    "PrintService",
    "Signature",
    "build_document",
    "render_certificate_pdf",
]
