"""A typeahead's ``options_from``: the answer must be a name of the named list."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from pydantic import ValidationError

from models.definitions.engine import ValidationContext, shipped_option_lists, validate
from tests.models.definitions.factories import context, make_definition, messages

KOMMUN = {"id": "f", "label": "Kommun", "kind": "typeahead", "options_from": "kommuner"}
NOT_A_MUNICIPALITY = [("f", "Ange en kommun från listan.", None)]


def check(value: Any, ctx: ValidationContext | None = None, **field: Any) -> list[Any]:
    definition = make_definition({**KOMMUN, "required": True, **field})
    return messages(validate(definition, {"f": value}, ctx or context()))


def test_the_shipped_lists_are_the_default() -> None:
    assert set(shipped_option_lists()) == {"kommuner"}
    assert check("Upplands Väsby") == []
    assert check(" upplands väsby ") == []
    assert check("Upplands Vasby") == NOT_A_MUNICIPALITY


def test_empty_is_missing_not_unknown() -> None:
    assert check("  ") == [("f", "Ange ett svar.", None)]


def test_a_list_given_by_the_context() -> None:
    only = dataclasses.replace(context(), option_lists={"kommuner": lambda name: name == "Småmåla"})
    assert check("Småmåla", only) == []
    assert check("Växjö", only) == NOT_A_MUNICIPALITY


def test_a_list_the_context_lacks_is_not_checked() -> None:
    assert check("Småmåla", dataclasses.replace(context(), option_lists={})) == []


def test_the_text_limit_comes_first() -> None:
    assert check("Stockholm", max_length=5) == [
        ("f", "Ange en text som inte är längre än 5 tecken.", None)
    ]


def test_without_options_from_any_text_is_fine() -> None:
    definition = make_definition({"id": "f", "label": "Ort", "kind": "typeahead"})
    assert messages(validate(definition, {"f": "Småmåla"}, context())) == []


@pytest.mark.parametrize(
    "field",
    [
        {**KOMMUN, "kind": "text_field"},  # only a typeahead has a list
        {**KOMMUN, "options_from": "orter"},  # an unknown list
    ],
)
def test_the_format_rejects(field: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        make_definition(field)
