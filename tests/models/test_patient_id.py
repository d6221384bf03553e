import datetime as dt

import pytest

from models.errors import PatientIdError
from models.reference.patient_id import PatientIdKind, parse

TODAY = dt.date(2026, 11, 27)


@pytest.mark.parametrize(
    "typed", ["19121212-1212", "191212121212", "121212+1212", " 1912 1212 1212 ", "19121212+1212"]
)
def test_tolvan_in_every_common_form(typed: str) -> None:
    parsed = parse(typed, TODAY)
    assert parsed.digits == "191212121212"
    assert parsed.kind is PatientIdKind.PERSONNUMMER
    assert parsed.formatted() == "19121212-1212"
    assert parsed.age(TODAY) == 113


def test_ten_digits_with_minus_means_the_latest_century() -> None:
    assert parse("121212-1212", TODAY).digits == "201212121212"


def test_ten_digits_uses_the_given_date_not_the_system_date() -> None:
    # 1 Jan 2000 has passed in 2026, but had not yet come on New Year's Eve 1999.
    assert parse("000101-2384", dt.date(2026, 11, 27)).digits == "200001012384"
    assert parse("000101-2384", dt.date(1999, 12, 31)).digits == "190001012384"


def test_samordningsnummer_is_recognised() -> None:
    parsed = parse("19700178-2395", TODAY)
    assert parsed.kind is PatientIdKind.SAMORDNINGSNUMMER
    assert parsed.birth_date == dt.date(1970, 1, 18)


@pytest.mark.parametrize("number", ["991981000010", "991945000023", "991993000032", "992026000018"])
def test_region_stockholm_reservnummer(number: str) -> None:
    parsed = parse(number, TODAY)
    assert parsed.kind is PatientIdKind.RESERVNUMMER
    assert parsed.birth_date is None


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("19121212-1213", "19121212-1213 är inget giltigt personnummer eller samordningsnummer"),
        ("19121312-1212", "19121312-1212 är inget giltigt personnummer eller samordningsnummer"),
        ("19121212121", "”19121212121” är inget giltigt person-, samordnings- eller reservnummer"),
        ("abc", "”abc” är inget giltigt person-, samordnings- eller reservnummer"),
        ("", "Ange patientens personnummer"),
    ],
)
def test_malformed_numbers_get_a_swedish_message(typed: str, message: str) -> None:
    with pytest.raises(PatientIdError) as raised:
        parse(typed, TODAY)
    assert raised.value.message.startswith(message)
