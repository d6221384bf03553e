"""FMB, Socialstyrelsen's försäkringsmedicinska beslutsstöd, as Webcert shows it.

The shipped data is Webcert's dump of the FMB API (2018–2020 vintage): 116 diagnosis headings
(diagnosrubriker) covering 306 ICD-10 codes, and 439 typical cases (typfall) with a recommended
maximum sick-leave length. Rules copied from Webcert:

- **Lookup** tries the code itself, then one character shorter at a time down to three
  characters (``F438A`` → ``F438``; ``F321`` → ``F32``), and uses the first heading that lists
  the code it got to.
- **Days**: ``d`` = 1, ``wk`` = 7, ``mo`` = 31 days. A code's recommended maximum is the largest
  over its typical cases that give a length; ``None`` when none does.
- **Sections** in the order and with the headings of Webcert's FMB panel; the typical cases
  ("Vägledning för sjukskrivning") sorted by their length, shortest first, unknown last.
- **ICF codes** per heading, as LISJP's ICF helper offers them: for impairment
  (funktionsnedsättning) and for activity limitation (aktivitetsbegränsning), FMB's central
  codes and its complementary ones (``models.reference.icf`` gives their titles).
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from models.reference.diagnoses import normalise_code
from resources import resource_path

UNIT_DAYS: Mapping[str, int] = {"d": 1, "wk": 7, "mo": 31}
MIN_CODE_LENGTH = 3
# Webcert's own wording in the FMB panel, for the UI that shows this.
GUIDANCE_HEADING = "Vägledning för sjukskrivning"
RELATED_CODES_HEADING = "Relaterade diagnoskoder (ICD-10-SE)"
NO_SUPPORT = "För den angivna diagnosen finns för tillfället inget FMB-stöd."
ONLY_ICD10 = "FMB-stödet finns enbart för koder som ingår i ICD-10-SE."

# The FMB text fields (as keyed in the resource) with the heading Webcert shows, in its order.
SECTION_HEADINGS: tuple[tuple[str, str], ...] = (
    ("funktionsnedsattning", "Funktionsnedsättning"),
    ("aktivitetsbegransning", "Aktivitetsbegränsning"),
    ("informationomrehabilitering", "Information om rehabilitering"),
    ("forsakringsmedicinskinformation", "Försäkringsmedicinsk information"),
    ("symtomprognosbehandling", "Symtom, prognos, behandling"),
)


def sick_leave_days(value: str | int | None, unit: str | None) -> int | None:
    """A recommended length in days (``"3"``, ``"wk"`` → 21), or None when there is none."""
    if value is None or value == "" or unit is None:
        return None
    return int(value) * UNIT_DAYS[unit]


@dataclass(frozen=True, slots=True)
class TypicalCase:
    """One typfall: a situation and the sick leave FMB recommends for it."""

    sentence: str  # "Vid ljumskbråck … rekommenderas sjukskrivning upp till 3 veckor på heltid."
    recommendation: str  # "Upp till 3 veckor"
    max_days: int | None
    grade: str  # "heltid" or "deltid": the highest recommended degree


@dataclass(frozen=True, slots=True)
class IcfCodes:
    """The ICF codes FMB names for one section of a heading, each code once, in FMB's order."""

    central: tuple[str, ...] = ()  # "centrala koder": b1300, d230, …
    complementary: tuple[str, ...] = ()  # "kompletterande koder"

    @property
    def all(self) -> tuple[str, ...]:
        """Central codes, then complementary ones."""
        return self.central + self.complementary

    @classmethod
    def from_resource(cls, raw: Mapping[str, Any] | None) -> IcfCodes:
        raw = raw or {}
        return cls(tuple(raw.get("central", ())), tuple(raw.get("kompletterande", ())))


@dataclass(frozen=True, slots=True)
class FmbInfo:
    """What the FMB panel shows for one diagnosis code."""

    requested_code: str  # as asked for, normalised: "F438A"
    matched_code: str  # the code FMB has: "F438"
    code_title: str  # FMB's name for that code: "Andra specificerade reaktioner på svår stress"
    heading: str  # the diagnosrubrik: "Utmattningssyndrom"
    sections: tuple[tuple[str, str], ...]  # (Swedish heading, plain text), empty ones left out
    typical_cases: tuple[TypicalCase, ...]
    max_sick_leave_days: int | None
    related_codes: tuple[str, ...]  # every code the heading covers
    reference: tuple[str, str] | None  # (link text, URL at Socialstyrelsen)
    impairment_icf: IcfCodes = IcfCodes()  # funktionsnedsättning: mostly b-codes
    activity_icf: IcfCodes = IcfCodes()  # aktivitetsbegränsning: mostly d-codes

    @property
    def is_fallback(self) -> bool:
        """True when FMB has nothing for the code itself and this is a broader code's info."""
        return self.matched_code != self.requested_code


