"""New drafts made from a certificate: Ersätt (T12), Förnya (T13), Kopiera (T11) and
"skapa från" (T16: AG7804 from an FK7804, DOI from a DB), each with its relation recorded.

What each carries (WORKFLOW.md §1.5): a replacement and a copy take every answer; a renewal
leaves out what the definition marks ``carry.renew = false`` (for FK7804: the basis, the
periods of reduced capacity, arbetstidsförläggning, the prognosis and the contact wish). The
unit's contact details are always taken afresh from the user's unit. "Skapa från" takes the
answers the two forms share (same field id, an answer the new form accepts).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from models.audit import AuditAction
from models.definitions.engine import fields_to_carry
from models.definitions.schema import Action as CarryAction
from models.definitions.schema import Definition, FieldDef
from models.definitions.values import TEXT_KINDS, has_valid_shape
from models.staff import UserContext
from models.store.schema import Certificate
from models.workflow.actions import Action
from models.workflow.base import WorkflowService, changed
from models.workflow.certificates import add_draft, unit_content
from models.workflow.creation import CREATE_FROM
from models.workflow.facts import RELATION_COLUMN, Relation
from models.workflow.rows import CertificateRow, fetch_row

#: The internal event written on the new draft for each relation (WORKFLOW.md §8.5).
RELATION_EVENT = {
    Relation.REPLACE: "ERSATTER",
    Relation.RENEW: "FORLANGER",
    Relation.COMPLEMENT: "KOMPLETTERAR",
    Relation.COPY: "KOPIERATFRAN",
    Relation.CREATE_FROM: "SKAPATFRAN",
}
_WHAT = {
    Relation.REPLACE: "Ersättande utkast",
    Relation.RENEW: "Förnyat utkast",
    Relation.COMPLEMENT: "Kompletteringsutkast",
    Relation.COPY: "Kopia av låst utkast",
    Relation.CREATE_FROM: "Utkast skapat från intyg",
}


@dataclass(frozen=True)
class DerivedDraft:
    """The draft to open: new (``created``), or one that already existed and is continued.

    ``info``: for a renewal, the line Webcert shows above the new draft with the previous
    certificate's last period (its end and degree).
    """

    row: CertificateRow
    created: bool
    info: str | None = None


def last_period(definition: Definition, content: Mapping[str, Any]) -> str | None:
    """ "Föregående intyg: … till och med <date>, <degree>" from the sick-leave periods."""
    for field in definition.fields():
        periods = content.get(field.id)
        if field.kind != "sick_leave_periods" or not isinstance(periods, dict):
            continue
        labels = {option.code: option.label for option in field.options}
        ends = [
            (period.get("to"), code)
            for code, period in periods.items()
            if isinstance(period, dict) and isinstance(period.get("to"), str)
        ]
        if not ends:
            return None
        end, code = max(ends)
        degree = labels.get(code, code)
        return f"Det föregående intyget angav nedsatt arbetsförmåga till och med {end} ({degree})."
    return None


def carried(
    definition: Definition, content: Mapping[str, Any], action: CarryAction
) -> dict[str, Any]:
    """The answers ``action`` takes from ``content`` into a new draft of the same type."""
    keep = set(fields_to_carry(definition, action))
    return {key: value for key, value in content.items() if key in keep}


def shared(source: Definition, target: Definition, content: Mapping[str, Any]) -> dict[str, Any]:
    """The answers a draft of ``target`` can take over from a certificate of ``source``."""
    source_fields = {field.id: field for field in source.fields() if field.holds_answer}
    found: dict[str, Any] = {}
    for field in target.fields():
        origin = source_fields.get(field.id)
        value = content.get(field.id)
        if origin is None or value is None or not field.holds_answer:
            continue
        if _compatible(origin, field) and _accepts(field, value):
            found[field.id] = value
    return found


def _compatible(origin: FieldDef, field: FieldDef) -> bool:
    both_text = origin.kind in TEXT_KINDS and field.kind in TEXT_KINDS
    return both_text or origin.kind == field.kind


def _accepts(field: FieldDef, value: Any) -> bool:
    """The value has the field's shape and uses only the field's option codes."""
    if not has_valid_shape(field, value):
        return False
    codes = set(field.option_codes())
    if not codes:
        return True
    if isinstance(value, str) and field.kind == "radio_code":
        return value in codes
    if isinstance(value, list) and field.kind == "checkbox_code_list":
        return set(value) <= codes
    if isinstance(value, dict):
        return set(value) <= codes
    return True


class DerivedDraftService(WorkflowService):
    """Ersätt, Förnya, Kopiera and Skapa AG7804 / Skapa dödsorsaksintyg."""

    def replace(self, user: UserContext, certificate_id: str) -> DerivedDraft:
        """A replacement draft with all answers; an unsigned one is continued, not doubled."""
        return self._derive(user, certificate_id, Action.REPLACE, Relation.REPLACE)

    def renew(self, user: UserContext, certificate_id: str) -> DerivedDraft:
        """A renewal draft on the user's unit, without the answers a renewal leaves out.

        Renewing on the original's unit closes its complement requests (WORKFLOW.md §1.5).
        """
        return self._derive(user, certificate_id, Action.RENEW, Relation.RENEW)

    def copy(self, user: UserContext, certificate_id: str) -> DerivedDraft:
        """An editable copy of a locked draft; a second press continues to the existing copy."""
        return self._derive(user, certificate_id, Action.COPY, Relation.COPY)

    def create_from(self, user: UserContext, certificate_id: str) -> DerivedDraft:
        """An AG7804 from a signed FK7804, or a DOI from a signed DB, with the shared answers."""
        return self._derive(user, certificate_id, Action.CREATE_FROM, Relation.CREATE_FROM)

    def _derive(
        self, user: UserContext, certificate_id: str, action: Action, relation: Relation
    ) -> DerivedDraft:
        with self._store.transaction() as session:
            parent, facts = self._load(session, user, certificate_id)
            state = self._require(action, user, facts)
            info = None
            if relation is Relation.RENEW:
                info = last_period(self._definitions[parent.type_code], parent.content or {})
            if state.continues is not None:
                existing = state.continues
            else:
                existing = None
                child = self.new_draft(session, user, parent, relation)
                if relation is Relation.RENEW and facts.own_unit:
                    self._questions.close_complement_requests(session, parent.id, user.actor)
                change = changed(child, "created")
        if existing is not None:
            return DerivedDraft(fetch_row(self._store, self._definitions, existing), False, info)
        self._publish(change)
        return DerivedDraft(fetch_row(self._store, self._definitions, child.id), True, info)

    def new_draft(
        self, session: Session, user: UserContext, parent: Certificate, relation: Relation
    ) -> Certificate:
        """The derived draft, its event and PDL entries, in the caller's transaction (the
        caller has checked the rules; Komplettera uses it too)."""
        source = self._definitions[parent.type_code]
        code = (
            CREATE_FROM[parent.type_code] if relation is Relation.CREATE_FROM else parent.type_code
        )
        definition = self._definitions[code]
        content = dict(parent.content or {})
        if relation is Relation.CREATE_FROM:
            content = shared(source, definition, content)
        else:
            content = carried(definition, content, _CARRY[relation])
        content.update(unit_content(definition, user))
        column = RELATION_COLUMN[relation].key
        child = add_draft(
            session,
            self._clock,
            user,
            parent.patient_id,
            definition,
            content,
            **{column: parent.id},
        )
        self._event(
            session, child, RELATION_EVENT[relation], user, _note(parent, self._name(parent))
        )
        self._log(session, user, AuditAction.LASA, parent, _WHAT[relation])
        self._log(session, user, AuditAction.SKRIVA, child, f"{_WHAT[relation]}: {definition.name}")
        return child


_CARRY: dict[Relation, CarryAction] = {
    Relation.REPLACE: "replace",
    Relation.RENEW: "renew",
    Relation.COMPLEMENT: "complement",
    Relation.COPY: "copy",
}


def _note(parent: Certificate, name: str) -> str:
    return f"{name} ({parent.id})"
