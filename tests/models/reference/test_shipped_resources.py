"""The shipped code lists are exactly what the conversion script makes of the shared data."""

from __future__ import annotations

import gzip
from pathlib import Path

from resources import resource_path
from resources.reference.convert_reference_data import main

SHIPPED = ("icd10se.tsv.gz", "ksh97p.tsv.gz", "fmb.json.gz")


def test_the_resources_are_up_to_date(shared_data: Path, tmp_path: Path) -> None:
    assert main(["--data", str(shared_data), "--out", str(tmp_path)]) == 0
    for name in SHIPPED:
        # The content, not the gzip bytes: another zlib may compress the same text differently.
        rebuilt = gzip.decompress((tmp_path / name).read_bytes())
        shipped = gzip.decompress(resource_path("reference", name).read_bytes())
        assert rebuilt == shipped, (
            f"resources/reference/{name} is stale: run "
            ".venv/bin/python -m resources.reference.convert_reference_data"
        )
