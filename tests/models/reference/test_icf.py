"""ICF: the shipped list, its search, FMB's ICF codes per diagnosis and the text's ICF line."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from models.reference.fmb import IcfCodes, fmb
from models.reference.icf import (
    IcfCatalogue,
    IcfCode,
    IcfField,
    chosen_in_text,
    codes_in_text,
    icf,
    suggested_codes,
    with_icf_codes,
)
from resources import resource_path

ICF_XLS = "icf-klassifikationer-koder-for-funktionstillstand-alternativa-termer-2019.xls"


def _labels(codes: list[IcfCode] | tuple[IcfCode, ...]) -> list[str]:
    return [code.label for code in codes]


def _codes(codes: list[IcfCode] | tuple[IcfCode, ...]) -> list[str]:
    return [code.code for code in codes]


# --- the list ---------------------------------------------------------------------------------


def test_the_list_has_every_code_of_the_source(shared_data: Path) -> None:
    xlrd = pytest.importorskip("xlrd", reason="reading the source .xls needs xlrd")
    sheet = xlrd.open_workbook(str(shared_data / "icf" / ICF_XLS)).sheet_by_index(1)
    source = {str(sheet.cell_value(row, 8)).strip() for row in range(2, sheet.nrows)} - {""}
    assert len(source) == 1594  # 1,595 rows with a code: e2600 is there twice
    assert {code.code for code in icf()} == source


def test_the_shipped_list_is_up_to_date(shared_data: Path) -> None:
    pytest.importorskip("xlrd", reason="reading the source .xls needs xlrd")
    from resources.reference.convert_reference_data import ICF_HEADER, convert_icf

    rows = convert_icf(shared_data)
    assert rows is not None
    rebuilt = "\n".join("\t".join(row) for row in [list(ICF_HEADER), *rows]) + "\n"
    shipped = gzip.decompress(resource_path("reference", "icf.tsv.gz").read_bytes())
    assert rebuilt == shipped.decode("utf-8"), (
        "resources/reference/icf.tsv.gz is stale: run "
        ".venv/bin/python -m resources.reference.convert_reference_data"
    )


def test_size_and_components() -> None:
    catalogue = icf()
    assert len(catalogue) == 1594
    counts: dict[str, int] = {}
    for code in catalogue:
        counts[code.component] = counts.get(code.component, 0) + 1
    assert counts == {"b": 528, "s": 322, "d": 472, "e": 272}
    first = next(iter(catalogue))
    assert (first.code, first.title) == ("b", "KROPPSFUNKTIONER")


@pytest.mark.parametrize(
    ("code", "title", "term"),
    [
        ("b1300", "Energinivå", ""),
        ("b1400", "Att vidmakthålla uppmärksamhet", "Vidmakthålla uppmärksamhet"),
        ("b280", "Smärtförnimmelse", "Smärta"),
        ("d230", "Att genomföra daglig rutin", "Genomföra daglig rutin"),
        ("b1528A", "Känsla av trygghet", ""),  # a Swedish extension
        ("b1", "Psykiska funktioner", ""),  # a chapter
    ],
)
def test_known_codes(code: str, title: str, term: str) -> None:
    entry = icf().get(code)
    assert entry is not None
    assert (entry.code, entry.title, entry.term) == (code, title, term)
    assert entry.name == (term or title)  # Webcert shows the alternative term if there is one


def test_lookup_ignores_case_and_spaces() -> None:
    catalogue = icf()
    assert catalogue.get(" D230 ") == catalogue.get("d230")
    assert catalogue.get("b1528a") is not None and "B1528A" in catalogue
    assert catalogue.get("b9999") is None and catalogue.name("b9999") == ""
    assert catalogue.name("b280") == "Smärta"


def test_texts_are_clean() -> None:
    d230 = icf().get("d230")
    assert d230 is not None
    assert d230.description.startswith("Att genomföra enkla eller sammansatta")
    assert (
        d230.includes
        == "att hantera och fullfölja dagliga rutiner; att anpassa sin egen aktivitetsnivå"
    )
    body = icf().get("b")
    assert body is not None  # two lines in the source stay two sentences
    assert "psykologiska funktioner. Funktionsnedsättningar (Impairments)" in body.description
    for code in icf():
        for text in (code.title, code.term, code.description, code.includes):
            assert text == " ".join(text.split())


# --- search -----------------------------------------------------------------------------------


def test_a_code_or_its_start_lists_the_codes_in_order() -> None:
    assert _codes(icf().search("b13", 4)) == ["b130", "b1300", "b1301", "b1302"]
    assert _codes(icf().search("D23")) == [
        "d230",
        "d2301",
        "d2302",
        "d2303",
        "d2304",
        "d2308",
        "d2309",
    ]
    assert _codes(icf().search("b1528a")) == ["b1528A"]
    assert icf().search("b99") == []


def test_words_find_names_best_first() -> None:
    catalogue = icf()
    assert _labels(catalogue.search("daglig rutin", 2)) == [
        "d230 Genomföra daglig rutin",
        "d2301 Klara daglig rutin",
    ]
    assert catalogue.search("smärta")[0].code == "b280"  # the alternative term, a whole word
    assert catalogue.search("SÖMN")[0].code == "b134"  # any case
    assert catalogue.search("smarta") == []  # ä is a letter of its own
    assert [code.code for code in catalogue.search("energi", 2)] == ["b130", "b1300"]


def test_catch_all_categories_come_after_the_others() -> None:
    found = _codes(icf().search("energi"))
    assert found.index("b1300") < found.index("b1308") and found.index("b1300") < found.index(
        "b1309"
    )


def test_a_word_inside_a_compound_and_the_includes_text_are_found() -> None:
    catalogue = icf()
    assert "b140" in _codes(catalogue.search("uppmärksamhet"))
    assert "b1409" in _codes(catalogue.search("uppmärksamhetsfunktioner"))
    assert _codes(catalogue.search("ångest")) == ["b152"]  # only in b152's "innefattar"
    assert _codes(catalogue.search("koncentration")) == ["b140"]


def test_the_preferred_component_comes_first() -> None:
    catalogue = icf()
    assert catalogue.search("uppmärksamhet", prefer="b")[0].code == "b140"
    assert catalogue.search("uppmärksamhet", prefer="d")[0].code == "d160"


def test_search_limits_and_empty_queries() -> None:
    catalogue = icf()
    assert catalogue.search("") == [] and catalogue.search("   ") == []
    assert catalogue.search("smärta", 0) == []
    assert len(catalogue.search("b", 10)) == 10
    assert len(catalogue.search("b")) == 50


def test_a_catalogue_from_rows() -> None:
    catalogue = IcfCatalogue(
        [("b1", "Psykiska funktioner", "", "", ""), ("d1", "Lärande", "", "", "")]
    )
    assert len(catalogue) == 2 and _codes(catalogue.search("lär")) == ["d1"]
    with pytest.raises(ValueError, match="twice"):
        IcfCatalogue([("b1", "a", "", "", ""), ("B1", "b", "", "", "")])


# --- FMB's ICF codes --------------------------------------------------------------------------


def _fmb_dump(shared_data: Path) -> list[dict[str, Any]]:
    path = shared_data / "fmb" / "FmdxInfoStubResponse.json"
    data: list[dict[str, Any]] = json.loads(path.read_text("utf-8"))["data"]
    return data


def _kod(section: dict[str, Any], key: str) -> list[str]:
    return list(dict.fromkeys(item["kod"] for item in section[key]))


def test_fmb_keeps_the_icf_codes_of_every_heading(shared_data: Path) -> None:
    catalogue = fmb()
    for item in _fmb_dump(shared_data):
        attributes = item["attributes"]
        info = catalogue.lookup(attributes["diagnoskod"][0]["kod"])
        assert info is not None
        for section, codes in (
            (attributes["funktionsnedsattning"], info.impairment_icf),
            (attributes["aktivitetsbegransning"], info.activity_icf),
        ):
            central = _kod(section, "centralkod")
            complementary = [c for c in _kod(section, "kompletterandekod") if c not in central]
            assert codes == IcfCodes(tuple(central), tuple(complementary))
            assert all(code in icf() for code in codes.all)  # every one has a title


def test_fmb_icf_codes_of_utmattningssyndrom() -> None:
    info = fmb().lookup("F43.8A")
    assert info is not None and info.matched_code == "F438"
    assert info.impairment_icf.central[:3] == ("b114", "b126", "b130")
    assert info.impairment_icf.complementary == ("b220",)
    assert info.activity_icf.central[:4] == ("d160", "d210", "d220", "d230")
    assert info.impairment_icf.all[-1] == "b220"


def test_suggestions_for_one_diagnosis_fall_back_to_a_shorter_code() -> None:
    suggestions = suggested_codes(["F43.8A"], IcfField.IMPAIRMENT)
    assert suggestions and suggestions.without == ()
    (group,) = suggestions.groups
    (diagnosis,) = group.diagnoses
    assert (diagnosis.code, diagnosis.fmb_code, diagnosis.heading) == (
        "F438A",
        "F438",
        "Utmattningssyndrom",
    )
    assert diagnosis.is_fallback and not group.common
    assert group.central[0].label == "b114 Orientering"
    assert _codes(group.complementary) == ["b220"]
    assert group.codes == group.central + group.complementary


def test_suggestions_follow_the_field() -> None:
    impairment = suggested_codes(["F32.1"], IcfField.IMPAIRMENT).groups[0]
    activity = suggested_codes(["F32.1"], IcfField.ACTIVITY).groups[0]
    assert {code.component for code in impairment.codes} == {"b"}
    assert {code.component for code in activity.codes} == {"d"}
    assert _codes(activity.central)[:3] == ["d160", "d163", "d175"]
    assert IcfField.IMPAIRMENT.component == "b" and IcfField.ACTIVITY.component == "d"


def test_codes_several_diagnoses_share_come_first() -> None:
    suggestions = suggested_codes(["F43.8A", "M54.5"], IcfField.IMPAIRMENT)
    common, utmattning, lumbago = suggestions.groups
    assert common.common
    assert [d.code for d in common.diagnoses] == ["F438A", "M545"]
    assert _codes(common.central) == ["b134", "b140"]  # central for both
    assert "b134" not in _codes(utmattning.codes) and "b134" not in _codes(lumbago.codes)
    assert [d.code for d in lumbago.diagnoses] == ["M545"]


def test_diagnoses_under_one_heading_share_a_group() -> None:
    groups = suggested_codes(["M54.4", "M51"], IcfField.ACTIVITY).groups
    assert len(groups) == 1
    assert [d.code for d in groups[0].diagnoses] == ["M544", "M51"]
    assert groups[0].diagnoses[0].heading == "Lumbago-ischias, diskbråck"


def test_diagnoses_without_icf_codes() -> None:
    # L40 has FMB support but no ICF codes; A00 has no FMB support at all.
    suggestions = suggested_codes(["L40", "A00", "", "l40"], IcfField.IMPAIRMENT)
    assert not suggestions and suggestions.groups == ()
    assert suggestions.without == ("L40", "A00")
    assert not suggested_codes([], IcfField.ACTIVITY)


# --- the ICF line in the text -----------------------------------------------------------------


def _code(code: str) -> IcfCode:
    entry = icf().get(code)
    assert entry is not None
    return entry


def test_the_line_goes_first_and_is_read_back() -> None:
    text = with_icf_codes("", [_code("b1300"), _code("b1400")])
    assert text == "ICF: b1300 Energinivå; b1400 Vidmakthålla uppmärksamhet\n"
    assert codes_in_text(text) == ["b1300", "b1400"]
    assert chosen_in_text(text, icf()) == [_code("b1300"), _code("b1400")]
    described = with_icf_codes("Orkar inte arbeta heltid.", [_code("b130")])
    assert described == (
        "ICF: b130 Energinivå, motivation, aptit, begär, impulskontroll\nOrkar inte arbeta heltid."
    )
    assert codes_in_text(described) == ["b130"]  # commas inside a name do not split it


def test_the_line_is_replaced_and_goes_when_empty() -> None:
    text = "ICF: b1300 Energinivå; b1400 Vidmakthålla uppmärksamhet\nTrött.\nICF: nämns här"
    replaced = with_icf_codes(text, [_code("b1400"), _code("b134")])
    assert replaced == "ICF: b1400 Vidmakthålla uppmärksamhet; b134 Sömn\nTrött.\nICF: nämns här"
    assert with_icf_codes(text, []) == "Trött.\nICF: nämns här"
    assert with_icf_codes("Trött.", []) == "Trött."
    assert codes_in_text("Trött.\nICF: b1300") == []  # only the first line counts


def test_what_the_line_has_besides_codes_is_kept() -> None:
    text = "ICF: b1300 Energinivå; se journal; b9999 okänd\nTrött."
    chosen = chosen_in_text(text, icf())
    assert chosen == [_code("b1300"), "b9999 okänd"]
    assert with_icf_codes(text, chosen) == (
        "ICF: b1300 Energinivå; b9999 okänd; se journal\nTrött."
    )
    assert with_icf_codes(text, []) == "ICF: se journal\nTrött."
