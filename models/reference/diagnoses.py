"""ICD-10-SE and KSH97-P: the diagnosis code lists Webcert offers, with lookup and search.

Codes are kept without the dot, as Webcert stores them (``F321``; KSH97-P keeps its own dash
forms such as ``A00-`` and ``A02-P``). Lookup accepts what a clinician types: any case, spaces,
the dot, and for KSH97-P the code with or without its dash.

One search field finds both codes and words:

1. the exact code, then the codes that start with what was typed, in code order (``f32.1``);
2. titles in which every typed word starts a word (``depressiv episod``, ``höft``), case- and
   accent-insensitively (é = e, ü = u; å, ä and ö stay letters of their own). Best first:
   every typed word a whole word of the title, then the first typed word early in the title,
   then the official title before another name, a short title, a short code;
3. if there is room left, titles in which a typed word of four letters or more occurs *inside*
   a word: the parts of Swedish compounds (``smärta`` in ``Halsryggsmärta``).

``F32 depressiv`` (a code, then words) searches the words among the codes starting with F32.

Other names: KSH97-P has several titles per code (the SFAMALT file, which Webcert searches:
``Rödsot`` and ``Bakteriell dysenteri`` for ``A03-``); a KSH97-P hit carries the title that
matched, as in Webcert. ICD-10-SE codes that KSH97-P also has under exactly the same code carry
those names too (``Depression`` for F32, ``Stroke`` for I64, ``Halsfluss`` for J03), so the words
clinicians use find the code; an ICD-10-SE hit always shows the official ICD-10-SE title.
"""

from __future__ import annotations

import gzip
import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import NamedTuple

from models.reference.title_index import TitleIndex, query_words
from resources import resource_path

ICD_10_SE = "ICD-10-SE"
KSH_97_P = "KSH97-P"

# What a code looks like while it is being typed: F, F3, F32, F321, F438A, A02P (no dash).
_CODE_LIKE = re.compile(r"^[A-Z](?:\d(?:\d[0-9A-Z]{0,3})?)?$")
_INFIX_MIN = 4  # a shorter fragment inside words finds mostly noise ("arm" in "tarm")

# A search rank packs its criteria into one integer (see _rank) above the name's number.
_ID_BITS = 20
_ID_MASK = (1 << _ID_BITS) - 1


def normalise_code(text: str) -> str:
    """A typed code as stored: upper case, no spaces, no dot (``f32.1`` → ``F321``)."""
    return "".join(text.split()).replace(".", "").upper()


def _key(code: str) -> str:
    """The lookup key: the normalised code without KSH97-P's dash (``A02-P`` → ``A02P``)."""
    return normalise_code(code).replace("-", "")


@dataclass(frozen=True, slots=True)
class Diagnosis:
    """One code of a diagnosis code system."""

    code: str
    title: str
    system: str
    marking: str = ""  # ICD-10-SE: "*" manifestation, "†" etiology, "" otherwise

    @property
    def display_code(self) -> str:
        """The code as printed (:func:`display_code`)."""
        return display_code(self.code)


def display_code(code: str) -> str:
    """A stored code as printed: ``F32.1``, ``F43.8A``; ``F32`` and KSH97-P's ``A02-P`` as is."""
    if len(code) > 3 and code[3] != "-":
        return f"{code[:3]}.{code[3:]}"
    return code


class _Names(NamedTuple):
    """Every searchable name (official titles and other names) with the entry it belongs to."""

    titles: TitleIndex
    entry_of: list[int]
    names: list[str]
    first_other: int  # names from this number on are other names, not official titles


