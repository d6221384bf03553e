"""ICD-10-SE and KSH97-P: the shipped lists against the shared data, lookup, and search."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from models.reference.diagnoses import (
    ICD_10_SE,
    KSH_97_P,
    Diagnosis,
    DiagnosisCatalogue,
    icd10se,
    ksh97p,
    normalise_code,
)
from models.reference.title_index import query_words


def codes(found: list[Diagnosis]) -> list[str]:
    return [diagnosis.code for diagnosis in found]


@pytest.mark.parametrize(
    ("typed", "normalised"),
    [("f32.1", "F321"), (" F 32.1 ", "F321"), ("F43.8a", "F438A"), ("a02-p", "A02-P"), ("", "")],
)
def test_normalise_code(typed: str, normalised: str) -> None:
    assert normalise_code(typed) == normalised


@pytest.mark.parametrize(
    ("code", "shown"),
    [("F32", "F32"), ("F321", "F32.1"), ("F438A", "F43.8A"), ("A02-P", "A02-P"), ("A00-", "A00-")],
)
def test_display_code_puts_the_dot_after_the_category(code: str, shown: str) -> None:
    assert Diagnosis(code, "", ICD_10_SE).display_code == shown


# --- the shipped lists ------------------------------------------------------------------------


def test_icd10se_has_every_code_of_the_2022_edition(shared_data: Path) -> None:
    catalogue = icd10se()
    assert len(catalogue) == 35_684
    assert Counter(len(diagnosis.code) for diagnosis in catalogue) == {
        3: 2_056,
        4: 9_643,
        5: 23_985,
    }
    source = (shared_data / "icd10se" / "icd10se_2022_combined.tsv").read_text(encoding="utf-8")
    for line in source.splitlines()[1:]:
        code, title, _level, marking = line.split("\t")
        found = catalogue.get(code)
        assert found is not None, code
        assert (found.title, found.marking) == (title.strip(), marking)


def test_ksh97p_has_977_codes_and_every_alternative_title(shared_data: Path) -> None:
    catalogue = ksh97p()
    assert len(catalogue) == 977
    source = (shared_data / "ksh97p" / "KSH97P_SFAMALT.utf8.tsv").read_text(encoding="utf-8")
    for line in source.splitlines()[1:]:
        code, title = line.split("\t")
        found = catalogue.get(code)
        assert found is not None, code
        assert " ".join(title.split()) in (found.title, *catalogue.other_names(code))


def test_get_accepts_the_code_as_typed() -> None:
    catalogue = icd10se()
    for typed in ("F321", "F32.1", "f32.1", " f 32.1"):
        assert catalogue.get(typed) == Diagnosis("F321", "Medelsvår depressiv episod", ICD_10_SE)
        assert catalogue.exists(typed)
        assert typed in catalogue
    assert catalogue.get("F43.8A") == Diagnosis("F438A", "Utmattningssyndrom", ICD_10_SE)
    assert catalogue.get("F32.7") is None
    assert not catalogue.exists("F327")
    assert not catalogue.exists("")


def test_manifestation_and_etiology_markings() -> None:
    catalogue = icd10se()
    assert catalogue.get("G01") == Diagnosis(
        "G01", "Meningit vid bakteriesjukdomar som klassificeras på annan plats", ICD_10_SE, "*"
    )
    tuberculous = catalogue.get("A17.0")
    assert tuberculous is not None
    assert (tuberculous.marking, tuberculous.title) == ("†", "Tuberkulös meningit (G01)")


def test_ksh97p_codes_with_or_without_their_dash() -> None:
    catalogue = ksh97p()
    shigellos = Diagnosis("A03-", "Shigellos", KSH_97_P)
    assert catalogue.get("A03-") == catalogue.get("a03") == shigellos
    assert (
        catalogue.get("A02-P")
        == catalogue.get("A02P")
        == Diagnosis("A02-P", "Salmonellainfektioner", KSH_97_P)
    )
    assert catalogue.get("A02") is None  # A02-P groups more than the ICD category A02
    assert catalogue.other_names("A03-") == (
        "Shigellainfektion",
        "Bakteriell dysenteri",
        "Rödsot",
    )


def test_icd10se_codes_carry_the_ksh97p_names_of_the_same_code_only() -> None:
    catalogue = icd10se()
    assert catalogue.other_names("F32") == (
        "Depression",
        "Psykogen depression",
        "Reaktiv depression",
    )
    assert catalogue.other_names("M54.5") == ("Ryggskott",)
    assert catalogue.other_names("A02") == ()  # KSH97-P's A02-P is a grouping, not A02


# --- search -----------------------------------------------------------------------------------


def test_a_code_prefix_lists_the_code_then_its_subcodes_in_order() -> None:
    found = icd10se().search("F32")
    assert codes(found) == [
        "F32",
        "F320",
        "F321",
        "F322",
        "F323",
        "F323A",
        "F323W",
        "F328",
        "F329",
    ]
    assert found[0].title == "Depressiv episod"


@pytest.mark.parametrize("typed", ["f32.1", "F32.1", "F321", "f 32.1"])
def test_an_exact_code_comes_first(typed: str) -> None:
    assert icd10se().search(typed)[0] == Diagnosis("F321", "Medelsvår depressiv episod", ICD_10_SE)


def test_j20_lists_acute_bronchitis_and_its_eleven_codes() -> None:
    found = icd10se().search("J20")
    assert found[0] == Diagnosis("J20", "Akut bronkit", ICD_10_SE)
    assert len(found) == 11
    assert all(code.startswith("J20") for code in codes(found))


def test_a_code_cited_in_titles_follows_the_code_itself() -> None:
    assert codes(icd10se().search("G01")) == ["G01", "G019", "A390", "A170"]


def test_depressiv_episod_finds_the_category_first() -> None:
    found = icd10se().search("depressiv episod")
    assert codes(found)[:4] == ["F32", "F329", "F320", "F321"]
    assert codes(found[4:6]) == ["F322", "F323"]
    assert {"F313", "F314", "F318B"} <= set(codes(found))


def test_depression_finds_f32_by_its_ksh97p_name_and_shows_the_icd_title() -> None:
    found = icd10se().search("depression")
    assert found[0] == Diagnosis("F32", "Depressiv episod", ICD_10_SE)
    assert {"F204", "F330", "F331", "F332", "F333", "F334", "F338", "F33"} <= set(codes(found))
    assert codes(ksh97p().search("depression"))[:2] == ["F32-", "F33-"]
    assert ksh97p().search("depression")[0].title == "Depression"  # the name that matched


def test_lumbago() -> None:
    assert icd10se().search("lumbago") == [
        Diagnosis("M545", "Lumbago", ICD_10_SE),
        Diagnosis("M544", "Lumbago med ischias", ICD_10_SE),
    ]
    assert [d.title for d in ksh97p().search("lumbago")] == ["Lumbago", "Lumbago med ischias"]


def test_ryggsmarta_finds_word_starts_before_compounds() -> None:
    # Only KSH97-P has the word: "Torakal ryggsmärta" (M54.6), "Halsryggsmärta" (M54.2).
    assert [(d.code, d.title) for d in ksh97p().search("ryggsmärta")] == [
        ("M546", "Torakal ryggsmärta"),
        ("M542", "Halsryggsmärta"),
    ]
    assert icd10se().search("ryggsmärta") == [
        Diagnosis("M546", "Smärtor i bröstryggen", ICD_10_SE),
        Diagnosis("M542", "Cervikalgi", ICD_10_SE),
    ]


def test_hoft_ranks_the_whole_word_first_and_every_hit_has_a_word_starting_with_it() -> None:
    catalogue = icd10se()
    found = catalogue.search("höft")
    assert len(found) == 50  # of 148 titles with such a word
    assert codes(found)[:3] == ["Q656", "R294", "S700"]  # "Instabil höft", "Knäppande höft", …
    for diagnosis in found:
        assert any(word.startswith("höft") for word in query_words(diagnosis.title)), diagnosis
    assert catalogue.search("HÖFT") == catalogue.search("Höft") == found
    assert len(catalogue.search("höft", limit=200)) == 148


def test_case_and_accents_do_not_matter_but_swedish_letters_do() -> None:
    catalogue = icd10se()
    assert codes(catalogue.search("menieres")) == codes(catalogue.search("MÉNIÈRES")) == ["H810"]
    assert codes(catalogue.search("Ménières sjukdom")) == ["H810"]
    assert "Q656" not in codes(catalogue.search("hoft"))


def test_everyday_words_find_the_code_through_ksh97p_names() -> None:
    catalogue = icd10se()
    assert codes(catalogue.search("stroke")) == ["I64"]
    assert codes(catalogue.search("rödsot")) == ["A03"]
    assert codes(catalogue.search("ryggskott")) == ["M545"]
    assert codes(catalogue.search("narkolepsi"))[:2] == ["G474", "G474X"]  # official titles first


def test_a_code_then_words_searches_within_the_code() -> None:
    found = icd10se().search("F32 svår")
    assert codes(found) == ["F322", "F323", "F323W", "F321"]  # "Medelsvår" last: inside a word


def test_limit_and_empty_queries() -> None:
    catalogue = icd10se()
    assert len(catalogue.search("a", limit=5)) == 5
    assert catalogue.search("") == []
    assert catalogue.search("   ") == []
    assert catalogue.search("F32", limit=0) == []
    assert catalogue.search("xyzzyq") == []


def test_a_small_catalogue_built_from_rows() -> None:
    catalogue = DiagnosisCatalogue(
        "TEST", [("B02", "", "Bältros", "Herpes zoster"), ("A01", "", "Tyfoidfeber")]
    )
    assert [d.code for d in catalogue] == ["A01", "B02"]
    assert codes(catalogue.search("zoster")) == ["B02"]
    assert catalogue.search("zoster")[0].title == "Bältros"
    with pytest.raises(ValueError, match="occurs twice"):
        DiagnosisCatalogue("TEST", [("A01", "", "x"), ("A01", "", "y")])


def test_query_words_fold_accents_but_keep_swedish_letters() -> None:
    assert query_words("Ménières  sjukdom, (G01) ÅÄÖ æø") == [
        "menieres",
        "sjukdom",
        "g01",
        "åäö",
        "äö",
    ]
