"""The declarative rules a field (or a whole certificate type) can carry, besides its kind's own.

Every rule is a JSON object with a ``rule`` key naming it. Dates are compared with *date
references*: ``"today"``, ``"birth_date"`` (from the patient's identity number),
``"start_of_previous_year"``, or ``{"field": "2.2"}`` (another field's date; for dated options
``{"field": "1", "option": "UNDERSOKNING"}``), optionally with ``"offset_days"``.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from models.definitions.conditions import Condition

Severity = Literal["error", "warning", "info"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FieldDateRef(_Strict):
    """The date held by another field (or by one dated option of it)."""

    field: str
    option: str | None = None
    offset_days: int = 0


class NamedDateRef(_Strict):
    """A date known from the context, e.g. today or the patient's birth date."""

    name: Literal["today", "birth_date", "start_of_previous_year"]
    offset_days: int = 0


DateRef = Literal["today", "birth_date", "start_of_previous_year"] | FieldDateRef | NamedDateRef


class DateMax(_Strict):
    """Every date in the field is on or before the reference."""

    rule: Literal["date_max"]
    value: DateRef
    message: str | None = None


class DateMin(_Strict):
    """Every date in the field is on or after the reference."""

    rule: Literal["date_min"]
    value: DateRef
    message: str | None = None


class Pattern(_Strict):
    """A text must match a regular expression (e.g. a postnummer)."""

    rule: Literal["pattern"]
    regex: str
    message: str


class ExclusiveOption(_Strict):
    """One option of a multiple choice may not be combined with any other."""

    rule: Literal["exclusive_option"]
    option: str
    message: str


class MaxChoices(_Strict):
    """At most this many options may be chosen."""

    rule: Literal["max_choices"]
    count: int = Field(ge=1)


class DiagnosisCodeLength(_Strict):
    """Codes starting with one of the prefixes need at least ``min_length`` characters."""

    rule: Literal["diagnosis_code_length"]
    prefixes: list[str]
    min_length: int
    message: str


class PeriodStartsBefore(_Strict):
    """A period that starts more than ``days`` before today (a warning in Webcert)."""

    rule: Literal["period_starts_before_today"]
    days: int
    severity: Severity = "warning"
    message: str


class PeriodLongerThan(_Strict):
    """The periods together span at least ``days`` days (or ``months`` months)."""

    rule: Literal["period_longer_than"]
    days: int | None = None
    months: int | None = None
    severity: Severity = "warning"
    message: str


class ConditionalMessage(_Strict):
    """A message shown while a condition holds (information, a warning, or an error)."""

    rule: Literal["message"]
    when: Condition
    severity: Severity = "info"
    message: str


class AutoFill(_Strict):
    """While ``when`` holds, the form fills in ``value`` and locks the field."""

    rule: Literal["autofill"]
    when: Condition
    value: Any
    message: str


class NewbornDeath(_Strict):
    """DB/DOI question 4: "Ja" only for a death within ``days`` days of birth, else "Nej"."""

    rule: Literal["newborn_death"]
    death_date: FieldDateRef
    days: int = 28
    message_yes: str
    message_no: str
    #: Shown (as information) when the form has filled in the answer from the dates.
    info_within: str | None = None
    info_after: str | None = None


class DebutOrder(_Strict):
    """Cause-of-death rows: each debut date on or before the one above (``previous_field``)."""

    rule: Literal["debut_order"]
    previous_field: str | None = None
    message: str


class AtLeastOneOf(_Strict):
    """Type-level: at least one of the (visible) fields must be filled."""

    rule: Literal["at_least_one_of"]
    fields: list[str] = Field(min_length=2)
    report_on: str
    message: str


FieldRule = Annotated[
    DateMax
    | DateMin
    | Pattern
    | ExclusiveOption
    | MaxChoices
    | DiagnosisCodeLength
    | PeriodStartsBefore
    | PeriodLongerThan
    | ConditionalMessage
    | AutoFill
    | NewbornDeath
    | DebutOrder,
    Field(discriminator="rule"),
]

TypeRule = Annotated[AtLeastOneOf | ConditionalMessage, Field(discriminator="rule")]
