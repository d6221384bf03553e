"""FK7804 Läkarintyg för sjukpenning: every rule of forms.md §1, on the shipped definition."""

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
    DUPLICATE,
    END_AFTER_START,
    FIRST_ROW,
    INVALID_CODE,
    INVALID_OPTION,
    OPTION,
    OPTIONS,
    OVERLAP,
    POSTNUMMER,
    UNIT_REQUIRED,
    changed,
    check,
    error,
    errors,
    interval,
    max_date,
    text,
    text_limit,
    too_many_rows,
    without,
)

CODE_ = "fk7804"
SAMPLE = samples.fk7804()
SMITTA = samples.fk7804_smittbarare()
EARLY = (
    "Du har angett att sjukskrivningsperioden startar mer än 7 dagar bakåt i tiden. "
    'Ange orsaken till detta i fältet "Övriga upplysningar".'
)
LONG = (
    "Det datum du angett innebär en period på mer än 6 månader. "
    "Kontrollera att tidsperioderna är korrekta."
)
F_OR_Z73 = "Diagnoskoder som börjar med F eller Z73 ska anges med minst fyra tecken."


def test_samples_are_ready_to_sign() -> None:
    assert check(CODE_, SAMPLE) == []
    assert check(CODE_, SMITTA) == []


@pytest.mark.parametrize(
    ("field_id", "message"),
    [
        ("1", OPTIONS),
        ("28", OPTIONS),
        ("29", ANSWER),
        ("6", DIAGNOSIS),
        ("35", ANSWER),
        ("17", ANSWER),
        ("32", OPTIONS),
        ("33", OPTION),
        ("39", OPTION),
    ],
)
def test_each_required_field(field_id: str, message: str) -> None:
    assert check(CODE_, without(SAMPLE, field_id)) == [error(field_id, message)]


@pytest.mark.parametrize("field_id", ["35", "17", "29"])
def test_blank_text_is_no_answer(field_id: str) -> None:
    assert errors(CODE_, changed(SAMPLE, {field_id: "  \n "})) == [error(field_id, ANSWER)]


@pytest.mark.parametrize("field_id", ["19", "37", "34", "44", "25", "26", "26.2"])
def test_optional_fields(field_id: str) -> None:
    assert check(CODE_, without(SAMPLE, field_id)) == []


@pytest.mark.parametrize(("field_id", "message"), UNIT_REQUIRED)
def test_unit_fields_have_their_own_missing_messages(field_id: str, message: str) -> None:
    assert check(CODE_, without(SAMPLE, field_id)) == [error(field_id, message)]


@pytest.mark.parametrize(("value", "ok"), [("12345", True), ("123 45", True), ("1234", False)])
def test_postnummer_format(value: str, ok: bool) -> None:
    expected = [] if ok else [error("unit.postnummer", POSTNUMMER)]
    assert check(CODE_, changed(SAMPLE, {"unit.postnummer": value})) == expected


# --- Smittbärarpenning (27) hides everything but diagnosis, periods and Övrigt ----------------


def test_smittbararpenning_skips_the_hidden_fields_even_when_filled_wrongly() -> None:
    # 33, 34 and 37 are left out: forms.md's field table hides them with 27, its type rules
    # keep Bedömning (32, 37) visible.
    bad = {
        "1": {"FYSISKUNDERSOKNING": "2026-12-24"},
        "1.3": text(51),
        "28": ["NUVARANDE_ARBETE", "NUVARANDE_ARBETE"],
        "29": text(4001),
        "35": text(4001),
        "17": "",
        "19": text(4001),
        "39": "OKAND",
        "39.4": 0,
        "44": text(4001),
        "26": True,
        "26.2": text(4001),
    }
    assert check(CODE_, changed(SMITTA, bad)) == []


def test_smittbararpenning_still_needs_diagnosis_and_period() -> None:
    assert check(CODE_, without(SMITTA, "6", "32")) == [
        error("6", DIAGNOSIS),
        error("32", OPTIONS),
    ]


# --- Conditional fields: hidden ones are ignored, shown ones are required ---------------------


