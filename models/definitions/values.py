"""What a stored answer looks like for each field kind, and reading dates out of answers.

Content is a JSON object from field id to answer:

| kind | answer |
|---|---|
| text_field, text_area, text_area_accordion, icf_text, typeahead | string |
| checkbox_boolean (ticked or not), radio_boolean (Ja = true, Nej = false) | boolean |
| radio_code | option code |
| checkbox_code_list | list of option codes |
| checkbox_date_list | object: option code → date |
| sick_leave_periods | object: option code (degree) → {"from": date, "to": date} |
| date_range | {"from": date, "to": date} |
| date | "YYYY-MM-DD" |
| uncertain_date | "YYYY-MM-DD" where "0000", "00" mark an unknown year, month or day |
| year, integer | integer |
| diagnosis_list | list of {"code": str, "text": str} (code with or without the dot) |
| underlag_list | list of {"type": option code, "date": date, "info": str} |
| visual_acuity_table | object: row id → {column id: decimal number, or boolean (checkbox)} |
| cause_of_death | {"description": str, "debut": date, "specification": option code} |
| cause_of_death_list | list of cause_of_death objects |

An icf_text keeps its text only; ICF codes a user picks are written into the text, as Webcert
lists them under the text. Display kinds (info_message, header) hold no answer.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from models.definitions.conditions import has_value
from models.definitions.schema import FieldDef

TEXT_KINDS = frozenset({"text_field", "text_area", "text_area_accordion", "icf_text", "typeahead"})
EARLIEST_DATE = dt.date(1900, 1, 1)
LATEST_DATE = dt.date(2099, 12, 31)
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_UNCERTAIN = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def parse_date(value: Any) -> dt.date | None:
    """An ISO date, or None when the value is not one."""
    if not isinstance(value, str) or not _ISO.match(value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def uncertain_bounds(value: Any) -> tuple[dt.date, dt.date] | None:
    """The earliest and latest day an uncertain date can stand for; None if malformed."""
    if not isinstance(value, str):
        return None
    match = _UNCERTAIN.match(value)
    if match is None:
        return None
    year, month, day = (int(part) for part in match.groups())
    if year == 0:
        return (EARLIEST_DATE, LATEST_DATE) if month == 0 and day == 0 else None
    if month == 0:
        return (dt.date(year, 1, 1), dt.date(year, 12, 31)) if day == 0 else None
    if not 1 <= month <= 12:
        return None
    if day == 0:
        last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
        return dt.date(year, month, 1), dt.date(year, month, last)
    try:
        exact = dt.date(year, month, day)
    except ValueError:
        return None
    return exact, exact


def is_answered(field: FieldDef, value: Any) -> bool:
    """Whether the field has an answer: "Nej" is one, an unticked checkbox is not."""
    if field.kind == "radio_boolean":
        return isinstance(value, bool)
    if field.kind in ("integer", "year"):
        return value is not None
    if field.kind in ("checkbox_date_list", "sick_leave_periods"):
        # A ticked option or degree counts even before its dates are filled in.
        return isinstance(value, dict) and bool(value)
    return has_value(value)


def _is_str_map(value: Any) -> bool:
    return isinstance(value, dict) and all(isinstance(key, str) for key in value)


def _text_or_none(value: Any) -> bool:
    return value is None or isinstance(value, str)


def _rows_of(value: Any, keys: tuple[str, ...]) -> bool:
    return isinstance(value, list) and all(
        _is_str_map(row) and set(row) <= set(keys) and all(_text_or_none(row[k]) for k in row)
        for row in value
    )


def _cause(value: Any) -> bool:
    return (
        _is_str_map(value)
        and set(value) <= {"description", "debut", "specification"}
        and all(_text_or_none(item) for item in value.values())
    )


def has_valid_shape(field: FieldDef, value: Any) -> bool:
    """Whether ``value`` has the shape the field's kind stores (see the table above)."""
    kind = field.kind
    if value is None:
        return True
    if kind in TEXT_KINDS or kind in ("radio_code", "date", "uncertain_date"):
        return isinstance(value, str)
    if kind in ("checkbox_boolean", "radio_boolean"):
        return isinstance(value, bool)
    if kind in ("integer", "year"):
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "checkbox_code_list":
        return isinstance(value, list) and all(isinstance(item, str) for item in value)
    if kind == "checkbox_date_list":
        return _is_str_map(value) and all(_text_or_none(item) for item in value.values())
    if kind == "sick_leave_periods":
        return _is_str_map(value) and all(
            _is_str_map(period)
            and set(period) <= {"from", "to"}
            and all(_text_or_none(v) for v in period.values())
            for period in value.values()
        )
    if kind == "date_range":
        return (
            _is_str_map(value)
            and set(value) <= {"from", "to"}
            and all(_text_or_none(v) for v in value.values())
        )
    if kind == "diagnosis_list":
        return _rows_of(value, ("code", "text", "system"))
    if kind == "underlag_list":
        return _rows_of(value, ("type", "date", "info"))
    if kind == "visual_acuity_table":
        return _is_str_map(value) and all(
            _is_str_map(row)
            and all(
                item is None
                or (isinstance(item, int | float) and not isinstance(item, bool))
                or isinstance(item, bool)
                for item in row.values()
            )
            for row in value.values()
        )
    if kind == "cause_of_death":
        return _cause(value)
    if kind == "cause_of_death_list":
        return isinstance(value, list) and all(_cause(row) for row in value)
    return False  # display kinds hold no answer


def dates_in(field: FieldDef, value: Any) -> list[tuple[str | None, dt.date]]:
    """Every complete date in an answer, with the part it sits in (for date rules)."""
    kind = field.kind
    found: list[tuple[str | None, Any]] = []
    if kind == "date":
        found = [(None, value)]
    elif kind == "checkbox_date_list" and isinstance(value, dict):
        found = list(value.items())
    elif kind == "sick_leave_periods" and isinstance(value, dict):
        found = [
            (f"{code}.{end}", period.get(end))
            for code, period in value.items()
            if isinstance(period, dict)
            for end in ("from", "to")
        ]
    elif kind == "date_range" and isinstance(value, dict):
        found = [(end, value.get(end)) for end in ("from", "to")]
    elif kind == "underlag_list" and isinstance(value, list):
        found = [(f"{i}.date", row.get("date")) for i, row in enumerate(value)]
    elif kind == "cause_of_death" and isinstance(value, dict):
        found = [("debut", value.get("debut"))]
    elif kind == "cause_of_death_list" and isinstance(value, list):
        found = [(f"{i}.debut", row.get("debut")) for i, row in enumerate(value)]
    dates = [(part, parse_date(raw)) for part, raw in found]
    return [(part, date) for part, date in dates if date is not None]


def period_spans(value: Any) -> list[tuple[dt.date, dt.date]]:
    """The complete periods of a sick_leave_periods or date_range answer, as (from, to), in
    stored order; a period without both dates (or not a date) is left out for the rules."""
    periods = value.values() if isinstance(value, dict) and "from" not in value else [value]
    spans = []
    for period in periods:
        if isinstance(period, dict):
            first, last = parse_date(period.get("from")), parse_date(period.get("to"))
            if first and last:
                spans.append((first, last))
    return spans


def diagnosis_codes(value: Any) -> list[str]:
    """The codes entered in a diagnosis_list answer, in order."""
    if not isinstance(value, list):
        return []
    return [str(row["code"]) for row in value if isinstance(row, dict) and row.get("code")]
