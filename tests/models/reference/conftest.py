"""The shared reference data beside the repository (CI checks it out as ../shared)."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED_DATA = Path(__file__).resolve().parents[3].parent / "shared" / "domain" / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """``shared/domain/data``; these tests check the app's data against it, so it must exist."""
    if not SHARED_DATA.is_dir():
        pytest.fail(f"The shared reference data is missing: expected {SHARED_DATA}")
    return SHARED_DATA
