"""FMB: lookup with Webcert's fallback, recommended lengths, and the texts as plain text."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from models.reference.diagnoses import icd10se
from models.reference.fmb import (
    SECTION_HEADINGS,
    FmbCatalogue,
    fmb,
    format_days,
    sick_leave_days,
)
from models.reference.fmb_text import html_to_text, reflow

K40_HEADING = (
    "Ljumskbråck, femoralbråck och navelbråck (opererats med öppen kirurgi eller laparoskopiskt)"
)


def _dump(shared_data: Path, name: str) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads((shared_data / "fmb" / name).read_text("utf-8"))["data"]
    return data


def test_every_fmb_code_is_there(shared_data: Path) -> None:
    headings = _dump(shared_data, "FmdxInfoStubResponse.json")
    assert len(headings) == 116
    expected = {
        code["kod"]: " ".join(item["attributes"]["diagnosrubrik"].split())
        for item in headings
        for code in item["attributes"]["diagnoskod"]
    }
    catalogue = fmb()
    assert len(catalogue) == len(expected) == 306
    assert catalogue.codes() == frozenset(expected)
    for code, heading in expected.items():
        info = catalogue.lookup(code)
        assert info is not None
        assert (info.matched_code, info.heading, info.is_fallback) == (code, heading, False)
        assert icd10se().exists(code)  # FMB's codes are all ICD-10-SE codes


def test_max_days_per_code_match_the_typical_cases(shared_data: Path) -> None:
    """The largest length over each code's typfall, in days: d = 1, wk = 7, mo = 31."""
    per_unit = {"d": 1, "wk": 7, "mo": 31}
    expected: dict[str, int] = {}
    for item in _dump(shared_data, "TypfallStubResponse.json"):
        attributes = item["attributes"]
        recommended = attributes["rekommenderadsjukskrivning"]
        if recommended.get("maximalsjukskrivningstid") is None:
            continue
        days = int(recommended["maximalsjukskrivningstid"])
        days *= per_unit[recommended["maximalsjukskrivningsenhet"]]
        for code in attributes["fmbtillstand"]["diagnoskod"]:
            expected[code["kod"]] = max(days, expected.get(code["kod"], 0))
    catalogue = fmb()
    assert len(expected) == 288
    assert {code: catalogue.max_sick_leave_days(code) for code in expected} == expected
    without = catalogue.codes() - set(expected)
    assert sorted(without)[:4] == ["C77", "C78", "C79", "G20"]
    assert all(catalogue.max_sick_leave_days(code) is None for code in without)


@pytest.mark.parametrize(
    ("code", "days"),
    [("K40", 28), ("J20", 14), ("F32", 186), ("S72", 372), ("M545", 14), ("M79", 744)],
)
def test_recommended_maximum(code: str, days: int) -> None:
    assert fmb().max_sick_leave_days(code) == days


def test_k40_as_webcert_shows_it() -> None:
    info = fmb().lookup("K40")
    assert info is not None
    assert (info.requested_code, info.matched_code, info.code_title) == (
        "K40",
        "K40",
        "Ljumskbråck",
    )
    assert info.heading == K40_HEADING
    assert info.related_codes == ("K40", "K41", "K42")
    assert [heading for heading, _ in info.sections] == [
        "Funktionsnedsättning",
        "Aktivitetsbegränsning",
        "Försäkringsmedicinsk information",  # no "Information om rehabilitering": it is empty
        "Symtom, prognos, behandling",
    ]
    assert dict(info.sections)["Funktionsnedsättning"] == (
        "Ljumskbråck, femoralbråck och navelbråck kan medföra smärta och begränsad muskelkraft.\n"
        "Funktionsnedsättningens omfattning efter operation beror på vilken operationsmetod "
        "som använts."
    )
    assert [case.max_days for case in info.typical_cases] == [0, 14, 21, 28]
    assert info.typical_cases[0].recommendation.startswith("Ingen sjukskrivning")
    assert info.typical_cases[-1].sentence.endswith("upp till 4 veckor på heltid.")
    assert info.max_sick_leave_days == 28
    assert info.reference is not None
    assert info.reference[1] == (
        "https://roi.socialstyrelsen.se/fmb/"
        "ljumskbrack-femoralbrack-och-navelbrack-opererats-med-oppen-kirurgi-eller-laparoskopiskt/110"
    )


@pytest.mark.parametrize(
    ("typed", "requested", "matched", "heading"),
    [
        ("F32.1", "F321", "F32", "Depressiv episod"),  # four characters to three
        ("f43.8a", "F438A", "F438", "Utmattningssyndrom"),  # five to four
        ("B18.0A", "B180A", "B18", "Virushepatiter"),  # five to three
        ("M79.7", "M797", "M79", "Långvarig smärta i rörelseorganen inkl. fibromyalgi"),
    ],
)
def test_lookup_falls_back_to_shorter_codes(
    typed: str, requested: str, matched: str, heading: str
) -> None:
    info = fmb().lookup(typed)
    assert info is not None
    assert (info.requested_code, info.matched_code, info.heading) == (requested, matched, heading)
    assert info.is_fallback
    assert info.max_sick_leave_days == fmb().max_sick_leave_days(matched)
    assert fmb().max_sick_leave_days(typed) == info.max_sick_leave_days


