"""Running the shipped definitions on sample content, and the expected standard messages."""

from __future__ import annotations

import copy
import datetime as dt
from functools import cache
from typing import Any

from models.definitions.engine import PatientFacts, ValidationContext, validate
from models.definitions.loader import shipped_definitions
from models.definitions.schema import Definition
from models.reference.diagnoses import icd10se

TODAY = dt.date(2026, 11, 27)
ADULT = dt.date(1985, 3, 14)

# The standard messages, as forms.md words them (text_limit: see TEXT_LIMIT).
ANSWER = "Ange ett svar."
OPTION = "Välj ett alternativ."
OPTIONS = "Välj minst ett alternativ."
DATE = "Ange ett datum."
PERIOD = "Ange period."
DIAGNOSIS = "Ange minst en diagnos."
FIRST_ROW = "Ange diagnos på översta raden först."
CODE = "Ange diagnoskod."
DESCRIPTION = "Ange diagnosbeskrivning."
INVALID_CODE = "Diagnoskod är ej giltig."
OVERLAP = "Ange perioder som inte överlappar varandra."
END_AFTER_START = "Ange ett slutdatum som infaller efter startdatumet."
FIELD_ORDER = "Fyll i fälten uppifrån och ned."
INVALID_OPTION = "Välj ett av de angivna alternativen."
DUPLICATE = "Välj varje alternativ högst en gång."
UNDERLAG = "Ange minst ett underlag."
UNCERTAIN = "Ange år och månad (okänd del anges med nollor)."
UNKNOWN_FIELD = "Uppgiften hör inte till den här blanketten."
WRONG_TYPE = "Svaret har fel format och kan inte användas. Ange svaret på nytt."
# forms.md gives only the format; the pattern message follows the missing one, "Ange postnummer.".
POSTNUMMER = "Ange postnummer med fem siffror, till exempel 123 45."


def max_date(date: str) -> str:
    return f"Ange ett datum som är senast {date}."


def min_date(date: str) -> str:
    return f"Ange ett datum som är tidigast {date}."


def interval(low: int, high: int) -> str:
    return f"Ange ett värde mellan {low}-{high}."


def text_limit(limit: int) -> str:
    # forms.md: "Ange en text som inte är längre än {limit}."; the engine adds "tecken".
    return f"Ange en text som inte är längre än {limit} tecken."


def too_many_rows(count: int) -> str:
    return f"Ange högst {count} rader."


# forms.md, common messages: the unit's contact fields have messages of their own.
UNIT_REQUIRED = [
    ("unit.postadress", "Ange postadress."),
    ("unit.postnummer", "Ange postnummer."),
    ("unit.postort", "Ange postort."),
    ("unit.telefonnummer", "Ange telefonnummer."),
]
UNIT = {
    "unit.postadress": "Storgatan 17",
    "unit.postnummer": "123 45",
    "unit.postort": "Småmåla",
    "unit.telefonnummer": "0123-456 17",
}

Row = tuple[str, str, str, str | None]


@cache
def definition(code: str) -> Definition:
    return shipped_definitions()[code]


def context(birth_date: dt.date | None = ADULT) -> ValidationContext:
    return ValidationContext(
        today=TODAY,
        patient=PatientFacts(birth_date=birth_date),
        diagnosis_exists=icd10se().exists,
    )


def check(code: str, content: dict[str, Any], birth_date: dt.date | None = ADULT) -> list[Row]:
    """(field id, severity, message, part) of every finding, in form order."""
    found = validate(definition(code), content, context(birth_date))
    return [(f.field_id, f.severity, f.message, f.part) for f in found]


def errors(code: str, content: dict[str, Any], birth_date: dt.date | None = ADULT) -> list[Row]:
    return [row for row in check(code, content, birth_date) if row[1] == "error"]


def error(field_id: str, message: str, part: str | None = None) -> Row:
    return (field_id, "error", message, part)


def info(field_id: str, message: str, part: str | None = None) -> Row:
    return (field_id, "info", message, part)


def changed(sample: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """A deep copy of ``sample`` with ``changes`` applied; a value of ``None`` removes the key."""
    content = copy.deepcopy(sample)
    for key, value in changes.items():
        if value is None:
            content.pop(key, None)
        else:
            content[key] = copy.deepcopy(value)
    return content


def without(sample: dict[str, Any], *keys: str) -> dict[str, Any]:
    return changed(sample, dict.fromkeys(keys))


def text(length: int) -> str:
    """A realistic-looking text of exactly ``length`` characters."""
    words = "Patienten beskriver tilltagande besvär under de senaste veckorna. "
    return (words * (length // len(words) + 1))[:length]
