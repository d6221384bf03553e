"""Swedish patient identity numbers: personnummer, samordningsnummer and reservnummer.

Everything is stored as 12 digits without separator. A 10-digit number is resolved against the
clock's date, not the system's: ``-`` means the most recent century in which the birth date has
passed, ``+`` one century earlier (the person is 100 or older). So ``121212-1212`` is born in
2012 and Tolvan Tolvansson's short form is ``121212+1212``.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from dataclasses import dataclass

from personnummer import personnummer as _pnr

from models.errors import PatientIdError


class PatientIdKind(enum.StrEnum):
    """Which kind of identity number a patient has."""

    PERSONNUMMER = "personnummer"
    SAMORDNINGSNUMMER = "samordningsnummer"
    RESERVNUMMER = "reservnummer"


_TWELVE = re.compile(r"^(\d{8})[-+]?(\d{4})$")
_TEN = re.compile(r"^(\d{6})([-+]?)(\d{4})$")
# Region Stockholm reservnummer: 99 + year of issue + five-digit serial + check digit.
_RESERV = re.compile(r"^99\d{9}(\d)$")


@dataclass(frozen=True)
class PatientId:
    """A parsed identity number."""

    digits: str
    kind: PatientIdKind
    birth_date: dt.date | None

    def formatted(self) -> str:
        """``ÅÅÅÅMMDD-NNNN``, the form TakeCare and Webcert show."""
        return f"{self.digits[:8]}-{self.digits[8:]}"

    def age(self, today: dt.date) -> int | None:
        if self.birth_date is None:
            return None
        born = self.birth_date
        return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def _luhn_check_digit(digits: str) -> int:
    total = 0
    for index, char in enumerate(digits):
        value = int(char) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return (10 - total % 10) % 10


def _parse_reservnummer(digits: str) -> PatientId | None:
    match = _RESERV.match(digits)
    if match is None:
        return None
    # The year is not range-checked: the published examples include 1945 as well as 1981.
    if _luhn_check_digit(digits[4:11]) != int(match.group(1)):
        return None
    return PatientId(digits, PatientIdKind.RESERVNUMMER, None)


def _expand_ten_digits(short: str, separator: str, serial: str, today: dt.date) -> str:
    year2, month, day = int(short[:2]), int(short[2:4]), int(short[4:6])
    day_of_month = day - 60 if day > 60 else day
    century = today.year // 100 * 100
    year = century + year2
    if (year, month, day_of_month) > (today.year, today.month, today.day):
        year -= 100
    if separator == "+":
        year -= 100
    return f"{year:04d}{short[2:]}{serial}"


def normalise(text: str, today: dt.date) -> str:
    """The 12 digits a typed number stands for; spaces are ignored."""
    compact = re.sub(r"\s+", "", text)
    if not compact:
        raise PatientIdError("Ange patientens personnummer, till exempel 19121212-1212.")
    match = _TWELVE.match(compact)
    if match:
        return match.group(1) + match.group(2)
    match = _TEN.match(compact)
    if match:
        return _expand_ten_digits(match.group(1), match.group(2), match.group(3), today)
    raise PatientIdError(
        f"”{text.strip()}” är inget giltigt person-, samordnings- eller reservnummer. "
        "Skriv till exempel 19121212-1212."
    )


def parse(text: str, today: dt.date) -> PatientId:
    """Parse a typed identity number and say which kind it is."""
    digits = normalise(text, today)
    reserv = _parse_reservnummer(digits)
    if reserv is not None:
        return reserv
    try:
        parsed = _pnr.parse(digits)
    except _pnr.PersonnummerException as exc:
        raise PatientIdError(
            f"{digits[:8]}-{digits[8:]} är inget giltigt personnummer eller samordningsnummer "
            "(fel datum eller kontrollsiffra)."
        ) from exc
    kind = (
        PatientIdKind.SAMORDNINGSNUMMER
        if parsed.is_coordination_number()
        else PatientIdKind.PERSONNUMMER
    )
    return PatientId(digits, kind, parsed.get_date())