class DiagnosisCatalogue:
    """All codes of one code system, with lookup by code and search by code or words."""

    def __init__(
        self, system: str, rows: Iterable[Sequence[str]], *, hits_show_matched_name: bool = False
    ) -> None:
        """``rows``: (code, marking, title, *other names) each, codes as the system writes them.

        ``hits_show_matched_name``: a search hit found by another name carries that name as its
        title (KSH97-P, as in Webcert) instead of the official title.
        """
        ordered = list(rows)
        keys = [row[0].replace("-", "") for row in ordered]
        if keys != sorted(keys):  # the shipped files are in order already
            ordered.sort(key=lambda row: row[0].replace("-", ""))
            keys.sort()
        self.system = system
        self._show_matched = hits_show_matched_name
        self._codes = [row[0] for row in ordered]
        self._keys = keys
        self._markings = [row[1] for row in ordered]
        self._titles = [row[2] for row in ordered]
        self._other_names = [tuple(row[3:]) for row in ordered]
        self._position = {key: index for index, key in enumerate(self._keys)}
        if len(self._position) != len(self._keys):
            raise ValueError(f"{system}: a code occurs twice")

    @classmethod
    def from_resource(
        cls, system: str, path: Path, *, hits_show_matched_name: bool = False
    ) -> DiagnosisCatalogue:
        """Read a gzipped ``kod<TAB>markering<TAB>titel[<TAB>namn…]`` file with a header."""
        with gzip.open(path, "rt", encoding="utf-8", newline="\n") as handle:
            lines = handle.read().split("\n")
        rows = (line.split("\t") for line in lines[1:] if line)
        return cls(system, rows, hits_show_matched_name=hits_show_matched_name)

    def __len__(self) -> int:
        return len(self._codes)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and self.exists(code)

    def __iter__(self) -> Iterator[Diagnosis]:
        """Every code, in code order."""
        return (self._diagnosis(index) for index in range(len(self._codes)))

    def _diagnosis(self, index: int, title: str | None = None) -> Diagnosis:
        return Diagnosis(
            self._codes[index],
            self._titles[index] if title is None else title,
            self.system,
            self._markings[index],
        )

    def get(self, code: str) -> Diagnosis | None:
        """The diagnosis with this code (with or without the dot, any case), or None."""
        index = self._position.get(_key(code))
        return None if index is None else self._diagnosis(index)

    def exists(self, code: str) -> bool:
        return _key(code) in self._position

    def other_names(self, code: str) -> tuple[str, ...]:
        """The other names a code is searchable by (see the module docstring)."""
        index = self._position.get(_key(code))
        return () if index is None else self._other_names[index]

    # --- search -----------------------------------------------------------------------------

    def prepare_search(self) -> None:
        """Build the search index now (a fraction of a second for ICD-10-SE), for example in a
        worker thread after start; otherwise the first search builds it."""
        _ = self._names

    def search(self, query: str, limit: int = 50) -> list[Diagnosis]:
        """Codes and titles matching ``query``, best first (see the module docstring)."""
        parts = query.split()
        if not parts or limit <= 0:
            return []
        found: list[Diagnosis] = []
        seen: set[int] = set()
        code = _key(query)
        code_prefix = ""
        if _CODE_LIKE.match(code):
            for index in self._code_range(code, limit):
                found.append(self._diagnosis(index))
                seen.add(index)
            words = [code.lower()]  # titles that cite the code: "Tuberkulös meningit (G01)"
        else:
            first = _key(parts[0])
            if len(parts) > 1 and len(first) > 1 and _CODE_LIKE.match(first):
                code_prefix, query = first, " ".join(parts[1:])
            words = query_words(query)
        if words and len(found) < limit:
            for index, title in self._title_matches(words, code_prefix, seen, limit - len(found)):
                found.append(self._diagnosis(index, title))
        return found

    def _code_range(self, key: str, limit: int) -> range:
        start = bisect_left(self._keys, key)
        end = bisect_left(self._keys, key + "\x7f", lo=start)
        return range(start, min(end, start + limit))

    @cached_property
    def _names(self) -> _Names:
        # Official titles first (name number = entry number), then the other names in code order.
        entry_of = list(range(len(self._titles)))
        names = list(self._titles)
        for entry, others in enumerate(self._other_names):
            entry_of.extend([entry] * len(others))
            names.extend(others)
        if len(names) > _ID_MASK:
            raise ValueError(f"{self.system}: too many names for the search rank")
        return _Names(TitleIndex(names), entry_of, names, len(self._titles))

    def _title_matches(
        self, words: list[str], code_prefix: str, seen: set[int], limit: int
    ) -> list[tuple[int, str]]:
        """(entry, matching name) pairs: word-start matches first, then infix ones."""
        index = self._names.titles
        by_length = sorted(words, key=len, reverse=True)  # the longest word is usually rarest
        strict: set[int] | None = None
        for word in by_length:
            strict = index.starting(word, strict)
            if not strict:
                break
        result = self._ranked(strict or set(), words, code_prefix, seen, limit)
        if len(result) < limit and all(len(word) >= _INFIX_MIN for word in words):
            loose: set[int] | None = None
            for word in by_length:
                loose = index.containing(word, loose)
                if not loose:
                    break
            inside = (loose or set()) - (strict or set())
            result += self._ranked(inside, words, code_prefix, seen, limit - len(result))
        return result

    def _ranked(
        self, name_ids: set[int], words: list[str], code_prefix: str, seen: set[int], limit: int
    ) -> list[tuple[int, str]]:
        index, entry_of, names, first_other = self._names
        keys = self._keys
        ranks = [
            (
                _rank(index.line(name_id), words, name_id >= first_other, len(keys[entry]))
                << _ID_BITS
            )
            | name_id
            for name_id in name_ids
            if (entry := entry_of[name_id]) not in seen and keys[entry].startswith(code_prefix)
        ]
        ranks.sort()  # equal ranks in name order: code order
        chosen: list[tuple[int, str]] = []
        for rank in ranks:
            name_id = rank & _ID_MASK
            entry = entry_of[name_id]
            if entry in seen:
                continue  # a better name of the same code came first
            seen.add(entry)
            chosen.append((entry, names[name_id] if self._show_matched else self._titles[entry]))
            if len(chosen) >= limit:
                break
        return chosen


