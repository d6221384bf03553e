"""ICF, Socialstyrelsen's Swedish classification of functioning, and LISJP's ICF helper.

The shipped list is the one Webcert loads (2019, with the Swedish national extensions such as
``b1528A``): 1,594 codes of the four components (``b`` body functions, ``s`` body structures,
``d`` activities and participation, ``e`` environmental factors), from the component and its
chapters (``b1``) down to the most detailed level (``b51050``). Each code has its official
title, often a shorter alternative term, a description and an "includes" text. Like Webcert,
a code is *named* by its alternative term where it has one ("Smärta" for b280, whose official
title is "Smärtförnimmelse").

**The helper** ("Ta hjälp av ICF", next to FK7804's fields for impairment and activity
limitation) offers, for every entered diagnosis that FMB has ICF codes for, FMB's central codes
and then its complementary ones: b-codes (mostly) for funktionsnedsättning, d-codes for
aktivitetsbegränsning. As in Webcert:

- the lookup falls back to shorter codes as FMB's does (``F438A`` → ``F438``);
- codes that two or more diagnoses share (central with central, complementary with
  complementary) are offered once, in a group "gemensamma för" those diagnoses, ahead of the
  per-diagnosis groups (Webcert has one such group for all shared codes; we keep one per set
  of diagnoses, so that the group names exactly the diagnoses that share its codes);
- diagnoses that end up under the same FMB heading share one group.

**Search** (our extension; Webcert only offers FMB's codes): one field finds codes and words

1. a code or its start (``b13``, ``D2``) gives the codes starting with it, in the list's order;
2. otherwise names in which every typed word starts a word (``daglig rutin``), case- and
   accent-insensitively with å, ä and ö as letters of their own; then names in which every
   typed word of four letters or more occurs inside a word (``smärta`` in ``Smärtförnimmelse``);
   then codes whose "includes" text has every typed word (``ångest`` finds b152). Within each
   tier a component asked for comes first (b for impairment), ICF's catch-all categories
   ("andra specificerade", "ospecificerade") last, then names where the words are whole
   words, the first word early, short names, general codes before detailed ones.

**The text**: a stored icf_text answer is text only, so chosen codes are written into it as
its first line, ``ICF: b1300 Energinivå; d230 Genomföra daglig rutin`` (separated by ``;``
because some names contain commas). :func:`with_icf_codes` writes that line and
:func:`chosen_in_text` reads it back, so the helper can show earlier choices as ticked.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import cache, cached_property
from pathlib import Path

from models.reference.diagnoses import normalise_code
from models.reference.fmb import FmbCatalogue, FmbInfo, IcfCodes, fmb
from models.reference.title_index import query_words, search_form
from resources import resource_path

COMPONENTS: Mapping[str, str] = {
    "b": "Kroppsfunktioner",
    "s": "Kroppsstrukturer",
    "d": "Aktiviteter och delaktighet",
    "e": "Omgivningsfaktorer",
}
LINE_PREFIX = "ICF:"  # the first line of a text that carries chosen codes
_SEPARATOR = "; "
_CODE = re.compile(r"^[bdes](?:\d+[a-z]?)?$", re.IGNORECASE)  # b, b1, b110, b1528A
_INFIX_MIN = 4  # a shorter fragment inside words finds mostly noise


class IcfField(Enum):
    """The two FMB sections an ICF helper draws from (FK7804/LISJP fields 35 and 17)."""

    IMPAIRMENT = "funktionsnedsattning"
    ACTIVITY = "aktivitetsbegransning"

    @property
    def component(self) -> str:
        """The ICF component the field is about: b (body functions) or d (activities)."""
        return "b" if self is IcfField.IMPAIRMENT else "d"

    def codes_of(self, info: FmbInfo) -> IcfCodes:
        """FMB's ICF codes for this field."""
        return info.impairment_icf if self is IcfField.IMPAIRMENT else info.activity_icf


@dataclass(frozen=True, slots=True)
class IcfCode:
    """One ICF code with its texts."""

    code: str  # as Socialstyrelsen writes it: "b1300", "b1528A"
    title: str  # the official title: "Att vidmakthålla uppmärksamhet"
    term: str  # the alternative term, often shorter: "Vidmakthålla uppmärksamhet"; or ""
    description: str
    includes: str  # "innefattar": what the code covers, as a list of phrases; or ""

    @property
    def name(self) -> str:
        """The name Webcert shows: the alternative term if there is one, else the title."""
        return self.term or self.title

    @property
    def component(self) -> str:
        """b, s, d or e."""
        return self.code[0]

    @property
    def label(self) -> str:
        """Code and name, as the text line and the picker write them: "b1300 Energinivå"."""
        return f"{self.code} {self.name}"


def _key(code: str) -> str:
    return "".join(code.split()).lower()


@dataclass(frozen=True, slots=True)
class _Searchable:
    """One code's names and "includes" text in search form (" word word")."""

    names: tuple[str, ...]
    includes: str
    residual: bool  # "andra specificerade", "ospecificerade": ICF's catch-all categories


def _line(text: str) -> str:
    return " " + " ".join(search_form(text).split())


