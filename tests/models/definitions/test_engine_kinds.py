"""Each kind's own checks, shown on a one-field form."""

from __future__ import annotations

from typing import Any

import pytest

from models.definitions.engine import validate
from tests.models.definitions.factories import context, make_definition, messages

DEGREES = [
    {"code": "EN_FJARDEDEL", "label": "25 procent"},
    {"code": "HALFTEN", "label": "50 procent"},
    {"code": "TRE_FJARDEDEL", "label": "75 procent"},
    {"code": "HELT_NEDSATT", "label": "100 procent"},
]


def check(field: dict[str, Any], value: Any, **kwargs: Any) -> list[tuple[str, str, str | None]]:
    definition = make_definition({"id": "f", "label": "Fält", "required": True, **field})
    return messages(validate(definition, {"f": value}, context(**kwargs)))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-11-27", []),
        ("2026-02-30", [("f", "Ange ett giltigt datum (ÅÅÅÅ-MM-DD).", None)]),
        ("27/11/2026", [("f", "Ange ett giltigt datum (ÅÅÅÅ-MM-DD).", None)]),
        (
            "1899-12-31",
            [("f", "Ange ett datum som inte ligger för långt fram eller tillbaka i tiden.", None)],
        ),
        ("", [("f", "Ange ett datum.", None)]),
    ],
)
def test_date(value: str, expected: list[Any]) -> None:
    assert check({"kind": "date"}, value) == expected


def test_dated_options_need_their_dates() -> None:
    field = {"kind": "checkbox_date_list", "options": [{"code": "A", "label": "a"}]}
    assert check(field, {"A": ""}) == [("f", "Ange ett datum.", "A")]
    assert check(field, {}) == [("f", "Välj minst ett alternativ.", None)]


SICK = {"kind": "sick_leave_periods", "options": DEGREES}


def test_sick_leave_rows_need_both_dates() -> None:
    assert check(SICK, {"HALFTEN": {"from": "2026-11-27"}}) == [
        ("f", "Ange ett datum.", "HALFTEN.to")
    ]


def test_sick_leave_end_before_start() -> None:
    value = {"HALFTEN": {"from": "2026-11-27", "to": "2026-11-26"}}
    assert check(SICK, value) == [
        ("f", "Ange ett slutdatum som infaller efter startdatumet.", "HALFTEN.to")
    ]


def test_sick_leave_periods_may_not_share_even_one_day() -> None:
    touching = {
        "HELT_NEDSATT": {"from": "2026-11-27", "to": "2026-12-06"},
        "HALFTEN": {"from": "2026-12-06", "to": "2026-12-20"},
    }
    assert check(SICK, touching) == [
        ("f", "Ange perioder som inte överlappar varandra.", "HELT_NEDSATT.from")
    ]
    following = {**touching, "HALFTEN": {"from": "2026-12-07", "to": "2026-12-20"}}
    assert check(SICK, following) == []


def test_sick_leave_degree_must_be_known() -> None:
    value = {"TIO": {"from": "2026-11-27", "to": "2026-11-30"}}
    assert check(SICK, value) == [("f", "Välj ett av de angivna alternativen.", "TIO")]


def test_date_range() -> None:
    field = {"kind": "date_range"}
    assert check(field, {"from": "2026-11-27"}) == [("f", "Ange period.", "to")]
    assert check(field, {"from": "2026-11-27", "to": "2026-11-01"}) == [
        ("f", "Ange ett slutdatum som infaller efter startdatumet.", "to")
    ]


@pytest.mark.parametrize(("value", "ok"), [(1, True), (99, True), (0, False), (100, False)])
def test_integer_interval(value: int, ok: bool) -> None:
    found = check({"kind": "integer", "min": 1, "max": 99}, value)
    assert found == ([] if ok else [("f", "Ange ett värde mellan 1-99.", None)])


def test_year_is_four_digits() -> None:
    assert check({"kind": "year"}, 26) == [("f", "Ange ett värde mellan 1900-2099.", None)]
    assert check({"kind": "year"}, 2019) == []


DIAGNOSES = {"kind": "diagnosis_list", "max_rows": 3, "max_length": 20}


