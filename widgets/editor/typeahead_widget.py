"""A typeahead: a line of text with suggestions from the list its field names.

The field's ``options_from`` names the list (``"kommuner"``: Sweden's municipalities, for DB
and DOI 3.1). Typing searches the list and offers the hits in a popup, best first (names
starting with the text, then names with a word starting with it). Choosing one (Down and Enter,
or a click) fills in its official name. Anything may also be typed by hand: the rules report a
name that is not in the list once errors are shown, and a name typed in another case is written
the official way on leaving the edit (``upplands väsby`` → ``Upplands Väsby``).

The completer is built on the first keystroke and the list read on the first search, so an
editor that only shows the field pays for neither. A typeahead without a list is a plain line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

from PySide6.QtCore import QModelIndex, QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from models.reference.municipalities import municipalities
from widgets.editor.simple_fields import TextFieldWidget

#: Rows the popup shows before it scrolls; the search returns a few screens of hits.
VISIBLE_HITS = 10
MAX_HITS = 50


@dataclass(frozen=True)
class Suggestions:
    """What a typeahead needs of its list: a search, the official spelling of a name, and the
    texts around them."""

    search: Callable[[str], list[str]]
    official_name: Callable[[str], str | None]
    popup_name: str  # the popup's accessible name
    placeholder: str
    tooltip: str


def _search_municipalities(text: str) -> list[str]:
    return [municipality.name for municipality in municipalities().search(text, MAX_HITS)]


def _official_municipality(text: str) -> str | None:
    return municipalities().official_name(text)


#: The lists a field's ``options_from`` may name.
LISTS: dict[str, Suggestions] = {
    "kommuner": Suggestions(
        _search_municipalities,
        _official_municipality,
        popup_name="Förslag på kommuner",
        placeholder="Skriv och välj kommun",
        tooltip="Skriv början av kommunens namn och välj i listan.",
    ),
}


class TypeaheadWidget(TextFieldWidget):
    """A single line with suggestions from the field's list (kind ``typeahead``).

    The text, the character counter near ``max_length``, ``value`` and ``set_value`` are the
    text field's. ``changed`` is emitted for every change the user makes: each keystroke, a
    suggestion chosen in the popup, and a name put in its official spelling on leaving.
    """

    def build_input(self) -> QWidget:
        box = super().build_input()
        assert isinstance(self.editor, QLineEdit)  # a typeahead is a single line
        self.line: QLineEdit = self.editor
        self.line.setAccessibleName(self.field.label)
        self.suggestions = LISTS.get(self.field.options_from or "")
        self.completer: QCompleter | None = None
        self._model: QStringListModel | None = None
        self._reported = ""
        if self.suggestions is not None:
            self.line.setPlaceholderText(
                self.field.placeholder or self.tr(self.suggestions.placeholder)
            )
            self.line.setToolTip(self.tr(self.suggestions.tooltip))
            self.line.editingFinished.connect(self._tidy)
        self.line.textChanged.connect(self._text_changed)
        return box

    # -- what the user does ---------------------------------------------------------------------

    def _edited(self) -> None:
        """A keystroke (the text field's ``textEdited`` hook): search for the new text.
        ``changed`` comes from ``_text_changed``, which also sees the popup's changes."""
        self.search(self.line.text())

    def _text_changed(self, text: str) -> None:
        """Any change of the text: typed, chosen or tidied (not ``set_value``'s)."""
        self._update_counter()
        if self._loading or text == self._reported:
            return
        self._reported = text
        self.changed.emit()

    def search(self, text: str) -> None:
        """Offer the list's hits for ``text`` in the popup (hidden when there are none)."""
        if self.suggestions is None:
            return
        completer = self._ensure_completer()
        found = self.suggestions.search(text) if text.strip() else []
        model = self._model
        assert model is not None
        model.setStringList(found)
        popup = completer.popup()
        assert popup is not None
        if not found:
            popup.hide()
            return
        completer.complete()
        popup.setCurrentIndex(QModelIndex())  # nothing highlighted until the user moves

    def _ensure_completer(self) -> QCompleter:
        """The completer, made on first use. It is not the edit's own completer: the search
        decides what is offered and in which order, and the edit's text changes only when a
        suggestion is chosen (not while the arrow keys move through them)."""
        if self.completer is not None:
            return self.completer
        assert self.suggestions is not None
        self._model = QStringListModel(self.line)
        completer = QCompleter(self._model, self.line)
        completer.setWidget(self.line)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setMaxVisibleItems(VISIBLE_HITS)
        popup = completer.popup()
        assert popup is not None  # a completer always has one
        popup.setAccessibleName(self.tr(self.suggestions.popup_name))
        # The str overload (the stubs do not declare overloads as indexable).
        cast(Any, completer.activated)[str].connect(self._chosen)
        self.completer = completer
        return completer

    def _chosen(self, name: str) -> None:
        """A suggestion chosen in the popup: its name fills the edit."""
        self.line.setText(name)  # emits changed through _text_changed
        self.line.setFocus(Qt.FocusReason.PopupFocusReason)

    def _tidy(self) -> None:
        """A name from the list typed in another case or with spaces: its official spelling."""
        if self.suggestions is None:
            return
        official = self.suggestions.official_name(self.line.text())
        if official is not None and official != self.line.text():
            self.line.setText(official)  # emits changed through _text_changed

    # -- the stored answer ----------------------------------------------------------------------

    def set_value(self, value: Any) -> None:
        super().set_value(value)
        self._reported = self.line.text()
        if self._model is not None:
            self._model.setStringList([])
        popup = self.completer.popup() if self.completer is not None else None
        if popup is not None:
            popup.hide()

    @property
    def shown_suggestions(self) -> list[str]:
        """The names the popup offers now."""
        return [] if self._model is None else self._model.stringList()
