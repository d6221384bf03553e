"""models/ (outside models/qt) must run without PySide6, so services stay testable and reusable."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import importlib, pkgutil, sys
import models
names = [m.name for m in pkgutil.walk_packages(models.__path__, "models.")
         if not m.name.startswith(("models.qt", "models.store.migrations"))]
for name in names:
    importlib.import_module(name)
loaded = sorted(n for n in sys.modules if n.split(".")[0] in ("PySide6", "shiboken6"))
print(len(names), loaded)
"""


def test_importing_models_does_not_load_pyside6() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, check=True
    )
    count, loaded = result.stdout.strip().split(" ", 1)
    assert int(count) >= 10  # the walk really imported the core's modules
    assert loaded == "[]"
