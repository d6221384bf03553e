"""AG7804 Läkarintyg om arbetsförmåga – arbetsgivaren: every rule of forms.md §8.

The layout and validation follow FK7804 (see test_fk7804.py); this module covers every rule
again briefly, and in depth what differs: question 100, diagnosis only for 100 = Ja, plain text
areas for 35 and 17, and contact with the employer (103, 103.2).
"""

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
    OPTION,
    OPTIONS,
    OVERLAP,
    POSTNUMMER,
    UNIT_REQUIRED,
    changed,
    check,
    definition,
    error,
    interval,
    max_date,
    text,
    text_limit,
    too_many_rows,
    without,
)

CODE_ = "ag7804"
SAMPLE = samples.ag7804()
SMITTA = samples.ag7804_smittbarare()
PASS_ON = 'Vid smittbärarpenning förmedlas diagnosen till arbetsgivaren. Välj "Ja".'
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
        ("100", OPTION),
        ("6", DIAGNOSIS),
        ("35", ANSWER),
        ("17", ANSWER),
        ("32", OPTIONS),
        ("33", OPTION),
        ("33.2", ANSWER),
        ("39", OPTION),
        ("39.4", ANSWER),
    ],
)
def test_each_required_field(field_id: str, message: str) -> None:
    assert check(CODE_, without(SAMPLE, field_id)) == [error(field_id, message)]


@pytest.mark.parametrize(("field_id", "message"), UNIT_REQUIRED)
def test_unit_fields_have_their_own_missing_messages(field_id: str, message: str) -> None:
    assert check(CODE_, without(SAMPLE, field_id)) == [error(field_id, message)]


def test_postnummer_format() -> None:
    bad = changed(SAMPLE, {"unit.postnummer": "123 4"})
    assert check(CODE_, bad) == [error("unit.postnummer", POSTNUMMER)]


def test_35_and_17_are_plain_text_areas() -> None:
    assert [definition(CODE_).field(i).kind for i in ("35", "17")] == ["text_area"] * 2


# --- 100: passing on the diagnosis ------------------------------------------------------------


def test_declined_diagnosis_hides_6() -> None:
    declined = changed(SAMPLE, {"100": False, "6": [{"code": "F32", "text": ""}] * 4})
    assert check(CODE_, declined) == []
    assert check(CODE_, without(changed(SAMPLE, {"100": False}), "6")) == []


def test_smittbararpenning_autofills_100_with_ja() -> None:
    assert check(CODE_, changed(SMITTA, {"100": False})) == [error("100", PASS_ON)]
    assert check(CODE_, without(SMITTA, "100")) == [error("100", OPTION)]
    assert check(CODE_, changed(SAMPLE, {"100": False, "6": None})) == []  # no 27: free choice


def test_smittbararpenning_skips_the_hidden_fields() -> None:
    bad = {
        "1": {"FYSISKUNDERSOKNING": "2027-01-01"},
        "28": ["STUDIER", "STUDIER"],
        "29": text(4001),
        "35": "",
        "19": text(4001),
        "39": "OKAND",
        "44": text(4001),
        "103": True,
        "103.2": text(4001),
    }
    assert check(CODE_, changed(SMITTA, bad)) == []


# --- Conditional fields -----------------------------------------------------------------------


def test_annat_shows_a_required_1_3() -> None:
    annat = changed(SAMPLE, {"1": {**SAMPLE["1"], "ANNAT": "2026-11-26"}})
    assert check(CODE_, annat) == [error("1.3", ANSWER)]
    assert check(CODE_, changed(annat, {"1.3": text(51)})) == [error("1.3", text_limit(50))]
    assert check(CODE_, changed(SAMPLE, {"1.3": text(51)})) == []


def test_29_only_for_nuvarande_arbete() -> None:
    assert check(CODE_, changed(SAMPLE, {"28": ["ARBETSSOKANDE"], "29": ""})) == []