@pytest.mark.parametrize("code", ["Z00", "Z000", "A0", "F", ""])
def test_no_fmb_support(code: str) -> None:
    assert fmb().lookup(code) is None
    assert fmb().max_sick_leave_days(code) is None


def test_a_code_with_information_but_no_recommended_length() -> None:
    info = fmb().lookup("M23.2")
    assert info is not None
    assert (info.matched_code, info.heading) == ("M232", "Vissa knäledsskador")
    assert info.typical_cases == ()
    assert info.max_sick_leave_days is None


def test_the_largest_maximum_over_a_certificates_diagnoses() -> None:
    catalogue = fmb()
    assert catalogue.max_sick_leave_for(["F32.1", "J20", "Z00"]) == ("F32", 186)
    assert catalogue.max_sick_leave_for(["J20", "K40"]) == ("K40", 28)
    assert catalogue.max_sick_leave_for(["Z00", "M232"]) is None


def test_part_time_is_kept_as_the_grade() -> None:
    info = fmb().lookup("C50")
    assert info is not None
    assert "deltid" in {case.grade for case in info.typical_cases}


def test_every_text_is_plain_and_every_heading_known() -> None:
    known = {heading for _, heading in SECTION_HEADINGS}
    catalogue = fmb()
    for code in catalogue.codes():
        info = catalogue.lookup(code)
        assert info is not None
        assert len(info.sections) >= 2
        for heading, text in info.sections:
            assert heading in known
            assert text == text.strip() and text
            assert "<p" not in text and "</" not in text and "<br" not in text
            assert "\n\n\n" not in text


def test_lists_in_the_texts_become_bullets() -> None:
    info = fmb().lookup("I50")
    assert info is not None
    text = dict(info.sections)["Symtom, prognos, behandling"]
    assert "\n• NYHA 1 – hjärtsjukdom utan symtom.\n• NYHA 2 – lätt hjärtsvikt" in text


@pytest.mark.parametrize(
    ("value", "unit", "days"),
    [("3", "wk", 21), ("2", "mo", 62), ("10", "d", 10), ("0", "d", 0), (None, None, None)],
)
def test_sick_leave_days(value: str | None, unit: str | None, days: int | None) -> None:
    assert sick_leave_days(value, unit) == days


@pytest.mark.parametrize(
    ("days", "text"),
    [
        (1, "1 dag"),
        (10, "10 dagar"),
        (7, "1 vecka"),
        (21, "3 veckor"),
        (31, "1 månad"),
        (186, "6 månader"),
    ],
)
def test_format_days(days: int, text: str) -> None:
    assert format_days(days) == text


def test_a_catalogue_from_data() -> None:
    catalogue = FmbCatalogue(
        {
            "headings": [
                {
                    "title": "Rubrik",
                    "codes": [["A01", "Tyfoidfeber"]],
                    "sections": {"symtomprognosbehandling": "Text."},
                    "reference": None,
                }
            ],
            "typical_cases": [
                {
                    "codes": ["A01"],
                    "sentence": "Kort.",
                    "recommendation": "",
                    "value": "1",
                    "unit": "wk",
                    "grade": "heltid",
                },
                {
                    "codes": ["A01"],
                    "sentence": "Okänd.",
                    "recommendation": "",
                    "value": None,
                    "unit": None,
                    "grade": "heltid",
                },
                {
                    "codes": ["A01"],
                    "sentence": "Lång.",
                    "recommendation": "",
                    "value": "2",
                    "unit": "mo",
                    "grade": "deltid",
                },
            ],
        }
    )
    info = catalogue.lookup("A01.0")
    assert info is not None
    assert info.sections == (("Symtom, prognos, behandling", "Text."),)
    assert [case.sentence for case in info.typical_cases] == ["Kort.", "Lång.", "Okänd."]
    assert info.max_sick_leave_days == 62


# --- HTML and hard-wrapped text to plain text -------------------------------------------------


def test_html_to_text() -> None:
    markup = (
        "<p>Första stycket &amp; mer.<br  />Ny rad.</p>\n"
        "<ul>\n<li><p>ett</p>\n</li>\n<li>två</li>\n</ul>\n<ol><li>a</li><li>b</li></ol>"
        "<p>AHI 5-<15) <em>viktigt</em> "
        '<a href="https://example.org">länk</a></p>'
    )
    assert html_to_text(markup) == (
        "Första stycket & mer.\nNy rad.\n\n• ett\n• två\n\n1. a\n2. b\n\nAHI 5-<15) viktigt länk"
    )


def test_reflow_joins_lines_wrapped_for_width_only() -> None:
    text = (
        "Akut bronkit kan medföra feber och nedsatt\nfysisk uthållighet.\n"
        "Tillståndet påverkar\nandningen:\n1) lätt\n2) svår\n\n\nSamverkan med andra\n"
        "Företagshälsovården (tidigt)\nkopplas in."
    )
    assert reflow(text) == (
        "Akut bronkit kan medföra feber och nedsatt fysisk uthållighet.\n"
        "Tillståndet påverkar andningen:\n1) lätt\n2) svår\n\n"
        "Samverkan med andra\nFöretagshälsovården (tidigt) kopplas in."
    )
