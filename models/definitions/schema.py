"""The checked format of a certificate definition (``resources/certificates/<code>.json``).

Loading validates a file against these models; an error names the file and the JSON path.
What a stored answer looks like for each field kind is described in ``values.py``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from models.definitions.conditions import Condition
from models.definitions.rules import (
    AtLeastOneOf,
    AutoFill,
    ConditionalMessage,
    DateMax,
    DateMin,
    DebutOrder,
    FieldDateRef,
    FieldRule,
    NewbornDeath,
    TypeRule,
)

Kind = Literal[
    "text_field",
    "text_area",
    "text_area_accordion",
    "icf_text",
    "typeahead",
    "checkbox_boolean",
    "radio_boolean",
    "radio_code",
    "checkbox_code_list",
    "checkbox_date_list",
    "sick_leave_periods",
    "date_range",
    "date",
    "uncertain_date",
    "year",
    "integer",
    "diagnosis_list",
    "underlag_list",
    "visual_acuity_table",
    "cause_of_death",
    "cause_of_death_list",
    "info_message",
    "header",
]

#: Named lists an answer may have to come from (``options_from``): "kommuner", Sweden's
#: municipalities. The validation context says how to check each (see ``engine.py``).
OptionList = Literal["kommuner"]
#: The FMB section an icf_text field's ICF helper offers codes from (``icf_section``).
IcfSection = Literal["funktionsnedsattning", "aktivitetsbegransning"]

#: Kinds that only show something and never hold an answer.
DISPLAY_KINDS = frozenset({"info_message", "header"})

Action = Literal["renew", "replace", "complement", "copy"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Option(_Strict):
    """One choice: the code stored and the label shown, exactly as on the form."""

    code: str
    label: str


class Part(_Strict):
    """A named part of a composite field: a table row or column, or a row's sub-field.

    For table columns: ``checkbox`` columns hold booleans, others decimals; ``required``
    columns must be filled on every row; ``except_rows`` have no cell in this column.
    """

    id: str
    label: str
    checkbox: bool = False
    required: bool = False
    except_rows: list[str] = []


class Carry(_Strict):
    """Whether the answer is carried into a new draft made by each derivative action."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    renew: bool = True
    replace: bool = True
    complement: bool = True
    copy_: bool = Field(default=True, alias="copy")

    def allows(self, action: Action) -> bool:
        return {
            "renew": self.renew,
            "replace": self.replace,
            "complement": self.complement,
            "copy": self.copy_,
        }[action]


class FieldDef(_Strict):
    """One question or answer element of a form."""

    id: str
    label: str
    kind: Kind
    form_id: str | None = None
    options: list[Option] = []
    #: A typeahead's list: the answer must be one of its names (typing freely is allowed; the
    #: rules report a name not in the list).
    options_from: OptionList | None = None
    #: An icf_text field's FMB section: which central ICF codes its helper offers first.
    icf_section: IcfSection | None = None
    max_length: int | None = Field(default=None, ge=1)
    min: float | None = None
    max: float | None = None
    max_rows: int | None = Field(default=None, ge=1)
    rows: list[Part] = []
    columns: list[Part] = []
    subfields: list[Part] = []
    required: bool = False
    required_if: Condition | None = None
    shown_if: Condition | None = None
    #: The message for a required field left empty, where the form has its own.
    missing_message: str | None = None
    rules: list[FieldRule] = []
    help: str | None = None
    placeholder: str | None = None
    sub_label: str | None = None
    checkbox_label: str | None = None
    omit_in_employer_print: bool = False
    carry: Carry = Carry()
    note: str | None = None

    @property
    def holds_answer(self) -> bool:
        return self.kind not in DISPLAY_KINDS

    def option_codes(self) -> list[str]:
        return [option.code for option in self.options]

    @model_validator(mode="after")
    def _list_for_typeahead(self) -> FieldDef:
        if self.options_from is not None and self.kind != "typeahead":
            raise ValueError(f"field {self.id}: options_from is for typeahead fields only")
        if self.icf_section is not None and self.kind != "icf_text":
            raise ValueError(f"field {self.id}: icf_section is for icf_text fields only")
        return self


class Category(_Strict):
    """A section of the form, with its heading."""

    id: str
    title: str
    help: str | None = None
    shown_if: Condition | None = None
    fields: list[FieldDef]


class Recipient(_Strict):
    code: str
    name: str


class Choice(_Strict):
    """A point the reference marks uncertain, and what this definition chose."""

    topic: str
    decision: str


class Definition(_Strict):
    """A certificate type: its identity, recipient, behaviour flags, and form."""

    schema_version: Literal[1]
    code: str
    form: str
    name: str
    description: str
    recipient: Recipient
    version: str
    sent_on_sign: bool
    mina_intyg: bool
    print_only: bool
    categories: list[Category] = Field(min_length=1)
    rules: list[TypeRule] = []
    choices: list[Choice] = []

    def fields(self) -> list[FieldDef]:
        """Every field in form order."""
        return [field for category in self.categories for field in category.fields]

    def field(self, field_id: str) -> FieldDef:
        for field in self.fields():
            if field.id == field_id:
                return field
        raise KeyError(field_id)

    @model_validator(mode="after")
    def _references_exist(self) -> Definition:
        ids = [field.id for field in self.fields()]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"duplicate field ids: {', '.join(duplicates)}")
        known = set(ids)
        for field in self.fields():
            for name, referenced in _references(field):
                if referenced not in known:
                    raise ValueError(f"field {field.id}: {name} names unknown field {referenced}")
        for category in self.categories:
            if category.shown_if is not None:
                for referenced in category.shown_if.fields():
                    if referenced not in known:
                        raise ValueError(
                            f"category {category.id}: shown_if names unknown field {referenced}"
                        )
        for rule in self.rules:
            names = (
                [*rule.fields, rule.report_on]
                if isinstance(rule, AtLeastOneOf)
                else sorted(rule.when.fields())
            )
            for referenced in names:
                if referenced not in known:
                    raise ValueError(f"type rule {rule.rule}: unknown field {referenced}")
        return self


def _references(field: FieldDef) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for name, condition in (("shown_if", field.shown_if), ("required_if", field.required_if)):
        if condition is not None:
            found += [(name, f) for f in sorted(condition.fields())]
    for rule in field.rules:
        if isinstance(rule, DateMax | DateMin) and isinstance(rule.value, FieldDateRef):
            found.append((rule.rule, rule.value.field))
        elif isinstance(rule, ConditionalMessage | AutoFill):
            found += [(rule.rule, f) for f in sorted(rule.when.fields())]
        elif isinstance(rule, NewbornDeath):
            found.append((rule.rule, rule.death_date.field))
        elif isinstance(rule, DebutOrder) and rule.previous_field is not None:
            found.append((rule.rule, rule.previous_field))
    return found
