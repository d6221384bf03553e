"""Evaluating the declarative rules of a field or a certificate type."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from models.definitions.findings import MESSAGES, Finding
from models.definitions.rules import (
    AtLeastOneOf,
    AutoFill,
    ConditionalMessage,
    DateMax,
    DateMin,
    DateRef,
    DebutOrder,
    DiagnosisCodeLength,
    ExclusiveOption,
    FieldDateRef,
    FieldRule,
    MaxChoices,
    NamedDateRef,
    NewbornDeath,
    Pattern,
    PeriodLongerThan,
    PeriodStartsBefore,
    TypeRule,
)
from models.definitions.schema import FieldDef
from models.definitions.values import (
    dates_in,
    is_answered,
    parse_date,
    period_spans,
    uncertain_bounds,
)


@dataclass(frozen=True)
class RuleScope:
    """What rules may look at: visible answers, their fields, today and the patient."""

    value_of: Callable[[str], Any]
    field_of: Callable[[str], FieldDef]
    today: dt.date
    birth_date: dt.date | None


@cache
def _compiled(regex: str) -> re.Pattern[str]:
    return re.compile(regex)


def _resolve(ref: DateRef, scope: RuleScope, *, upper: bool) -> dt.date | None:
    """The date a reference stands for; for an uncertain date, its latest or earliest day."""
    if isinstance(ref, str):
        ref = NamedDateRef(name=ref)
    if isinstance(ref, NamedDateRef):
        base = {
            "today": scope.today,
            "birth_date": scope.birth_date,
            "start_of_previous_year": dt.date(scope.today.year - 1, 1, 1),
        }[ref.name]
    else:
        base = _field_date(ref, scope, upper=upper)
    return None if base is None else base + dt.timedelta(days=ref.offset_days)


def _field_date(ref: FieldDateRef, scope: RuleScope, *, upper: bool) -> dt.date | None:
    value = scope.value_of(ref.field)
    if ref.option is not None:
        return parse_date(value.get(ref.option)) if isinstance(value, dict) else None
    if scope.field_of(ref.field).kind == "uncertain_date":
        bounds = uncertain_bounds(value)
        return None if bounds is None else bounds[1 if upper else 0]
    return parse_date(value)


def _date_limit(
    field: FieldDef, value: Any, rule: DateMax | DateMin, scope: RuleScope
) -> Iterator[Finding]:
    is_max = isinstance(rule, DateMax)
    limit = _resolve(rule.value, scope, upper=is_max)
    if limit is None:
        return
    code = "max_date" if is_max else "min_date"
    text = (rule.message or MESSAGES[code]).format(date=limit.isoformat())
    if field.kind == "year":
        if isinstance(value, int) and (value > limit.year if is_max else value < limit.year):
            yield Finding(field.id, "error", text, code)
        return
    if field.kind == "uncertain_date":
        bounds = uncertain_bounds(value)
        candidates: list[tuple[str | None, dt.date]] = (
            [] if bounds is None else [(None, bounds[0] if is_max else bounds[1])]
        )
    else:
        candidates = dates_in(field, value)
    for part, date in candidates:
        if (date > limit) if is_max else (date < limit):
            yield Finding(field.id, "error", text, code, part)


def _add_months(date: dt.date, months: int) -> dt.date:
    month_index = date.month - 1 + months
    year, month = date.year + month_index // 12, month_index % 12 + 1
    for day in (date.day, 30, 29, 28):
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def check_rule(field: FieldDef, value: Any, rule: FieldRule, scope: RuleScope) -> Iterator[Finding]:
    """Findings of one declarative rule on an answered field."""
    if isinstance(rule, DateMax | DateMin):
        yield from _date_limit(field, value, rule, scope)
    elif isinstance(rule, Pattern):
        if isinstance(value, str) and not _compiled(rule.regex).fullmatch(value.strip()):
            yield Finding(field.id, "error", rule.message, "pattern")
    elif isinstance(rule, ExclusiveOption):
        if isinstance(value, list) and rule.option in value and len(set(value)) > 1:
            yield Finding(field.id, "error", rule.message, "exclusive_option", rule.option)
    elif isinstance(rule, MaxChoices):
        if isinstance(value, list) and len(value) > rule.count:
            message = MESSAGES["max_choices"].format(count=rule.count)
            yield Finding(field.id, "error", message, "max_choices")
    elif isinstance(rule, DiagnosisCodeLength):
        yield from _code_length(field, value, rule)
    elif isinstance(rule, PeriodStartsBefore):
        cutoff = scope.today - dt.timedelta(days=rule.days)
        if any(first < cutoff for first, _ in period_spans(value)):
            yield Finding(field.id, rule.severity, rule.message, "early_start")
    elif isinstance(rule, PeriodLongerThan):
        yield from _long_period(field, value, rule)
    elif isinstance(rule, ConditionalMessage):
        if rule.when.holds(scope.value_of):
            yield Finding(field.id, rule.severity, rule.message, "message")
    elif isinstance(rule, AutoFill):
        if rule.when.holds(scope.value_of) and value != rule.value:
            yield Finding(field.id, "error", rule.message, "autofill")
    elif isinstance(rule, NewbornDeath):
        yield from _newborn(field, value, rule, scope)
    elif isinstance(rule, DebutOrder):
        yield from _debut_order(field, value, rule, scope)


def _code_length(field: FieldDef, value: Any, rule: DiagnosisCodeLength) -> Iterator[Finding]:
    for index, row in enumerate(value if isinstance(value, list) else []):
        code = row.get("code") if isinstance(row, dict) else None
        if not isinstance(code, str):
            continue
        compact = code.replace(".", "").replace(" ", "").upper()
        if compact.startswith(tuple(rule.prefixes)) and len(compact) < rule.min_length:
            yield Finding(field.id, "error", rule.message, "diagnosis_code_length", f"{index}.code")


def _long_period(field: FieldDef, value: Any, rule: PeriodLongerThan) -> Iterator[Finding]:
    spans = period_spans(value)
    if not spans:
        return
    first, last = min(s[0] for s in spans), max(s[1] for s in spans)
    too_long = (rule.days is not None and (last - first).days >= rule.days) or (
        rule.months is not None and last > _add_months(first, rule.months)
    )
    if too_long:
        yield Finding(field.id, rule.severity, rule.message, "long_period")


def _newborn(
    field: FieldDef, value: Any, rule: NewbornDeath, scope: RuleScope
) -> Iterator[Finding]:
    death = _field_date(rule.death_date, scope, upper=True)
    if death is None or scope.birth_date is None or not isinstance(value, bool):
        return
    within = death <= scope.birth_date + dt.timedelta(days=rule.days)
    info = rule.info_within if within else rule.info_after
    if info and value == within:
        yield Finding(field.id, "info", info, "prefilled")
    if value and not within:
        yield Finding(field.id, "error", rule.message_yes, "newborn_death")
    elif not value and within:
        yield Finding(field.id, "error", rule.message_no, "newborn_death")


def _debut(cause: Any) -> dt.date | None:
    return parse_date(cause.get("debut")) if isinstance(cause, dict) else None


def _debut_order(
    field: FieldDef, value: Any, rule: DebutOrder, scope: RuleScope
) -> Iterator[Finding]:
    rows = value if isinstance(value, list) else []
    previous = _debut(scope.value_of(rule.previous_field)) if rule.previous_field else None
    for index, row in enumerate(rows):
        debut = _debut(row)
        if debut is not None and previous is not None and debut > previous:
            yield Finding(field.id, "error", rule.message, "debut_order", f"{index}.debut")
        if debut is not None:
            previous = debut


def check_type_rule(rule: TypeRule, scope: RuleScope, visible: set[str]) -> Iterator[Finding]:
    """Findings of a rule that spans several fields."""
    if isinstance(rule, AtLeastOneOf):
        candidates = [f for f in rule.fields if f in visible]
        if (
            candidates
            and rule.report_on in visible
            and not any(is_answered(scope.field_of(f), scope.value_of(f)) for f in candidates)
        ):
            yield Finding(rule.report_on, "error", rule.message, "at_least_one_of")
    elif isinstance(rule, ConditionalMessage) and rule.when.holds(scope.value_of):
        fields = sorted(rule.when.fields())
        yield Finding(fields[0] if fields else "", rule.severity, rule.message, "message")
