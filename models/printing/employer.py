"""The employer's copy without the diagnosis ("Anpassa intyget för utskrift", WORKFLOW.md §5).

AG7804 and AG1-14 mark their diagnosis field ``omit_in_employer_print``: when the patient does
not want the employer to know the diagnosis, the printout says "På patientens begäran uppges
inte diagnos" in its place. The patient can also choose this afterwards, when printing from
Mina intyg; then the question about passing on the diagnosis is left out too, so that the
printout does not say "Ja" above a diagnosis it withholds.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from models.definitions.rules import AutoFill
from models.definitions.schema import Definition

#: Before the answers of a printout whose diagnosis the patient chose to hide.
CUSTOMISED = (
    "Detta är en anpassad utskrift av ett elektroniskt intyg. På patientens begäran har "
    "information om diagnos valts bort."
)
#: Why the diagnosis cannot be hidden: the form passes it on, e.g. for smittbärarpenning.
MUST_SHOW = (
    "Diagnosen kan inte döljas på det här intyget. Vid smittbärarpenning förmedlas diagnosen "
    "till arbetsgivaren."
)


@dataclass(frozen=True)
class DiagnosisFields:
    """The fields printed as withheld (``hidden``) and the questions left out with them."""

    hidden: frozenset[str]
    questions: frozenset[str]

    def __bool__(self) -> bool:
        return bool(self.hidden)


NOTHING_HIDDEN = DiagnosisFields(frozenset(), frozenset())


def diagnosis_fields(definition: Definition) -> DiagnosisFields:
    """The type's fields that the patient may keep from the employer; empty for other types."""
    hidden: set[str] = set()
    questions: set[str] = set()
    for field in definition.fields():
        if field.omit_in_employer_print:
            hidden.add(field.id)
            if field.shown_if is not None:
                questions |= field.shown_if.fields()
    return DiagnosisFields(frozenset(hidden), frozenset(questions))


def hide_refusal(definition: Definition, content: Mapping[str, Any]) -> str | None:
    """Why the diagnosis of this certificate cannot be hidden (None: it can, or there is none).

    The form itself decides it: while an autofill rule fixes the answer to the question about
    passing on the diagnosis (AG7804 at smittbärarpenning), the diagnosis must be shown.
    """
    fields = diagnosis_fields(definition)
    for question in fields.questions:
        for rule in definition.field(question).rules:
            if isinstance(rule, AutoFill) and rule.when.holds(content.get):
                return MUST_SHOW
    return None
