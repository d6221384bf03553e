"""Patient identity numbers, checked against Skatteverket's published test numbers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

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


# --- Skatteverket's published test numbers ------------------------------------------------------

PERSONNUMMER_FILES = (
    "Testpersonnummer_170117.csv",
    "2018Testpersonnummer_2018_171219.csv",
    "Testpersonnummer_2019.csv",
)


def _numbers(folder: Path, name: str) -> list[str]:
    header, *numbers = (folder / "testpersonnummer" / name).read_text(encoding="utf-8").split()
    assert header in ("Testpersonnummer", "SAMORDNINGSNUMMER")
    return numbers


@pytest.fixture(scope="module")
def personnummer(shared_data: Path) -> list[str]:
    return [number for name in PERSONNUMMER_FILES for number in _numbers(shared_data, name)]


@pytest.fixture(scope="module")
def samordningsnummer(shared_data: Path) -> list[str]:
    return _numbers(shared_data, "Test_samordn_nr2019.csv")


def test_every_test_personnummer_is_a_personnummer_with_its_birth_date(
    personnummer: list[str],
) -> None:
    assert len(personnummer) == 20_452
    for number in personnummer:
        parsed = parse(number, TODAY)
        assert parsed.kind is PatientIdKind.PERSONNUMMER, number
        assert parsed.digits == number
        born = dt.date(int(number[:4]), int(number[4:6]), int(number[6:8]))
        assert parsed.birth_date == born, number


def test_every_test_samordningsnummer_is_a_samordningsnummer(samordningsnummer: list[str]) -> None:
    assert len(samordningsnummer) == 1_500
    unknown_dates = []
    for number in samordningsnummer:
        parsed = parse(number, TODAY)
        assert parsed.kind is PatientIdKind.SAMORDNINGSNUMMER, number
        assert parsed.birth_year == int(number[:4])
        if parsed.birth_date is None:
            unknown_dates.append(number)
        else:
            assert parsed.birth_date == dt.date(
                int(number[:4]), int(number[4:6]), int(number[6:8]) - 60
            )
    # Month 00 (132), day 60 (41), both (3), or a day the month lacks (24, e.g. 31 April).
    assert len(unknown_dates) == 194
    assert "191500722390" in unknown_dates  # month 00, the 12th
    assert "192004912388" in unknown_dates  # "31 April" 1920


def _changed(number: str, position: int, shift: int) -> str:
    return number[:position] + str((int(number[position]) + shift) % 10) + number[position + 1 :]


def test_any_one_changed_digit_is_caught(
    personnummer: list[str], samordningsnummer: list[str]
) -> None:
    """Every digit the check digit covers (the last ten), changed by a varying amount."""
    accepted = []
    for count, number in enumerate(personnummer + samordningsnummer):
        for position in range(2, 12):
            changed = _changed(number, position, 1 + (count + position) % 9)
            try:
                parse(changed, TODAY)
            except PatientIdError:
                continue
            accepted.append(changed)
    assert accepted == []


def test_every_change_of_every_digit_is_caught_in_the_sample(shared_data: Path) -> None:
    rows = (shared_data / "testpersonnummer" / "sample.csv").read_text(encoding="utf-8")
    numbers = [line.split(",")[1] for line in rows.splitlines()[1:]]
    assert len(numbers) == 37
    for number in numbers:
        parse(number, TODAY)
        for position in range(2, 12):
            for shift in range(1, 10):
                with pytest.raises(PatientIdError):
                    parse(_changed(number, position, shift), TODAY)


@pytest.mark.parametrize(
    ("typed", "digits", "year"),
    [
        ("19150072-2390", "191500722390", 1915),  # month unknown
        ("150072+2390", "191500722390", 1915),
        ("19160086-2393", "191600862393", 1916),
        ("191600802399", "191600802399", 1916),  # month and day unknown
    ],
)
def test_samordningsnummer_with_an_unknown_birth_date(typed: str, digits: str, year: int) -> None:
    parsed = parse(typed, TODAY)
    assert (parsed.digits, parsed.kind, parsed.birth_date) == (
        digits,
        PatientIdKind.SAMORDNINGSNUMMER,
        None,
    )
    assert parsed.birth_year == year
    assert parsed.age(TODAY) is None


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("19150012-2390", "datumet finns inte"),  # a personnummer cannot lack its month
        ("19200431-2388", "datumet finns inte"),  # nor have 31 April
        ("19700192-2395", "datumet finns inte"),  # a samordningsnummer day cannot pass 91
        ("20301212-1212", "födelsedatumet har inte kommit än"),
        ("19121212-0006", "födelsenumret 000 finns inte"),
        ("18121212-1212", "datumet finns inte"),
    ],
)
def test_impossible_numbers_say_why(typed: str, reason: str) -> None:
    with pytest.raises(PatientIdError) as raised:
        parse(typed, TODAY)
    assert raised.value.message.endswith(f"({reason}).")


def test_the_reservnummer_has_no_birth_year() -> None:
    assert parse("991981000010", TODAY).birth_year is None
