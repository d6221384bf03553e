"""Answers as readable Swedish text: for read-only views, summaries and printouts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from models.definitions.engine import visible_field_ids
from models.definitions.schema import Definition, FieldDef
from models.definitions.values import has_valid_shape, is_answered

#: Printed in place of a field the patient chose to keep from the employer (``omit_in_employer_
#: print``: the diagnosis of AG7804 and AG1-14 when the patient answered Nej).
WITHHELD = "På patientens begäran uppges inte diagnos"


@dataclass(frozen=True)
class AnsweredField:
    """One answered question, ready to show."""

    category: str
    field_id: str
    label: str
    text: str


def _option(field: FieldDef, code: Any) -> str:
    for option in field.options:
        if option.code == code:
            return option.label
    return str(code)


def answer_text(field: FieldDef, value: Any) -> str:
    """The answer as a person would write it on the paper form."""
    kind = field.kind
    if kind == "radio_boolean":
        labels = {o.code: o.label for o in field.options}
        return labels.get("true" if value else "false", "Ja" if value else "Nej")
    if kind == "checkbox_boolean":
        return (field.checkbox_label or "Ja") if value else "Nej"
    if kind == "radio_code":
        return _option(field, value)
    if kind == "checkbox_code_list":
        return ", ".join(_option(field, code) for code in value)
    if kind == "checkbox_date_list":
        return "\n".join(f"{_option(field, code)}: {date or '–'}" for code, date in value.items())
    if kind == "sick_leave_periods":
        # In time order (a period without a start date last), then in the form's order.
        order = field.option_codes()
        codes = sorted(
            value,
            key=lambda c: (
                value[c].get("from") or "9999",
                order.index(c) if c in order else len(order),
            ),
        )
        return "\n".join(
            f"{_option(field, code)}: {value[code].get('from') or '–'} – "
            f"{value[code].get('to') or '–'}"
            for code in codes
        )
    if kind == "date_range":
        return f"{value.get('from') or '–'} – {value.get('to') or '–'}"
    if kind == "diagnosis_list":
        return "\n".join(
            f"{row.get('code') or ''} {row.get('text') or ''}".strip()
            for row in value
            if row.get("code") or row.get("text")
        )
    if kind == "underlag_list":
        return "\n".join(
            f"{_option(field, row.get('type'))}, {row.get('date') or '–'}: {row.get('info') or ''}"
            for row in value
            if any(row.values())
        )
    if kind == "visual_acuity_table":
        lines = []
        columns = {c.id: c.label for c in field.columns}
        for row in field.rows:
            cells = value.get(row.id, {})
            parts = [
                f"{columns.get(cid, cid)} {'Ja' if cell is True else str(cell).replace('.', ',')}"
                for cid, cell in cells.items()
                if cell is not None and cell is not False
            ]
            if parts:
                lines.append(f"{row.label}: {', '.join(parts)}")
        return "\n".join(lines)
    if kind in ("cause_of_death", "cause_of_death_list"):
        rows = [value] if kind == "cause_of_death" else value
        return "\n".join(
            ", ".join(
                part
                for part in (
                    row.get("description") or "",
                    f"debut {row['debut']}" if row.get("debut") else "",
                    _option(field, row["specification"]) if row.get("specification") else "",
                )
                if part
            )
            for row in rows
        )
    return str(value)


def _withheld(
    definition: Definition, field: FieldDef, visible: set[str], content: Mapping[str, Any]
) -> bool:
    """A field left out of the employer's copy by the patient's answer: its condition hides it,
    and every question the condition asks about is shown and answered."""
    if not field.omit_in_employer_print or field.shown_if is None or field.id in visible:
        return False
    return all(
        asked in visible and is_answered(definition.field(asked), content.get(asked))
        for asked in field.shown_if.fields()
    )


def answered_fields(
    definition: Definition, content: Mapping[str, Any], *, withheld: bool = False
) -> list[AnsweredField]:
    """Every visible, answered field in form order, with its answer as text.

    ``withheld``: also list, with the text :data:`WITHHELD`, a field the patient chose to keep
    from the employer (for printouts and summaries of the employer's types).
    """
    visible = set(visible_field_ids(definition, content))
    found = []
    for category in definition.categories:
        for field in category.fields:
            value = content.get(field.id)
            if (
                field.id in visible
                and field.holds_answer
                and has_valid_shape(field, value)
                and is_answered(field, value)
            ):
                found.append(
                    AnsweredField(category.title, field.id, field.label, answer_text(field, value))
                )
            elif withheld and _withheld(definition, field, visible, content):
                found.append(AnsweredField(category.title, field.id, field.label, WITHHELD))
    return found
