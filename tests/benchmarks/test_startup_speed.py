"""Start-up: the whole process to the first shown window, against a bare PySide6 window.

Both are launched the same way (a fresh interpreter, offscreen platform) and timed from outside,
so interpreter start, imports and shutdown count for both. Each program also prints its own
time from its first line to the first shown window; the medians of those are kept in the
benchmark's ``extra_info`` (see ``make bench ARGS=--benchmark-json=out.json``).
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def _launch(*args: str) -> str:
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "INTYGSSTUDIO_HOME": home}
        result = subprocess.run(
            [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, check=True
        )
    return result.stdout.strip()


def _measure(benchmark: BenchmarkFixture, prefix: str, *args: str) -> None:
    reported: list[int] = []

    def launch() -> str:
        output = _launch(*args)
        match = re.fullmatch(rf"{prefix}: first window shown after (\d+) ms", output)
        assert match, output
        reported.append(int(match.group(1)))
        return output

    benchmark.pedantic(launch, rounds=5)
    benchmark.extra_info["reported_first_window_ms_median"] = statistics.median(reported)


def test_app_smoke_start(benchmark: BenchmarkFixture) -> None:
    _measure(benchmark, "smoke", "-m", "desktop", "--smoke")


def test_bare_qmainwindow_start(benchmark: BenchmarkFixture) -> None:
    _measure(benchmark, "bare", str(Path(__file__).with_name("bare_window.py")))
