"""DOI Dödsorsaksintyg: every rule of forms.md §10.

Questions 1–4 are shared with DB (test_db.py covers the death-date rules in depth); the sample
patient was born 1948-07-19 and died 2026-11-25. With a certain death date question 4 is
prefilled from the dates, so content that agrees with them always carries one info finding on 4
(PREFILLED for the sample).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.models.definitions.types import samples
from tests.models.definitions.types.helpers import (
    ANSWER,
    DATE,
    DUPLICATE,
    FIELD_ORDER,
    INVALID_OPTION,
    OPTION,
    OPTIONS,
    POSTNUMMER,
    UNCERTAIN,
    UNIT_REQUIRED,
    changed,
    check,
    error,
    info,
    max_date,
    min_date,
    text,
    text_limit,
    too_many_rows,
    without,
)

CODE_ = "doi"
BIRTH = samples.DOI_BIRTH
SAMPLE = samples.doi()
INJURY = samples.doi_injury()
NOT_BEFORE_DEATH = 'Ange ett datum, samma som eller senare än "Dödsdatum".'
NOT_AFTER_DEATH = 'Ange ett datum, samma som eller tidigare än "Dödsdatum".'
NOT_AFTER_FOUND = 'Ange ett datum, samma som eller tidigare än "Anträffad död".'
ROW_ABOVE = "Ange ett datum, samma som eller tidigare än debuten på raden ovanför."
OPERATION = "Operationen ska ha gjorts inom fyra veckor före döden."
MUNICIPALITY = "Ange en kommun från listan."
DAY_00 = "Dagen anges inte för ett ej säkert dödsdatum; den är alltid 00."
YEAR = "Året kan vara innevarande eller föregående år, eller okänt (0000)."
SAY_NO = 'Barnet avled mer än 28 dygn efter födelsen enligt dödsdatum och personnummer. Välj "Nej".'
SAY_YES = 'Barnet avled inom 28 dygn från födelsen enligt dödsdatum och personnummer. Välj "Ja".'
WITHIN_28 = (
    "Det angivna dödsdatumet infaller inom 28 dagar efter födelsedatum. "
    "Fältet har därför förifyllts."
)
AFTER_28 = (
    "Det angivna dödsdatumet infaller inte inom 28 dagar efter födelsedatum. "
    "Fältet har därför förifyllts."
)
PREFILLED = info("4", AFTER_28)  # the sample: 4 = Nej, as the dates say
NEWBORN_PREFILLED = info("4", WITHIN_28)


def run(content: dict[str, Any], birth_date: dt.date = BIRTH) -> list[Any]:
    return check(CODE_, content, birth_date)


def cause(description: str = "Sjukdom", debut: str = "", spec: str = "") -> dict[str, str]:
    return {"description": description, "debut": debut, "specification": spec}


def test_samples_are_ready_to_sign() -> None:
    assert run(SAMPLE) == [PREFILLED]  # information only, no error
    assert run(INJURY) == []


@pytest.mark.parametrize(
    ("field_id", "expected"),
    [
        ("1", [error("1", ANSWER), PREFILLED]),
        ("2", [error("2", OPTION)]),  # no death date shown, so 4 is not prefilled
        ("2.2", [error("2.2", DATE)]),
        ("3.1", [error("3.1", ANSWER), PREFILLED]),
        ("3.2", [error("3.2", OPTION), PREFILLED]),
        ("4", [error("4", OPTION)]),
        ("8", [PREFILLED, error("8", ANSWER)]),
        ("11", [PREFILLED, error("11", OPTION)]),
        ("12", [PREFILLED, error("12", OPTION)]),
        ("13", [PREFILLED, error("13", OPTIONS)]),
    ],
)
def test_each_required_field(field_id: str, expected: list[Any]) -> None:
    assert run(without(SAMPLE, field_id)) == expected


@pytest.mark.parametrize(
    ("field_id", "message"),
    [
        ("2.2.1", DATE),
        ("2.3", DATE),
        ("11.2", DATE),
        ("11.3", ANSWER),
        ("12.2", OPTION),
        ("12.3", DATE),
        ("12.4", ANSWER),
    ],
)
def test_each_required_field_of_the_other_branches(field_id: str, message: str) -> None:
    assert run(without(INJURY, field_id)) == [error(field_id, message)]


@pytest.mark.parametrize("field_id", ["14", "9", "10"])
def test_optional_fields(field_id: str) -> None:
    assert run(without(SAMPLE, field_id)) == [PREFILLED]


@pytest.mark.parametrize(("field_id", "message"), UNIT_REQUIRED)
def test_unit_fields_have_their_own_missing_messages(field_id: str, message: str) -> None:
    assert run(without(SAMPLE, field_id)) == [PREFILLED, error(field_id, message)]


def test_postnummer_format() -> None:
    bad = changed(SAMPLE, {"unit.postnummer": "123  45"})
    assert run(bad) == [PREFILLED, error("unit.postnummer", POSTNUMMER)]


@pytest.mark.parametrize(
    ("field_id", "limit"), [("14", 24), ("1", 27), ("11.3", 31), ("12.4", 150)]
)
def test_text_limits(field_id: str, limit: int) -> None:
    assert run(changed(INJURY, {field_id: text(limit)})) == []
    assert run(changed(INJURY, {field_id: text(limit + 1)})) == [error(field_id, text_limit(limit))]


# --- 3.1: the municipality, as in DB ------------------------------------------------------------


@pytest.mark.parametrize("name", ["Göteborg", "Östra Göinge", "Dals-Ed", " lilla edet "])
def test_municipality_from_the_list(name: str) -> None:
    assert run(changed(INJURY, {"3.1": name})) == []


@pytest.mark.parametrize("typed", ["Gothenburg", "Region Gotland", "Goteborg", "Lilla-Edet"])
def test_municipality_not_in_the_list(typed: str) -> None:
    assert run(changed(INJURY, {"3.1": typed})) == [error("3.1", MUNICIPALITY)]
    assert run(changed(SAMPLE, {"3.1": typed})) == [error("3.1", MUNICIPALITY), PREFILLED]


def test_municipality_text_limit_first() -> None:
    assert run(changed(INJURY, {"3.1": text(28)})) == [error("3.1", MUNICIPALITY)]
    assert run(changed(INJURY, {"3.1": text(29)})) == [error("3.1", text_limit(28))]


# --- 1–4, shared with DB ----------------------------------------------------------------------


def test_death_date_rules() -> None:
    assert run(changed(SAMPLE, {"2.2": "2026-11-28", "8": None})) == [
        error("2.2", max_date("2026-11-27")),
        PREFILLED,
        error("8", ANSWER),
    ]
    assert run(changed(INJURY, {"2.2.1": "2026-11-20"})) == [error("2.2.1", DAY_00)]
    # 2024 is too early, and every date in the chain falls after the last day of 2024.
    assert run(changed(INJURY, {"2.2.1": "2024-00-00"})) == [
        error("2.2.1", YEAR),
        error("8", NOT_AFTER_DEATH, "debut"),
        error("9", NOT_AFTER_DEATH, "0.debut"),
        error("11.2", NOT_AFTER_DEATH),
        error("12.3", NOT_AFTER_DEATH),
    ]
    assert run(changed(INJURY, {"2.2.1": "2026-13-00"})) == [error("2.2.1", UNCERTAIN)]
    # One problem at a time: a malformed date gets no day-00 message on top.
    assert run(changed(INJURY, {"2.2.1": "2026-11-5"})) == [error("2.2.1", UNCERTAIN)]
    # Found dead before the death month: every later date in the chain is wrong too.
    assert run(changed(INJURY, {"2.3": "2026-10-31"})) == [
        error("2.3", NOT_BEFORE_DEATH),
        error("8", NOT_AFTER_FOUND, "debut"),
        error("9", NOT_AFTER_FOUND, "0.debut"),
        error("11.2", NOT_AFTER_FOUND),
        error("12.3", NOT_AFTER_FOUND),
    ]


def test_newborn() -> None:
    assert run(changed(SAMPLE, {"4": True})) == [error("4", SAY_NO)]
    assert run(SAMPLE, dt.date(2026, 11, 1)) == [error("4", SAY_YES)]
    assert run(changed(SAMPLE, {"4": True}), dt.date(2026, 11, 1)) == [NEWBORN_PREFILLED]
    assert run(SAMPLE) == [PREFILLED]
    assert run(changed(INJURY, {"4": True})) == []  # not checked against an uncertain date


# --- 8, 9, 10: the causes of death ------------------------------------------------------------


@pytest.mark.parametrize(
    ("terminal", "expected"),
    [
        (cause("Hjärtinfarkt"), []),
        (cause("", "2026-11-25"), [error("8", ANSWER, "description")]),
        (cause(text(120)), []),
        (cause(text(121)), [error("8", text_limit(120), "description")]),
        (cause(debut="2026-11-26"), [error("8", NOT_AFTER_DEATH, "debut")]),
        (
            cause(debut="2026-11-28"),
            [error("8", max_date("2026-11-27"), "debut"), error("8", NOT_AFTER_DEATH, "debut")],
        ),
        (cause(spec="AKUT"), [error("8", INVALID_OPTION, "specification")]),
        (cause(spec="UPPGIFT_SAKNAS"), []),
    ],
)
def test_terminal_cause(terminal: dict[str, str], expected: list[Any]) -> None:
    assert run(changed(SAMPLE, {"8": terminal})) == [PREFILLED, *expected]


def test_terminal_debut_not_after_found_dead() -> None:
    assert run(changed(INJURY, {"8": cause(debut="2026-11-24")})) == []
    assert run(changed(INJURY, {"8": cause(debut="2026-11-25")})) == [
        error("8", NOT_AFTER_FOUND, "debut")
    ]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([cause(debut="2026-11-25"), cause(debut="2026-11-25")], []),
        (
            [cause(debut="2026-11-26")],
            [error("9", NOT_AFTER_DEATH, "0.debut"), error("9", ROW_ABOVE, "0.debut")],
        ),
        (
            [cause(debut="2020-01-01"), cause(debut="2020-01-02")],
            [error("9", ROW_ABOVE, "1.debut")],
        ),
        ([cause(debut="2026-11-25"), cause(), cause(debut="2026-11-24")], []),
        ([cause("", "2020-01-01"), cause()], [error("9", ANSWER, "0.description")]),
        ([cause(text(81))], [error("9", text_limit(80), "0.description")]),
        ([cause(), cause(spec="X")], [error("9", INVALID_OPTION, "1.specification")]),
        ([{}, cause()], [error("9", FIELD_ORDER, "1")]),
        ([cause()] * 4, [error("9", too_many_rows(3))]),
    ],
)
def test_chain_of_causes(rows: list[dict[str, str]], expected: list[Any]) -> None:
    assert run(changed(SAMPLE, {"9": rows})) == [PREFILLED, *expected]


def test_one_problem_at_a_time_in_the_chain() -> None:
    # A row without a description keeps the field's date rules from running at all.
    rows = [cause("", "2026-11-20"), cause(debut="2026-11-26")]
    assert run(changed(SAMPLE, {"9": rows})) == [PREFILLED, error("9", ANSWER, "0.description")]


def test_first_cause_in_the_chain_not_after_the_terminal_debut() -> None:
    later = changed(SAMPLE, {"8": cause(debut="2026-11-01"), "9": [cause(debut="2026-11-02")]})
    assert run(later) == [PREFILLED, error("9", ROW_ABOVE, "0.debut")]
    no_terminal_debut = changed(later, {"8": cause()})
    assert run(no_terminal_debut) == [PREFILLED]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([cause(debut="2026-11-26")], [error("10", NOT_AFTER_DEATH, "0.debut")]),
        ([cause(debut="2020-01-01"), cause(debut="2024-01-01")], []),  # no order rule
        ([cause(text(55))], []),
        ([cause(text(56))], [error("10", text_limit(55), "0.description")]),
        ([cause("", spec="KRONISK")], [error("10", ANSWER, "0.description")]),
        ([cause(), {}, cause()], [error("10", FIELD_ORDER, "2")]),
        ([cause()] * 8, []),
        ([cause()] * 9, [error("10", too_many_rows(8))]),
    ],
)
def test_contributing_diseases(rows: list[dict[str, str]], expected: list[Any]) -> None:
    assert run(changed(SAMPLE, {"10": rows})) == [PREFILLED, *expected]


def test_chain_dates_not_after_found_dead() -> None:
    content = changed(INJURY, {"9": [cause(debut="2026-11-25")], "10": [cause(debut="2026-11-25")]})
    assert run(content) == [
        error("9", NOT_AFTER_FOUND, "0.debut"),
        error("9", ROW_ABOVE, "0.debut"),
        error("10", NOT_AFTER_FOUND, "0.debut"),
    ]


# An uncertain death date in October: every date in 8–12 may be at most its last day, 10-31.
OCTOBER = changed(
    INJURY,
    {
        "2.2.1": "2026-10-00",
        "8": cause("Lungemboli", "2026-10-31", "PLOTSLIG"),
        "9": [cause("Kollumfraktur", "2026-10-30")],
        "11.2": "2026-10-31",
        "12.3": "2026-10-30",
    },
)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({}, []),
        ({"8": cause(debut="2026-11-01")}, [error("8", NOT_AFTER_DEATH, "debut")]),
        (
            {"9": [cause(debut="2026-11-01")]},
            [error("9", NOT_AFTER_DEATH, "0.debut"), error("9", ROW_ABOVE, "0.debut")],
        ),
        ({"10": [cause(debut="2026-10-31")]}, []),
        ({"10": [cause(debut="2026-11-01")]}, [error("10", NOT_AFTER_DEATH, "0.debut")]),
        ({"11.2": "2026-11-01"}, [error("11.2", NOT_AFTER_DEATH)]),
        ({"12.3": "2026-10-31"}, []),
        ({"12.3": "2026-11-01"}, [error("12.3", NOT_AFTER_DEATH)]),
    ],
)
def test_dates_not_after_an_uncertain_death_month(change: dict[str, Any], expected: Any) -> None:
    assert run(changed(OCTOBER, change)) == expected


# --- 11: operation ----------------------------------------------------------------------------


def test_operation_details_only_for_ja() -> None:
    for answer in ("NEJ", "UPPGIFT_SAKNAS"):
        assert run(changed(INJURY, {"11": answer, "11.2": "2030-01-01", "11.3": ""})) == []


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("2026-10-28", []),  # exactly four weeks before death
        ("2026-10-27", [error("11.2", OPERATION)]),
        ("2026-11-26", [error("11.2", NOT_AFTER_DEATH)]),
    ],
)
def test_operation_date_with_a_certain_death_date(date: str, expected: list[Any]) -> None:
    content = changed(SAMPLE, {"11": "JA", "11.2": date, "11.3": "Kranskärlsröntgen"})
    assert run(content) == [PREFILLED, *expected]


def test_operation_date_with_an_uncertain_death_date() -> None:
    assert run(changed(INJURY, {"11.2": "2026-01-05"})) == []  # no four-week rule
    assert run(changed(INJURY, {"11.2": "2026-11-25"})) == [error("11.2", NOT_AFTER_FOUND)]


def test_operation_date_not_before_birth() -> None:
    newborn = changed(
        SAMPLE, {"4": True, "11": "JA", "11.2": "2026-11-19", "11.3": "Hjärtoperation"}
    )
    assert run(newborn, dt.date(2026, 11, 20)) == [
        NEWBORN_PREFILLED,
        error("11.2", min_date("2026-11-20")),
    ]


# --- 12: injury or poisoning ------------------------------------------------------------------


def test_injury_details_only_for_ja() -> None:
    hidden = {"12.2": "X", "12.3": "2030-01-01", "12.4": text(151)}
    assert run(changed(SAMPLE, hidden)) == [PREFILLED]
    assert run(changed(INJURY, {"12.2": "MORD"})) == [error("12.2", INVALID_OPTION)]


def test_injury_date() -> None:
    assert run(changed(INJURY, {"12.3": "2026-11-24"})) == []
    assert run(changed(INJURY, {"12.3": "2026-11-25"})) == [error("12.3", NOT_AFTER_FOUND)]
    certain = changed(INJURY, {"2": True, "2.2": "2026-11-20", "8": cause(), "11.2": "2026-11-03"})
    assert run(changed(certain, {"12.3": "2026-11-21"})) == [
        PREFILLED,
        error("12.3", NOT_AFTER_DEATH),
    ]


# --- 13: basis for the causes -----------------------------------------------------------------


def test_basis_codes() -> None:
    everything = [
        "UNDERSOKNING_FORE_DODEN",
        "UNDERSOKNING_EFTER_DODEN",
        "KLINISK_OBDUKTION",
        "RATTSMEDICINSK_OBDUKTION",
        "RATTSMEDICINSK_BESIKTNING",
    ]
    assert run(changed(SAMPLE, {"13": everything})) == [PREFILLED]
    six = [*everything, "KLINISK_OBDUKTION"]
    # One problem at a time: six choices need a duplicate (or an unknown code), which is
    # reported instead of the count.
    assert run(changed(SAMPLE, {"13": six})) == [PREFILLED, error("13", DUPLICATE)]
    assert run(changed(SAMPLE, {"13": ["OBDUKTION"]})) == [
        PREFILLED,
        error("13", INVALID_OPTION, "OBDUKTION"),
    ]
