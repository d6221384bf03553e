"""Declarative conditions for shown-if, required-if and conditional rules (no ``eval``).

A condition is a JSON object of one of these forms:

- ``{"field": "33", "equals": true}``: the field's value equals the given value
- ``{"field": "39", "in": ["A", "B"]}``: the value is one of the given values
- ``{"field": "1", "includes": "ANNAT"}``: a list contains the code, or a mapping (dated options,
  sick-leave periods) has the code as a key
- ``{"field": "32", "includes_any": ["EN_FJARDEDEL", "HALFTEN"]}``: as above, for any of them
- ``{"field": "26", "filled": true}``: the field has a value (a ticked checkbox, a non-blank text,
  a non-empty list); ``false`` for the opposite
- ``{"not": {...}}``, ``{"all": [{...}, ...]}``, ``{"any": [{...}, ...]}``
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, model_validator

ValueOf = Callable[[str], Any]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class FieldCondition(_Strict):
    """A test on one field's value."""

    field: str
    equals: Any = None
    in_: list[Any] | None = Field(default=None, alias="in")
    includes: str | None = None
    includes_any: list[str] | None = None
    filled: bool | None = None

    @model_validator(mode="before")
    @classmethod
    def _one_operator(cls, data: Any) -> Any:
        if isinstance(data, Mapping):
            operators = [
                k for k in ("equals", "in", "includes", "includes_any", "filled") if k in data
            ]
            if len(operators) != 1:
                raise ValueError(
                    "a field condition needs exactly one of equals, in, includes, "
                    f"includes_any, filled (got {operators or 'none'})"
                )
        return data

    def fields(self) -> set[str]:
        return {self.field}

    def holds(self, value_of: ValueOf) -> bool:
        value = value_of(self.field)
        if self.filled is not None:
            return has_value(value) == self.filled
        if self.in_ is not None:
            return _hashable_in(value, self.in_)
        if self.includes is not None:
            return _includes(value, self.includes)
        if self.includes_any is not None:
            return any(_includes(value, code) for code in self.includes_any)
        return bool(value == self.equals and type(value) is type(self.equals))


class NotCondition(_Strict):
    not_: Condition = Field(alias="not")

    def fields(self) -> set[str]:
        return self.not_.fields()

    def holds(self, value_of: ValueOf) -> bool:
        return not self.not_.holds(value_of)


class AllCondition(_Strict):
    all: list[Condition] = Field(min_length=1)

    def fields(self) -> set[str]:
        return set().union(*(c.fields() for c in self.all))

    def holds(self, value_of: ValueOf) -> bool:
        return all(c.holds(value_of) for c in self.all)


class AnyCondition(_Strict):
    any: list[Condition] = Field(min_length=1)

    def fields(self) -> set[str]:
        return set().union(*(c.fields() for c in self.any))

    def holds(self, value_of: ValueOf) -> bool:
        return any(c.holds(value_of) for c in self.any)


def _condition_kind(data: Any) -> str | None:
    # The tags differ from the JSON keys so that error locations map back onto the document.
    if isinstance(data, Mapping):
        for key in ("field", "not", "all", "any"):
            if key in data:
                return f"{key}-condition"
        return None
    kinds: dict[type, str] = {
        FieldCondition: "field-condition",
        NotCondition: "not-condition",
        AllCondition: "all-condition",
        AnyCondition: "any-condition",
    }
    return kinds.get(type(data))


Condition = Annotated[
    Annotated[FieldCondition, Tag("field-condition")]
    | Annotated[NotCondition, Tag("not-condition")]
    | Annotated[AllCondition, Tag("all-condition")]
    | Annotated[AnyCondition, Tag("any-condition")],
    Discriminator(
        _condition_kind,
        custom_error_type="condition",
        custom_error_message="a condition needs one of the keys field, not, all or any",
    ),
]

for _model in (NotCondition, AllCondition, AnyCondition):
    _model.model_rebuild()


def has_value(value: Any) -> bool:
    """Whether a stored answer counts as given: False, blank text and empty lists do not."""
    if value is None or value is False:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list | tuple | dict):
        return any(
            has_value(item) for item in (value.values() if isinstance(value, dict) else value)
        )
    return True


def _includes(value: Any, code: str) -> bool:
    if isinstance(value, dict):
        return code in value  # a ticked option counts before its date is filled in
    if isinstance(value, list):
        return code in value
    return False


def _hashable_in(value: Any, choices: list[Any]) -> bool:
    return any(value == choice and type(value) is type(choice) for choice in choices)
