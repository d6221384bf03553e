"""Validating a complete FK7804, and loading all ten definitions from disk."""

from __future__ import annotations

import datetime as dt

from pytest_benchmark.fixture import BenchmarkFixture

from models.definitions.engine import PatientFacts, ValidationContext, validate
from models.definitions.loader import load_all, shipped_definitions
from models.reference.diagnoses import icd10se
from resources import resource_path
from tests.models.definitions.types import samples


def test_validate_a_complete_fk7804(benchmark: BenchmarkFixture) -> None:
    definition = shipped_definitions()["fk7804"]
    context = ValidationContext(
        today=dt.date(2026, 11, 27),
        patient=PatientFacts(birth_date=dt.date(1912, 12, 12)),
        diagnosis_exists=icd10se().exists,
    )
    content = samples.fk7804()
    findings = benchmark(validate, definition, content, context)
    assert [f for f in findings if f.severity == "error"] == []


def test_load_all_ten_definitions(benchmark: BenchmarkFixture) -> None:
    definitions = benchmark(load_all, resource_path("certificates"))
    assert len(definitions) == 10
