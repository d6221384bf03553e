"""The ICF helper's dialog: FMB's ICF codes for the form's diagnoses, and a search over all ICF.

As Webcert's "Ta hjälp av ICF": per entered diagnosis that FMB has ICF codes for, its central
and then its complementary codes, as boxes to tick, with codes several diagnoses share in a
group of their own first (``models.reference.icf`` has the rules). The current code's
description and "includes" text show under the lists (Webcert expands them in the list).

Our extension: a search over the whole ICF list under the suggestions, so that the helper is
of use for every diagnosis, also when FMB has no ICF codes for any of them (Webcert then only
says so). Hits of the field's own component (b for impairment, d for activity limitation)
come first.

Everything works from the keyboard: arrows move in a list, Space ticks, Tab moves between
the lists, the search box and the buttons; Enter in the search box moves to the hits, Enter
elsewhere is "Lägg till", Escape is "Avbryt". A code ticked in one place is ticked wherever
it is shown. "Lägg till" is enabled once the choice differs from the codes the text had.
"""

from __future__ import annotations

from html import escape as _escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.reference.diagnoses import display_code
from models.reference.icf import (
    IcfCatalogue,
    IcfCode,
    IcfDiagnosis,
    IcfField,
    IcfGroup,
    IcfSuggestions,
)
from widgets.editor.style import styled

CodeRole = Qt.ItemDataRole.UserRole + 1
SEARCH_LIMIT = 50

# Webcert's words in the dialog's blue bar, per field (certificate-service, FK7804).
INFO_TEXT = {
    IcfField.IMPAIRMENT: "Välj enbart de problem som påverkar patienten.",
    IcfField.ACTIVITY: "Välj enbart de svårigheter som påverkar patientens sysselsättning.",
}
NO_DIAGNOSIS = "Ange minst en diagnos för att få ICF-stöd."
NO_CODES = "Det finns ingen ICF-kod i FMB för den/de angivna diagnoserna ({codes})."
SEARCH_HINT = "Du kan söka bland alla ICF-koder nedan."
PARTLY_WITHOUT = "FMB har inga ICF-koder för {codes}."
NO_FIELD = "FMB:s ICF-stöd gäller frågorna om funktionsnedsättning och aktivitetsbegränsning."


def _group_title(group: IcfGroup) -> str:
    codes = ", ".join(display_code(diagnosis.code) for diagnosis in group.diagnoses)
    if group.common:
        return f"ICF-kategorier gemensamma för: {codes}"
    title = f"ICF-kategorier för: {codes} – {group.diagnoses[0].heading}"
    broader = [display_code(d.fmb_code) for d in group.diagnoses if d.is_fallback]
    return f"{title} (stödet gäller {', '.join(broader)})" if broader else title


def _fallback_note(diagnoses: tuple[IcfDiagnosis, ...]) -> str:
    """Webcert's note when the ICF support is for a broader code than the one entered."""
    return "\n".join(
        f"Det ICF-stöd som visas är för koden {display_code(d.fmb_code)} – {d.fmb_title}"
        for d in diagnoses
        if d.is_fallback
    )


def _details(entry: IcfCode) -> str:
    """The description pane's text for a code, as rich text."""
    parts = [f"<b>{entry.code} {_escape(entry.name)}</b>"]
    if entry.term and entry.term != entry.title:
        parts.append(f"<i>{_escape(entry.title)}</i>")
    if entry.description:
        parts.append(_escape(entry.description))
    if entry.includes:
        parts.append(f"<b>Innefattar:</b> {_escape(entry.includes)}")
    return "<br>".join(parts)


