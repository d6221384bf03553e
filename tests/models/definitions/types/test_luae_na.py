"""LUAE_NA (FK7801) aktivitetsersättning vid nedsatt arbetsförmåga: every rule of forms.md §3."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.models.definitions.types import samples
from tests.models.definitions.types.helpers import (
    ANSWER,
    CODE,
    DATE,
    DESCRIPTION,
    DIAGNOSIS,
    FIELD_ORDER,
    FIRST_ROW,
    INVALID_CODE,
    INVALID_OPTION,
    OPTION,
    OPTIONS,
    POSTNUMMER,
    UNDERLAG,
    UNIT_REQUIRED,
    changed,
    check,
    error,
    max_date,
    text,
    text_limit,
    too_many_rows,
    without,
)

CODE_ = "luae_na"
SAMPLE = samples.luae_na()
OTHER = samples.luae_na_without_examination()
FUNCTIONS = ["8", "9", "10", "11", "12", "13", "14"]
NO_FUNCTION = "Beskriv minst en funktionsnedsättning."
AFTER_EXAMINATION = "Datumet får inte vara senare än datumet för din undersökning av patienten."
AFTER_RELATIVE = "Datumet får inte vara senare än datumet för anhörigs beskrivning av patienten."
F_OR_Z73 = "Diagnoskoder som börjar med F eller Z73 ska anges med minst fyra tecken."
ROW = {"type": "PSYKOLOG", "date": "2026-09-30", "info": "Psykologmottagningen, Småmåla"}


def test_samples_are_ready_to_sign() -> None:
    assert check(CODE_, SAMPLE) == []
    assert check(CODE_, OTHER) == []


@pytest.mark.parametrize("birth_date", [dt.date(2007, 7, 1), dt.date(1990, 1, 1)])
def test_age_window_is_not_validated(birth_date: dt.date) -> None:
    # Aktivitetsersättning is for ages 19–29; forms.md: informational text only.
    assert check(CODE_, SAMPLE, birth_date) == []


@pytest.mark.parametrize(
    ("field_id", "message"),
    [
        ("1", OPTIONS),
        ("2", DATE),
        ("3", OPTION),
        ("4", UNDERLAG),
        ("6", DIAGNOSIS),
        ("7", ANSWER),
        ("45", OPTION),
        ("5", ANSWER),
        ("17", ANSWER),
        ("22", ANSWER),
    ],
)
def test_each_required_field(field_id: str, message: str) -> None:
    assert check(CODE_, without(SAMPLE, field_id)) == [error(field_id, message)]


@pytest.mark.parametrize("field_id", ["19", "18", "20", "21", "23", "24", "25", "26"])
def test_optional_fields(field_id: str) -> None:
    assert check(CODE_, without(SAMPLE, field_id)) == []


@pytest.mark.parametrize(("field_id", "message"), UNIT_REQUIRED)
def test_unit_fields_have_their_own_missing_messages(field_id: str, message: str) -> None:
    assert check(CODE_, without(SAMPLE, field_id)) == [error(field_id, message)]


def test_postnummer_format() -> None:
    bad = changed(SAMPLE, {"unit.postnummer": "123-45"})
    assert check(CODE_, bad) == [error("unit.postnummer", POSTNUMMER)]


# --- At least one of 8–14 ---------------------------------------------------------------------


def test_at_least_one_function_is_described() -> None:
    none = without(SAMPLE, *FUNCTIONS)
    assert check(CODE_, none) == [error("8", NO_FUNCTION)]
    assert check(CODE_, changed(none, {"13": "   "})) == [error("8", NO_FUNCTION)]


@pytest.mark.parametrize("field_id", FUNCTIONS)
def test_any_one_function_is_enough(field_id: str) -> None:
    one = changed(without(SAMPLE, *FUNCTIONS), {field_id: "Lätt nedsatt."})
    assert check(CODE_, one) == []


# --- Question 1 and the dates that depend on it -----------------------------------------------


def test_basis_dates() -> None:
    future = changed(SAMPLE, {"1": {"UNDERSOKNING": "2026-11-28"}, "2": "2019-04-02"})
    assert check(CODE_, future) == [error("1", max_date("2026-11-27"), "UNDERSOKNING")]
    undated = changed(SAMPLE, {"1": {**SAMPLE["1"], "ANHORIG": ""}})
    assert check(CODE_, undated) == [error("1", DATE, "ANHORIG")]
    fk7804_code = changed(SAMPLE, {"1": {"FYSISKUNDERSOKNING": "2026-11-20"}})
    assert check(CODE_, fk7804_code) == [error("1", INVALID_OPTION, "FYSISKUNDERSOKNING")]


def test_annat_shows_a_required_1_3() -> None:
    annat = changed(SAMPLE, {"1": {**SAMPLE["1"], "ANNAT": "2026-11-26"}})
    assert check(CODE_, annat) == [error("1.3", ANSWER)]
    over = changed(annat, {"1.3": text(3501)})
    assert check(CODE_, over) == [error("1.3", text_limit(3500))]
    assert check(CODE_, changed(SAMPLE, {"1.3": text(3501)})) == []  # hidden


def test_motivation_shows_without_an_examination() -> None:
    assert check(CODE_, without(OTHER, "1.M")) == []  # optional
    over = changed(OTHER, {"1.M": text(151)})
    assert check(CODE_, over) == [error("1.M", text_limit(150))]
    assert check(CODE_, changed(SAMPLE, {"1.M": text(151)})) == []  # hidden with UNDERSOKNING


@pytest.mark.parametrize("option", ["JOURNALUPPGIFTER", "ANHORIG", "ANNAT"])
def test_motivation_shows_as_soon_as_another_option_is_ticked(option: str) -> None:
    ticked = changed(SAMPLE, {"1": {option: ""}, "1.M": text(151)})
    annat = [error("1.3", ANSWER)] if option == "ANNAT" else []
    assert check(CODE_, ticked) == [
        error("1", DATE, option),
        *annat,
        error("1.M", text_limit(150)),
    ]


def test_motivation_needs_one_of_the_forms_other_options() -> None:
    unknown = changed(SAMPLE, {"1": {"FYSISKUNDERSOKNING": "2026-11-20"}, "1.M": text(151)})
    assert check(CODE_, unknown) == [error("1", INVALID_OPTION, "FYSISKUNDERSOKNING")]


def test_known_since_is_not_in_the_future() -> None:
    # Without an examination or a relative's account only the today rule applies.
    records = changed(SAMPLE, {"1": {"JOURNALUPPGIFTER": "2026-11-27"}, "2": "2026-11-28"})
    assert check(CODE_, records) == [error("2", max_date("2026-11-27"))]
    assert check(CODE_, changed(records, {"2": "2026-11-27"})) == []


def test_known_since_is_not_after_the_examination_or_the_relative() -> None:
    assert check(CODE_, changed(SAMPLE, {"2": "2026-11-20"})) == []
    assert check(CODE_, changed(SAMPLE, {"2": "2026-11-21"})) == [error("2", AFTER_EXAMINATION)]
    relative = changed(OTHER, {"2": "2026-11-26"})  # ANHORIG 2026-11-25
    assert check(CODE_, relative) == [error("2", AFTER_RELATIVE)]
    both = changed(SAMPLE, {"1": {"UNDERSOKNING": "2026-11-02", "ANHORIG": "2026-11-01"}})
    assert check(CODE_, changed(both, {"2": "2026-11-03"})) == [
        error("2", AFTER_EXAMINATION),
        error("2", AFTER_RELATIVE),
    ]


def test_invalid_date() -> None:
    assert check(CODE_, changed(SAMPLE, {"2": "2019-02-30"})) == [
        error("2", "Ange ett giltigt datum (ÅÅÅÅ-MM-DD).")
    ]


# --- Underlag (3, 4) --------------------------------------------------------------------------


def test_underlag_hidden_when_3_is_nej() -> None:
    assert check(CODE_, changed(SAMPLE, {"3": False, "4": [{"type": "X"}] * 5})) == []


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([{**ROW, "type": ""}], [error("4", OPTION, "0.type")]),
        ([{**ROW, "type": "SKOLHALSOVARD"}], []),
        ([{**ROW, "type": "FORETAGSHALSOVARD"}], []),
        ([{**ROW, "type": "SKOLA"}], [error("4", INVALID_OPTION, "0.type")]),
        ([{**ROW, "date": ""}], [error("4", DATE, "0.date")]),
        ([{**ROW, "date": "2026-11-28"}], [error("4", max_date("2026-11-27"), "0.date")]),
        ([{**ROW, "info": " "}], [error("4", ANSWER, "0.info")]),
        ([{"type": "", "date": "", "info": ""}, ROW], [error("4", FIELD_ORDER, "1")]),
        ([ROW, ROW, ROW], []),
        ([ROW, ROW, ROW, ROW], [error("4", too_many_rows(3))]),
    ],
)
def test_underlag_rows(rows: list[dict[str, str]], expected: list[Any]) -> None:
    assert check(CODE_, changed(SAMPLE, {"4": rows})) == expected


# --- Diagnoses (6), 45 and 45.2 ---------------------------------------------------------------

FIBRO = {"code": "M79.7", "text": "Fibromyalgi"}


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([{"code": "", "text": ""}, FIBRO], [error("6", FIRST_ROW, "1")]),
        ([{"code": "M79.7", "text": ""}], [error("6", DESCRIPTION, "0.text")]),
        ([{"code": "", "text": "Fibromyalgi"}], [error("6", CODE, "0.code")]),
        ([{"code": "M79.99", "text": "Fibromyalgi"}], [error("6", INVALID_CODE, "0.code")]),
        ([{"code": "F33", "text": "Depression"}], [error("6", F_OR_Z73, "0.code")]),
        ([{"code": "M797", "text": text(82)}], [error("6", text_limit(81), "0.text")]),
        ([FIBRO] * 4, [error("6", too_many_rows(3))]),
    ],
)
def test_diagnoses(rows: list[dict[str, str]], expected: list[Any]) -> None:
    assert check(CODE_, changed(SAMPLE, {"6": rows})) == expected


def test_revised_diagnosis_needs_a_description() -> None:
    assert check(CODE_, changed(SAMPLE, {"45": True})) == [error("45.2", ANSWER)]
    assert check(CODE_, changed(SAMPLE, {"45.2": text(3501)})) == []  # hidden for Nej


def test_contact_reason_shows_with_26() -> None:
    assert check(CODE_, without(OTHER, "26.2")) == []  # optional
    over = changed(OTHER, {"26.2": text(3501)})
    assert check(CODE_, over) == [error("26.2", text_limit(3500))]
    assert check(CODE_, changed(SAMPLE, {"26.2": text(3501)})) == []  # hidden without 26


@pytest.mark.parametrize(
    ("field_id", "limit"),
    [(field_id, 3500) for field_id in ("7", "5", *FUNCTIONS, "17", "18", "19", "20", "21")]
    + [("22", 3500), ("23", 3500), ("24", 3500), ("25", 2700)],
)
def test_text_limits(field_id: str, limit: int) -> None:
    assert check(CODE_, changed(SAMPLE, {field_id: text(limit)})) == []
    over = changed(SAMPLE, {field_id: text(limit + 1)})
    assert check(CODE_, over) == [error(field_id, text_limit(limit))]
