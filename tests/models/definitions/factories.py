"""Small definitions built in tests, so each engine behaviour is shown on a minimal form."""

from __future__ import annotations

import datetime as dt
from typing import Any

from models.definitions.engine import PatientFacts, ValidationContext
from models.definitions.schema import Definition

TODAY = dt.date(2026, 11, 27)


def make_definition(
    *fields: dict[str, Any], rules: list[dict[str, Any]] | None = None
) -> Definition:
    """A one-category definition holding ``fields``."""
    return Definition.model_validate(
        {
            "schema_version": 1,
            "code": "test",
            "form": "TEST",
            "name": "Testintyg",
            "description": "Används i tester.",
            "recipient": {"code": "FKASSA", "name": "Försäkringskassan"},
            "version": "1.0",
            "sent_on_sign": False,
            "mina_intyg": True,
            "print_only": False,
            "categories": [{"id": "KAT_1", "title": "Allt", "fields": list(fields)}],
            "rules": rules or [],
        }
    )


def context(
    *,
    today: dt.date = TODAY,
    birth_date: dt.date | None = dt.date(1980, 1, 13),
    known_codes: frozenset[str] = frozenset({"F32", "F321", "J20", "M545", "Z730"}),
) -> ValidationContext:
    return ValidationContext(
        today=today,
        patient=PatientFacts(birth_date=birth_date),
        diagnosis_exists=lambda code: code.replace(".", "").upper() in known_codes,
    )


def messages(findings: list[Any]) -> list[tuple[str, str, str | None]]:
    """(field id, message, part) of every finding, for exact assertions."""
    return [(f.field_id, f.message, f.part) for f in findings]