@dataclass(frozen=True, slots=True)
class _Heading:
    title: str
    codes: tuple[tuple[str, str], ...]
    sections: tuple[tuple[str, str], ...]
    reference: tuple[str, str] | None
    impairment_icf: IcfCodes
    activity_icf: IcfCodes


class FmbCatalogue:
    """All FMB headings, looked up by ICD-10 code."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self._heading_of: dict[str, _Heading] = {}
        for raw in data["headings"]:
            texts = raw["sections"]
            heading = _Heading(
                raw["title"],
                tuple((code, title) for code, title in raw["codes"]),
                tuple((name, texts[key]) for key, name in SECTION_HEADINGS if texts.get(key)),
                (raw["reference"][0], raw["reference"][1]) if raw.get("reference") else None,
                IcfCodes.from_resource(raw.get("icf", {}).get("funktionsnedsattning")),
                IcfCodes.from_resource(raw.get("icf", {}).get("aktivitetsbegransning")),
            )
            for code, _ in heading.codes:
                self._heading_of.setdefault(code, heading)  # Webcert takes the first
        cases: dict[str, list[TypicalCase]] = {}
        for raw in data["typical_cases"]:
            case = TypicalCase(
                raw["sentence"],
                raw["recommendation"],
                sick_leave_days(raw["value"], raw["unit"]),
                raw["grade"],
            )
            for code in raw["codes"]:
                cases.setdefault(code, []).append(case)
        self._cases = {code: _webcert_order(found) for code, found in cases.items()}
        self._max: dict[str, int] = {}
        for code, found in cases.items():
            lengths = [case.max_days for case in found if case.max_days is not None]
            if lengths:
                self._max[code] = max(lengths)
        self.version = str(data.get("version", ""))

    @classmethod
    def from_resource(cls, path: Path) -> FmbCatalogue:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            return cls(json.load(handle))

    def __len__(self) -> int:
        """The number of ICD-10 codes FMB has information for."""
        return len(self._heading_of)

    def codes(self) -> frozenset[str]:
        return frozenset(self._heading_of)

    def matched_code(self, code: str) -> str | None:
        """The code FMB has information for: the code itself or the nearest shorter one."""
        candidate = normalise_code(code)
        while len(candidate) >= MIN_CODE_LENGTH:
            if candidate in self._heading_of:
                return candidate
            candidate = candidate[:-1]
        return None

    def lookup(self, code: str) -> FmbInfo | None:
        """The FMB information for a code, falling back to shorter codes; None if FMB has none."""
        matched = self.matched_code(code)
        if matched is None:
            return None
        heading = self._heading_of[matched]
        return FmbInfo(
            requested_code=normalise_code(code),
            matched_code=matched,
            code_title=dict(heading.codes)[matched],
            heading=heading.title,
            sections=heading.sections,
            typical_cases=self._cases.get(matched, ()),
            max_sick_leave_days=self._max.get(matched),
            related_codes=tuple(related for related, _ in heading.codes),
            reference=heading.reference,
            impairment_icf=heading.impairment_icf,
            activity_icf=heading.activity_icf,
        )

    def max_sick_leave_days(self, code: str) -> int | None:
        """FMB's recommended maximum in days for a code (with the same fallback), or None."""
        matched = self.matched_code(code)
        return None if matched is None else self._max.get(matched)

    def max_sick_leave_for(self, codes: Iterable[str]) -> tuple[str, int] | None:
        """For a certificate's diagnoses: the largest recommended maximum and the FMB code it
        comes from, as Webcert compares the sick-leave length against; None if none has one."""
        best: tuple[str, int] | None = None
        for code in codes:
            matched = self.matched_code(code)
            days = None if matched is None else self._max.get(matched)
            if matched is not None and days is not None and (best is None or days > best[1]):
                best = (matched, days)
        return best


def _webcert_order(cases: list[TypicalCase]) -> tuple[TypicalCase, ...]:
    """Shortest recommended length first, cases without one last, each sentence once."""
    ordered = sorted(cases, key=lambda case: (case.max_days is None, case.max_days or 0))
    unique: dict[str, TypicalCase] = {}
    for case in ordered:
        unique.setdefault(case.sentence, case)
    return tuple(unique.values())


def format_days(days: int) -> str:
    """A length in days as FMB's texts put it: "3 veckor", "6 månader", "10 dagar"."""
    if days >= 31 and days % 31 == 0:
        months = days // 31
        return f"{months} månad" if months == 1 else f"{months} månader"
    if days >= 7 and days % 7 == 0:
        weeks = days // 7
        return f"{weeks} vecka" if weeks == 1 else f"{weeks} veckor"
    return f"{days} dag" if days == 1 else f"{days} dagar"


@cache
def fmb() -> FmbCatalogue:
    """The shipped FMB data, read once."""
    return FmbCatalogue.from_resource(resource_path("reference", "fmb.json.gz"))
