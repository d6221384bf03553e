"""TS-bas (TSTRK1007) Transportstyrelsens läkarintyg: every rule of forms.md §5."""

from __future__ import annotations

from typing import Any

import pytest

from tests.models.definitions.types import samples
from tests.models.definitions.types.helpers import (
    ANSWER,
    DUPLICATE,
    INVALID_OPTION,
    OPTION,
    OPTIONS,
    POSTNUMMER,
    UNIT_REQUIRED,
    WRONG_TYPE,
    changed,
    check,
    definition,
    error,
    info,
    text,
    text_limit,
    without,
)

CODE_ = "ts-bas"
SAMPLE = samples.ts_bas()
PERSON = samples.ts_bas_persontransport()
ALWAYS_ASKED = [
    *("3", "4", "5", "6", "7", "10", "12", "14", "15", "16", "17", "20", "21", "22", "23"),
    *("24", "25.1", "25.2", "26.1", "27", "28", "29", "30", "31"),
]
ACUITY = "Ange synskärpa i intervallet 0,0 - 2,0."
EARLIER_EXAMINATION = (
    "Uppgifterna från tidigare utförd undersökning ska ingå som underlag vid läkarens samlade "
    "bedömning."
)
GLASSES = "Intyg om korrektionsglasens styrka måste skickas in."
DIABETES_CERTIFICATE = (
    "Har patienten tablett- eller insulinbehandlad diabetes krävs ett läkarintyg gällande "
    "sjukdomen."
)
DRUG_TESTING = "Om provtagning görs ska resultatet redovisas separat."
SPECIALIST = (
    "På grund av inmatade svar eller om det bedöms sannolikt att synfältsdefekter föreligger "
    "krävs läkarintyg av ögonspecialist."
)
CANNOT_DECIDE = '"Kan inte ta ställning" kan inte kombineras med någon behörighet.'


def test_samples_are_ready_to_sign() -> None:
    assert check(CODE_, SAMPLE) == []
    assert check(CODE_, PERSON) == []


@pytest.mark.parametrize("field_id", ALWAYS_ASKED)
def test_every_yes_no_question_is_required(field_id: str) -> None:
    assert check(CODE_, without(SAMPLE, field_id)) == [error(field_id, OPTION)]


@pytest.mark.parametrize(("field_id", "message"), [("1", OPTIONS), ("2", OPTION), ("45", OPTIONS)])
def test_other_required_fields(field_id: str, message: str) -> None:
    assert check(CODE_, without(SAMPLE, field_id)) == [error(field_id, message)]


def test_acuity_table_is_required() -> None:
    assert check(CODE_, without(SAMPLE, "8")) == [error("8", ANSWER)]


@pytest.mark.parametrize(("field_id", "message"), UNIT_REQUIRED)
def test_unit_fields_have_their_own_missing_messages(field_id: str, message: str) -> None:
    assert check(CODE_, without(SAMPLE, field_id)) == [error(field_id, message)]


def test_postnummer_format() -> None:
    bad = changed(SAMPLE, {"unit.postnummer": "SE-123 45"})
    assert check(CODE_, bad) == [error("unit.postnummer", POSTNUMMER)]


def test_licence_codes() -> None:
    assert check(CODE_, changed(SAMPLE, {"1": ["IAV3", "IAV3"]})) == [error("1", DUPLICATE)]
    assert check(CODE_, changed(SAMPLE, {"1": ["IAV15"]})) == [error("1", INVALID_OPTION, "IAV15")]
    assert check(CODE_, changed(SAMPLE, {"2": "IDK7"})) == [error("2", INVALID_OPTION)]


# --- 11 and 13: persontransport (D1, D1E, D, DE, Taxi) ----------------------------------------


@pytest.mark.parametrize("licence", ["IAV5", "IAV6", "IAV7", "IAV8", "IAV9"])
def test_persontransport_asks_11_and_13(licence: str) -> None:
    content = changed(SAMPLE, {"1": ["IAV3", licence]})
    assert check(CODE_, content) == [error("11", OPTION), error("13", OPTION)]


@pytest.mark.parametrize("licences", [["IAV1", "IAV2", "IAV3", "IAV4"], ["IAV10"]])
def test_other_licences_skip_11_and_13(licences: list[str]) -> None:
    content = changed(SAMPLE, {"1": licences, "11": "inte ett svar", "13": 5})
    assert check(CODE_, content) == []


# --- Ja answers that open a detail ------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "details", "limit"),
    [
        ("12", ["12.1"], 180),
        ("16", ["16.1"], 180),
        ("26.1", ["26.2"], 180),
        ("30", ["30.2", "30.3", "30.4"], None),
        ("31", ["31.2"], 180),
    ],
)
def test_ja_requires_its_details(question: str, details: list[str], limit: int | None) -> None:
    content = changed(SAMPLE, {question: True})
    assert check(CODE_, content) == [error(detail, ANSWER) for detail in details]
    hidden = changed(SAMPLE, dict.fromkeys(details, text(500)))
    assert check(CODE_, hidden) == []  # Nej: the details are ignored
    if limit is not None:
        over = changed(content, {details[0]: text(limit + 1)})
        assert check(CODE_, over) == [error(details[0], text_limit(limit))]


@pytest.mark.parametrize(("field_id", "limit"), [("30.2", 40), ("30.3", 40), ("30.4", 50)])
def test_hospital_care_text_limits(field_id: str, limit: int) -> None:
    assert check(CODE_, changed(PERSON, {field_id: text(limit)})) == []
    over = changed(PERSON, {field_id: text(limit + 1)})
    assert check(CODE_, over) == [error(field_id, text_limit(limit))]


