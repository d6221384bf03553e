"""The real program started as a process: bad input gives a clear message and a non-zero exit.

Each case runs ``python -m desktop`` headless with a private home folder, as a workstation
shortcut would, and checks the message on stderr, the exit code and that nothing was written.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DOCTOR, TESTENHET_17

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def _run(
    home: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "INTYGSSTUDIO_HOME": str(home)}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "desktop", "--no-crash-dialog", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_smoke_starts_and_reports_the_time_to_the_first_window(tmp_path: Path) -> None:
    result = _run(tmp_path, "--smoke")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("smoke: first window shown after ")
    assert lines[0].endswith(" ms")
    assert result.stderr == ""
    # --smoke works on a temporary database: the home folder gets nothing.
    assert not (tmp_path / "data").exists()


def test_first_start_creates_and_seeds_the_default_database(tmp_path: Path) -> None:
    result = _run(tmp_path, "--user", DOCTOR, "--unit", TESTENHET_17, "--patient", "x")
    assert result.returncode == 2
    assert (tmp_path / "data" / "intygsstudio.sqlite3").is_file()
    assert "”x” är inget giltigt person-, samordnings- eller reservnummer" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--database", "inte en adress"), "Databasadressen ”inte en adress” kan inte tolkas"),
        (("--database", "mysql://root@localhost/intyg"), "Databastypen ”mysql” stöds inte"),
        (
            ("--database", "postgresql://postgres@127.0.0.1:1/test"),
            "Databasservern på 127.0.0.1:1 svarar inte",
        ),
        (("--user", "TSTNMT2321000156-NONE"), "Det finns ingen användare med HSA-id"),
        (("--user", DOCTOR, "--unit", "TSTNMT2321000156-NONE"), "Det finns ingen vårdenhet"),
        (
            ("--user", DOCTOR, "--unit", TESTENHET_17, "--patient", "20121212-1212"),
            "Det finns ingen patient med personnummer 20121212-1212",
        ),
        (("--unit", TESTENHET_17), "Ange --user tillsammans med --unit."),
    ],
)
def test_bad_input_exits_with_a_swedish_message(
    tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    result = _run(tmp_path, *args)
    assert result.returncode == 2
    assert f"intygsstudio: {message}" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_file_that_is_not_a_database_is_left_alone(tmp_path: Path) -> None:
    notes = tmp_path / "journal.txt"
    notes.write_text("Viktiga anteckningar\n", encoding="utf-8")
    result = _run(tmp_path, "--database", f"sqlite:///{notes}", "--user", DOCTOR)
    assert result.returncode == 2
    assert "är ingen SQLite-databas" in result.stderr
    assert notes.read_text(encoding="utf-8") == "Viktiga anteckningar\n"


def test_a_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    import sqlite3

    first = _run(tmp_path, "--user", DOCTOR, "--unit", TESTENHET_17, "--patient", "x")
    assert first.returncode == 2
    database = tmp_path / "data" / "intygsstudio.sqlite3"
    with sqlite3.connect(database) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'f00d'")
    connection.close()
    before = database.read_bytes()
    result = _run(tmp_path, "--user", DOCTOR, "--unit", TESTENHET_17)
    assert result.returncode == 2
    assert "nyare version av Intygsstudio (schemaversion f00d)" in result.stderr
    assert database.read_bytes() == before


def test_the_configured_url_is_used(tmp_path: Path) -> None:
    target = tmp_path / "enhetens.sqlite3"
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "intygsstudio.ini").write_text(
        f"[database]\nurl = sqlite:///{target}\n", encoding="utf-8"
    )
    result = _run(tmp_path, "--user", DOCTOR, "--unit", TESTENHET_17, "--patient", "x")
    assert result.returncode == 2
    assert target.is_file()
    assert not (tmp_path / "data" / "intygsstudio.sqlite3").exists()


def test_reset_training_rebuilds_the_database(tmp_path: Path) -> None:
    import sqlite3

    _run(tmp_path, "--user", DOCTOR, "--unit", TESTENHET_17, "--patient", "x")
    database = tmp_path / "data" / "intygsstudio.sqlite3"
    with sqlite3.connect(database) as connection:
        connection.execute("UPDATE patients SET given_name = 'Ändrad'")
    connection.close()
    _run(tmp_path, "--reset-training", "--user", DOCTOR, "--unit", TESTENHET_17, "--patient", "x")
    with sqlite3.connect(database) as connection:
        names = {row[0] for row in connection.execute("SELECT given_name FROM patients")}
    connection.close()
    assert "Ändrad" not in names and "Tolvan" in names
