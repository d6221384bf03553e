"""Swedish patient identity numbers: personnummer, samordningsnummer and reservnummer.

Everything is stored as 12 digits without separator. A 10-digit number is resolved against the
clock's date, not the system's: ``-`` means the most recent century in which the birth date has
passed, ``+`` one century earlier (the person is 100 or older). So ``121212-1212`` is born in
2012 and Tolvan Tolvansson's short form is ``121212+1212``.

Rules (Skatteverket; sklintyg's validators):

- The check digit is Luhn (mod 10) over the 10-digit form ``ÅÅMMDDNNN``; so any one changed
  digit there is caught. The birth number ``NNN`` is never ``000``.
- A **samordningsnummer** has 60 added to the day (61–91). Skatteverket also issues them with an
  *incomplete* birth date: month ``00``, day ``60`` (day unknown), or a day the month does not
  have (31 April, 29 February 1951); its own test list has 194 such numbers, e.g.
  ``19150072-2390``. They are **accepted** as samordningsnummer with ``birth_date`` None (the
  year is still known: :attr:`PatientId.birth_year`): the person exists, and a clinician must be
  able to find the patient. A *personnummer* with such a date is rejected.
- A birth date (or, when it is unknown, the birth year or month) after today or before 1840 is
  rejected.
- **Reservnummer**, Region Stockholm's form only: ``99`` + year of issue + five-digit serial +
  a Luhn digit over positions 5–11.

Errors are :class:`PatientIdError` with a Swedish message that says what is wrong.
"""

from __future__ import annotations

import calendar
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
_COORDINATION_DAYS = 60
_EARLIEST_YEAR = 1840  # sklintyg rejects births before 1840 (its limit is 1840-05-06)


def formatted_person_id(digits: str) -> str:
    """``ÅÅÅÅMMDD-NNNN`` from the stored twelve digits, the form TakeCare, Webcert and 1177
    show (anything else is returned as it is)."""
    return f"{digits[:8]}-{digits[8:]}" if len(digits) == 12 else digits


@dataclass(frozen=True)
class PatientId:
    """A parsed identity number."""

    digits: str
    kind: PatientIdKind
    birth_date: dt.date | None

    def formatted(self) -> str:
        """``ÅÅÅÅMMDD-NNNN``, the form TakeCare and Webcert show."""
        return formatted_person_id(self.digits)

    @property
    def birth_year(self) -> int | None:
        """The year of birth, also for a samordningsnummer whose date is incomplete."""
        if self.kind is PatientIdKind.RESERVNUMMER:
            return None
        return int(self.digits[:4])

    def age(self, today: dt.date) -> int | None:
        if self.birth_date is None:
            return None
        born = self.birth_date
        return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


_DOUBLED = (0, 2, 4, 6, 8, 1, 3, 5, 7, 9)  # the digit sum of 2 × d
_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _luhn_check_digit(digits: str) -> int:
    """Luhn (mod 10), weights 2, 1, 2, … from the left."""
    total = sum(_DOUBLED[digit] for digit in map(int, digits[0::2])) + sum(map(int, digits[1::2]))
    return -total % 10


def _days_in_month(year: int, month: int) -> int:
    return 29 if month == 2 and calendar.isleap(year) else _MONTH_DAYS[month - 1]


def _parse_reservnummer(digits: str) -> PatientId | None:
    match = _RESERV.match(digits)
    if match is None:
        return None
    # The year is not range-checked: the published examples include 1945 as well as 1981.
    if _luhn_check_digit(digits[4:11]) != int(match.group(1)):
        return None
    return PatientId(digits, PatientIdKind.RESERVNUMMER, None)


def reservnummer(year: int, serial: int) -> str:
    """A Region Stockholm reservnummer: ``99`` + year of issue + five-digit serial + check digit."""
    if not 0 <= year <= 9999 or not 0 < serial <= 99_999:
        raise ValueError("year or serial out of range")
    body = f"99{year:04d}{serial:05d}"
    return f"{body}{_luhn_check_digit(body[4:11])}"


def _expand_ten_digits(short: str, separator: str, serial: str, today: dt.date) -> str:
    year2, month, day = int(short[:2]), int(short[2:4]), int(short[4:6])
    day_of_month = day - _COORDINATION_DAYS if day >= _COORDINATION_DAYS else day
    century = today.year // 100 * 100
    year = century + year2
    if (year, month, day_of_month) > (today.year, today.month, today.day):
        year -= 100
    if separator == "+":
        year -= 100
    return f"{year:04d}{short[2:]}{serial}"


def normalise(text: str, today: dt.date) -> str:
    """The 12 digits a typed number stands for; spaces are ignored."""
    compact = "".join(text.split())
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


def _invalid(digits: str, reason: str) -> PatientIdError:
    return PatientIdError(
        f"{digits[:8]}-{digits[8:]} är inget giltigt personnummer eller samordningsnummer "
        f"({reason})."
    )


def _birth_date(digits: str, today: dt.date) -> tuple[PatientIdKind, dt.date | None]:
    """The kind and birth date the date part gives, or the error for an impossible date."""
    year, month, day = int(digits[:4]), int(digits[4:6]), int(digits[6:8])
    if year < _EARLIEST_YEAR:
        raise _invalid(digits, "datumet finns inte")
    if day < _COORDINATION_DAYS:
        if not 1 <= month <= 12 or not 1 <= day <= _days_in_month(year, month):
            raise _invalid(digits, "datumet finns inte")
        kind, born_on = PatientIdKind.PERSONNUMMER, (year, month, day)
    else:
        day -= _COORDINATION_DAYS
        if month > 12 or day > 31:
            raise _invalid(digits, "datumet finns inte")
        # 0 = unknown; an unknown month or day counts as the earliest for the check below.
        kind, born_on = PatientIdKind.SAMORDNINGSNUMMER, (year, max(month, 1), max(day, 1))
    if born_on > (today.year, today.month, today.day):
        raise _invalid(digits, "födelsedatumet har inte kommit än")
    if month == 0 or day == 0 or day > _days_in_month(year, month):
        return kind, None
    return kind, dt.date(year, month, day)


def _reason(digits: str) -> str:
    if digits[8:11] == "000":
        return "födelsenumret 000 finns inte"
    if _luhn_check_digit(digits[2:11]) != int(digits[11]):
        return "fel kontrollsiffra"
    return "ogiltigt nummer"


def parse(text: str, today: dt.date) -> PatientId:
    """Parse a typed identity number and say which kind it is.

    Numbers with a complete birth date are validated by the ``personnummer`` package;
    samordningsnummer with an incomplete date, which it does not accept, by the same rules here.
    """
    digits = normalise(text, today)
    reserv = _parse_reservnummer(digits)
    if reserv is not None:
        return reserv
    kind, born = _birth_date(digits, today)
    complete = born is not None
    valid = _pnr.valid(digits) if complete else _reason(digits) == "ogiltigt nummer"
    if not valid:
        raise _invalid(digits, _reason(digits))
    return PatientId(digits, kind, born)