class IcfCatalogue:
    """All ICF codes, looked up by code and searched by code or words."""

    def __init__(self, rows: Iterable[Sequence[str]]) -> None:
        """``rows``: (code, title, alternative term, description, includes) each."""
        self._codes: list[IcfCode] = [IcfCode(*row[:5]) for row in rows]
        self._position = {_key(entry.code): index for index, entry in enumerate(self._codes)}
        if len(self._position) != len(self._codes):
            raise ValueError("ICF: a code occurs twice")

    @classmethod
    def from_resource(cls, path: Path) -> IcfCatalogue:
        """Read a gzipped ``kod<TAB>benämning<TAB>alternativ term<TAB>beskrivning<TAB>
        innefattar`` file with a header."""
        with gzip.open(path, "rt", encoding="utf-8", newline="\n") as handle:
            lines = handle.read().split("\n")
        return cls(line.split("\t") for line in lines[1:] if line)

    def __len__(self) -> int:
        return len(self._codes)

    def __iter__(self) -> Iterator[IcfCode]:
        """Every code, in the list's order (component, chapter, then ever more detailed)."""
        return iter(self._codes)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and _key(code) in self._position

    def get(self, code: str) -> IcfCode | None:
        """The code (any case, spaces ignored), or None."""
        index = self._position.get(_key(code))
        return None if index is None else self._codes[index]

    def name(self, code: str) -> str:
        """The name Webcert shows for a code; "" for a code the list lacks."""
        entry = self.get(code)
        return "" if entry is None else entry.name

    # --- search -----------------------------------------------------------------------------

    @cached_property
    def _searchable(self) -> list[_Searchable]:
        return [
            _Searchable(
                tuple(_line(name) for name in (entry.title, entry.term) if name),
                _line(entry.includes),
                "specificera" in search_form(entry.title),
            )
            for entry in self._codes
        ]

    def search(self, query: str, limit: int = 50, *, prefer: str = "") -> list[IcfCode]:
        """Codes matching ``query``, best first (see the module docstring). ``prefer``: the
        components whose codes come first within each tier ("b" for impairment)."""
        text = query.strip()
        if not text or limit <= 0:
            return []
        if _CODE.match(text):
            start = text.lower()
            hits = [entry for entry in self._codes if entry.code.lower().startswith(start)]
            return hits[:limit]
        words = query_words(text)
        if not words:
            return []
        ranked: list[tuple[tuple[int, ...], int]] = []
        for index, searchable in enumerate(self._searchable):
            rank = _rank(searchable, words)
            if rank is not None:
                entry = self._codes[index]
                preferred = 0 if entry.component in prefer else 1
                residual = int(searchable.residual)
                ranked.append(((rank[0], preferred, residual, *rank[1:], len(entry.code)), index))
        ranked.sort()
        return [self._codes[index] for _rank_key, index in ranked[:limit]]


def _rank(searchable: _Searchable, words: list[str]) -> tuple[int, ...] | None:
    """(tier, words not whole, first word's position, name length) of the best matching name,
    or None when the code does not match; lower is better."""
    best: tuple[int, ...] | None = None
    for line in searchable.names:
        if all(" " + word in line for word in words):
            tier = 0
        elif all(len(word) >= _INFIX_MIN and word in line for word in words):
            tier = 1
        else:
            continue
        padded = line + " "
        inexact = sum(" " + word + " " not in padded for word in words)
        start = line.find(" " + words[0])
        position = line.count(" ", 0, start) if start >= 0 else line.count(" ")
        candidate = (tier, inexact, position, line.count(" "))
        if best is None or candidate < best:
            best = candidate
    if best is None and all(" " + word in searchable.includes for word in words):
        best = (2, 0, 0, 0)
    return best


# --- the helper's suggestions ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class IcfDiagnosis:
    """An entered diagnosis as the helper names it: the code FMB has, and FMB's names."""

    code: str  # as entered, normalised: "F438A"
    fmb_code: str  # the code the FMB support is for: "F438"
    fmb_title: str  # FMB's name for that code
    heading: str  # the FMB heading (diagnosrubrik): "Utmattningssyndrom"

    @property
    def is_fallback(self) -> bool:
        """True when FMB's ICF support is for a broader code than the one entered."""
        return self.code != self.fmb_code


@dataclass(frozen=True, slots=True)
class IcfGroup:
    """The codes the helper offers for one diagnosis (or, ``common``, for several)."""

    diagnoses: tuple[IcfDiagnosis, ...]
    central: tuple[IcfCode, ...]
    complementary: tuple[IcfCode, ...]
    common: bool = False  # "ICF-kategorier gemensamma för": codes several diagnoses share

    @property
    def codes(self) -> tuple[IcfCode, ...]:
        """Central codes first, then complementary ones."""
        return self.central + self.complementary


@dataclass(frozen=True, slots=True)
class IcfSuggestions:
    """What the helper offers for a form's diagnoses."""

    groups: tuple[IcfGroup, ...]
    without: tuple[str, ...]  # entered codes (normalised) for which FMB has no ICF codes

    def __bool__(self) -> bool:
        return bool(self.groups)


