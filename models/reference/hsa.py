"""HSA code lists: befattningskoder (job titles)."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

from resources import resource_path


@cache
def _befattningar(path: Path) -> dict[str, str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["kod"]: row["klartext"] for row in csv.DictReader(handle, delimiter="\t")}


def befattning_text(code: str | None, table: Path) -> str:
    """The klartext of a befattningskod, or an empty string when unknown or absent."""
    if not code:
        return ""
    return _befattningar(table).get(code, "")


def shipped_befattningar() -> Path:
    """The befattningskod table shipped with Intygsstudio (the default for every reader)."""
    return resource_path("reference", "befattningskoder.tsv")
