"""Graded exercises: ``resources/training/exercises/*.json``, checked and typed.

An exercise is a course handout in data: a title, a one-line summary for the list, an
introduction and numbered steps in Swedish (who logs in, which patient, what to do), the
scenario its training data is reset to, and the checks that grade the result (the condition
language is described in ``check_spec.py``). The file name, without ``.json``, is the
exercise's id; the list shows the exercises in file-name order.

Loading checks more than the format: the scenario exists, every certificate type, field and
sick-leave degree a check names exists in the definitions, and every ``of``/``parent`` names a
certificate bound by an earlier check.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from pathlib import Path

from pydantic import Field, ValidationError

from models.definitions.schema import Definition
from models.errors import IntygsstudioError, NotFoundError
from models.training.check_spec import (
    AnswerCheck,
    CertificateCheck,
    Check,
    SickLeaveCheck,
    StrictModel,
    references,
)


class ExerciseError(IntygsstudioError):
    """An exercise file is malformed (a shipped file never is: a test loads every one)."""


class Exercise(StrictModel):
    """One exercise as its file describes it."""

    id: str = ""
    title: str = Field(min_length=1)
    summary: str = Field(min_length=1)
    scenario: str = Field(min_length=1)
    introduction: str = Field(min_length=1)
    steps: tuple[str, ...] = Field(min_length=1)
    checks: tuple[Check, ...] = Field(min_length=1)

    def certificate_type(self, name: str) -> str | None:
        """The type of the certificate a check bound as ``name``."""
        for check in self.checks:
            if isinstance(check, CertificateCheck) and check.bind == name:
                return check.type
        return None


def exercises_dir() -> Path:
    from resources import resource_path

    return resource_path("training", "exercises")


def exercises(directory: Path | None = None) -> list[Exercise]:
    """Every exercise, in file-name order (the shipped ones by default)."""
    return list(_load_dir(directory or exercises_dir()))


def exercise(exercise_id: str, directory: Path | None = None) -> Exercise:
    """The exercise with this id; NotFoundError if there is none."""
    for candidate in exercises(directory):
        if candidate.id == exercise_id:
            return candidate
    raise NotFoundError(f"Det finns ingen övning som heter ”{exercise_id}”.")


@cache
def _load_dir(directory: Path) -> tuple[Exercise, ...]:
    from models.definitions.loader import shipped_definitions
    from models.training.scenarios import scenarios

    definitions = shipped_definitions()
    keys = {s.key for s in scenarios()}
    return tuple(
        load_exercise(path, definitions, keys) for path in sorted(directory.glob("*.json"))
    )


def load_exercise(
    path: Path, definitions: Mapping[str, Definition], scenario_keys: set[str]
) -> Exercise:
    """Read one exercise file and check it against the definitions and scenarios."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ExerciseError(f"Övningen {path.name} kan inte läsas: {error}") from error
    if not isinstance(data, dict):
        raise ExerciseError(f"Fel i övningen {path.name}: filen ska innehålla ett objekt.")
    try:
        loaded = Exercise.model_validate({**data, "id": path.stem})
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(step) for step in first["loc"])
        raise ExerciseError(f"Fel i övningen {path.name} vid {where}: {first['msg']}") from error
    problem = _problem(loaded, definitions, scenario_keys)
    if problem is not None:
        raise ExerciseError(f"Fel i övningen {path.name}: {problem}")
    return loaded


def _problem(
    exercise: Exercise, definitions: Mapping[str, Definition], scenario_keys: set[str]
) -> str | None:
    """What is wrong with an exercise beyond its format, if anything."""
    if exercise.scenario not in scenario_keys:
        return f"scenariot ”{exercise.scenario}” finns inte."
    bound: dict[str, str] = {}
    for number, check in enumerate(exercise.checks, start=1):
        for name in references(check):
            if name not in bound:
                return f"kontroll {number} hänvisar till ”{name}”, som ingen tidigare kontroll har."
        if isinstance(check, CertificateCheck):
            if check.type not in definitions:
                return f"kontroll {number}: intygstypen ”{check.type}” finns inte."
            if check.bind is not None:
                if check.bind in bound:
                    return f"kontroll {number}: namnet ”{check.bind}” används redan."
                bound[check.bind] = check.type
            continue
        type_code = bound.get(getattr(check, "of", ""), "")
        definition = definitions.get(type_code)
        if definition is None:
            continue
        answers = {f.id for f in definition.fields() if f.holds_answer}
        if isinstance(check, AnswerCheck) and check.field not in answers:
            return f"kontroll {number}: fältet ”{check.field}” finns inte i {type_code}."
        if isinstance(check, SickLeaveCheck):
            degrees = {
                option.code
                for field in definition.fields()
                if field.kind == "sick_leave_periods"
                for option in field.options
            }
            if check.degree not in degrees:
                return f"kontroll {number}: graden ”{check.degree}” finns inte i {type_code}."
    return None