def suggested_codes(
    diagnosis_codes: Iterable[str],
    field: IcfField,
    *,
    fmb_data: FmbCatalogue | None = None,
    catalogue: IcfCatalogue | None = None,
) -> IcfSuggestions:
    """FMB's ICF codes for the entered diagnoses (in their order), grouped as the helper shows
    them: codes several diagnoses share first, then per diagnosis; central before
    complementary. Blank and repeated codes are skipped."""
    fmb_data = fmb() if fmb_data is None else fmb_data
    catalogue = icf() if catalogue is None else catalogue
    by_heading: dict[str, tuple[list[IcfDiagnosis], IcfCodes]] = {}
    without: list[str] = []
    seen: set[str] = set()
    for raw in diagnosis_codes:
        code = normalise_code(raw)
        if not code or code in seen:
            continue
        seen.add(code)
        info = fmb_data.lookup(code)
        codes = IcfCodes() if info is None else field.codes_of(info)
        if info is None or not codes.all:
            without.append(code)
            continue
        diagnosis = IcfDiagnosis(code, info.matched_code, info.code_title, info.heading)
        by_heading.setdefault(info.heading, ([], codes))[0].append(diagnosis)

    def known(codes: Iterable[str]) -> tuple[IcfCode, ...]:
        found = (catalogue.get(code) for code in codes)
        return tuple(entry for entry in found if entry is not None)

    entries = [(tuple(diagnoses), codes) for diagnoses, codes in by_heading.values()]
    central = _sharing([codes.central for _diagnoses, codes in entries])
    complementary = _sharing([codes.complementary for _diagnoses, codes in entries])
    groups: list[IcfGroup] = []
    for sharers in sorted(set(central.values()) | set(complementary.values()), key=_most_first):
        groups.append(
            IcfGroup(
                tuple(diagnosis for index in sharers for diagnosis in entries[index][0]),
                known(code for code, where in central.items() if where == sharers),
                known(code for code, where in complementary.items() if where == sharers),
                common=True,
            )
        )
    for diagnoses, codes in entries:
        group = IcfGroup(
            diagnoses,
            known(code for code in codes.central if code not in central),
            known(code for code in codes.complementary if code not in complementary),
        )
        if group.codes:
            groups.append(group)
    return IcfSuggestions(tuple(groups), tuple(without))


def _sharing(lists: list[tuple[str, ...]]) -> dict[str, tuple[int, ...]]:
    """The codes that two or more of the lists have, each with the numbers of those lists,
    in the order the lists name the codes."""
    where: dict[str, list[int]] = {}
    for index, codes in enumerate(lists):
        for code in codes:
            if index not in where.setdefault(code, []):
                where[code].append(index)
    return {code: tuple(found) for code, found in where.items() if len(found) > 1}


def _most_first(sharers: tuple[int, ...]) -> tuple[int, tuple[int, ...]]:
    """Codes shared by more diagnoses first, then in the diagnoses' order."""
    return (-len(sharers), sharers)


# --- the text line --------------------------------------------------------------------------


def _split(text: str) -> tuple[list[str], str]:
    """The parts of the ICF line (none if the text has none) and the text after it."""
    first, newline, rest = text.partition("\n")
    if not first.startswith(LINE_PREFIX):
        return [], text
    parts = [part.strip() for part in first[len(LINE_PREFIX) :].split(";")]
    return [part for part in parts if part], rest if newline else ""


def _part_code(part: str) -> str | None:
    token = part.split(maxsplit=1)[0]
    return token if _CODE.match(token) else None


def codes_in_text(text: str) -> list[str]:
    """The codes on a text's ICF line (as written there), in order; [] without such a line."""
    parts, _rest = _split(text)
    return [code for code in map(_part_code, parts) if code is not None]


def chosen_in_text(text: str, catalogue: IcfCatalogue) -> list[IcfCode | str]:
    """The codes on a text's ICF line: a code the list has as its entry, any other code as the
    part of the line it heads ("b9999 något"), so that writing the line back keeps it."""
    parts, _rest = _split(text)
    chosen: list[IcfCode | str] = []
    for part in parts:
        code = _part_code(part)
        if code is not None:
            chosen.append(catalogue.get(code) or part)
    return chosen


def with_icf_codes(text: str, chosen: Sequence[IcfCode | str]) -> str:
    """The text with its ICF line listing ``chosen`` (codes, or parts of a line written as
    they are): the line is first in the text, replaces an earlier ICF line and keeps what on
    that line is not a code; when nothing is left for it the line goes. A new line ends with a
    line break, for the description that follows."""
    parts, rest = _split(text)
    others = [part for part in parts if _part_code(part) is None]
    line_parts = [item if isinstance(item, str) else item.label for item in chosen] + others
    if not line_parts:
        return rest
    return f"{LINE_PREFIX} {_SEPARATOR.join(line_parts)}\n{rest}"


@cache
def icf() -> IcfCatalogue:
    """The shipped ICF list, read once (about 1,600 codes)."""
    return IcfCatalogue.from_resource(resource_path("reference", "icf.tsv.gz"))
