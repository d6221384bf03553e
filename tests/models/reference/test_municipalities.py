"""Sweden's municipalities: the shipped list, the name check and the type-ahead search."""

from __future__ import annotations

from collections import Counter

import pytest

from models.reference.municipalities import (
    Municipality,
    MunicipalityCatalogue,
    is_municipality,
    municipalities,
)
from resources import resource_path


def names(found: list[Municipality]) -> list[str]:
    return [municipality.name for municipality in found]


# --- the shipped list -------------------------------------------------------------------------


def test_all_290_municipalities_in_21_counties() -> None:
    catalogue = municipalities()
    assert len(catalogue) == 290
    assert len({m.code for m in catalogue}) == 290
    counties = catalogue.counties()
    assert len(counties) == 21
    assert counties[0] == "Stockholms län" and counties[-1] == "Norrbottens län"
    per_county = Counter(m.county for m in catalogue)
    assert per_county["Västra Götalands län"] == 49
    assert per_county["Skåne län"] == 33
    assert per_county["Gotlands län"] == 1


def test_codes_are_four_digits_starting_with_the_county_code() -> None:
    county_code: dict[str, str] = {}
    for municipality in municipalities():
        assert len(municipality.code) == 4 and municipality.code.isdigit()
        assert (
            county_code.setdefault(municipality.county, municipality.code[:2])
            == (municipality.code[:2])
        )


def test_the_file_is_in_code_order_with_a_header() -> None:
    lines = resource_path("reference", "kommuner.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "kommunkod\tkommun\tlän"
    codes = [line.split("\t")[0] for line in lines[1:]]
    assert codes == sorted(codes) and len(codes) == 290


@pytest.mark.parametrize(
    ("code", "name", "county"),
    [
        ("0114", "Upplands Väsby", "Stockholms län"),
        ("0139", "Upplands-Bro", "Stockholms län"),
        ("0180", "Stockholm", "Stockholms län"),
        ("0760", "Uppvidinge", "Kronobergs län"),
        ("0780", "Växjö", "Kronobergs län"),
        ("0980", "Gotland", "Gotlands län"),
        ("1256", "Östra Göinge", "Skåne län"),
        ("1438", "Dals-Ed", "Västra Götalands län"),
        ("1462", "Lilla Edet", "Västra Götalands län"),
        ("1480", "Göteborg", "Västra Götalands län"),
        ("2023", "Malung-Sälen", "Dalarnas län"),
        ("2321", "Åre", "Jämtlands län"),
        ("2284", "Örnsköldsvik", "Västernorrlands län"),
        ("2584", "Kiruna", "Norrbottens län"),
    ],
)
def test_known_municipalities(code: str, name: str, county: str) -> None:
    assert municipalities().by_code(code) == Municipality(code, name, county)
    assert municipalities().get(name) == Municipality(code, name, county)


def test_habo_and_habo_are_two() -> None:
    """Håbo (Uppsala län) and Habo (Jönköpings län): å is not a."""
    assert municipalities().get("håbo") == Municipality("0305", "Håbo", "Uppsala län")
    assert municipalities().get("habo") == Municipality("0643", "Habo", "Jönköpings län")


# --- the name check ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed", ["Stockholm", "stockholm", " STOCKHOLM ", "upplands  väsby", "MALUNG-SÄLEN", "åre"]
)
def test_is_municipality_ignores_case_and_spaces(typed: str) -> None:
    assert is_municipality(typed)
    assert typed in municipalities()


@pytest.mark.parametrize(
    "typed",
    ["", " ", "Region Gotland", "Visby", "Stockholms län", "Stockholm kommun", "Vaxjo", "Malung"],
)
def test_not_municipalities(typed: str) -> None:
    assert not is_municipality(typed)
    assert typed not in municipalities()


def test_decomposed_letters_are_the_same_name() -> None:
    assert is_municipality("A\u030are")  # "Åre" as A + combining ring, as macOS may type it


@pytest.mark.parametrize(
    ("typed", "official"),
    [(" upplands väsby", "Upplands Väsby"), ("malung-sälen", "Malung-Sälen"), ("Oslo", None)],
)
def test_official_name(typed: str, official: str | None) -> None:
    assert municipalities().official_name(typed) == official


# --- the search -------------------------------------------------------------------------------


def test_search_upp() -> None:
    assert names(municipalities().search("upp")) == [
        "Upplands-Bro",
        "Upplands Väsby",
        "Uppsala",
        "Uppvidinge",
    ]


def test_search_sund_finds_names_starting_with_it_only() -> None:
    # Stenungsund, Strömsund and Askersund have "sund" inside a word, not at its start.
    assert names(municipalities().search("Sund")) == ["Sundbyberg", "Sundsvall"]


def test_names_that_start_with_the_text_come_before_later_words() -> None:
    assert names(municipalities().search("bro")) == ["Bromölla", "Upplands-Bro"]
    assert names(municipalities().search("ed")) == ["Eda", "Dals-Ed", "Lilla Edet"]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("sälen", ["Malung-Sälen"]),
        ("göinge", ["Östra Göinge"]),
        ("upplands v", ["Upplands Väsby"]),
        ("upplands-b", ["Upplands-Bro"]),
        ("UPPLANDS BRO", ["Upplands-Bro"]),
        ("väsby upplands", ["Upplands Väsby"]),
        ("  göteborg ", ["Göteborg"]),
        ("0180", ["Stockholm"]),
        ("2584", ["Kiruna"]),
    ],
)
def test_search(typed: str, expected: list[str]) -> None:
    assert names(municipalities().search(typed)) == expected


def test_swedish_letters_are_letters_of_their_own() -> None:
    assert names(municipalities().search("ha")) == [
        "Habo",
        "Hagfors",
        "Hallsberg",
        "Hallstahammar",
        "Halmstad",
        "Hammarö",
        "Haninge",
        "Haparanda",
    ]
    assert names(municipalities().search("hå")) == ["Håbo"]
    assert names(municipalities().search("ö"))[:3] == ["Öckerö", "Ödeshög", "Örebro"]


def test_search_in_swedish_alphabetical_order() -> None:
    found = names(municipalities().search("s", limit=300))
    assert found[:3] == ["Sala", "Salem", "Sandviken"]
    assert found.index("Sölvesborg") > found.index("Svenljunga")  # ö after z


def test_search_limit_and_nothing_typed() -> None:
    assert len(municipalities().search("s", limit=5)) == 5
    assert municipalities().search("s", limit=0) == []
    assert municipalities().search("") == []
    assert municipalities().search("  - ") == []
    assert municipalities().search("xyz") == []


def test_a_catalogue_from_rows() -> None:
    catalogue = MunicipalityCatalogue([("0002", "Småmåla", "Testlän"), ("0001", "Ada", "Testlän")])
    assert [m.name for m in catalogue] == ["Ada", "Småmåla"]
    with pytest.raises(ValueError, match="twice"):
        MunicipalityCatalogue([("0001", "Ada", "X"), ("0002", "ada", "X")])
