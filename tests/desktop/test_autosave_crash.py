"""Nothing typed is lost when the app is killed: autosave stores it within a second."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is a POSIX signal")
def test_text_typed_one_second_before_sigkill_is_stored(tmp_path: Path) -> None:
    database = tmp_path / "crash.sqlite3"
    text = "Patienten ska undvika tunga lyft i tre veckor."  # QTest types ASCII only
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "INTYGSSTUDIO_HOME": str(tmp_path)}
    with subprocess.Popen(
        [sys.executable, "-m", "tests.desktop.typing_app", str(database), text],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    ) as process:
        assert process.stdout is not None
        certificate_id = process.stdout.readline().strip()
        try:
            assert certificate_id, "the typing app did not start"
            time.sleep(1.0)
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=10)
        finally:
            if process.poll() is None:
                process.kill()
    assert process.returncode == -signal.SIGKILL
    with sqlite3.connect(database) as connection:
        (content,) = connection.execute(
            "SELECT content FROM certificates WHERE id = ?", (certificate_id,)
        ).fetchone()
    connection.close()
    assert json.loads(content)["25"] == text
