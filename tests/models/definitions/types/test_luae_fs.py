"""LUAE_FS (FK7802) aktivitetsersättning vid förlängd skolgång: every rule of forms.md §4."""

from __future__ import annotations

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
    UNKNOWN_FIELD,
    changed,
    check,
    definition,
    error,
    max_date,
    text,
    text_limit,
    too_many_rows,
    without,
)

CODE_ = "luae_fs"
SAMPLE = samples.luae_fs()
AFTER_EXAMINATION = "Datumet får inte vara senare än datumet för din undersökning av patienten."
AFTER_RELATIVE = "Datumet får inte vara senare än datumet för anhörigs beskrivning av patienten."
F_OR_Z73 = "Diagnoskoder som börjar med F eller Z73 ska anges med minst fyra tecken."
ROW = {"type": "PSYKOLOG", "date": "2026-09-30", "info": "Psykologmottagningen, Småmåla"}
RECORDS = {"JOURNALUPPGIFTER": "2026-11-27"}


def test_sample_is_ready_to_sign() -> None:
    assert check(CODE_, SAMPLE) == []


def test_only_the_fields_of_the_form() -> None:
    # forms.md: Diagnos holds 6 only (no 7/45); Funktionsnedsättning is 15 and 16.
    ids = [field.id for field in definition(CODE_).fields()]
    assert ids[:10] == ["1", "1.3", "1.M", "2", "3", "4", "6", "15", "16", "25"]
    content = changed(SAMPLE, {"7": "Text", "45": False, "8": "Text"})
    assert check(CODE_, content) == [error(i, UNKNOWN_FIELD) for i in ("7", "45", "8")]


@pytest.mark.parametrize(
    ("field_id", "message"),
    [
        ("1", OPTIONS),
        ("2", DATE),
        ("3", OPTION),
        ("4", UNDERLAG),
        ("6", DIAGNOSIS),
        ("15", ANSWER),
        ("16", ANSWER),
    ],
)
def test_each_required_field(field_id: str, message: str) -> None:
    assert check(CODE_, without(SAMPLE, field_id)) == [error(field_id, message)]


@pytest.mark.parametrize("field_id", ["15", "16"])
def test_blank_text_is_no_answer(field_id: str) -> None:
    assert check(CODE_, changed(SAMPLE, {field_id: " \t "})) == [error(field_id, ANSWER)]


@pytest.mark.parametrize(("field_id", "message"), UNIT_REQUIRED)
def test_unit_fields_have_their_own_missing_messages(field_id: str, message: str) -> None:
    assert check(CODE_, without(SAMPLE, field_id)) == [error(field_id, message)]


def test_postnummer_format() -> None:
    bad = changed(SAMPLE, {"unit.postnummer": "1234 5"})
    assert check(CODE_, bad) == [error("unit.postnummer", POSTNUMMER)]


# --- Question 1 and the dates that depend on it -----------------------------------------------


def test_basis_dates() -> None:
    future = changed(SAMPLE, {"1": {"ANNAT": "2026-11-28"}, "1.3": "Skolans dokumentation"})
    assert check(CODE_, future) == [error("1", max_date("2026-11-27"), "ANNAT")]
    undated = changed(SAMPLE, {"1": {**SAMPLE["1"], "JOURNALUPPGIFTER": ""}})
    assert check(CODE_, undated) == [error("1", DATE, "JOURNALUPPGIFTER")]


def test_annat_shows_a_required_1_3() -> None:
    annat = changed(SAMPLE, {"1": {**SAMPLE["1"], "ANNAT": "2026-11-26"}})
    assert check(CODE_, annat) == [error("1.3", ANSWER)]
    over = changed(annat, {"1.3": text(3501)})
    assert check(CODE_, over) == [error("1.3", text_limit(3500))]
    assert check(CODE_, changed(SAMPLE, {"1.3": text(3501)})) == []  # hidden


