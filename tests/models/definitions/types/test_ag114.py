"""AG1-14 Läkarintyg om arbetsförmåga – sjuklöneperioden: every rule of forms.md §7."""

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
    END_AFTER_START,
    FIRST_ROW,
    INVALID_CODE,
    INVALID_OPTION,
    OPTION,
    OPTIONS,
    PERIOD,
    POSTNUMMER,
    UNIT_REQUIRED,
    changed,
    check,
    error,
    info,
    interval,
    max_date,
    text,
    text_limit,
    too_many_rows,
    without,
)

CODE_ = "ag114"
SAMPLE = samples.ag114()
PARTIAL = samples.ag114_partial()
USE_AG7804 = (
    "Om patienten bedöms vara arbetsoförmögen i mer än 14 dagar ska Läkarintyg om "
    "arbetsförmåga – arbetsgivaren (AG7804) användas. Intyget skapas från Försäkringskassans "
    "läkarintyg för sjukpenning (FK7804) och innehåller motsvarande information."
)


def test_samples_are_ready_to_sign() -> None:
    assert check(CODE_, SAMPLE) == []
    assert check(CODE_, PARTIAL) == []


@pytest.mark.parametrize(
    ("field_id", "message"),
    [
        ("10", OPTIONS),
        ("1", ANSWER),
        ("3", OPTION),
        ("4", DIAGNOSIS),
        ("5", ANSWER),
        ("6", OPTION),
        ("7", ANSWER),
        ("7.2", PERIOD),
    ],
)
def test_each_required_field(field_id: str, message: str) -> None:
    assert check(CODE_, without(SAMPLE, field_id)) == [error(field_id, message)]


@pytest.mark.parametrize(
    ("field_id", "message"), [("10.3", ANSWER), ("6.2", ANSWER), ("9.2", ANSWER)]
)
def test_each_required_field_of_the_other_branch(field_id: str, message: str) -> None:
    assert check(CODE_, without(PARTIAL, field_id)) == [error(field_id, message)]


def test_8_and_9_are_optional() -> None:
    assert check(CODE_, changed(SAMPLE, {"8": "Återbesök om en vecka."})) == []
    assert check(CODE_, without(PARTIAL, "9", "9.2")) == []


@pytest.mark.parametrize(("field_id", "message"), UNIT_REQUIRED)
def test_unit_fields_have_their_own_missing_messages(field_id: str, message: str) -> None:
    assert check(CODE_, without(SAMPLE, field_id)) == [error(field_id, message)]


def test_postnummer_format() -> None:
    bad = changed(SAMPLE, {"unit.postnummer": "123 456"})
    assert check(CODE_, bad) == [error("unit.postnummer", POSTNUMMER)]


# --- 10: basis --------------------------------------------------------------------------------


def test_basis_dates() -> None:
    future = changed(SAMPLE, {"10": {"DIGITALUNDERSOKNING": "2026-11-28"}})
    assert check(CODE_, future) == [error("10", max_date("2026-11-27"), "DIGITALUNDERSOKNING")]
    undated = changed(SAMPLE, {"10": {"JOURNALUPPGIFTER": ""}})
    assert check(CODE_, undated) == [error("10", DATE, "JOURNALUPPGIFTER")]
    unknown = changed(SAMPLE, {"10": {"ANHORIG": "2026-11-27"}})
    assert check(CODE_, unknown) == [error("10", INVALID_OPTION, "ANHORIG")]


def test_annat_needs_a_description() -> None:
    assert check(CODE_, changed(PARTIAL, {"10.3": text(50)})) == []
    over = changed(PARTIAL, {"10.3": text(51)})
    assert check(CODE_, over) == [error("10.3", text_limit(50))]
    assert check(CODE_, changed(SAMPLE, {"10.3": text(51)})) == []  # hidden without ANNAT


# --- Diagnosis (3, 4) -------------------------------------------------------------------------


def test_diagnosis_hidden_when_the_patient_declines() -> None:
    assert check(CODE_, changed(PARTIAL, {"4": [{"code": "X", "text": ""}] * 5})) == []


LUMBAGO = {"code": "M54.5", "text": "Lumbago"}


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([{"code": "", "text": ""}, LUMBAGO], [error("4", FIRST_ROW, "1")]),
        ([{"code": "M54.5", "text": ""}], [error("4", DESCRIPTION, "0.text")]),
        ([{"code": "", "text": "Lumbago"}], [error("4", CODE, "0.code")]),
        ([{"code": "M54.55", "text": "Lumbago"}], [error("4", INVALID_CODE, "0.code")]),
        ([LUMBAGO] * 4, [error("4", too_many_rows(3))]),
        # No legacy FK code-length rule and no text limit in AG114 2.0.
        ([{"code": "F32", "text": "Depressiv episod"}], []),
        ([{"code": "M545", "text": text(200)}], []),
    ],
)
def test_diagnoses(rows: list[dict[str, str]], expected: list[Any]) -> None:
    assert check(CODE_, changed(SAMPLE, {"4": rows})) == expected


# --- 6, 7, 7.2 --------------------------------------------------------------------------------


def test_work_capacity_description_only_for_ja() -> None:
    assert check(CODE_, changed(SAMPLE, {"6": True})) == [error("6.2", ANSWER)]
    assert check(CODE_, changed(SAMPLE, {"6.2": "   "})) == []


@pytest.mark.parametrize(("degree", "ok"), [(0, False), (1, True), (100, True), (101, False)])
def test_degree_is_1_to_100_percent(degree: int, ok: bool) -> None:
    expected = [] if ok else [error("7", interval(1, 100))]
    assert check(CODE_, changed(SAMPLE, {"7": degree})) == expected


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        ({"from": "2026-11-27"}, [error("7.2", PERIOD, "to")]),
        ({"to": "2026-12-06"}, [error("7.2", PERIOD, "from")]),
        (
            {"from": "2026-11-27", "to": "2026-11-26"},
            [error("7.2", END_AFTER_START, "to")],
        ),
        (
            {"from": "2026-11-27", "to": "2026-13-01"},
            [error("7.2", "Ange ett giltigt datum (ÅÅÅÅ-MM-DD).", "to")],
        ),
        ({"from": "2026-11-27", "to": "2026-11-27"}, []),
    ],
)
def test_period(period: dict[str, str], expected: list[Any]) -> None:
    assert check(CODE_, changed(SAMPLE, {"7.2": period})) == expected


def test_fourteen_days_or_more_points_to_ag7804() -> None:
    thirteen = changed(SAMPLE, {"7.2": {"from": "2026-11-27", "to": "2026-12-10"}})
    assert check(CODE_, thirteen) == []
    fourteen = changed(SAMPLE, {"7.2": {"from": "2026-11-27", "to": "2026-12-11"}})
    assert check(CODE_, fourteen) == [info("7.2", USE_AG7804)]  # the form's own text


# --- 9: contact -------------------------------------------------------------------------------


def test_contact_details_only_when_9_is_ticked() -> None:
    assert check(CODE_, changed(SAMPLE, {"9": True})) == [error("9.2", ANSWER)]
    assert check(CODE_, changed(SAMPLE, {"9.2": ""})) == []


@pytest.mark.parametrize("field_id", ["1", "5", "8"])
def test_no_text_limits_in_version_2(field_id: str) -> None:
    assert check(CODE_, changed(SAMPLE, {field_id: text(6000)})) == []
