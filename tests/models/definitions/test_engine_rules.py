"""The declarative rules, each shown failing and passing on a minimal form."""

from __future__ import annotations

import datetime as dt
from typing import Any

from models.definitions.engine import validate
from tests.models.definitions.factories import context, make_definition, messages

DEGREES = [
    {"code": "HALFTEN", "label": "50 procent"},
    {"code": "HELT_NEDSATT", "label": "100 procent"},
]


def run(fields: list[dict[str, Any]], content: dict[str, Any], **kwargs: Any) -> list[Any]:
    return messages(validate(make_definition(*fields), content, context(**kwargs)))


def test_date_max_today_and_min_birth_date() -> None:
    field = {
        "id": "d",
        "label": "Datum",
        "kind": "date",
        "rules": [
            {"rule": "date_max", "value": "today"},
            {"rule": "date_min", "value": "birth_date"},
        ],
    }
    assert run([field], {"d": "2026-11-27"}) == []
    assert run([field], {"d": "2026-11-28"}) == [
        ("d", "Ange ett datum som är senast 2026-11-27.", None)
    ]
    assert run([field], {"d": "1980-01-12"}) == [
        ("d", "Ange ett datum som är tidigast 1980-01-13.", None)
    ]


def test_date_against_another_field_with_offset_and_message() -> None:
    death = {"id": "2.2", "label": "Dödsdatum", "kind": "date"}
    exam = {
        "id": "6.3",
        "label": "Undersökt",
        "kind": "date",
        "rules": [
            {"rule": "date_max", "value": {"field": "2.2"}, "message": "Senast {date}."},
            {
                "rule": "date_min",
                "value": {"field": "2.2", "offset_days": -28},
                "message": "Högst fyra veckor före döden.",
            },
        ],
    }
    assert run([death, exam], {"2.2": "2026-11-20", "6.3": "2026-10-23"}) == []
    assert run([death, exam], {"2.2": "2026-11-20", "6.3": "2026-10-22"}) == [
        ("6.3", "Högst fyra veckor före döden.", None)
    ]
    assert run([death, exam], {"2.2": "2026-11-20", "6.3": "2026-11-21"}) == [
        ("6.3", "Senast 2026-11-20.", None)
    ]
    # Without a death date there is nothing to compare with.
    assert run([death, exam], {"6.3": "2026-11-21"}) == []


def test_date_against_a_dated_option() -> None:
    basis = {
        "id": "1",
        "label": "Grund",
        "kind": "checkbox_date_list",
        "options": [{"code": "UNDERSOKNING", "label": "u"}, {"code": "ANHORIG", "label": "a"}],
    }
    known = {
        "id": "2",
        "label": "Känt sedan",
        "kind": "date",
        "rules": [
            {"rule": "date_max", "value": {"field": "1", "option": "UNDERSOKNING"}, "message": "M"}
        ],
    }
    assert run([basis, known], {"1": {"UNDERSOKNING": "2026-11-01"}, "2": "2026-11-02"}) == [
        ("2", "M", None)
    ]
    assert run([basis, known], {"1": {"ANHORIG": "2026-11-01"}, "2": "2026-11-02"}) == []


def test_uncertain_dates_compare_by_their_possible_range() -> None:
    vague = {
        "id": "u",
        "label": "Osäkert",
        "kind": "uncertain_date",
        "rules": [
            {"rule": "date_max", "value": "today"},
            {"rule": "date_min", "value": "birth_date"},
        ],
    }
    assert run([vague], {"u": "2026-11-00"}) == []  # November 2026 may be before today
    assert run([vague], {"u": "2026-12-00"}) == [
        ("u", "Ange ett datum som är senast 2026-11-27.", None)
    ]
    assert run([vague], {"u": "1980-00-00"}) == []  # 1980 may be after the 13 January birth
    assert run([vague], {"u": "1979-00-00"}) == [
        ("u", "Ange ett datum som är tidigast 1980-01-13.", None)
    ]


def test_year_rules_compare_years() -> None:
    year = {
        "id": "35",
        "label": "År",
        "kind": "year",
        "rules": [
            {"rule": "date_max", "value": "today", "message": "Framtid"},
            {"rule": "date_min", "value": "birth_date", "message": "Före födseln"},
        ],
    }
    assert run([year], {"35": 1980}) == []
    assert run([year], {"35": 2027}) == [("35", "Framtid", None)]
    assert run([year], {"35": 1979}) == [("35", "Före födseln", None)]


def test_pattern() -> None:
    zip_code = {
        "id": "unit.postnummer",
        "label": "Postnummer",
        "kind": "text_field",
        "rules": [{"rule": "pattern", "regex": "^[0-9]{3} ?[0-9]{2}$", "message": "Postnummer!"}],
    }
    assert run([zip_code], {"unit.postnummer": "123 45"}) == []
    assert run([zip_code], {"unit.postnummer": "12345"}) == []
    assert run([zip_code], {"unit.postnummer": "1234"}) == [
        ("unit.postnummer", "Postnummer!", None)
    ]


