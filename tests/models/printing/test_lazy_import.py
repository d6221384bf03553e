"""The app starts without reportlab; the first printout loads it."""

from __future__ import annotations

import subprocess
import sys


def test_importing_the_print_service_does_not_load_reportlab() -> None:
    code = "import sys; from models.printing import PrintService; print('reportlab' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "False"
