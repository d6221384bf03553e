"""The ten shipped definitions load, match the official forms, and bad files are reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models.definitions.loader import DefinitionError, load_all, load_definition
from resources import resource_path

SHARED_FORMS = Path(__file__).resolve().parents[4] / "shared" / "domain" / "forms.json"
CODES = [
    "ag114",
    "ag7804",
    "db",
    "doi",
    "fk7804",
    "luae_fs",
    "luae_na",
    "luse",
    "ts-bas",
    "ts-diabetes",
]


def test_all_ten_types_load() -> None:
    definitions = load_all(resource_path("certificates"))
    assert sorted(definitions) == CODES
    assert definitions["fk7804"].name == "Läkarintyg för sjukpenning"
    assert definitions["db"].sent_on_sign and not definitions["db"].mina_intyg
    assert definitions["ag7804"].print_only


@pytest.mark.skipif(
    not SHARED_FORMS.exists(), reason="../shared/domain/forms.json is not beside the repo"
)
def test_every_field_of_the_official_forms_is_present_with_its_exact_label() -> None:
    forms = {t["code"]: t for t in json.loads(SHARED_FORMS.read_text(encoding="utf-8"))["types"]}
    definitions = load_all(resource_path("certificates"))
    for code, form in forms.items():
        official = {f["id"]: f for c in form["categories"] for f in c["fields"]}
        ours = {f.id: f for f in definitions[code].fields()}
        assert list(ours) == list(official), code
        for field_id, field in official.items():
            assert ours[field_id].label == field["label"], (code, field_id)
            assert ours[field_id].kind == field["kind"], (code, field_id)
            assert [o.code for o in ours[field_id].options] == [o["code"] for o in field["options"]]
            assert [o.label for o in ours[field_id].options] == [
                o["label"] for o in field["options"]
            ]


def test_no_placeholder_help_texts_are_shipped() -> None:
    for definition in load_all(resource_path("certificates")).values():
        texts = [c.help for c in definition.categories] + [f.help for f in definition.fields()]
        assert "TODO" not in texts, definition.code


def _write(tmp_path: Path, name: str, document: object) -> Path:
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def _fk7804() -> dict:
    return json.loads(resource_path("certificates", "fk7804.json").read_text(encoding="utf-8"))


def test_an_error_names_the_file_and_the_json_path(tmp_path: Path) -> None:
    document = _fk7804()
    document["categories"][3]["fields"][0]["kind"] = "diagnoser"
    with pytest.raises(DefinitionError) as raised:
        load_definition(_write(tmp_path, "fk7804", document))
    assert raised.value.path.name == "fk7804.json"
    assert raised.value.json_path == "$.categories[3].fields[0].kind"
    assert "fk7804.json" in raised.value.message


def test_an_error_inside_a_condition(tmp_path: Path) -> None:
    document = _fk7804()
    document["categories"][1]["fields"][0]["shown_if"] = {"field": "27", "ticked": True}
    with pytest.raises(DefinitionError) as raised:
        load_definition(_write(tmp_path, "fk7804", document))
    assert raised.value.json_path == "$.categories[1].fields[0].shown_if"


def test_an_error_inside_a_rule(tmp_path: Path) -> None:
    document = _fk7804()
    rules = document["categories"][7]["fields"][0]["rules"]
    rules[0]["days"] = "sju"
    with pytest.raises(DefinitionError) as raised:
        load_definition(_write(tmp_path, "fk7804", document))
    assert raised.value.json_path == "$.categories[7].fields[0].rules[0].days"


def test_a_reference_to_an_unknown_field(tmp_path: Path) -> None:
    document = _fk7804()
    document["categories"][1]["fields"][1]["shown_if"] = {"field": "999", "filled": True}
    with pytest.raises(DefinitionError) as raised:
        load_definition(_write(tmp_path, "fk7804", document))
    assert "unknown field 999" in raised.value.problem


def test_a_missing_key_is_named(tmp_path: Path) -> None:
    document = _fk7804()
    del document["recipient"]
    with pytest.raises(DefinitionError) as raised:
        load_definition(_write(tmp_path, "fk7804", document))
    assert raised.value.json_path == "$"
    assert raised.value.problem == "Field required: recipient"


def test_broken_json_and_a_wrong_code(tmp_path: Path) -> None:
    broken = tmp_path / "luse.json"
    broken.write_text('{"code": "luse",', encoding="utf-8")
    with pytest.raises(DefinitionError, match="ogiltig JSON på rad 1"):
        load_definition(broken)
    with pytest.raises(DefinitionError) as raised:
        load_definition(_write(tmp_path, "luse", _fk7804()))
    assert raised.value.json_path == "$.code"