def test_other_consciousness_disorder_detail_is_optional() -> None:
    assert check(CODE_, without(PERSON, "21.1")) == []
    over = changed(PERSON, {"21.1": text(181)})
    assert check(CODE_, over) == [error("21.1", text_limit(180))]
    assert check(CODE_, changed(SAMPLE, {"21.1": text(181)})) == []


def test_diabetes_type_and_treatment() -> None:
    assert check(CODE_, changed(SAMPLE, {"17": True})) == [error("18", OPTION)]
    type2 = changed(SAMPLE, {"17": True, "18": "DIABETES_TYP_2"})
    assert check(CODE_, type2) == [error("19", OPTIONS)]
    type1 = changed(SAMPLE, {"17": True, "18": "DIABETES_TYP_1", "19": ["okänt"]})
    assert check(CODE_, type1) == [info("18", DIABETES_CERTIFICATE)]  # 19 only for typ 2
    assert check(CODE_, changed(SAMPLE, {"18": "okänd typ"})) == []  # hidden when 17 = Nej


def test_drug_testing_question_for_abuse_or_care() -> None:
    assert check(CODE_, changed(SAMPLE, {"25.1": True})) == [error("25.3", OPTION)]
    assert check(CODE_, changed(SAMPLE, {"25.2": True})) == [error("25.3", OPTION)]
    assert check(CODE_, changed(SAMPLE, {"25.3": "ja"})) == []  # hidden


# --- Information messages ---------------------------------------------------------------------


@pytest.mark.parametrize("question", ["3", "4", "5"])
def test_eye_specialist_message(question: str) -> None:
    assert check(CODE_, changed(SAMPLE, {question: True})) == [info("5.1", SPECIALIST)]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"9": True}, info("9", GLASSES)),
        ({"19": ["tabletter"]}, info("19", DIABETES_CERTIFICATE)),
        ({"19": ["kost", "tabletter"]}, info("19", DIABETES_CERTIFICATE)),
        ({"19": ["insulin"]}, info("19", DIABETES_CERTIFICATE)),
        ({"18": "DIABETES_TYP_1", "19": None}, info("18", DIABETES_CERTIFICATE)),
        ({"25.3": True}, info("25.3", DRUG_TESTING)),
    ],
)
def test_info_texts_as_on_the_form(change: dict[str, Any], expected: Any) -> None:
    assert check(CODE_, changed(PERSON, change)) == [expected]


def test_no_diabetes_info_for_diet_alone() -> None:
    assert check(CODE_, changed(PERSON, {"19": ["kost"]})) == []


# --- 8: visual acuity -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        ({"hoger": {"utan": 0.0}, "vanster": {"utan": 2.0}, "binokulart": {"utan": 1.0}}, []),
        (
            {"hoger": {"utan": 2.1}, "vanster": {"utan": -0.1}, "binokulart": {"utan": 1.0}},
            [error("8", ACUITY, "hoger.utan"), error("8", ACUITY, "vanster.utan")],
        ),
        (
            {"hoger": {"utan": 0.5, "med": 2.5}, "vanster": {"utan": 1}, "binokulart": {"utan": 1}},
            [error("8", ACUITY, "hoger.med")],
        ),
        (
            {"hoger": {"utan": 0.5}, "vanster": {"utan": 0.5}},
            [error("8", ANSWER, "binokulart.utan")],
        ),
        (
            {"hoger": {"utan": None}, "vanster": {"utan": 0.5}, "binokulart": {"utan": 0.5}},
            [error("8", ANSWER, "hoger.utan")],
        ),
        (
            {"hoger": {"utan": True}, "vanster": {"utan": 0.5}, "binokulart": {"utan": 0.5}},
            [error("8", WRONG_TYPE, "hoger.utan")],
        ),
        (
            {**SAMPLE["8"], "mitten": {"utan": 0.5}},
            [error("8", INVALID_OPTION, "mitten.utan")],
        ),
    ],
)
def test_visual_acuity(table: dict[str, Any], expected: list[Any]) -> None:
    assert check(CODE_, changed(SAMPLE, {"8": table})) == expected


def test_earlier_examination_note_under_the_table() -> None:
    assert definition(CODE_).field("8").sub_label == EARLIER_EXAMINATION  # 8.10


def test_contact_lenses_are_a_checkbox_per_eye() -> None:
    assert [c.id for c in definition(CODE_).field("8").columns if c.checkbox] == ["kontaktlinser"]
    assert check(CODE_, PERSON) == []


def test_no_binocular_contact_lenses() -> None:
    table = {**PERSON["8"], "binokulart": {"utan": 0.4, "kontaktlinser": True}}
    assert check(CODE_, changed(PERSON, {"8": table})) == [
        error("8", INVALID_OPTION, "binokulart.kontaktlinser")
    ]


# --- 45: assessment ---------------------------------------------------------------------------


def test_cannot_decide_excludes_every_licence() -> None:
    assert check(CODE_, changed(SAMPLE, {"45": ["VAR11"]})) == []
    both = changed(SAMPLE, {"45": ["VAR3", "VAR11"]})
    assert check(CODE_, both) == [error("45", CANNOT_DECIDE, "VAR11")]
    assert check(CODE_, changed(SAMPLE, {"45": ["VAR12"]})) == [
        error("45", INVALID_OPTION, "VAR12")
    ]


@pytest.mark.parametrize(("field_id", "limit"), [("32", 500), ("46", 130)])
def test_text_limits(field_id: str, limit: int) -> None:
    assert check(CODE_, changed(SAMPLE, {field_id: text(limit)})) == []
    over = changed(SAMPLE, {field_id: text(limit + 1)})
    assert check(CODE_, over) == [error(field_id, text_limit(limit))]
