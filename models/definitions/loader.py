"""Loading certificate definitions from ``resources/certificates/*.json``, checked on load."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from models.definitions.schema import Definition
from models.errors import IntygsstudioError


class DefinitionError(IntygsstudioError):
    """A definition file that does not satisfy the format; names the file and the JSON path."""

    def __init__(self, path: Path, json_path: str, problem: str) -> None:
        super().__init__(f"Intygsdefinitionen {path.name} är felaktig vid {json_path}: {problem}")
        self.path = path
        self.json_path = json_path
        self.problem = problem


def _json_path(document: Any, location: tuple[int | str, ...]) -> str:
    """Turn pydantic's error location into a JSON path through the real document.

    Union tags that pydantic inserts (e.g. ``date_max``) are skipped: only steps that exist in
    the document are kept.
    """
    path, node = "$", document
    for step in location:
        if isinstance(step, int) and isinstance(node, list) and 0 <= step < len(node):
            path, node = f"{path}[{step}]", node[step]
        elif isinstance(step, str) and isinstance(node, dict) and step in node:
            path, node = f"{path}.{step}", node[step]
        elif isinstance(step, str) and isinstance(node, dict) and step not in node:
            # A missing key, or a union tag; name the key only when pydantic says it is missing.
            continue
    return path


def load_definition(path: Path) -> Definition:
    """Read and check one definition file."""
    try:
        text = path.read_text(encoding="utf-8")
        document = json.loads(text)
    except (OSError, UnicodeDecodeError) as exc:
        raise DefinitionError(path, "$", f"filen kan inte läsas ({exc})") from exc
    except json.JSONDecodeError as exc:
        raise DefinitionError(path, "$", f"ogiltig JSON på rad {exc.lineno}: {exc.msg}") from exc
    try:
        definition = Definition.model_validate(document)
    except ValidationError as exc:
        first = exc.errors()[0]
        location = tuple(first["loc"])
        problem = first["msg"]
        if first["type"] == "missing" and location:
            problem = f"{problem}: {location[-1]}"
        raise DefinitionError(path, _json_path(document, location), problem) from exc
    if definition.code != path.stem:
        raise DefinitionError(path, "$.code", f"koden {definition.code!r} ska vara {path.stem!r}")
    return definition


def load_all(directory: Path) -> dict[str, Definition]:
    """Every definition in a folder, by code, in file-name order."""
    return {path.stem: load_definition(path) for path in sorted(directory.glob("*.json"))}


@cache
def shipped_definitions() -> dict[str, Definition]:
    """The definitions the application ships, loaded once."""
    from resources import resource_path

    return load_all(resource_path("certificates"))
