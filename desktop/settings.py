"""Settings, declared once and typed.

Where things live: the user's data, log and config folders (platformdirs), or all under one
folder named by ``INTYGSSTUDIO_HOME`` (tests, portable installs). The database URL comes from, in
order: ``--database``, the environment variable ``INTYGSSTUDIO_DATABASE_URL``, the ``url`` key
in the ``[database]`` section of ``intygsstudio.ini`` in the config folder (what IT deploys to
every workstation of a unit), and otherwise the embedded SQLite default.

``[simulation] journal_delay_minutes`` (or ``INTYGSSTUDIO_JOURNAL_DELAY_MINUTES``) delays the
news that a patient sent a certificate from Mina intyg on its way to the journal, as the real
service warns ("Det kan ta upp till 5 minuter innan intyget visas i TakeCare"); default 0.
"""

from __future__ import annotations

import configparser
import datetime as dt
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "Intygsstudio"
CONFIG_FILE_NAME = "intygsstudio.ini"
ENV_HOME = "INTYGSSTUDIO_HOME"
ENV_DATABASE_URL = "INTYGSSTUDIO_DATABASE_URL"
ENV_JOURNAL_DELAY = "INTYGSSTUDIO_JOURNAL_DELAY_MINUTES"
#: The longest delay accepted: the real service says "up to 5 minutes"; a day is plenty.
MAX_JOURNAL_DELAY_MINUTES = 24 * 60

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Paths:
    """The folders Intygsstudio writes to."""

    data_dir: Path
    log_dir: Path
    config_dir: Path

    @property
    def config_file(self) -> Path:
        return self.config_dir / CONFIG_FILE_NAME

    @property
    def log_file(self) -> Path:
        return self.log_dir / "intygsstudio.log"

    @classmethod
    def under(cls, home: Path) -> Paths:
        return cls(home / "data", home / "logs", home / "config")

    @classmethod
    def for_user(cls, environ: Mapping[str, str]) -> Paths:
        home = environ.get(ENV_HOME)
        if home:
            return cls.under(Path(home))
        return cls(
            Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
            Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
            Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        )


@dataclass(frozen=True)
class Settings:
    """Everything configurable outside the command line."""

    paths: Paths
    database_url: str | None
    journal_delay: dt.timedelta = dt.timedelta()

    @classmethod
    def load(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        paths = Paths.for_user(env)
        config = _config(paths.config_file)
        url = env.get(ENV_DATABASE_URL) or config.get("database", "url", fallback=None)
        delay = env.get(ENV_JOURNAL_DELAY) or config.get(
            "simulation", "journal_delay_minutes", fallback=None
        )
        return cls(paths=paths, database_url=url or None, journal_delay=_journal_delay(delay))


def _config(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser()
    if path.is_file():
        parser.read(path, encoding="utf-8")
    return parser


def _journal_delay(text: str | None) -> dt.timedelta:
    """Minutes as configured; a value that is not a whole number of minutes within a day is
    ignored with a warning in the log (no delay): a wrong setting must not stop a course."""
    if not text:
        return dt.timedelta()
    try:
        minutes = int(text.strip())
    except ValueError:
        minutes = -1
    if not 0 <= minutes <= MAX_JOURNAL_DELAY_MINUTES:
        log.warning("Ogiltig fördröjning till journalen (%r minuter) ignoreras", text)
        return dt.timedelta()
    return dt.timedelta(minutes=minutes)
