"""How far a draft has come: the status line, and what is missing before it can be signed."""

from __future__ import annotations

from dataclasses import dataclass

from models.definitions.findings import Finding
from models.definitions.schema import Definition

READY = "Klart att signera"
INCOMPLETE = "Obligatoriska uppgifter saknas"

#: Errors about what was typed rather than what is missing. Webcert checks a field when the
#: user leaves it, so these show as soon as the focus leaves the field (or at once for stored
#: content); the errors about missing answers wait for "Visa vad som saknas" or Signera.
INPUT_ERRORS = frozenset(
    {
        "invalid_date",
        "invalid_uncertain_date",
        "date_out_of_range",
        "text_limit",
        "integer_interval",
        "visual_acuity",
        "diagnosis_invalid",
        "end_after_start",
        "overlap",
        "wrong_type",
    }
)


def shown_at_once(finding: Finding, field_left: bool) -> bool:
    """Whether a finding shows before the user asks what is missing."""
    if finding.severity != "error":
        return True
    return field_left and finding.code in INPUT_ERRORS


def status_line(findings: list[Finding]) -> str:
    """Webcert's status for a draft: ready to sign, or mandatory answers missing."""
    return INCOMPLETE if any(f.severity == "error" for f in findings) else READY


@dataclass(frozen=True)
class MissingItem:
    """One error, placed in its section, for the list "Visa vad som saknas"."""

    category: str
    field_id: str
    part: str | None
    label: str
    message: str


def missing_items(definition: Definition, findings: list[Finding]) -> list[MissingItem]:
    """The errors in form order, each with its section's heading and the field's label."""
    place = {
        field.id: (category.title, field.label)
        for category in definition.categories
        for field in category.fields
    }
    order = {field.id: index for index, field in enumerate(definition.fields())}
    errors = [f for f in findings if f.severity == "error"]
    errors.sort(key=lambda f: order.get(f.field_id, len(order)))
    return [
        MissingItem(
            category=place.get(f.field_id, ("", ""))[0],
            field_id=f.field_id,
            part=f.part,
            label=place.get(f.field_id, ("", f.field_id))[1],
            message=f.message,
        )
        for f in errors
    ]
