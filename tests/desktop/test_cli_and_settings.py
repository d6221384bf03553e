from __future__ import annotations

from pathlib import Path

from desktop.cli import parse_options
from desktop.settings import ENV_DATABASE_URL, ENV_HOME, Settings


def test_options_and_qt_arguments_are_separated() -> None:
    options = parse_options(
        ["--database", "sqlite:///x.db", "--user", "U", "--unit", "E", "-platform", "offscreen"]
    )
    assert (options.database, options.user, options.unit) == ("sqlite:///x.db", "U", "E")
    assert options.qt_args == ["-platform", "offscreen"]
    assert not options.smoke and not options.reset_training and not options.no_crash_dialog


def test_home_folder_holds_data_logs_and_config(tmp_path: Path) -> None:
    settings = Settings.load({ENV_HOME: str(tmp_path)})
    assert settings.paths.data_dir == tmp_path / "data"
    assert settings.paths.log_file == tmp_path / "logs" / "intygsstudio.log"
    assert settings.database_url is None


def test_environment_wins_over_the_config_file(tmp_path: Path) -> None:
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "intygsstudio.ini").write_text(
        "[database]\nurl = postgresql://server/intyg\n", encoding="utf-8"
    )
    assert Settings.load({ENV_HOME: str(tmp_path)}).database_url == "postgresql://server/intyg"
    from_env = Settings.load({ENV_HOME: str(tmp_path), ENV_DATABASE_URL: "sqlite:///a.db"})
    assert from_env.database_url == "sqlite:///a.db"
