"""Reference data: ICD-10-SE search over all 35,684 codes, loading the lists cold, FMB lookup.

Target: an ICD-10-SE search takes at most 20 ms (median). The cold loads build everything from
the shipped gzip files again, without the module-level caches the app uses.
"""

from __future__ import annotations

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from models.reference.diagnoses import ICD_10_SE, KSH_97_P, DiagnosisCatalogue, icd10se, ksh97p
from models.reference.fmb import FmbCatalogue, fmb
from resources import resource_path

ICD_FILE = resource_path("reference", "icd10se.tsv.gz")


@pytest.fixture(scope="module")
def icd() -> DiagnosisCatalogue:
    catalogue = icd10se()
    catalogue.prepare_search()
    return catalogue


@pytest.mark.parametrize(("query", "first"), [("F32", "F32"), ("f32.1", "F321"), ("J20", "J20")])
def test_icd10se_code_search(
    benchmark: BenchmarkFixture, icd: DiagnosisCatalogue, query: str, first: str
) -> None:
    found = benchmark(icd.search, query)
    assert found[0].code == first


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("depression", "F32"),
        ("depressiv episod", "F32"),
        ("höft", "Q656"),
        ("lumbago", "M545"),
        ("ryggsmärta", "M546"),
        ("fraktur lårben", "S72"),
        ("ar", "I771"),  # two letters: thousands of candidates to rank
    ],
)
def test_icd10se_word_search(
    benchmark: BenchmarkFixture, icd: DiagnosisCatalogue, query: str, first: str
) -> None:
    found = benchmark(icd.search, query)
    assert found[0].code == first


def test_ksh97p_word_search(benchmark: BenchmarkFixture) -> None:
    catalogue = ksh97p()
    catalogue.prepare_search()
    found = benchmark(catalogue.search, "ryggsmärta")
    assert [diagnosis.code for diagnosis in found] == ["M546", "M542"]


def test_icd10se_load_cold(benchmark: BenchmarkFixture) -> None:
    """Read and parse the shipped file: enough for lookup by code."""
    catalogue = benchmark.pedantic(
        DiagnosisCatalogue.from_resource, (ICD_10_SE, ICD_FILE), rounds=5, iterations=1
    )
    assert len(catalogue) == 35_684


def test_icd10se_load_cold_and_first_search(benchmark: BenchmarkFixture) -> None:
    """Load plus building the search index: what the first search after start costs."""

    def load_and_search() -> int:
        catalogue = DiagnosisCatalogue.from_resource(ICD_10_SE, ICD_FILE)
        return len(catalogue.search("depressiv episod"))

    assert benchmark.pedantic(load_and_search, rounds=5, iterations=1) == 14


def test_ksh97p_load_cold(benchmark: BenchmarkFixture) -> None:
    path = resource_path("reference", "ksh97p.tsv.gz")
    catalogue = benchmark.pedantic(
        DiagnosisCatalogue.from_resource, (KSH_97_P, path), rounds=5, iterations=1
    )
    assert len(catalogue) == 977


def test_fmb_load_cold(benchmark: BenchmarkFixture) -> None:
    path = resource_path("reference", "fmb.json.gz")
    catalogue = benchmark.pedantic(FmbCatalogue.from_resource, (path,), rounds=5, iterations=1)
    assert len(catalogue) == 306


@pytest.mark.parametrize(
    ("code", "matched"), [("K40", "K40"), ("F32.1", "F32"), ("F43.8A", "F438")]
)
def test_fmb_lookup(benchmark: BenchmarkFixture, code: str, matched: str) -> None:
    catalogue = fmb()
    info = benchmark(catalogue.lookup, code)
    assert info is not None
    assert info.matched_code == matched


def test_fmb_max_sick_leave_for_three_diagnoses(benchmark: BenchmarkFixture) -> None:
    catalogue = fmb()
    assert benchmark(catalogue.max_sick_leave_for, ["F32.1", "J20", "M54.5"]) == ("F32", 186)
