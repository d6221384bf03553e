"""The shipped exercise files: each loads, names a scenario that exists and uses only known
check kinds; a malformed file is refused naming the file and the fault; an attempt survives
being written to JSON and read back."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest

from models.clock import FixedClock
from models.definitions.loader import shipped_definitions
from models.errors import NotFoundError
from models.store import Store
from models.training.attempt import Attempt, begin
from models.training.check_spec import KINDS
from models.training.exercises import (
    ExerciseError,
    exercise,
    exercises,
    exercises_dir,
    load_exercise,
)
from models.training.scenarios import scenarios
from models.workflow.actions import Action
from models.workflow.question_rules import _LABELS as QUESTION_LABELS
from models.workflow.texts import label

#: The ten exercises the course must have, by the topic of their title.
TOPICS = (
    "första läkarintyg för sjukpenning",
    "vårdadministratören förbereder",
    "med patientens samtycke",
    "ts-bas",
    "förnya",
    "kompletteringsbegäran",
    "fråga från försäkringskassan",
    "fel patient",
    "kopiera ett låst utkast",
    "dödsbevis följt av dödsorsaksintyg",
)


def test_every_shipped_exercise_loads_with_a_known_scenario_and_check_kinds() -> None:
    found = exercises()
    keys = {s.key for s in scenarios()}
    assert len(found) >= 10
    for number, item in enumerate(found, start=1):
        assert item.scenario in keys
        assert item.title.startswith(f"{number}. ")
        assert {check.kind for check in item.checks} <= set(KINDS)
        assert all(step.strip() for step in item.steps)
        raw = json.loads((exercises_dir() / f"{item.id}.json").read_text(encoding="utf-8"))
        assert {check["kind"] for check in raw["checks"]} <= set(KINDS)


def test_the_course_covers_the_ten_topics() -> None:
    titles = [item.title.casefold() for item in exercises()]
    for topic in TOPICS:
        assert any(topic in title for title in titles), topic


def test_every_exercise_is_performed_by_a_test() -> None:
    tests = sorted(Path(__file__).parent.glob("test_exercises_*.py"))
    source = "".join(path.read_text(encoding="utf-8") for path in tests)
    performed = set(re.findall(r'student\.start\("([^"]+)"\)', source))
    assert performed == {item.id for item in exercises()}


def test_instructions_name_who_logs_in_and_the_patient() -> None:
    for item in exercises():
        text = " ".join(item.steps)
        assert "Logga in som" in text, item.id
        assert re.search(r"\d{8}-\d{4}", text), item.id


def test_an_unknown_exercise_is_refused_in_swedish() -> None:
    with pytest.raises(NotFoundError, match=r"^Det finns ingen övning som heter ”nio”\.$"):
        exercise("nio")


def _write(tmp_path: Path, **changes: Any) -> Path:
    data: dict[str, Any] = {
        "title": "1. Prov",
        "summary": "Prov.",
        "scenario": "grundkurs",
        "introduction": "Prov.",
        "steps": ["Logga in som Karin Berg."],
        "checks": [
            {"kind": "certificate", "as": "x", "type": "fk7804", "patient": "19121212-1212"},
            {"kind": "diagnosis", "of": "x", "code": "F32.1"},
        ],
    }
    data.update(changes)
    path = tmp_path / "01-prov.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _load(path: Path) -> Any:
    return load_exercise(path, shipped_definitions(), {s.key for s in scenarios()})


def test_a_well_formed_file_loads(tmp_path: Path) -> None:
    loaded = _load(_write(tmp_path))
    assert loaded.id == "01-prov"
    assert loaded.certificate_type("x") == "fk7804"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"scenario": "okand"}, "Fel i övningen 01-prov.json: scenariot ”okand” finns inte."),
        (
            {"checks": [{"kind": "diagnosis", "of": "y", "code": "F32.1"}]},
            "Fel i övningen 01-prov.json: kontroll 1 hänvisar till ”y”, som ingen tidigare "
            "kontroll har.",
        ),
        (
            {"checks": [{"kind": "certificate", "type": "fk9999", "patient": "19121212-1212"}]},
            "Fel i övningen 01-prov.json: kontroll 1: intygstypen ”fk9999” finns inte.",
        ),
        (
            {
                "checks": [
                    {
                        "kind": "certificate",
                        "as": "x",
                        "type": "fk7804",
                        "patient": "19121212-1212",
                    },
                    {"kind": "answer", "of": "x", "field": "999", "equals": True},
                ]
            },
            "Fel i övningen 01-prov.json: kontroll 2: fältet ”999” finns inte i fk7804.",
        ),
        (
            {
                "checks": [
                    {
                        "kind": "certificate",
                        "as": "x",
                        "type": "fk7804",
                        "patient": "19121212-1212",
                    },
                    {"kind": "sick_leave", "of": "x", "degree": "NOLL", "days": 3},
                ]
            },
            "Fel i övningen 01-prov.json: kontroll 2: graden ”NOLL” finns inte i fk7804.",
        ),
    ],
)
def test_a_faulty_exercise_is_refused_naming_the_fault(
    tmp_path: Path, changes: dict[str, Any], message: str
) -> None:
    with pytest.raises(ExerciseError, match=f"^{re.escape(message)}$"):
        _load(_write(tmp_path, **changes))


@pytest.mark.parametrize(
    "checks",
    [
        [{"kind": "magic"}],
        [{"kind": "certificate", "type": "fk7804", "patient": "1212"}],
        [{"kind": "certificate", "type": "fk7804", "patient": "19121212-1212", "colour": "red"}],
    ],
)
def test_an_unknown_kind_key_or_malformed_personnummer_is_refused(
    tmp_path: Path, checks: list[dict[str, Any]]
) -> None:
    with pytest.raises(ExerciseError, match=r"^Fel i övningen 01-prov\.json vid checks\.0"):
        _load(_write(tmp_path, checks=checks))


def test_an_attempt_round_trips_through_json(store: Store, clock: FixedClock) -> None:
    attempt = begin(store, clock, "01-forsta-lisjp")
    assert attempt.start_date == dt.date(2026, 11, 27)
    assert Attempt.from_json(json.loads(json.dumps(attempt.to_json()))) == attempt


def test_a_malformed_attempt_file_is_refused() -> None:
    with pytest.raises(ValueError, match="malformed attempt"):
        Attempt.from_json({"exercise": "x"})


def _app_texts() -> set[str]:
    """Every button and menu text of the app: the action bar's labels for each type, the
    question cards' buttons, and what the windows and dialogs put in ``tr("…")``."""
    definitions = shipped_definitions().values()
    texts = {label(action, d) for action in Action for d in definitions}
    texts |= set(QUESTION_LABELS.values())
    root = Path(__file__).parents[3]
    for folder in ("widgets", "desktop"):
        for source in (root / folder).rglob("*.py"):
            found = re.findall(r'tr\(\s*"([^"]+)"', source.read_text(encoding="utf-8"))
            texts |= {text.replace("&", "") for text in found}
    return texts


def test_the_buttons_and_menus_the_steps_name_are_the_apps() -> None:
    """ "Klicka Signera och skicka", "Nytt → Intyg via Webcert…": each name is what the app
    shows, so a student finds the button the handout names."""
    texts = _app_texts()
    for item in exercises():
        for step in item.steps:
            for rest in re.findall(r"[Kk]licka (?:sedan )?([A-ZÅÄÖ].*)", step):
                named = max((text for text in texts if rest.startswith(text)), key=len, default="")
                after = rest[len(named) :]
                assert named and re.match(r"$|[.,;]| och | i | på | med | \(", after), (
                    item.id,
                    rest,
                )
            for menu, entry in re.findall(r"(\w+) → ([^.(]+?…)", step):
                assert {menu, entry} <= texts, (item.id, menu, entry)
