"""Sweden's 290 municipalities (kommuner), for the death certificates' "Kommun" (DB/DOI 3.1).

The list is SCB's (``resources/reference/kommuner.tsv``: kommunkod, the official name as SCB and
Skatteverket write it, and the county). A name is checked exactly, but tolerantly of case and
spacing (``" upplands väsby "`` is Upplands Väsby); ``official_name`` gives the spelling to
store.

The type-ahead search, best first, each tier in Swedish alphabetical order:

1. names that start with what was typed (``upp`` → Upplands-Bro, Upplands Väsby, Uppsala,
   Uppvidinge);
2. names in which every typed word starts a word (``bro`` → Upplands-Bro, ``sälen`` →
   Malung-Sälen).

Case is ignored, hyphens count as spaces, accents are folded (é = e) but å, ä and ö stay letters
of their own, as a Swedish reader expects. Digits search the kommunkod (``0180`` → Stockholm).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from models.reference.title_index import query_words, search_form
from models.text import swedish_key
from resources import resource_path


@dataclass(frozen=True, slots=True)
class Municipality:
    """One kommun: its four-digit code, official name and county (län)."""

    code: str
    name: str
    county: str


def _name_key(name: str) -> str:
    """The exact-name key: case and runs of spaces do not count (``" Upplands  väsby"``)."""
    return " ".join(unicodedata.normalize("NFC", name).split()).casefold()


class MunicipalityCatalogue:
    """The municipalities, with an exact-name check and the type-ahead search."""

    def __init__(self, rows: Iterable[Sequence[str]]) -> None:
        """``rows``: (kommunkod, name, county) each."""
        entries = [Municipality(row[0], row[1], row[2]) for row in rows]
        # Swedish alphabetical order, hyphens read as spaces (Upplands-Bro before Upplands Väsby).
        entries.sort(key=lambda m: (swedish_key(search_form(m.name)), m.name))
        self._entries = entries
        self._by_name = {_name_key(m.name): m for m in entries}
        self._by_code = {m.code: m for m in entries}
        if len(self._by_name) != len(entries) or len(self._by_code) != len(entries):
            raise ValueError("kommuner: a name or a code occurs twice")
        # Each name in search form, as " word word" so that " tok" finds a word start.
        self._forms = [" " + " ".join(search_form(m.name).split()) for m in entries]

    @classmethod
    def from_resource(cls, path: Path) -> MunicipalityCatalogue:
        """Read a ``kommunkod<TAB>kommun<TAB>län`` file with a header line."""
        lines = path.read_text(encoding="utf-8").split("\n")
        return cls(line.split("\t") for line in lines[1:] if line.strip())

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[Municipality]:
        """Every municipality, in Swedish alphabetical order."""
        return iter(self._entries)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.exists(name)

    def get(self, name: str) -> Municipality | None:
        """The municipality of this name (any case, surrounding spaces ignored), or None."""
        return self._by_name.get(_name_key(name))

    def exists(self, name: str) -> bool:
        return _name_key(name) in self._by_name

    def official_name(self, name: str) -> str | None:
        """The official spelling of a typed name (``"malung-sälen"`` → ``"Malung-Sälen"``)."""
        found = self.get(name)
        return None if found is None else found.name

    def by_code(self, code: str) -> Municipality | None:
        return self._by_code.get(code.strip())

    def counties(self) -> list[str]:
        """The counties (län), in kommunkod order."""
        by_code = sorted(self._entries, key=lambda m: m.code)
        return list(dict.fromkeys(m.county for m in by_code))

    def search(self, text: str, limit: int = 50) -> list[Municipality]:
        """Municipalities matching what was typed, best first (see the module docstring)."""
        if limit <= 0:
            return []
        typed = text.strip()
        if typed.isdigit():
            hits = [m for m in self._entries if m.code.startswith(typed)]
            return sorted(hits, key=lambda m: m.code)[:limit]
        words = query_words(typed)
        if not words:
            return []
        prefix = " " + " ".join(words)
        needles = [" " + word for word in words]
        first: list[Municipality] = []
        then: list[Municipality] = []
        for entry, form in zip(self._entries, self._forms, strict=True):
            if form.startswith(prefix):
                first.append(entry)
            elif all(needle in form for needle in needles):
                then.append(entry)
        return (first + then)[:limit]


@cache
def municipalities() -> MunicipalityCatalogue:
    """Sweden's 290 municipalities, read once."""
    return MunicipalityCatalogue.from_resource(resource_path("reference", "kommuner.tsv"))


def is_municipality(name: str) -> bool:
    """Whether ``name`` is a Swedish municipality (any case, surrounding spaces ignored)."""
    return municipalities().exists(name)