def test_annat_shows_a_required_1_3() -> None:
    annat = changed(SAMPLE, {"1": {**SAMPLE["1"], "ANNAT": "2026-11-26"}})
    assert check(CODE_, annat) == [error("1.3", ANSWER)]
    assert check(CODE_, changed(annat, {"1.3": "Intyg från arbetsterapeut"})) == []
    assert check(CODE_, changed(annat, {"1.3": text(51)})) == [error("1.3", text_limit(50))]
    assert check(CODE_, changed(SAMPLE, {"1.3": text(51)})) == []  # hidden without ANNAT


def test_29_only_for_nuvarande_arbete() -> None:
    studies = changed(SAMPLE, {"28": ["STUDIER"], "29": text(4001)})
    assert check(CODE_, studies) == []
    assert check(CODE_, without(SAMPLE, "29")) == [error("29", ANSWER)]


@pytest.mark.parametrize("degree", ["EN_FJARDEDEL", "HALFTEN", "TRE_FJARDEDEL"])
def test_33_is_required_for_a_partial_degree(degree: str) -> None:
    periods = {degree: {"from": "2026-11-27", "to": "2026-12-20"}}
    content = without(changed(SAMPLE, {"32": periods}), "33")
    assert check(CODE_, content) == [error("33", OPTION)]


def test_33_is_hidden_for_full_sick_leave_only() -> None:
    full = {"HELT_NEDSATT": {"from": "2026-11-27", "to": "2026-12-20"}}
    assert check(CODE_, changed(SAMPLE, {"32": full, "33": True})) == []  # no 33.2 needed


def test_33_ja_needs_33_2() -> None:
    yes = changed(SAMPLE, {"33": True})
    assert check(CODE_, yes) == [error("33.2", ANSWER)]
    assert check(CODE_, changed(yes, {"33.2": text(4001)})) == [error("33.2", text_limit(4000))]
    assert check(CODE_, changed(SAMPLE, {"33.2": text(4001)})) == []  # hidden when 33 = Nej


def test_prognosis_months() -> None:
    months = changed(SAMPLE, {"39": "ATER_X_ANTAL_MANADER"})
    assert check(CODE_, months) == [error("39.4", ANSWER)]
    for good in (1, 99):
        assert check(CODE_, changed(months, {"39.4": good})) == []
    for bad in (0, 100):
        assert check(CODE_, changed(months, {"39.4": bad})) == [error("39.4", interval(1, 99))]
    assert check(CODE_, changed(SAMPLE, {"39.4": 0})) == []  # hidden for STOR_SANNOLIKHET


def test_unclear_prognosis_needs_a_reason() -> None:
    unclear = changed(SAMPLE, {"39": "PROGNOS_OKLAR"})
    assert check(CODE_, unclear) == [error("39.2", ANSWER)]
    over = changed(unclear, {"39.2": text(4001)})
    assert check(CODE_, over) == [error("39.2", text_limit(4000))]
    assert check(CODE_, changed(SAMPLE, {"39.2": text(4001)})) == []


def test_contact_reason_shows_with_26() -> None:
    contact = changed(SAMPLE, {"26": True})
    assert check(CODE_, contact) == []  # 26.2 is optional
    over = changed(contact, {"26.2": text(4001)})
    assert check(CODE_, over) == [error("26.2", text_limit(4000))]
    assert check(CODE_, changed(SAMPLE, {"26.2": text(4001)})) == []


# --- Question 1: dated options ----------------------------------------------------------------


def test_basis_dates() -> None:
    future = changed(SAMPLE, {"1": {"FYSISKUNDERSOKNING": "2026-11-28"}})
    assert check(CODE_, future) == [error("1", max_date("2026-11-27"), "FYSISKUNDERSOKNING")]
    undated = changed(SAMPLE, {"1": {"TELEFONKONTAKT": ""}})
    assert check(CODE_, undated) == [error("1", DATE, "TELEFONKONTAKT")]
    unknown = changed(SAMPLE, {"1": {"UNDERSOKNING": "2026-11-27"}})
    assert check(CODE_, unknown) == [error("1", INVALID_OPTION, "UNDERSOKNING")]


def test_occupation_codes() -> None:
    twice = changed(SAMPLE, {"28": ["NUVARANDE_ARBETE", "NUVARANDE_ARBETE"]})
    assert check(CODE_, twice) == [error("28", DUPLICATE)]
    every = ["NUVARANDE_ARBETE", "ARBETSSOKANDE", "FORALDRALEDIG", "STUDIER"]
    assert check(CODE_, changed(SAMPLE, {"28": every})) == []
    assert check(CODE_, changed(SAMPLE, {"28": ["PENSION"]})) == [
        error("28", INVALID_OPTION, "PENSION")
    ]