def _rank(line: str, words: list[str], is_other_name: bool, code_length: int) -> int:
    """Lower is better, as a number: words not matched whole, the first word's position,
    official title before other name, title length, code length. ``line`` is the name in
    search form (" word word")."""
    inexact = 0
    first = -1
    length = line.count(" ")
    for word in words:
        needle = " " + word
        start = line.find(needle)
        if start < 0:  # only inside a word (the infix tier)
            inexact += 1
            position = length
        else:
            end = start + len(needle)
            if end < len(line) and line[end] != " ":  # a prefix here; whole later?
                later = line.find(needle + " ", end)
                if later < 0 and line.endswith(needle):
                    later = len(line) - len(needle)
                if later < 0:
                    inexact += 1
                else:
                    start = later
            position = line.count(" ", 0, start)
        if first < 0:
            first = position
    return (
        ((min(inexact, 15) * 64 + min(first, 63)) * 2 + is_other_name) * 128 + min(length, 127)
    ) * 8 + min(code_length, 7)


@cache
def icd10se() -> DiagnosisCatalogue:
    """ICD-10-SE, Socialstyrelsen's 2022 edition: 35,684 codes of 3, 4 and 5 characters."""
    return DiagnosisCatalogue.from_resource(ICD_10_SE, resource_path("reference", "icd10se.tsv.gz"))


def diagnosis_exists(code: str) -> bool:
    """Whether ICD-10-SE has ``code``: for the services' ``diagnosis_exists``, which read the
    catalogue on the first check (a signing, a grading), not at start-up."""
    return icd10se().exists(code)


@cache
def ksh97p() -> DiagnosisCatalogue:
    """KSH97-P, the primary-care version: 977 codes, each with its alternative titles."""
    return DiagnosisCatalogue.from_resource(
        KSH_97_P, resource_path("reference", "ksh97p.tsv.gz"), hits_show_matched_name=True
    )