def test_33_hidden_for_full_sick_leave_only() -> None:
    full = {"HELT_NEDSATT": {"from": "2026-11-27", "to": "2027-01-17"}}
    assert check(CODE_, changed(SAMPLE, {"32": full, "33": None, "33.2": None})) == []
    assert check(CODE_, changed(SAMPLE, {"33": False, "33.2": text(4001)})) == []


def test_prognosis_branches() -> None:
    for bad in (0, 100):
        assert check(CODE_, changed(SAMPLE, {"39.4": bad})) == [error("39.4", interval(1, 99))]
    unclear = changed(SAMPLE, {"39": "PROGNOS_OKLAR", "39.4": 0})
    assert check(CODE_, unclear) == [error("39.2", ANSWER)]


def test_employer_contact() -> None:
    assert check(CODE_, without(SAMPLE, "103.2")) == []  # optional
    over = changed(SAMPLE, {"103.2": text(4001)})
    assert check(CODE_, over) == [error("103.2", text_limit(4000))]
    assert check(CODE_, changed(SAMPLE, {"103": False, "103.2": text(4001)})) == []


# --- Kind checks and rules shared with FK7804 -------------------------------------------------


def test_basis_and_occupation() -> None:
    future = changed(SAMPLE, {"1": {"TELEFONKONTAKT": "2026-11-28"}})
    assert check(CODE_, future) == [error("1", max_date("2026-11-27"), "TELEFONKONTAKT")]
    assert check(CODE_, changed(SAMPLE, {"1": {"ANNAT": ""}, "1.3": "Intyg"})) == [
        error("1", DATE, "ANNAT")
    ]
    twice = changed(SAMPLE, {"28": ["NUVARANDE_ARBETE"] * 2})
    assert check(CODE_, twice) == [error("28", DUPLICATE)]


EXHAUSTION = {"code": "F43.8A", "text": "Utmattningssyndrom"}


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([{"code": "", "text": ""}, EXHAUSTION], [error("6", FIRST_ROW, "1")]),
        ([{"code": "F43.8A", "text": ""}], [error("6", DESCRIPTION, "0.text")]),
        ([{"code": "", "text": "Utmattning"}], [error("6", CODE, "0.code")]),
        ([{"code": "F43.8X", "text": "Utmattning"}], [error("6", INVALID_CODE, "0.code")]),
        ([{"code": "F43", "text": "Stressreaktion"}], [error("6", F_OR_Z73, "0.code")]),
        ([{"code": "F438A", "text": text(82)}], [error("6", text_limit(81), "0.text")]),
        ([EXHAUSTION] * 4, [error("6", too_many_rows(3))]),
    ],
)
def test_diagnoses(rows: list[dict[str, str]], expected: list[Any]) -> None:
    assert check(CODE_, changed(SAMPLE, {"6": rows})) == expected


def _periods(**periods: tuple[str, str]) -> dict[str, Any]:
    return changed(SAMPLE, {"32": {k: {"from": f, "to": t} for k, (f, t) in periods.items()}})


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            _periods(
                HELT_NEDSATT=("2026-11-27", "2026-12-21"),
                TRE_FJARDEDEL=("2026-12-21", "2027-01-17"),
            ),
            [error("32", OVERLAP, "HELT_NEDSATT.from")],
        ),
        (
            _periods(TRE_FJARDEDEL=("2026-12-21", "2026-12-20")),
            [error("32", END_AFTER_START, "TRE_FJARDEDEL.to")],
        ),
        (_periods(TRE_FJARDEDEL=("2026-11-19", "2026-12-20")), [("32", "warning", EARLY, None)]),
        (_periods(TRE_FJARDEDEL=("2026-11-27", "2027-05-28")), [("32", "warning", LONG, None)]),
    ],
)
def test_periods(content: dict[str, Any], expected: list[Any]) -> None:
    assert check(CODE_, content) == expected


@pytest.mark.parametrize("field_id", ["29", "35", "17", "19", "37", "33.2", "44", "25"])
def test_text_limits(field_id: str) -> None:
    assert check(CODE_, changed(SAMPLE, {field_id: text(4000)})) == []
    over = changed(SAMPLE, {field_id: text(4001)})
    assert check(CODE_, over) == [error(field_id, text_limit(4000))]