# --- Diagnoses --------------------------------------------------------------------------------

DEPRESSION = {"code": "F32.1", "text": "Medelsvår depressiv episod"}


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([{"code": "", "text": ""}, DEPRESSION], [error("6", FIRST_ROW, "1")]),
        ([{"code": "F32.1", "text": ""}], [error("6", DESCRIPTION, "0.text")]),
        ([{"code": "", "text": "Depression"}], [error("6", CODE, "0.code")]),
        ([{"code": "F32.7", "text": "Depression"}], [error("6", INVALID_CODE, "0.code")]),
        ([{"code": "F32", "text": "Depressiv episod"}], [error("6", F_OR_Z73, "0.code")]),
        ([{"code": "Z73", "text": "Livsproblem"}], [error("6", F_OR_Z73, "0.code")]),
        ([{"code": "Z73.0", "text": "Utbrändhet"}], []),
        ([{"code": "M54", "text": "Ryggvärk"}], []),
        ([{"code": "F321", "text": text(81)}], []),
        ([{"code": "F321", "text": text(82)}], [error("6", text_limit(81), "0.text")]),
        ([DEPRESSION] * 4, [error("6", too_many_rows(3))]),
    ],
)
def test_diagnoses(rows: list[dict[str, str]], expected: list[Any]) -> None:
    assert check(CODE_, changed(SAMPLE, {"6": rows})) == expected


# --- Sick-leave periods -----------------------------------------------------------------------


def _periods(**periods: tuple[str, str]) -> dict[str, Any]:
    return changed(SAMPLE, {"32": {k: {"from": f, "to": t} for k, (f, t) in periods.items()}})


def test_periods_may_not_overlap_even_by_a_day() -> None:
    content = _periods(
        HELT_NEDSATT=("2026-11-27", "2026-12-14"), HALFTEN=("2026-12-14", "2027-01-10")
    )
    assert check(CODE_, content) == [error("32", OVERLAP, "HELT_NEDSATT.from")]


def test_period_end_before_start() -> None:
    content = _periods(HALFTEN=("2026-12-14", "2026-12-13"))
    assert check(CODE_, content) == [error("32", END_AFTER_START, "HALFTEN.to")]


def test_period_needs_both_dates() -> None:
    content = changed(SAMPLE, {"32": {"HALFTEN": {"from": "2026-11-27"}}})
    assert check(CODE_, content) == [error("32", DATE, "HALFTEN.to")]


def test_unknown_degree() -> None:
    content = _periods(HELT=("2026-11-27", "2026-12-13"))
    assert check(CODE_, content) == [error("32", INVALID_OPTION, "HELT")]


def test_start_more_than_seven_days_back_warns() -> None:
    seven = _periods(HELT_NEDSATT=("2026-11-20", "2026-12-13"))
    assert check(CODE_, seven) == []
    eight = _periods(HELT_NEDSATT=("2026-11-19", "2026-12-13"))
    assert check(CODE_, eight) == [("32", "warning", EARLY, None)]


def test_periods_over_six_months_warn() -> None:
    six = _periods(HELT_NEDSATT=("2026-11-27", "2027-05-27"))
    assert check(CODE_, six) == []
    longer = _periods(
        HELT_NEDSATT=("2026-11-27", "2027-01-31"), HALFTEN=("2027-02-01", "2027-05-28")
    )
    assert check(CODE_, longer) == [("32", "warning", LONG, None)]


def test_radio_code_must_be_an_option() -> None:
    assert check(CODE_, changed(SAMPLE, {"39": "KANSKE"})) == [error("39", INVALID_OPTION)]


@pytest.mark.parametrize(
    ("field_id", "limit"),
    [(field_id, 4000) for field_id in ("29", "35", "17", "19", "37", "44", "25")],
)
def test_text_limits(field_id: str, limit: int) -> None:
    assert check(CODE_, changed(SAMPLE, {field_id: text(limit)})) == []
    over = changed(SAMPLE, {field_id: text(limit + 1)})
    assert check(CODE_, over) == [error(field_id, text_limit(limit))]
