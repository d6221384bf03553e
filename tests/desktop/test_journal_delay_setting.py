"""The delay between a send from Mina intyg and the journal hearing of it (a setting)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop.settings import ENV_HOME, ENV_JOURNAL_DELAY, Settings


def _ini(home: Path, text: str) -> None:
    (home / "config").mkdir(exist_ok=True)
    (home / "config" / "intygsstudio.ini").write_text(text, encoding="utf-8")


def test_no_delay_unless_configured(tmp_path: Path) -> None:
    assert Settings.load({ENV_HOME: str(tmp_path)}).journal_delay == dt.timedelta()


def test_the_config_file_sets_the_delay_and_the_environment_wins(tmp_path: Path) -> None:
    _ini(tmp_path, "[simulation]\njournal_delay_minutes = 5\n")
    assert Settings.load({ENV_HOME: str(tmp_path)}).journal_delay == dt.timedelta(minutes=5)
    from_env = Settings.load({ENV_HOME: str(tmp_path), ENV_JOURNAL_DELAY: "2"})
    assert from_env.journal_delay == dt.timedelta(minutes=2)


@pytest.mark.parametrize("text", ["fem", "-1", "100000", "2.5"])
def test_a_wrong_delay_is_ignored_with_a_warning(
    tmp_path: Path, text: str, caplog: pytest.LogCaptureFixture
) -> None:
    settings = Settings.load({ENV_HOME: str(tmp_path), ENV_JOURNAL_DELAY: text})
    assert settings.journal_delay == dt.timedelta()
    assert "Ogiltig fördröjning" in caplog.text
