"""DB Dödsbevis: every rule of forms.md §9.

The sample patient was born 1941-03-08 and died 2026-11-26; newborn cases use their own birth
dates. With a certain death date question 4 is prefilled from the dates, so content that agrees
with them always carries one info finding on 4 (PREFILLED for the sample).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from models.definitions.engine import validate
from tests.models.definitions.types import samples
from tests.models.definitions.types.helpers import (
    ANSWER,
    DATE,
    INVALID_OPTION,
    OPTION,
    POSTNUMMER,
    UNCERTAIN,
    UNIT_REQUIRED,
    UNKNOWN_FIELD,
    changed,
    check,
    context,
    definition,
    error,
    info,
    max_date,
    min_date,
    text,
    text_limit,
    without,
)

CODE_ = "db"
BIRTH = samples.DB_BIRTH
SAMPLE = samples.db()
UNCERTAIN_SAMPLE = samples.db_uncertain()
NOT_BEFORE_DEATH = 'Ange ett datum, samma som eller senare än "Dödsdatum".'
NOT_AFTER_DEATH = 'Ange ett datum, samma som eller tidigare än "Dödsdatum".'
NOT_AFTER_FOUND = 'Ange ett datum, samma som eller tidigare än "Anträffad död".'
FOUR_WEEKS = "Undersökningen får ha gjorts högst fyra veckor före döden."
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
POLICE = 'När en rättsmedicinsk undersökning ska göras krävs en polisanmälan. Välj "Ja".'
FORENSIC_PREFILLED = (
    "Du har angivit att en rättsmedicinsk undersökning ska göras. Detta kräver att en "
    "polisanmälan görs och fältet har därför förifyllts."
)
PRINT_FOR_POLICE = "Skriv även ut dödsbeviset och skicka det till polisen per post/fax."
SHORTLY_BEFORE = {"6": "UNDERSOKNING_GJORT_KORT_FORE_DODEN"}
MUNICIPALITY = "Ange en kommun från listan."


def run(content: dict[str, Any], birth_date: dt.date = BIRTH) -> list[Any]:
    return check(CODE_, content, birth_date)


def test_samples_are_ready_to_sign() -> None:
    assert run(SAMPLE) == [PREFILLED]  # information only, no error
    assert run(UNCERTAIN_SAMPLE) == []


@pytest.mark.parametrize(
    ("field_id", "expected"),
    [
        ("1", [error("1", ANSWER), PREFILLED]),
        ("2", [error("2", OPTION)]),  # no death date shown, so 4 is not prefilled
        ("2.2", [error("2.2", DATE)]),
        ("3.1", [error("3.1", ANSWER), PREFILLED]),
        ("3.2", [error("3.2", OPTION), PREFILLED]),
        ("4", [error("4", OPTION)]),
        ("5", [PREFILLED, error("5", OPTION)]),
        ("5.2", [PREFILLED, error("5.2", OPTION)]),
        ("6", [PREFILLED, error("6", OPTION)]),
        ("7", [PREFILLED, error("7", OPTION)]),
    ],
)
def test_each_required_field(field_id: str, expected: list[Any]) -> None:
    assert run(without(SAMPLE, field_id)) == expected


@pytest.mark.parametrize(("field_id", "message"), [("2.2.1", DATE), ("2.3", DATE), ("6.3", DATE)])
def test_each_required_field_of_the_uncertain_branch(field_id: str, message: str) -> None:
    assert run(without(UNCERTAIN_SAMPLE, field_id)) == [error(field_id, message)]


@pytest.mark.parametrize(("field_id", "message"), UNIT_REQUIRED)
def test_unit_fields_have_their_own_missing_messages(field_id: str, message: str) -> None:
    assert run(without(SAMPLE, field_id)) == [PREFILLED, error(field_id, message)]


def test_postnummer_format() -> None:
    assert run(changed(SAMPLE, {"unit.postnummer": "12a45"})) == [
        PREFILLED,
        error("unit.postnummer", POSTNUMMER),
    ]


def test_header_holds_no_answer() -> None:
    assert run(changed(SAMPLE, {"3": "Dödsplats"})) == [error("3", UNKNOWN_FIELD), PREFILLED]


def test_text_limit() -> None:
    assert run(changed(SAMPLE, {"1": text(27)})) == [PREFILLED]
    assert run(changed(SAMPLE, {"1": text(28)})) == [error("1", text_limit(27)), PREFILLED]


def test_options() -> None:
    assert run(changed(SAMPLE, {"3.2": "HEMMET"})) == [error("3.2", INVALID_OPTION), PREFILLED]
    assert run(changed(SAMPLE, {"6": "NEJ"})) == [PREFILLED, error("6", INVALID_OPTION)]


# --- 3.1: the municipality --------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["Växjö", "Upplands Väsby", "Upplands-Bro", "Malung-Sälen", "Gotland", "Åre", "Örnsköldsvik"],
)
def test_municipality_from_the_list(name: str) -> None:
    assert run(changed(SAMPLE, {"3.1": name})) == [PREFILLED]


@pytest.mark.parametrize("typed", ["växjö", "  UPPLANDS VÄSBY ", "malung-sälen"])
def test_municipality_in_any_case(typed: str) -> None:
    assert run(changed(SAMPLE, {"3.1": typed})) == [PREFILLED]


@pytest.mark.parametrize(
    "typed",
    [
        "Region Gotland",  # the region, not the kommun
        "Visby",  # a town, not a kommun
        "Växjö kommun",
        "Kronobergs län",
        "Vaxjo",  # å, ä and ö are letters of their own
        "Malung Sälen",
        "Oslo",
    ],
)
def test_municipality_not_in_the_list(typed: str) -> None:
    assert run(changed(SAMPLE, {"3.1": typed})) == [error("3.1", MUNICIPALITY), PREFILLED]


def test_municipality_in_the_uncertain_branch() -> None:
    assert run(changed(UNCERTAIN_SAMPLE, {"3.1": "Småmåla"})) == [error("3.1", MUNICIPALITY)]


def test_municipality_text_limit_first() -> None:
    """One problem at a time: a text over the limit is reported as such, not as a name."""
    assert run(changed(SAMPLE, {"3.1": text(28)})) == [error("3.1", MUNICIPALITY), PREFILLED]
    assert run(changed(SAMPLE, {"3.1": text(29)})) == [error("3.1", text_limit(28)), PREFILLED]


# --- 2: the death date ------------------------------------------------------------------------


def test_certain_date_hides_the_uncertain_fields() -> None:
    assert run(changed(SAMPLE, {"2.2.1": "2026-13-45", "2.3": "2030-01-01"})) == [PREFILLED]
    assert run(changed(UNCERTAIN_SAMPLE, {"2.2": "2030-01-01"})) == []


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("2026-11-27", [PREFILLED]),
        ("2026-11-28", [error("2.2", max_date("2026-11-27")), PREFILLED]),
        ("1941-03-08", [NEWBORN_PREFILLED]),
        ("1941-03-07", [error("2.2", min_date("1941-03-08")), NEWBORN_PREFILLED]),
    ],
)
def test_certain_death_date(date: str, expected: list[Any]) -> None:
    newborn = date.startswith("1941")  # dying on or before the day of birth
    assert run(changed(SAMPLE, {"2.2": date, "4": newborn})) == expected


@pytest.mark.parametrize(
    ("vague", "expected"),
    [
        ("2026-11-00", []),
        ("2026-00-00", []),
        # The sample was examined on 2026-11-10, after any day of 2025: 6.3 is wrong too.
        ("2025-00-00", [error("6.3", NOT_AFTER_DEATH)]),
        ("0000-00-00", []),
        ("2026-11-27", [error("2.2.1", DAY_00)]),
        (
            "2026-12-00",
            [error("2.2.1", max_date("2026-11-27")), error("2.3", NOT_BEFORE_DEATH)],
        ),
        ("2024-12-00", [error("2.2.1", YEAR), error("6.3", NOT_AFTER_DEATH)]),
        ("2026-13-00", [error("2.2.1", UNCERTAIN)]),
        ("0000-05-00", [error("2.2.1", UNCERTAIN)]),
        # One problem at a time: a malformed date gets no day-00 message on top.
        ("2026-00-05", [error("2.2.1", UNCERTAIN)]),
        ("2026-11", [error("2.2.1", UNCERTAIN)]),
    ],
)
def test_uncertain_death_date(vague: str, expected: list[Any]) -> None:
    content = changed(UNCERTAIN_SAMPLE, {"2.2.1": vague, "2.3": "2026-11-27"})
    assert run(content) == expected


def test_uncertain_date_not_before_birth() -> None:
    content = changed(UNCERTAIN_SAMPLE, {"2.2.1": "2026-05-00", "4": True, "6": "JA"})
    assert run(content, dt.date(2026, 6, 2)) == [error("2.2.1", min_date("2026-06-02"))]


@pytest.mark.parametrize(
    ("found", "expected"),
    [
        ("2026-11-27", []),
        ("2026-11-28", [error("2.3", max_date("2026-11-27"))]),
        ("2025-01-01", []),
        ("2024-12-31", [error("2.3", min_date("2025-01-01"))]),
    ],
)
def test_found_dead_date(found: str, expected: list[Any]) -> None:
    content = changed(UNCERTAIN_SAMPLE, {"2.2.1": "0000-00-00", "2.3": found, "6": "JA"})
    assert run(content) == expected


def test_found_dead_not_before_the_death_date_nor_birth() -> None:
    early = changed(UNCERTAIN_SAMPLE, {"2.2.1": "2026-11-00", "2.3": "2026-10-31", "6": "JA"})
    assert run(early) == [error("2.3", NOT_BEFORE_DEATH)]
    newborn = changed(UNCERTAIN_SAMPLE, {"2.2.1": "0000-00-00", "2.3": "2026-11-09", "6": "JA"})
    assert run(newborn, dt.date(2026, 11, 10)) == [error("2.3", min_date("2026-11-10"))]


# --- 4: newborn -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("birth", "answer", "expected"),
    [
        (dt.date(2026, 10, 29), True, [NEWBORN_PREFILLED]),  # died on day 28
        (dt.date(2026, 10, 29), False, [error("4", SAY_YES)]),
        (dt.date(2026, 10, 28), False, [PREFILLED]),  # died on day 29
        (dt.date(2026, 10, 28), True, [error("4", SAY_NO)]),
        (dt.date(2026, 11, 1), True, [NEWBORN_PREFILLED]),
        (BIRTH, False, [PREFILLED]),
        (BIRTH, True, [error("4", SAY_NO)]),
    ],
)
def test_newborn_answer_follows_the_dates(birth: dt.date, answer: bool, expected: Any) -> None:
    assert run(changed(SAMPLE, {"4": answer}), birth) == expected


def test_newborn_info_is_a_prefill_notice() -> None:
    found = validate(definition(CODE_), SAMPLE, context(BIRTH))
    assert [(f.field_id, f.severity, f.code) for f in found] == [("4", "info", "prefilled")]


def test_newborn_not_checked_against_an_uncertain_date() -> None:
    assert run(changed(UNCERTAIN_SAMPLE, {"4": True})) == []


# --- 5: implant -------------------------------------------------------------------------------


def test_no_implant_hides_5_2() -> None:
    assert run(changed(SAMPLE, {"5": False, "5.2": "ja"})) == [PREFILLED]


# --- 6: external examination ------------------------------------------------------------------


def test_examination_date_hidden_unless_examined_shortly_before() -> None:
    assert run(changed(SAMPLE, {"6.3": "2031-01-01"})) == [PREFILLED]


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("2026-11-26", []),
        ("2026-10-29", []),  # exactly four weeks before death
        ("2026-10-28", [error("6.3", FOUR_WEEKS)]),
        ("2026-11-27", [error("6.3", NOT_AFTER_DEATH)]),
        ("2026-11-28", [error("6.3", max_date("2026-11-27")), error("6.3", NOT_AFTER_DEATH)]),
    ],
)
def test_examination_date_with_a_certain_death_date(date: str, expected: list[Any]) -> None:
    assert run(changed(SAMPLE, {**SHORTLY_BEFORE, "6.3": date})) == [PREFILLED, *expected]


def test_examination_date_not_before_birth() -> None:
    content = changed(SAMPLE, {**SHORTLY_BEFORE, "6.3": "2026-11-09", "4": True})
    assert run(content, dt.date(2026, 11, 10)) == [
        NEWBORN_PREFILLED,
        error("6.3", min_date("2026-11-10")),
    ]


def test_examination_date_with_an_uncertain_death_date() -> None:
    assert run(changed(UNCERTAIN_SAMPLE, {"6.3": "2026-11-24"})) == []
    assert run(changed(UNCERTAIN_SAMPLE, {"6.3": "2026-11-25"})) == [error("6.3", NOT_AFTER_FOUND)]
    long_before = changed(UNCERTAIN_SAMPLE, {"6.3": "2026-01-02"})
    assert run(long_before) == []  # no four-week rule without a certain date


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("2026-10-31", []),  # the last day the death date can stand for
        ("2026-11-01", [error("6.3", NOT_AFTER_DEATH)]),
        ("2026-11-25", [error("6.3", NOT_AFTER_DEATH), error("6.3", NOT_AFTER_FOUND)]),
    ],
)
def test_examination_date_not_after_an_uncertain_death_month(date: str, expected: Any) -> None:
    content = changed(UNCERTAIN_SAMPLE, {"2.2.1": "2026-10-00", "6.3": date})
    assert run(content) == expected


def test_examination_date_not_after_an_uncertain_death_year() -> None:
    content = changed(UNCERTAIN_SAMPLE, {"2.2.1": "2025-00-00", "6.3": "2025-12-31"})
    assert run(content) == []
    assert run(changed(content, {"6.3": "2026-01-01"})) == [error("6.3", NOT_AFTER_DEATH)]


# --- 7: police report -------------------------------------------------------------------------


def test_forensic_examination_requires_a_police_report() -> None:
    forensic = changed(SAMPLE, {"6": "UNDERSOKNING_SKA_GORAS"})
    # The "prefilled" explanation only accompanies the prefilled answer.
    assert run(forensic) == [PREFILLED, error("7", POLICE)]


def test_police_report_reminds_to_print() -> None:
    assert run(changed(SAMPLE, {"7": True})) == [PREFILLED, info("7", PRINT_FOR_POLICE)]


def test_forensic_examination_explains_why_7_is_ja() -> None:
    forensic = changed(SAMPLE, {"6": "UNDERSOKNING_SKA_GORAS", "7": True})
    assert run(forensic) == [
        PREFILLED,
        info("7", FORENSIC_PREFILLED),  # 7.1.1
        info("7", PRINT_FOR_POLICE),  # 7.1.2
    ]
