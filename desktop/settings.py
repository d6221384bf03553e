"""Settings, declared once and typed.

Where things live: the user's data, log and config folders (platformdirs), or all under one
folder named by ``INTYGSSTUDIO_HOME`` (tests, portable installs). The database URL comes from, in
order: ``--database``, the environment variable ``INTYGSSTUDIO_DATABASE_URL``, the ``url`` key
in the ``[database]`` section of ``intygsstudio.ini`` in the config folder (what IT deploys to
every workstation of a unit), and otherwise the embedded SQLite default.
"""

from __future__ import annotations

import configparser
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "Intygsstudio"
CONFIG_FILE_NAME = "intygsstudio.ini"
ENV_HOME = "INTYGSSTUDIO_HOME"
ENV_DATABASE_URL = "INTYGSSTUDIO_DATABASE_URL"


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

    @classmethod
    def load(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        paths = Paths.for_user(env)
        url = env.get(ENV_DATABASE_URL) or _url_from_config(paths.config_file)
        return cls(paths=paths, database_url=url or None)


def _url_from_config(path: Path) -> str | None:
    if not path.is_file():
        return None
    parser = configparser.ConfigParser()
    parser.read(path, encoding="utf-8")
    return parser.get("database", "url", fallback=None)
