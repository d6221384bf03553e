"""Start-up: the whole process to the first shown window, against a bare PySide6 window.

Both are launched the same way (a fresh interpreter, offscreen platform) and timed from outside,
so interpreter start and imports count for both. ``make bench`` prints the medians; the ratio
app/bare is what the foundation issue reports.
"""

from __future__ import annotations

import os
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


def test_app_smoke_start(benchmark: BenchmarkFixture) -> None:
    output = benchmark.pedantic(_launch, args=("-m", "desktop", "--smoke"), rounds=5)
    assert output.startswith("smoke: first window shown after ")


def test_bare_qmainwindow_start(benchmark: BenchmarkFixture) -> None:
    script = str(Path(__file__).with_name("bare_window.py"))
    output = benchmark.pedantic(_launch, args=(script,), rounds=5)
    assert output.startswith("bare: first window shown after ")
