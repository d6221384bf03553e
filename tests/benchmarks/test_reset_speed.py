"""Återställ övningsdata: replacing all data with each shipped scenario on SQLite (≤ 2 s)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytest_benchmark.fixture import BenchmarkFixture
from sqlalchemy import func, select
from sqlalchemy.engine import URL

from models.clock import FixedClock
from models.store import Store, open_store
from models.store.schema import Certificate
from models.training.reset import ResetReport, reset_to
from models.training.scenarios import scenario, scenarios
from tests.conftest import SEED_DIR


@pytest.fixture
def sqlite_store(sqlite_url: URL, clock: FixedClock) -> Iterator[Store]:
    opened = open_store(sqlite_url, clock, SEED_DIR)
    yield opened.store
    opened.store.close()


@pytest.mark.parametrize("key", [s.key for s in scenarios()])
def test_reset_to_scenario(
    benchmark: BenchmarkFixture, sqlite_store: Store, clock: FixedClock, key: str
) -> None:
    chosen = scenario(key)
    report: ResetReport = benchmark.pedantic(
        lambda: reset_to(sqlite_store, clock, chosen), rounds=5, warmup_rounds=1
    )
    with sqlite_store.session() as session:
        stored = session.scalar(select(func.count()).select_from(Certificate))
    assert report.certificates == stored == len(chosen.certificates)