def test_diagnosis_rows() -> None:
    assert check(DIAGNOSES, []) == [("f", "Ange minst en diagnos.", None)]
    assert check(DIAGNOSES, [{"code": "F32.1", "text": "Depression"}]) == []
    assert check(DIAGNOSES, [{"code": "", "text": ""}, {"code": "J20", "text": "Bronkit"}]) == [
        ("f", "Ange diagnos på översta raden först.", "1")
    ]
    assert check(DIAGNOSES, [{"code": "J20"}, {"text": "Ryggvärk"}]) == [
        ("f", "Ange diagnosbeskrivning.", "0.text"),
        ("f", "Ange diagnoskod.", "1.code"),
    ]
    assert check(DIAGNOSES, [{"code": "X999", "text": "Påhittad"}]) == [
        ("f", "Diagnoskod är ej giltig.", "0.code")
    ]
    assert check(DIAGNOSES, [{"code": "J20", "text": "x" * 21}]) == [
        ("f", "Ange en text som inte är längre än 20 tecken.", "0.text")
    ]
    four = [{"code": "J20", "text": "Bronkit"}] * 4
    assert check(DIAGNOSES, four) == [("f", "Ange högst 3 rader.", None)]


def test_underlag_rows() -> None:
    field = {"kind": "underlag_list", "max_rows": 3, "options": [{"code": "LOGOPED", "label": "l"}]}
    good = {"type": "LOGOPED", "date": "2026-10-01", "info": "Logopedmottagningen"}
    assert check(field, [good]) == []
    assert check(field, [{"type": "LOGOPED"}]) == [
        ("f", "Ange ett datum.", "0.date"),
        ("f", "Ange ett svar.", "0.info"),
    ]
    assert check(field, [{}, good]) == [("f", "Fyll i fälten uppifrån och ned.", "1")]
    assert check(field, []) == [("f", "Ange minst ett underlag.", None)]


TABLE = {
    "kind": "visual_acuity_table",
    "min": 0.0,
    "max": 2.0,
    "rows": [{"id": "hoger", "label": "Höger"}, {"id": "binokulart", "label": "Binokulärt"}],
    "columns": [
        {"id": "utan", "label": "Utan", "required": True},
        {"id": "kontaktlinser", "label": "Linser", "checkbox": True, "except_rows": ["binokulart"]},
    ],
}


def test_visual_acuity_cells_that_the_form_does_not_have() -> None:
    value = {"hoger": {"utan": 0.8}, "binokulart": {"utan": 1.0, "kontaktlinser": True}}
    assert check(TABLE, value) == [
        ("f", "Välj ett av de angivna alternativen.", "binokulart.kontaktlinser")
    ]


def test_visual_acuity() -> None:
    assert check(TABLE, {"hoger": {"utan": 0.8}, "binokulart": {"utan": 1.0}}) == []
    assert check(TABLE, {"hoger": {"utan": 2.5, "kontaktlinser": True}}) == [
        ("f", "Ange synskärpa i intervallet 0,0 - 2,0.", "hoger.utan"),
        ("f", "Ange ett svar.", "binokulart.utan"),
    ]


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("2026-11-00", True),
        ("2026-00-00", True),
        ("0000-00-00", True),
        ("2026-00-05", False),
        ("0000-11-00", False),
        ("2026-13-00", False),
        ("2026-02-30", False),
        ("2026-11", False),
    ],
)
def test_uncertain_date_format(value: str, ok: bool) -> None:
    found = check({"kind": "uncertain_date"}, value)
    assert found == ([] if ok else [("f", "Ange år och månad (okänd del anges med nollor).", None)])


CAUSES = {
    "kind": "cause_of_death_list",
    "max_rows": 3,
    "max_length": 10,
    "options": [{"code": "KRONISK", "label": "Kronisk"}],
}


def test_cause_rows() -> None:
    assert check(CAUSES, [{"description": "Pneumoni", "specification": "KRONISK"}]) == []
    assert check(CAUSES, [{"debut": "2026-01-01"}]) == [("f", "Ange ett svar.", "0.description")]
    assert check(CAUSES, [{}, {"description": "Pneumoni"}]) == [
        ("f", "Fyll i fälten uppifrån och ned.", "1")
    ]
    assert check(CAUSES, [{"description": "Lunginflammation"}]) == [
        ("f", "Ange en text som inte är längre än 10 tecken.", "0.description")
    ]
