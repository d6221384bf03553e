"""The rule engine: which fields are shown, and what is wrong or worth saying about an answer.

``validate`` never raises on any JSON content: unknown field ids, answers of the wrong shape and
broken content are reported as findings. Hidden fields are neither required nor validated, and
their stored answers are ignored (Webcert drops them too; the editor clears them).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from models.definitions.conditions import has_value
from models.definitions.findings import Finding, finding
from models.definitions.kind_checks import DiagnosisExists, OptionLists, check_kind, missing
from models.definitions.rule_checks import RuleScope, check_rule, check_type_rule
from models.definitions.schema import Action, Category, Definition, FieldDef
from models.definitions.values import has_valid_shape, is_answered
from models.reference.municipalities import is_municipality

#: Content keys for the care unit's contact details, filled in from the unit when a draft is made.
UNIT_PREFIX = "unit."


@dataclass(frozen=True)
class PatientFacts:
    """What rules need to know about the patient."""

    birth_date: dt.date | None
    date_of_death: dt.date | None = None


@dataclass(frozen=True)
class UnitFacts:
    """The care unit's contact details, as printed on the certificate."""

    street_address: str
    postal_code: str
    city: str
    phone: str


def shipped_option_lists() -> dict[str, Callable[[str], bool]]:
    """The lists the shipped definitions name in ``options_from``, each as a name check."""
    return {"kommuner": is_municipality}


@dataclass(frozen=True)
class ValidationContext:
    """Today's date (from the clock), the patient, the unit, the diagnosis code list, and the
    named lists typeahead answers must come from (the shipped ones unless given)."""

    today: dt.date
    patient: PatientFacts | None = None
    unit: UnitFacts | None = None
    diagnosis_exists: DiagnosisExists | None = None
    option_lists: OptionLists = dataclasses.field(default_factory=shipped_option_lists)


class _Form:
    """One content's visibility, worked out once per validation."""

    def __init__(self, definition: Definition, content: Mapping[str, Any]) -> None:
        self.definition = definition
        self.content = content
        self.fields = {field.id: field for field in definition.fields()}
        self.category = {
            field.id: category for category in definition.categories for field in category.fields
        }
        self._visible: dict[str, bool] = {}
        self._in_progress: set[str] = set()

    def value_of(self, field_id: str) -> Any:
        """The answer as the form sees it: nothing for a hidden or malformed field."""
        field = self.fields.get(field_id)
        if field is None or not self.is_visible(field_id):
            return None
        value = self.content.get(field_id)
        return value if has_valid_shape(field, value) else None

    def is_visible(self, field_id: str) -> bool:
        if field_id in self._visible:
            return self._visible[field_id]
        if field_id in self._in_progress:  # a condition loop: treat as hidden
            return False
        self._in_progress.add(field_id)
        field = self.fields[field_id]
        category: Category = self.category[field_id]
        shown = all(
            condition is None or condition.holds(self.value_of)
            for condition in (category.shown_if, field.shown_if)
        )
        self._in_progress.discard(field_id)
        self._visible[field_id] = shown
        return shown

    def is_required(self, field: FieldDef) -> bool:
        if field.required_if is not None:
            return field.required_if.holds(self.value_of)
        return field.required


def visible_field_ids(definition: Definition, content: Mapping[str, Any]) -> list[str]:
    """The ids of the fields shown for this content, in form order."""
    form = _Form(definition, content)
    return [field.id for field in definition.fields() if form.is_visible(field.id)]


def validate(definition: Definition, content: Any, context: ValidationContext) -> list[Finding]:
    """Every finding for ``content``, in form order; an empty list means ready to sign."""
    if not isinstance(content, Mapping) or not all(isinstance(k, str) for k in content):
        return [finding("", "broken_content")]
    form = _Form(definition, content)
    findings = [
        finding(key, "unknown_field")
        for key in content
        if key not in form.fields or not form.fields[key].holds_answer
    ]
    patient = context.patient
    scope = RuleScope(
        value_of=form.value_of,
        field_of=form.fields.__getitem__,
        today=context.today,
        birth_date=patient.birth_date if patient else None,
    )
    visible: set[str] = set()
    for field in definition.fields():
        if not form.is_visible(field.id):
            continue
        visible.add(field.id)
        if field.kind == "info_message":
            findings.append(Finding(field.id, "info", field.label, "info"))
            continue
        if not field.holds_answer:
            continue
        findings += _check_field(form, field, scope, context)
    for rule in definition.rules:
        findings += check_type_rule(rule, scope, visible)
    return findings


def _check_field(
    form: _Form, field: FieldDef, scope: RuleScope, context: ValidationContext
) -> list[Finding]:
    value = form.content.get(field.id)
    if not has_valid_shape(field, value):
        return [finding(field.id, "wrong_type")]
    if not is_answered(field, value):
        return [missing(field)] if form.is_required(field) else []
    found = list(check_kind(field, value, context.diagnosis_exists, context.option_lists))
    if any(f.severity == "error" for f in found):
        return found  # one problem at a time: rules assume a well-formed answer
    for rule in field.rules:
        found += check_rule(field, value, rule, scope)
    return found


def errors(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity == "error"]


def is_empty(content: Any, definition: Definition | None = None) -> bool:
    """True for a "Tomt utkast": nothing entered beyond the unit details filled in at creation.

    With the definition, a "Nej" counts as entered and an unticked checkbox does not; without
    it, every false value counts as not entered.
    """
    if not isinstance(content, Mapping):
        return True
    fields = {f.id: f for f in definition.fields()} if definition is not None else {}
    for key, value in content.items():
        if not isinstance(key, str) or key.startswith(UNIT_PREFIX):
            continue
        field = fields.get(key)
        answered = is_answered(field, value) if field is not None else has_value(value)
        if answered:
            return False
    return True


def fields_to_carry(definition: Definition, action: Action) -> list[str]:
    """The field ids whose answers a renewal, replacement, complement or copy takes along."""
    return [
        field.id
        for field in definition.fields()
        if field.holds_answer and field.carry.allows(action)
    ]


def unit_prefill(definition: Definition, unit: UnitFacts) -> dict[str, str]:
    """The unit's contact details for the form's unit fields (``unit.postadress`` …)."""
    values = {
        "unit.postadress": unit.street_address,
        "unit.postnummer": unit.postal_code,
        "unit.postort": unit.city,
        "unit.telefonnummer": unit.phone,
    }
    ids = {field.id for field in definition.fields()}
    return {key: value for key, value in values.items() if key in ids}