class IcfPicker(QDialog):
    """Choose ICF codes; ``chosen()`` is the choice after "Lägg till" (``accepted``)."""

    def __init__(
        self,
        catalogue: IcfCatalogue,
        suggestions: IcfSuggestions,
        field: IcfField | None,
        diagnosis_codes: list[str],
        chosen: list[IcfCode | str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._catalogue = catalogue
        self._field = field
        # The choice, in order: code (lower case) -> the code, or a line part kept as written.
        self._chosen: dict[str, IcfCode | str] = {self._key(item): item for item in chosen}
        self._initial = list(self._chosen)
        self._tree_items: dict[str, list[QTreeWidgetItem]] = {}
        self._syncing = False
        title = {
            IcfField.IMPAIRMENT: "Funktionsnedsättning",
            IcfField.ACTIVITY: "Aktivitetsbegränsning",
        }
        self.setWindowTitle("Ta hjälp av ICF" + (f" – {title[field]}" if field is not None else ""))
        self.resize(720, 700)

        layout = QVBoxLayout(self)
        self.info = QLabel(INFO_TEXT[field] if field is not None else NO_FIELD)
        self.info.setWordWrap(True)
        styled(self.info, "help")
        layout.addWidget(self.info)

        self.notice = QLabel(self._notice_text(suggestions, field, diagnosis_codes))
        self.notice.setWordWrap(True)
        styled(self.notice, "notice" if not suggestions else "muted")
        self.notice.setVisible(bool(self.notice.text()))
        layout.addWidget(self.notice)

        self.suggestions = QTreeWidget()
        self.suggestions.setHeaderHidden(True)
        self.suggestions.setAccessibleName("ICF-kategorier från FMB för diagnoserna")
        self.suggestions.setUniformRowHeights(True)
        self._fill_suggestions(suggestions)
        self.suggestions.setVisible(bool(suggestions))
        layout.addWidget(self.suggestions, 4)

        search_label = QLabel("&Sök bland alla ICF-koder (kod eller ord):")
        styled(search_label, "fieldLabel")
        self.search = QLineEdit()
        self.search.setPlaceholderText("t.ex. b130, d230, energi, daglig rutin")
        self.search.setAccessibleName("Sök ICF-kod")
        self.search.setClearButtonEnabled(True)
        search_label.setBuddy(self.search)
        self.results = QListWidget()
        self.results.setAccessibleName("Sökträffar bland ICF-koderna")
        self.results.setUniformItemSizes(True)
        self.result_count = QLabel()
        styled(self.result_count, "small")
        layout.addWidget(search_label)
        layout.addWidget(self.search)
        layout.addWidget(self.results, 2)
        layout.addWidget(self.result_count)

        # Scrollable: a description runs to 1,300 characters.
        self.details = QTextBrowser()
        self.details.setOpenLinks(False)
        self.details.setFixedHeight(120)
        self.details.setAccessibleName("Beskrivning av ICF-koden")
        layout.addWidget(self.details)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        styled(self.summary, "muted")
        layout.addWidget(self.summary)

        self.buttons = QDialogButtonBox()
        self.add_button: QPushButton = self.buttons.addButton(
            "Lägg till", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button: QPushButton = self.buttons.addButton(
            "Avbryt", QDialogButtonBox.ButtonRole.RejectRole
        )
        self.add_button.setDefault(True)
        layout.addWidget(self.buttons)

        self.suggestions.itemChanged.connect(self._tree_item_changed)
        self.suggestions.currentItemChanged.connect(
            lambda item, _previous: self._show_details(item.data(0, CodeRole) if item else None)
        )
        self.results.itemChanged.connect(self._result_changed)
        self.results.currentItemChanged.connect(
            lambda item, _previous: self._show_details(item.data(CodeRole) if item else None)
        )
        self.search.textChanged.connect(self._search)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._search("")
        self._update_summary()
        first = next(iter(self._tree_items.values()), None)
        if first:
            self.suggestions.setCurrentItem(first[0])
        self._first_focus: QWidget = self.suggestions if suggestions else self.search

    # -- building ---------------------------------------------------------------------------------

    @staticmethod
    def _key(item: IcfCode | str) -> str:
        return (item if isinstance(item, str) else item.code).split(maxsplit=1)[0].lower()

    def _notice_text(
        self, suggestions: IcfSuggestions, field: IcfField | None, codes: list[str]
    ) -> str:
        if field is None:
            return SEARCH_HINT
        if not any(code.strip() for code in codes):
            return f"{NO_DIAGNOSIS} {SEARCH_HINT}"
        without = ", ".join(display_code(code) for code in suggestions.without)
        if not suggestions:
            return f"{NO_CODES.format(codes=without)} {SEARCH_HINT}"
        return PARTLY_WITHOUT.format(codes=without) if without else ""

    def _fill_suggestions(self, suggestions: IcfSuggestions) -> None:
        bold = QFont(self.suggestions.font())
        bold.setBold(True)
        for group in suggestions.groups:
            top = QTreeWidgetItem([_group_title(group)])
            top.setFont(0, bold)
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            top.setToolTip(0, _fallback_note(group.diagnoses))
            self.suggestions.addTopLevelItem(top)
            for heading, codes in (
                ("Centrala ICF-kategorier", group.central),
                ("Kompletterande ICF-kategorier", group.complementary),
            ):
                if not codes:
                    continue
                kind = QTreeWidgetItem(top, [heading])
                kind.setFlags(Qt.ItemFlag.ItemIsEnabled)
                for entry in codes:
                    item = QTreeWidgetItem(kind, [entry.label])
                    item.setData(0, CodeRole, entry.code)
                    item.setToolTip(0, entry.description)
                    item.setData(0, Qt.ItemDataRole.AccessibleDescriptionRole, entry.description)
                    item.setFlags(
                        Qt.ItemFlag.ItemIsEnabled
                        | Qt.ItemFlag.ItemIsSelectable
                        | Qt.ItemFlag.ItemIsUserCheckable
                    )
                    item.setCheckState(0, self._state(entry.code))
                    self._tree_items.setdefault(entry.code.lower(), []).append(item)
        self.suggestions.expandAll()

    def _state(self, code: str) -> Qt.CheckState:
        chosen = code.lower() in self._chosen
        return Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked

    # -- the choice -------------------------------------------------------------------------------

    def chosen(self) -> list[IcfCode | str]:
        """The codes ticked now, in the order they were ticked (earlier choices first)."""
        return list(self._chosen.values())

    def chosen_codes(self) -> list[str]:
        """The codes ticked now, as codes."""
        return [self._key(item) if isinstance(item, str) else item.code for item in self.chosen()]

    def _toggle(self, code: str, checked: bool) -> None:
        key = code.lower()
        if checked and key not in self._chosen:
            entry = self._catalogue.get(code)
            if entry is None:
                return
            self._chosen[key] = entry
        elif not checked:
            self._chosen.pop(key, None)
        self._sync(key)
        self._update_summary()

    def _sync(self, key: str) -> None:
        """Show the code as ticked or not wherever it is listed."""
        self._syncing = True
        state = self._state(key)
        for tree_item in self._tree_items.get(key, []):
            tree_item.setCheckState(0, state)
        for row in range(self.results.count()):
            result = self.results.item(row)
            if str(result.data(CodeRole)).lower() == key:
                result.setCheckState(state)
        self._syncing = False

    def _tree_item_changed(self, item: QTreeWidgetItem, _column: int) -> None:
        code = item.data(0, CodeRole)
        if code and not self._syncing:
            self._toggle(str(code), item.checkState(0) == Qt.CheckState.Checked)

    def _result_changed(self, item: QListWidgetItem) -> None:
        code = item.data(CodeRole)
        if code and not self._syncing:
            self._toggle(str(code), item.checkState() == Qt.CheckState.Checked)

    def _update_summary(self) -> None:
        codes = self.chosen_codes()
        self.summary.setText("Valda ICF-koder: " + (", ".join(codes) if codes else "inga"))
        self.add_button.setEnabled([code.lower() for code in codes] != self._initial)

    # -- search and details -----------------------------------------------------------------------

    def _search(self, text: str) -> None:
        prefer = self._field.component if self._field is not None else ""
        hits = self._catalogue.search(text, SEARCH_LIMIT, prefer=prefer)
        self._syncing = True
        self.results.clear()
        for entry in hits:
            item = QListWidgetItem(entry.label)
            item.setData(CodeRole, entry.code)
            item.setToolTip(entry.description)
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, entry.description)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            item.setCheckState(self._state(entry.code))
            self.results.addItem(item)
        self._syncing = False
        if not text.strip():
            self.result_count.setText("Skriv en kod eller ett ord för att söka.")
        elif not hits:
            self.result_count.setText("Inga ICF-koder hittades.")
        elif len(hits) >= SEARCH_LIMIT:
            self.result_count.setText(f"De {SEARCH_LIMIT} första träffarna. Skriv mer för färre.")
        else:
            self.result_count.setText(f"{len(hits)} träffar." if len(hits) > 1 else "1 träff.")

    def _show_details(self, code: object) -> None:
        entry = self._catalogue.get(str(code)) if code else None
        self.details.setHtml(_details(entry) if entry is not None else "")

    def showEvent(self, event: QShowEvent) -> None:
        """The keyboard starts in the suggestions, or in the search box when there are none."""
        super().showEvent(event)
        self._first_focus.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in the search box goes to the hits (elsewhere it is "Lägg till")."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.search.hasFocus():
            if self.results.count():
                self.results.setFocus(Qt.FocusReason.TabFocusReason)
                if self.results.currentRow() < 0:
                    self.results.setCurrentRow(0)
            event.accept()
            return
        super().keyPressEvent(event)
