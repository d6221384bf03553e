"""The checks every field of a kind gets, before its declarative rules: limits, options, dates,
rows filled top-down, periods that do not overlap, diagnosis codes that exist, typeahead answers
that are in their list."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from models.definitions.findings import Finding, finding
from models.definitions.schema import FieldDef
from models.definitions.values import (
    EARLIEST_DATE,
    LATEST_DATE,
    TEXT_KINDS,
    parse_date,
    uncertain_bounds,
)

DiagnosisExists = Callable[[str], bool]
#: Whether a name is in a named list (``FieldDef.options_from``), by list name.
OptionLists = Mapping[str, Callable[[str], bool]]

#: The finding for an answer that is not in its field's list, by list name.
_NOT_IN_LIST = {"kommuner": "unknown_municipality"}


def missing(field: FieldDef) -> Finding:
    """The message for a required field left empty, worded for its kind."""
    code = {
        "radio_boolean": "missing_option",
        "radio_code": "missing_option",
        "checkbox_boolean": "missing_option",
        "checkbox_code_list": "missing_multiple_option",
        "checkbox_date_list": "missing_multiple_option",
        "sick_leave_periods": "missing_multiple_option",
        "date": "missing_date",
        "uncertain_date": "missing_date",
        "date_range": "missing_period",
        "diagnosis_list": "diagnosis_min_one",
        "underlag_list": "underlag_min_one",
    }.get(field.kind, "missing_answer")
    if field.missing_message:
        return Finding(field.id, "error", field.missing_message, code)
    return finding(field.id, code)


def _filled(text: Any) -> bool:
    return isinstance(text, str) and bool(text.strip())


def _text_limit(
    field: FieldDef, text: Any, limit: int | None, part: str | None
) -> Iterator[Finding]:
    if limit is not None and isinstance(text, str) and len(text) > limit:
        yield finding(field.id, "text_limit", part=part, limit=limit)


def _date(field: FieldDef, raw: Any, part: str | None) -> Iterator[Finding]:
    """A given date must be a real ISO date within a reasonable range."""
    if raw is None or raw == "":
        return
    date = parse_date(raw)
    if date is None:
        yield finding(field.id, "invalid_date", part=part)
    elif not EARLIEST_DATE <= date <= LATEST_DATE:
        yield finding(field.id, "date_out_of_range", part=part)


def _option(field: FieldDef, code: Any, part: str | None) -> Iterator[Finding]:
    if code not in field.option_codes():
        yield finding(field.id, "invalid_option", part=part)


def _in_list(field: FieldDef, text: str, lists: OptionLists | None) -> Iterator[Finding]:
    """A typed answer must be a name of the field's list; a list the context lacks is not
    checked (as diagnosis codes without a code list)."""
    name = field.options_from
    check = None if name is None or lists is None else lists.get(name)
    if name is not None and check is not None and not check(text):
        yield finding(field.id, _NOT_IN_LIST.get(name, "not_in_list"))


def check_kind(
    field: FieldDef,
    value: Any,
    diagnosis_exists: DiagnosisExists | None,
    option_lists: OptionLists | None = None,
) -> Iterator[Finding]:
    """Findings for an answered field, from its kind alone."""
    kind = field.kind
    if kind in TEXT_KINDS:
        too_long = list(_text_limit(field, value, field.max_length, None))
        yield from too_long
        if not too_long:  # one problem at a time: a text over the limit is no name either
            yield from _in_list(field, value, option_lists)
    elif kind == "radio_code":
        yield from _option(field, value, None)
    elif kind == "checkbox_code_list":
        for code in value:
            yield from _option(field, code, code)
        if len(set(value)) != len(value):
            yield finding(field.id, "duplicate_option")
    elif kind == "checkbox_date_list":
        for code, raw in value.items():
            yield from _option(field, code, code)
            if not _filled(raw):
                yield finding(field.id, "missing_date", part=code)
            yield from _date(field, raw, code)
    elif kind == "date":
        yield from _date(field, value, None)
    elif kind == "uncertain_date":
        if uncertain_bounds(value) is None:
            yield finding(field.id, "invalid_uncertain_date")
    elif kind in ("integer", "year"):
        yield from _number(field, value)
    elif kind == "date_range":
        yield from _period(field, value, None)
    elif kind == "sick_leave_periods":
        yield from _sick_leave(field, value)
    elif kind == "diagnosis_list":
        yield from _diagnoses(field, value, diagnosis_exists)
    elif kind == "underlag_list":
        yield from _underlag(field, value)
    elif kind == "visual_acuity_table":
        yield from _visual_acuity(field, value)
    elif kind == "cause_of_death":
        yield from _cause(field, value, None, field.required)
    elif kind == "cause_of_death_list":
        yield from _causes(field, value)


def _number(field: FieldDef, value: int) -> Iterator[Finding]:
    low = field.min if field.min is not None else (1900 if field.kind == "year" else None)
    high = field.max if field.max is not None else (2099 if field.kind == "year" else None)
    if (low is not None and value < low) or (high is not None and value > high):
        yield finding(field.id, "integer_interval", min=_plain(low), max=_plain(high))


def _plain(number: float | None) -> str:
    if number is None:
        return ""
    return str(int(number)) if float(number).is_integer() else str(number).replace(".", ",")


def _decimal(number: float) -> str:
    """A decimal as Swedes write it: 0,0 and 2,0."""
    return f"{number:.1f}".replace(".", ",")


def _period(field: FieldDef, period: dict[str, Any], code: str | None) -> Iterator[Finding]:
    prefix = f"{code}." if code else ""
    start, end = period.get("from"), period.get("to")
    if not _filled(start) or not _filled(end):
        message = "missing_date" if code else "missing_period"
        for name, raw in (("from", start), ("to", end)):
            if not _filled(raw):
                yield finding(field.id, message, part=f"{prefix}{name}")
    for name, raw in (("from", start), ("to", end)):
        yield from _date(field, raw, f"{prefix}{name}")
    first, last = parse_date(start), parse_date(end)
    if first and last and last < first:
        yield finding(field.id, "end_after_start", part=f"{prefix}to")


def _sick_leave(field: FieldDef, periods: dict[str, Any]) -> Iterator[Finding]:
    order = field.option_codes()
    spans: list[tuple[str, dt.date, dt.date]] = []
    for code in sorted(periods, key=lambda c: order.index(c) if c in order else len(order)):
        period = periods[code]
        yield from _option(field, code, code)
        yield from _period(field, period, code)
        first, last = parse_date(period.get("from")), parse_date(period.get("to"))
        if first and last and first <= last:
            spans.append((code, first, last))
    for index, (code, first, last) in enumerate(spans):
        if any(first <= o_last and o_first <= last for _, o_first, o_last in spans[:index]):
            yield finding(field.id, "overlap", part=f"{code}.from")


def _rows_top_down(rows: list[Any], filled: Callable[[Any], bool]) -> Iterator[int]:
    """Indices of filled rows that follow an empty one (rows must be filled from the top)."""
    seen_empty = False
    for index, row in enumerate(rows):
        if not filled(row):
            seen_empty = True
        elif seen_empty:
            yield index


def _too_many(field: FieldDef, rows: list[Any], filled: Callable[[Any], bool]) -> Iterator[Finding]:
    count = sum(1 for row in rows if filled(row))
    if field.max_rows is not None and count > field.max_rows:
        yield finding(field.id, "too_many_rows", count=field.max_rows)


def _diagnosis_row_filled(row: Any) -> bool:
    return _filled(row.get("code")) or _filled(row.get("text"))


def _diagnoses(
    field: FieldDef, rows: list[dict[str, Any]], exists: DiagnosisExists | None
) -> Iterator[Finding]:
    yield from _too_many(field, rows, _diagnosis_row_filled)
    out_of_order = set(_rows_top_down(rows, _diagnosis_row_filled))
    for index, row in enumerate(rows):
        if not _diagnosis_row_filled(row):
            continue
        part = str(index)
        if index in out_of_order:
            yield finding(field.id, "diagnosis_first_row", part=part)
        code, text = row.get("code"), row.get("text")
        if not _filled(code):
            yield finding(field.id, "diagnosis_code", part=f"{part}.code")
        elif exists is not None and not exists(str(code)):
            yield finding(field.id, "diagnosis_invalid", part=f"{part}.code")
        if not _filled(text):
            yield finding(field.id, "diagnosis_desc", part=f"{part}.text")
        yield from _text_limit(field, text, field.max_length, f"{part}.text")


def _underlag_filled(row: Any) -> bool:
    return any(_filled(row.get(key)) for key in ("type", "date", "info"))


def _underlag(field: FieldDef, rows: list[dict[str, Any]]) -> Iterator[Finding]:
    yield from _too_many(field, rows, _underlag_filled)
    out_of_order = set(_rows_top_down(rows, _underlag_filled))
    for index, row in enumerate(rows):
        if not _underlag_filled(row):
            continue
        part = str(index)
        if index in out_of_order:
            yield finding(field.id, "field_order", part=part)
        if not _filled(row.get("type")):
            yield finding(field.id, "missing_option", part=f"{part}.type")
        else:
            yield from _option(field, row.get("type"), f"{part}.type")
        if not _filled(row.get("date")):
            yield finding(field.id, "missing_date", part=f"{part}.date")
        yield from _date(field, row.get("date"), f"{part}.date")
        if not _filled(row.get("info")):
            yield finding(field.id, "missing_answer", part=f"{part}.info")
        yield from _text_limit(field, row.get("info"), field.max_length, f"{part}.info")


def _visual_acuity(field: FieldDef, table: dict[str, Any]) -> Iterator[Finding]:
    low = field.min if field.min is not None else 0.0
    high = field.max if field.max is not None else 2.0
    rows = {row.id for row in field.rows}
    columns = {column.id: column for column in field.columns}
    for row_id, cells in table.items():
        for column_id, cell in cells.items():
            part = f"{row_id}.{column_id}"
            if (
                row_id not in rows
                or column_id not in columns
                or row_id in columns[column_id].except_rows
            ):
                yield finding(field.id, "invalid_option", part=part)
            elif isinstance(cell, bool):
                if not columns[column_id].checkbox:
                    yield finding(field.id, "wrong_type", part=part)
            elif cell is not None and not low <= cell <= high:
                yield finding(
                    field.id, "visual_acuity", part=part, min=_decimal(low), max=_decimal(high)
                )
    for row in field.rows:
        for column in field.columns:
            cell = table.get(row.id, {}).get(column.id)
            needed = column.required and not column.checkbox and row.id not in column.except_rows
            if needed and cell is None:
                yield finding(field.id, "missing_answer", part=f"{row.id}.{column.id}")


def _cause(
    field: FieldDef, cause: dict[str, Any], part: str | None, required: bool
) -> Iterator[Finding]:
    prefix = f"{part}." if part is not None else ""
    description = cause.get("description")
    if required and not _filled(description):
        yield finding(field.id, "missing_answer", part=f"{prefix}description")
    yield from _text_limit(field, description, field.max_length, f"{prefix}description")
    yield from _date(field, cause.get("debut"), f"{prefix}debut")
    specification = cause.get("specification")
    if _filled(specification):
        yield from _option(field, specification, f"{prefix}specification")


def _cause_filled(row: Any) -> bool:
    return any(_filled(row.get(key)) for key in ("description", "debut", "specification"))


def _causes(field: FieldDef, rows: list[dict[str, Any]]) -> Iterator[Finding]:
    yield from _too_many(field, rows, _cause_filled)
    out_of_order = set(_rows_top_down(rows, _cause_filled))
    for index, row in enumerate(rows):
        if not _cause_filled(row):
            continue
        if index in out_of_order:
            yield finding(field.id, "field_order", part=str(index))
        yield from _cause(field, row, str(index), True)
