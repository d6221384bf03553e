"""The print preview shows the PDF, prints it, and offers no way to save it."""

from __future__ import annotations

import io
from pathlib import Path

from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot
from reportlab.pdfgen import canvas

from widgets.print_viewer import PrintViewer


def _two_pages() -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    for number in (1, 2):
        pdf.drawString(72, 720, f"Sida {number} av 2")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def test_the_viewer_prints_and_cannot_save(qtbot: QtBot, tmp_path: Path) -> None:
    viewer = PrintViewer(_two_pages(), "Läkarintyg för sjukpenning")
    qtbot.addWidget(viewer)
    viewer.show()
    assert viewer.page_count() == 2
    texts = [action.text() for action in viewer.toolbar.actions()]
    assert texts == ["Skriv ut…", "Stäng"]
    assert not any("Spara" in text for text in texts)
    assert all(
        not isinstance(w, QToolButton) or "Spara" not in w.text()
        for w in viewer.findChildren(QToolButton)
    )
    assert viewer.notice.isHidden()
    temporary = viewer.path
    assert temporary is not None and temporary.exists()

    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # a file stands in for paper
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    viewer.print_to(printer)
    assert printed.stat().st_size > 1000

    viewer.close()
    assert not temporary.exists()  # nothing left behind to open or copy


def test_a_protected_patient_gets_a_notice(qtbot: QtBot) -> None:
    warning = "Patienten har skyddade personuppgifter. Hantera utskriften varsamt."
    viewer = PrintViewer(_two_pages(), "Intyg", warning)
    qtbot.addWidget(viewer)
    viewer.show()
    assert viewer.notice.isVisible() and viewer.notice.text() == warning
    viewer.reject()
    assert viewer.path is None
