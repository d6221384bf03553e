"""Training scenarios: what resources/training/*.json describe, checked and typed.

A scenario names its organisation and patient files (the seed's own, shared, so that
"Grundkurs" is exactly the first-start seed), adds patients or changes seeded ones, and lists
certificates with the steps that bring each to its state. Times are "days ago", dates in answers
"$idag-3": everything is relative to the moment of the reset, so a scenario stays as fresh on
any day it is loaded. The format is described in resources/training/README.md.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from models.errors import IntygsstudioError, NotFoundError
from models.text import swedish_key

#: The scenario a reset loads when none is named: the first-start seed.
DEFAULT_SCENARIO = "grundkurs"

#: The steps a certificate can go through after it was created, in the order of the timeline.
STEP_ACTIONS = ("save", "mark_ready", "sign", "send", "fk_question", "revoke")

_RELATIVE_DATE = re.compile(r"^\$idag(?:([+-])(\d+))?$")
_KEY = re.compile(r"^[a-z0-9_-]+$")


class ScenarioError(IntygsstudioError):
    """A scenario file is malformed (a shipped file never is: a test loads every one)."""


@dataclass(frozen=True)
class RelativeDate:
    """``$idag+N`` / ``$idag-N``: the day of the reset moved ``days`` days."""

    days: int


def relative_date(value: Any) -> RelativeDate | None:
    """The relative date a string stands for, if it is one."""
    if not isinstance(value, str):
        return None
    match = _RELATIVE_DATE.match(value.strip())
    if match is None:
        return None
    sign, number = match.groups()
    days = int(number or 0)
    return RelativeDate(-days if sign == "-" else days)


@dataclass(frozen=True)
class Step:
    """One thing done to a certificate ``days_ago`` days before the reset, by ``by`` (HSA-id;
    None: the certificate's author). ``params`` are the action's own keys."""

    action: str
    days_ago: int
    by: str | None
    params: Mapping[str, Any]


@dataclass(frozen=True)
class CertificatePlan:
    """A certificate as the scenario wants it: created ``created_days_ago`` days ago by
    ``author`` at ``unit`` with ``content`` (merged into the unit's prefilled answers), then
    taken through ``steps``. ``created_from``: the name of a signed certificate it is made from
    (Skapa AG7804 / Skapa dödsorsaksintyg)."""

    name: str
    type_code: str
    patient: str
    unit: str
    author: str
    created_days_ago: int
    content: Mapping[str, Any]
    created_from: str | None
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class Scenario:
    """A named training data set: ``description`` (Swedish) says what is in it."""

    key: str
    name: str
    description: str
    organisation: Path
    patient_files: tuple[Path, ...]
    extra_patients: tuple[Mapping[str, Any], ...]
    patient_changes: Mapping[str, Mapping[str, Any]]
    certificates: tuple[CertificatePlan, ...]


def training_dir() -> Path:
    from resources import resource_path

    return resource_path("training")


def scenarios(directory: Path | None = None) -> list[Scenario]:
    """Every scenario in ``directory`` (the shipped ones by default), Grundkurs first."""
    return list(_load_dir(directory or training_dir()))


def scenario(key: str, directory: Path | None = None) -> Scenario:
    """The scenario named ``key`` (its key or its name, any case)."""
    found = scenarios(directory)
    wanted = key.strip().casefold()
    for candidate in found:
        if wanted in (candidate.key, candidate.name.casefold()):
            return candidate
    names = ", ".join(s.key for s in found)
    raise NotFoundError(f"Det finns inget övningsscenario som heter ”{key}”. Välj bland: {names}.")


@cache
def _load_dir(directory: Path) -> tuple[Scenario, ...]:
    loaded = [load_scenario(path) for path in sorted(directory.glob("*.json"))]
    keys = [s.key for s in loaded]
    if len(set(keys)) != len(keys):
        raise ScenarioError(f"Två övningsscenarier har samma namn i {directory}.")
    loaded.sort(key=lambda s: (s.key != DEFAULT_SCENARIO, swedish_key(s.name)))
    return tuple(loaded)


def load_scenario(path: Path) -> Scenario:
    """Read and check one scenario file; paths inside it are relative to its folder's parent
    (``resources/``), so ``seed/patients.json`` names the seed's own file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ScenarioError(f"Övningsscenariot {path.name} kan inte läsas: {error}") from error
    return _Reader(path).scenario(data)


class _Reader:
    """Turns one file's JSON into a Scenario, naming the file and place of any fault."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._root = path.parent.parent

    def fail(self, what: str) -> ScenarioError:
        return ScenarioError(f"Fel i övningsscenariot {self._path.name}: {what}")

    def text(self, data: Mapping[str, Any], key: str, where: str) -> str:
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"{where} saknar ”{key}”.")
        return value.strip()

    def days(self, data: Mapping[str, Any], key: str, where: str, default: int | None) -> int:
        value = data.get(key, default)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise self.fail(f"{where}: ”{key}” ska vara ett heltal, 0 eller mer.")
        return value

    def file(self, name: Any) -> Path:
        if not isinstance(name, str):
            raise self.fail(f"filnamnet {name!r} är ingen text.")
        path = self._root / name
        if not path.is_file():
            raise self.fail(f"filen {name} finns inte.")
        return path

    def scenario(self, data: Any) -> Scenario:
        if not isinstance(data, dict):
            raise self.fail("filen ska innehålla ett objekt.")
        key = self.text(data, "key", "scenariot")
        if not _KEY.match(key):
            raise self.fail(f"nyckeln ”{key}” får bara ha små bokstäver a–z, siffror, - och _.")
        patients = data.get("patients", {})
        files = tuple(self.file(name) for name in patients.get("files", []))
        extra = tuple(patients.get("extra", []))
        changes = dict(patients.get("changes", {}))
        for patient in extra:
            self.text(patient, "person_id", "en extra patient")
        known = {p["person_id"] for f in files for p in _json(f)["patients"]} | {
            p["person_id"] for p in extra
        }
        for person_id in changes:
            if person_id not in known:
                raise self.fail(f"ändringen gäller {person_id}, som inte är en patient här.")
        organisation = self.file(data.get("organisation"))
        staff = {s["hsa_id"] for s in _json(organisation)["staff"]}
        units = {u["hsa_id"] for p in _json(organisation)["care_providers"] for u in p["units"]}
        plans = tuple(self.plan(c, staff, units, known) for c in data.get("certificates", []))
        names = [plan.name for plan in plans]
        if len(set(names)) != len(names):
            raise self.fail("två intyg har samma namn.")
        for plan in plans:
            if plan.created_from is not None and plan.created_from not in names:
                raise self.fail(f"{plan.name}: skapas från okänt intyg ”{plan.created_from}”.")
        return Scenario(
            key=key,
            name=self.text(data, "name", "scenariot"),
            description=self.text(data, "description", "scenariot"),
            organisation=organisation,
            patient_files=files,
            extra_patients=extra,
            patient_changes=changes,
            certificates=plans,
        )

    def plan(
        self, data: Mapping[str, Any], staff: set[str], units: set[str], patients: set[str]
    ) -> CertificatePlan:
        name = self.text(data, "name", "ett intyg")
        where = f"intyget {name}"
        patient = self.text(data, "patient", where)
        if patient not in patients:
            raise self.fail(f"{where}: patienten {patient} finns inte i scenariot.")
        author = self.text(data, "author", where)
        unit = self.text(data, "unit", where)
        if author not in staff or unit not in units:
            raise self.fail(f"{where}: okänd författare eller vårdenhet.")
        created = self.days(data, "created_days_ago", where, None)
        steps = []
        previous = created
        for raw in data.get("steps", []):
            action = self.text(raw, "action", where)
            if action not in STEP_ACTIONS:
                raise self.fail(f"{where}: okänt steg ”{action}”.")
            days_ago = self.days(raw, "days_ago", where, previous)
            if days_ago > previous:
                raise self.fail(f"{where}: steget {action} ligger före steget innan.")
            by = raw.get("by")
            if by is not None and by not in staff:
                raise self.fail(f"{where}: okänd person {by} i steget {action}.")
            params = {k: v for k, v in raw.items() if k not in ("action", "days_ago", "by")}
            steps.append(Step(action, days_ago, by, params))
            previous = days_ago
        return CertificatePlan(
            name=name,
            type_code=self.text(data, "type", where),
            patient=patient,
            unit=unit,
            author=author,
            created_days_ago=created,
            content=dict(data.get("content", {})),
            created_from=data.get("created_from"),
            steps=tuple(steps),
        )


@cache
def _json(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data