def test_motivation_shows_without_an_examination() -> None:
    records = changed(SAMPLE, {"1": RECORDS})
    assert check(CODE_, records) == []  # optional
    over = changed(records, {"1.M": text(151)})
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


def test_known_since() -> None:
    records = changed(SAMPLE, {"1": RECORDS, "2": "2026-11-28"})
    assert check(CODE_, records) == [error("2", max_date("2026-11-27"))]
    exam = changed(SAMPLE, {"1": {"UNDERSOKNING": "2026-11-20"}, "2": "2026-11-21"})
    assert check(CODE_, exam) == [error("2", AFTER_EXAMINATION)]
    relative = changed(SAMPLE, {"1": {"ANHORIG": "2026-11-20"}, "2": "2026-11-21"})
    assert check(CODE_, relative) == [error("2", AFTER_RELATIVE)]
    assert check(CODE_, changed(SAMPLE, {"2": "2026-11-20"})) == []


# --- Underlag (3, 4) --------------------------------------------------------------------------


def test_underlag_hidden_when_3_is_nej() -> None:
    assert check(CODE_, changed(SAMPLE, {"3": False, "4": [{"type": "X"}] * 5})) == []


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([{**ROW, "type": "SKOLHALSOVARD"}], []),
        ([{**ROW, "type": "FORETAGSHALSOVARD"}], [error("4", INVALID_OPTION, "0.type")]),
        ([{**ROW, "type": ""}], [error("4", OPTION, "0.type")]),
        ([{**ROW, "date": ""}], [error("4", DATE, "0.date")]),
        ([{**ROW, "date": "2026-11-28"}], [error("4", max_date("2026-11-27"), "0.date")]),
        ([{**ROW, "info": ""}], [error("4", ANSWER, "0.info")]),
        ([{}, ROW], [error("4", FIELD_ORDER, "1")]),
        ([ROW] * 4, [error("4", too_many_rows(3))]),
    ],
)
def test_underlag_rows(rows: list[dict[str, str]], expected: list[Any]) -> None:
    assert check(CODE_, changed(SAMPLE, {"4": rows})) == expected


# --- Diagnoses --------------------------------------------------------------------------------

AUTISM = {"code": "F84.0", "text": "Autism i barndomen"}


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([{"code": "", "text": ""}, AUTISM], [error("6", FIRST_ROW, "1")]),
        ([{"code": "F84.0", "text": ""}], [error("6", DESCRIPTION, "0.text")]),
        ([{"code": "", "text": "Autism"}], [error("6", CODE, "0.code")]),
        ([{"code": "F84.7", "text": "Autism"}], [error("6", INVALID_CODE, "0.code")]),
        ([{"code": "F84", "text": "Genomgripande störning"}], [error("6", F_OR_Z73, "0.code")]),
        ([{"code": "F840", "text": text(82)}], [error("6", text_limit(81), "0.text")]),
        ([AUTISM] * 4, [error("6", too_many_rows(3))]),
    ],
)
def test_diagnoses(rows: list[dict[str, str]], expected: list[Any]) -> None:
    assert check(CODE_, changed(SAMPLE, {"6": rows})) == expected


def test_contact_reason_shows_with_26() -> None:
    contact = changed(SAMPLE, {"26": True})
    assert check(CODE_, contact) == []  # optional
    over = changed(contact, {"26.2": text(3501)})
    assert check(CODE_, over) == [error("26.2", text_limit(3500))]
    assert check(CODE_, changed(SAMPLE, {"26.2": text(3501)})) == []  # hidden without 26


@pytest.mark.parametrize(("field_id", "limit"), [("15", 3500), ("16", 3500), ("25", 2850)])
def test_text_limits(field_id: str, limit: int) -> None:
    assert check(CODE_, changed(SAMPLE, {field_id: text(limit)})) == []
    over = changed(SAMPLE, {field_id: text(limit + 1)})
    assert check(CODE_, over) == [error(field_id, text_limit(limit))]
