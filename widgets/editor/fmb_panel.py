"""The FMB side panel: Socialstyrelsen's decision support for each diagnosis in the draft.

One tab per entered diagnosis (up to three, as the form has), each with what Webcert's panel
shows: the FMB heading and the code it matched (saying so when a shorter code's information is
shown), the guidance for sick leave (typical cases, shortest first), the text sections, the
related codes and the link to Socialstyrelsen. A code FMB has nothing for gets Webcert's
sentence for that. The texts are shown as escaped plain text: nothing in the data can format
the panel.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTabWidget, QTextBrowser, QVBoxLayout, QWidget

from models.reference.diagnoses import normalise_code
from models.reference.fmb import GUIDANCE_HEADING, NO_SUPPORT, RELATED_CODES_HEADING, FmbInfo
from widgets.editor.style import styled

MAX_TABS = 3
NO_DIAGNOSIS = "Ange en diagnoskod i intyget för att se FMB-stödet för diagnosen."
TITLE = "FMB – ett stöd för ifyllnad och bedömning"

Lookup = Callable[[str], FmbInfo | None]


def _paragraphs(text: str) -> str:
    blocks = [block.strip() for block in text.split("\n\n") if block.strip()]
    return "".join(
        "<p>" + "<br>".join(html.escape(line) for line in block.splitlines()) + "</p>"
        for block in blocks
    )


def fmb_html(code: str, info: FmbInfo | None, icd_title: str | None) -> str:
    """The body of one tab, as simple rich text."""
    named = html.escape(f"{code} – {icd_title}" if icd_title else code)
    if info is None:
        return f"<h3>{named}</h3><p>{html.escape(NO_SUPPORT)}</p>"
    parts = [f"<h3>{html.escape(info.heading)}</h3>", f"<p><b>{named}</b></p>"]
    if info.is_fallback:
        parts.append(
            "<p><i>"
            + html.escape(
                f"FMB har ingen information för {info.requested_code}. "
                f"Informationen gäller {info.matched_code} – {info.code_title}."
            )
            + "</i></p>"
        )
    if info.typical_cases:
        items = "".join(f"<li>{html.escape(case.sentence)}</li>" for case in info.typical_cases)
        parts.append(f"<h4>{html.escape(GUIDANCE_HEADING)}</h4><ul>{items}</ul>")
    for heading, text in info.sections:
        parts.append(f"<h4>{html.escape(heading)}</h4>{_paragraphs(text)}")
    parts.append(
        f"<h4>{html.escape(RELATED_CODES_HEADING)}</h4>"
        f"<p>{html.escape(', '.join(info.related_codes))}</p>"
    )
    if info.reference:
        label, url = info.reference
        parts.append(f'<p><a href="{html.escape(url, quote=True)}">{html.escape(label)}</a></p>')
    return "".join(parts)


class FmbPanel(QWidget):
    """Tabs with the FMB information for the draft's diagnoses; updated as they change."""

    def __init__(
        self,
        lookup: Lookup,
        icd_title: Callable[[str], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("fmbPanel")
        self._lookup = lookup
        self._icd_title = icd_title
        self._codes: tuple[str, ...] | None = None
        self.title = QLabel(self.tr(TITLE))
        self.title.setWordWrap(True)
        styled(self.title, "heading")
        self.empty = QLabel(self.tr(NO_DIAGNOSIS))
        self.empty.setWordWrap(True)
        styled(self.empty, "muted")
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("FMB per diagnos"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.empty)
        layout.addWidget(self.tabs, 1)
        self.set_codes([])

    def set_codes(self, codes: Sequence[str]) -> None:
        """Show one tab per code (the first three, each once); nothing is redone when the
        codes did not change."""
        by_code = {normalise_code(code): code.strip() for code in reversed(codes) if code.strip()}
        unique = tuple(dict.fromkeys(by_code[normalise_code(c)] for c in codes if c.strip()))
        unique = unique[:MAX_TABS]
        if unique == self._codes:
            return
        self._codes = unique
        current = self.tabs.currentIndex()
        self.tabs.clear()
        for code in unique:
            browser = QTextBrowser()
            browser.setOpenExternalLinks(True)
            browser.setAccessibleName(self.tr("FMB för %s") % code)
            browser.setHtml(fmb_html(code, self._lookup(code), self._icd_title(code)))
            browser.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextBrowserInteraction
                | Qt.TextInteractionFlag.TextSelectableByKeyboard
            )
            self.tabs.addTab(browser, code)
        if 0 <= current < self.tabs.count():
            self.tabs.setCurrentIndex(current)
        self.tabs.setVisible(bool(unique))
        self.empty.setVisible(not unique)

    def codes(self) -> tuple[str, ...]:
        return self._codes or ()

    def text_of(self, index: int) -> str:
        """The plain text of a tab, as the user reads it."""
        widget = self.tabs.widget(index)
        return widget.toPlainText() if isinstance(widget, QTextBrowser) else ""
