"""A certificate shown read-only in the editor area: heading, status and every answer."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from models.clock import SWEDISH_TIME
from models.definitions.summary import answered_fields
from models.workflow.certificates import CertificateDetail


class CertificateView(QWidget):
    """Shows an opened certificate; the form editor takes over drafts once it is in place."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setStyleSheet("font-size:16px; font-weight:600;")
        self.status = QLabel()
        self.body = QTextBrowser()
        self.body.setOpenLinks(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.title)
        layout.addWidget(self.status)
        layout.addWidget(self.body, 1)
        self.certificate_id: str | None = None

    def show_certificate(self, detail: CertificateDetail) -> None:
        row = detail.row
        self.certificate_id = row.id
        self.title.setText(f"{row.type_name} ({detail.definition.form})")
        self.status.setText(
            self.tr("Status: {status} · Vårdenhet: {unit} · Skapat: {created}").format(
                status=row.status_text,
                unit=row.unit_name,
                created=row.created_at.astimezone(SWEDISH_TIME).strftime("%Y-%m-%d %H:%M"),
            )
        )
        answers = answered_fields(detail.definition, detail.content)
        parts: list[str] = []
        category = None
        for answer in answers:
            if answer.category != category:
                category = answer.category
                parts.append(f"<h3>{html.escape(category)}</h3>")
            text = html.escape(answer.text).replace("\n", "<br>")
            parts.append(f"<p><b>{html.escape(answer.label)}</b><br>{text}</p>")
        if all(answer.field_id.startswith("unit.") for answer in answers):
            parts.insert(0, self.tr("<p><i>Inget är ifyllt ännu.</i></p>"))
        self.body.setHtml("".join(parts))
