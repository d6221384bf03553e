"""Data files shipped with Intygsstudio: seed data, certificate definitions, code lists, icons."""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """The path of a shipped resource, from a source checkout or a PyInstaller bundle."""
    with as_file(files(__name__).joinpath(*parts)) as path:
        return Path(path)