def test_exclusive_option_and_max_choices() -> None:
    choice = {
        "id": "45",
        "label": "Behörigheter",
        "kind": "checkbox_code_list",
        "options": [{"code": c, "label": c} for c in ("VAR1", "VAR2", "VAR3", "VAR11")],
        "rules": [
            {"rule": "exclusive_option", "option": "VAR11", "message": "Ensam"},
            {"rule": "max_choices", "count": 2},
        ],
    }
    assert run([choice], {"45": ["VAR11"]}) == []
    assert run([choice], {"45": ["VAR1", "VAR11"]}) == [("45", "Ensam", "VAR11")]
    assert run([choice], {"45": ["VAR1", "VAR2", "VAR3"]}) == [
        ("45", "Välj högst 2 alternativ.", None)
    ]


def test_diagnosis_code_length() -> None:
    field = {
        "id": "6",
        "label": "Diagnos",
        "kind": "diagnosis_list",
        "rules": [
            {
                "rule": "diagnosis_code_length",
                "prefixes": ["F", "Z73"],
                "min_length": 4,
                "message": "Fyra",
            }
        ],
    }
    assert run([field], {"6": [{"code": "F32.1", "text": "Depression"}]}) == []
    assert run([field], {"6": [{"code": "F32", "text": "Depression"}]}) == [("6", "Fyra", "0.code")]


def test_period_warnings() -> None:
    periods = {
        "id": "32",
        "label": "Nedsättning",
        "kind": "sick_leave_periods",
        "options": DEGREES,
        "rules": [
            {"rule": "period_starts_before_today", "days": 7, "message": "Bakåt"},
            {"rule": "period_longer_than", "months": 6, "message": "Lång"},
        ],
    }
    ok = {"HELT_NEDSATT": {"from": "2026-11-20", "to": "2027-05-20"}}
    assert run([periods], {"32": ok}) == []
    early = {"HELT_NEDSATT": {"from": "2026-11-19", "to": "2026-12-19"}}
    found = validate(make_definition(periods), {"32": early}, context())
    assert [(f.message, f.severity) for f in found] == [("Bakåt", "warning")]
    long = {"HELT_NEDSATT": {"from": "2026-11-27", "to": "2027-05-28"}}
    assert run([periods], {"32": long}) == [("32", "Lång", None)]


def test_period_of_fourteen_days_gives_information() -> None:
    span = {
        "id": "7.2",
        "label": "Period",
        "kind": "date_range",
        "rules": [
            {"rule": "period_longer_than", "days": 14, "severity": "info", "message": "AG7804"}
        ],
    }
    assert run([span], {"7.2": {"from": "2026-11-27", "to": "2026-12-10"}}) == []
    found = validate(
        make_definition(span), {"7.2": {"from": "2026-11-27", "to": "2026-12-11"}}, context()
    )
    assert [(f.field_id, f.message, f.severity) for f in found] == [("7.2", "AG7804", "info")]


def test_conditional_message_and_autofill() -> None:
    smitta = {"id": "27", "label": "Smitta", "kind": "checkbox_boolean"}
    share = {
        "id": "100",
        "label": "Förmedla diagnos",
        "kind": "radio_boolean",
        "rules": [
            {
                "rule": "autofill",
                "when": {"field": "27", "filled": True},
                "value": True,
                "message": "Ja!",
            },
            {"rule": "message", "when": {"field": "100", "equals": False}, "message": "Döljs"},
        ],
    }
    assert run([smitta, share], {"27": True, "100": True}) == []
    assert run([smitta, share], {"27": True, "100": False}) == [
        ("100", "Ja!", None),
        ("100", "Döljs", None),
    ]


def test_newborn_death() -> None:
    death = {"id": "2.2", "label": "Dödsdatum", "kind": "date"}
    child = {
        "id": "4",
        "label": "Barn",
        "kind": "radio_boolean",
        "rules": [
            {
                "rule": "newborn_death",
                "death_date": {"field": "2.2"},
                "message_yes": "Inte inom 28",
                "message_no": "Inom 28",
            }
        ],
    }
    born = dt.date(2026, 10, 1)
    assert run([death, child], {"2.2": "2026-10-29", "4": True}, birth_date=born) == []
    assert run([death, child], {"2.2": "2026-10-30", "4": True}, birth_date=born) == [
        ("4", "Inte inom 28", None)
    ]
    assert run([death, child], {"2.2": "2026-10-29", "4": False}, birth_date=born) == [
        ("4", "Inom 28", None)
    ]


def test_debut_order() -> None:
    options = [{"code": "KRONISK", "label": "Kronisk"}]
    first = {"id": "8", "label": "A", "kind": "cause_of_death", "options": options}
    chain = {
        "id": "9",
        "label": "B-D",
        "kind": "cause_of_death_list",
        "options": options,
        "rules": [{"rule": "debut_order", "previous_field": "8", "message": "Tidigare"}],
    }
    content = {
        "8": {"description": "Hjärtstopp", "debut": "2026-11-20"},
        "9": [
            {"description": "Hjärtinfarkt", "debut": "2026-11-19"},
            {"description": "Ateroskleros", "debut": "2026-11-25"},
        ],
    }
    assert run([first, chain], content) == [("9", "Tidigare", "1.debut")]


def test_at_least_one_of() -> None:
    fields = [{"id": str(n), "label": str(n), "kind": "text_area_accordion"} for n in (8, 9, 10)]
    definition = make_definition(
        *fields,
        rules=[
            {
                "rule": "at_least_one_of",
                "fields": ["8", "9", "10"],
                "report_on": "8",
                "message": "Minst en",
            }
        ],
    )
    assert messages(validate(definition, {}, context())) == [("8", "Minst en", None)]
    assert messages(validate(definition, {"10": "Nedsatt minne"}, context())) == []
