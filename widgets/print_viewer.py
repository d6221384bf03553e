"""The print preview: the certificate's PDF, a print button, and (for clinicians) no saving.

The seed says it plainly: "Det är inte tillåtet att spara intyget!". The viewer therefore has
"Skriv ut…" (the system's print dialog) and "Stäng", but no save action, no context menu and
no drag: the PDF lives in a private temporary file that is deleted when the viewer closes.
For a patient with skyddade personuppgifter a notice asks the user to handle the printout
carefully. A citizen in Mina intyg may keep their own copy: given ``save_name``, the viewer
also offers "Spara som PDF…".
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QAction, QCloseEvent, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QMessageBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from widgets.editor.style import styled


class PrintViewer(QDialog):
    """Shows a PDF given as bytes; prints it; saves it only if given a ``save_name``."""

    def __init__(
        self,
        pdf: bytes,
        title: str,
        warning: str | None = None,
        parent: QWidget | None = None,
        *,
        save_name: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._pdf = pdf
        self.save_name = save_name
        self.setWindowTitle(title)
        self.resize(820, 980)
        handle, name = tempfile.mkstemp(prefix="intygsstudio-", suffix=".pdf")
        with os.fdopen(handle, "wb") as file:
            file.write(pdf)
        self.path: Path | None = Path(name)
        self.document = QPdfDocument(self)
        self.document.load(name)
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.view.setAccessibleName(self.tr("Förhandsgranskning av utskriften"))

        self.toolbar = QToolBar()
        self.print_action = QAction(self.tr("Skriv ut…"), self)
        self.print_action.setShortcut("Ctrl+P")
        self.print_action.triggered.connect(self.print_document)
        close = QAction(self.tr("Stäng"), self)
        close.setShortcut("Esc")
        close.triggered.connect(self.reject)
        self.toolbar.addAction(self.print_action)
        self.save_action: QAction | None = None
        if save_name is not None:
            self.save_action = QAction(self.tr("Spara som PDF…"), self)
            self.save_action.setShortcut("Ctrl+S")
            self.save_action.triggered.connect(self.save_document)
            self.toolbar.addAction(self.save_action)
        self.toolbar.addAction(close)
        self.notice = QLabel(warning or "")
        self.notice.setWordWrap(True)
        styled(self.notice, "notice")
        self.notice.setVisible(bool(warning))
        saving = QLabel(
            self.tr("Du kan skriva ut intyget eller spara det som PDF.")
            if save_name is not None
            else self.tr("Intyget får skrivas ut men inte sparas.")
        )
        styled(saving, "small")
        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.notice)
        layout.addWidget(self.view, 1)
        layout.addWidget(saving)

    def page_count(self) -> int:
        return self.document.pageCount()

    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintToFile, False)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def save_document(self) -> Path | None:
        """Spara som PDF: where the user chooses (only offered with a ``save_name``)."""
        if self.save_name is None:
            return None
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Spara intyget som PDF"), self.save_name, self.tr("PDF (*.pdf)")
        )
        if not chosen:
            return None
        try:
            return self.save_to(Path(chosen))
        except OSError as error:
            QMessageBox.warning(
                self,
                self.tr("Spara intyget som PDF"),
                self.tr("Intyget kunde inte sparas: {reason}").format(reason=error.strerror),
            )
            return None

    def save_to(self, path: Path) -> Path:
        path.write_bytes(self._pdf)
        return path

    def print_to(self, printer: QPrinter) -> None:
        """Each page, scaled to the printer's page, at the printer's resolution."""
        painter = QPainter()
        if not painter.begin(printer):
            return
        try:
            first, last = 0, self.document.pageCount() - 1
            if printer.fromPage() > 0:
                first, last = printer.fromPage() - 1, min(printer.toPage() - 1, last)
            for number in range(first, last + 1):
                if number > first:
                    printer.newPage()
                area = printer.pageRect(QPrinter.Unit.DevicePixel)
                size = self.document.pagePointSize(number)
                scale = min(area.width() / size.width(), area.height() / size.height())
                image = self.document.render(number, (size * scale).toSize())
                painter.drawImage(
                    QRectF(QPointF(0, 0), (size * scale)), image, QRectF(image.rect())
                )
        finally:
            painter.end()

    def done(self, result: int) -> None:
        self._remove_file()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._remove_file()
        super().closeEvent(event)

    def _remove_file(self) -> None:
        if self.path is None:
            return
        self.document.close()
        self.path.unlink(missing_ok=True)
        self.path = None
