"""TS-diabetes (TSTRK1031) Transportstyrelsens läkarintyg diabetes: every rule of forms.md §6."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.models.definitions.types import samples
from tests.models.definitions.types.helpers import (
    ANSWER,
    DATE,
    INVALID_OPTION,
    OPTION,
    OPTIONS,
    POSTNUMMER,
    UNIT_REQUIRED,
    changed,
    check,
    error,
    interval,
    max_date,
    text,
    text_limit,
    without,
)

CODE_ = "ts-diabetes"
BIRTH = samples.TS_DIABETES_BIRTH
SAMPLE = samples.ts_diabetes()
INSULIN = samples.ts_diabetes_insulin()
HIGHER = ["IAV1", "IAV2", "IAV3", "IAV4", "IAV5", "IAV6", "IAV7", "IAV8", "IAV9"]
RISK_QUESTIONS = ["200", "201", "110", "202", "106", "107"]
CANNOT_DECIDE = '"Kan inte ta ställning" kan inte kombineras med någon behörighet.'


def run(content: dict[str, Any], birth_date: dt.date = BIRTH) -> list[Any]:
    return check(CODE_, content, birth_date)


def test_samples_are_ready_to_sign() -> None:
    assert run(SAMPLE) == []
    assert run(INSULIN) == []


@pytest.mark.parametrize(
    ("field_id", "message"),
    [
        ("1", OPTIONS),
        ("2", OPTION),
        ("205", OPTION),
        ("35", ANSWER),
        ("18", OPTION),
        ("207", OPTION),
        ("206", OPTION),
        ("33", OPTIONS),
    ],
)
def test_each_required_field(field_id: str, message: str) -> None:
    assert run(without(SAMPLE, field_id)) == [error(field_id, message)]


@pytest.mark.parametrize(
    ("field_id", "message"),
    [
        ("208", OPTION),
        ("209", OPTIONS),
        ("210", DATE),
        *((question, OPTION) for question in RISK_QUESTIONS),
        ("106.2", DATE),
        ("106.3", OPTION),
        ("106.5", OPTION),
        ("203", OPTION),
        ("203.2", DATE),
        ("204", OPTION),
        ("206.2", ANSWER),
    ],
)
def test_each_required_field_of_the_insulin_branch(field_id: str, message: str) -> None:
    assert run(without(INSULIN, field_id)) == [error(field_id, message)]


def test_34_and_32_are_optional() -> None:
    assert run(changed(SAMPLE, {"34": "Diabetologi", "32": text(5000)})) == []


@pytest.mark.parametrize(("field_id", "message"), UNIT_REQUIRED)
def test_unit_fields_have_their_own_missing_messages(field_id: str, message: str) -> None:
    assert run(without(SAMPLE, field_id)) == [error(field_id, message)]


def test_postnummer_format() -> None:
    bad = changed(SAMPLE, {"unit.postnummer": "12 345"})
    assert run(bad) == [error("unit.postnummer", POSTNUMMER)]


# --- 35: the year of diagnosis ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (1979, []),
        (2026, []),
        (1978, [error("35", "Ange ett år som inte är före patientens födelseår.")]),
        (2027, [error("35", "Ange ett år som inte ligger i framtiden.")]),
    ],
)
def test_year_of_diagnosis(year: int, expected: list[Any]) -> None:
    assert run(changed(SAMPLE, {"35": year})) == expected


def test_year_must_be_four_digits() -> None:
    # One problem at a time: the interval error stands alone, without the birth-year rule.
    assert run(changed(SAMPLE, {"35": 16})) == [error("35", interval(1900, 2099))]
    assert run(changed(SAMPLE, {"35": 2100})) == [error("35", interval(1900, 2099))]


# --- Conditional questions --------------------------------------------------------------------


def test_other_diabetes_type_needs_a_name() -> None:
    other = changed(SAMPLE, {"18": "ANNAN"})
    assert run(other) == [error("18.2", ANSWER)]
    assert run(changed(other, {"18.2": text(54)})) == [error("18.2", text_limit(53))]
    assert run(changed(SAMPLE, {"18.2": text(54)})) == []  # hidden for TYP2


def test_no_medication_skips_208() -> None:
    assert run(changed(SAMPLE, {"207": False, "208": "kanske"})) == []


def test_hypoglycaemia_risk_opens_treatment_and_block() -> None:
    risk = changed(SAMPLE, {"208": True})
    assert run(risk) == [
        error("209", OPTIONS),
        error("210", DATE),
        *(error(question, OPTION) for question in RISK_QUESTIONS),
    ]


def test_other_treatment_needs_a_name() -> None:
    other = changed(INSULIN, {"209": ["209.1", "209.3"]})
    assert run(other) == [error("209.4", ANSWER)]
    assert run(changed(other, {"209.4": text(54)})) == [error("209.4", text_limit(53))]
    assert run(changed(INSULIN, {"209.4": text(54)})) == []


def test_insufficient_control_needs_a_reason() -> None:
    no = changed(INSULIN, {"200": False})
    assert run(no) == [error("200.2", ANSWER)]
    assert run(changed(no, {"200.2": text(54)})) == [error("200.2", text_limit(53))]
    assert run(changed(INSULIN, {"200.2": text(54)})) == []


def test_waking_hypoglycaemia_follow_ups() -> None:
    waking = changed(INSULIN, {"107": True})
    assert run(waking) == [error("107.3", OPTION)]
    recent = changed(waking, {"107.3": True})
    assert run(recent) == [error("107.5", DATE)]
    assert run(changed(recent, {"107.5": "2026-10-01"})) == []
    assert run(changed(waking, {"107.3": False, "107.5": "2027-01-01"})) == []  # hidden


def test_severe_hypoglycaemia_follow_ups_hidden_for_nej() -> None:
    no = changed(INSULIN, {"106": False, "106.2": "2030-01-01", "106.3": 3})
    assert run(without(no, "106.5")) == []
    assert run(changed(INSULIN, {"203": False, "203.2": "2030-01-01"})) == []


@pytest.mark.parametrize("licence", HIGHER)
def test_higher_licence_shows_203_and_204(licence: str) -> None:
    content = changed(SAMPLE, {"1": ["IAV15", licence]})
    assert run(content) == [error("203", OPTION), error("204", OPTION)]


def test_without_risk_or_higher_licence_the_block_is_hidden() -> None:
    hidden = {question: "inte ett svar" for question in [*RISK_QUESTIONS, "203", "204"]}
    assert run(changed(SAMPLE, hidden)) == []


def test_higher_licence_without_risk_asks_only_203_and_204() -> None:
    content = changed(SAMPLE, {"1": ["IAV7"], "203": False, "204": True, "200": "x"})
    assert run(content) == []


def test_complications_need_a_description() -> None:
    assert run(changed(SAMPLE, {"206": True})) == [error("206.2", ANSWER)]
    over = changed(INSULIN, {"206.2": text(190)})
    assert run(over) == [error("206.2", text_limit(189))]
    assert run(changed(SAMPLE, {"206.2": text(190)})) == []


# --- Dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize("field_id", ["210", "106.2", "203.2"])
def test_dates_not_in_the_future(field_id: str) -> None:
    assert run(changed(INSULIN, {field_id: "2026-11-27"})) == []
    future = changed(INSULIN, {field_id: "2026-11-28"})
    assert run(future) == [error(field_id, max_date("2026-11-27"))]


def test_date_of_the_last_waking_hypoglycaemia_not_in_the_future() -> None:
    content = changed(INSULIN, {"107": True, "107.3": True, "107.5": "2026-11-28"})
    assert run(content) == [error("107.5", max_date("2026-11-27"))]


# --- Codes and the assessment -----------------------------------------------------------------


def test_codes_must_be_options() -> None:
    assert run(changed(SAMPLE, {"1": ["IAV10"]})) == [error("1", INVALID_OPTION, "IAV10")]
    assert run(changed(SAMPLE, {"205": "VN3"})) == [error("205", INVALID_OPTION)]
    assert run(changed(SAMPLE, {"18": "TYP3"})) == [error("18", INVALID_OPTION)]


def test_cannot_decide_excludes_every_licence() -> None:
    assert run(changed(SAMPLE, {"33": ["VAR11"]})) == []
    both = changed(SAMPLE, {"33": ["VAR16", "VAR11"]})
    assert run(both) == [error("33", CANNOT_DECIDE, "VAR11")]
    assert run(changed(SAMPLE, {"33": ["VAR10"]})) == [error("33", INVALID_OPTION, "VAR10")]


def test_34_text_limit() -> None:
    assert run(changed(SAMPLE, {"34": text(71)})) == []
    assert run(changed(SAMPLE, {"34": text(72)})) == [error("34", text_limit(71))]
