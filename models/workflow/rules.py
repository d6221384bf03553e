"""Webcert's rules for each action on a certificate: role, unit, patient, status, relations.

Each rule returns the first reason the action cannot be done, checked in this order: the
status and type (does the action belong here at all?), the person (permission in TakeCare,
role), the unit (scope), the certificate's relations, the patient, and the user's unit. The
order decides which reason a greyed-out button shows when there are several. The texts live
in ``texts.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from models.definitions.schema import Definition
from models.roles import Role
from models.staff import UserContext
from models.workflow import texts as t
from models.workflow.actions import Action, ActionState, Refusal
from models.workflow.creation import (
    CREATE_FROM,
    DEATH_TYPES,
    DENTIST_REFUSAL,
    DENTIST_TYPES,
    NOT_FOR_PROTECTED,
    PROTECTED_TYPE_REFUSAL,
    RENEW_TYPES,
    inactive_blocker,
    reservnummer_blocker,
    staff_blocker,
    type_patient_blocker,
    unique_refusal,
    workplace_blocker,
)
from models.workflow.facts import Facts, Relation


def read_refusal(user: UserContext, facts: Facts) -> Refusal | None:
    """Why the user may not even open this certificate (then no action is offered)."""
    if not facts.same_provider or (facts.status in t.DRAFT_STATUSES and not facts.own_unit):
        return Refusal(t.NO_ACCESS, denied=True)
    if user.role is Role.TANDLAKARE and facts.type_code not in DENTIST_TYPES:
        return Refusal(t.DENTIST_ACCESS, denied=True)
    if facts.patient.protected and not user.role.may_sign:
        return Refusal(t.PROTECTED_ROLE, denied=True)
    if facts.patient.protected and not facts.own_unit:
        return Refusal(t.PROTECTED_UNIT, denied=True)
    return None


def _other_unit(facts: Facts) -> Refusal | None:
    if facts.in_scope:
        return None
    return Refusal(f"Intyget är utfärdat på {facts.unit_name} och kan bara hanteras där.", True)


def _staff(user: UserContext) -> Refusal | None:
    reason = staff_blocker(user)
    return Refusal(reason, denied=True) if reason else None


def _role(user: UserContext, message: str) -> Refusal | None:
    return None if user.role.may_sign else Refusal(message, denied=True)


def _if(condition: object, message: str) -> Refusal | None:
    return Refusal(message) if condition else None


def _state(reason: str | None) -> Refusal | None:
    return Refusal(reason) if reason else None


def _protected_type(facts: Facts, code: str) -> Refusal | None:
    return _if(facts.patient.protected and code in NOT_FOR_PROTECTED, PROTECTED_TYPE_REFUSAL)


def _reservnummer(facts: Facts) -> Refusal | None:
    return _state(reservnummer_blocker(facts.patient.kind))


def _new_unit(user: UserContext) -> Refusal | None:
    """Nothing new is made at a unit without arbetsplatskod, or an inactive one."""
    return _state(workplace_blocker(user)) or _state(inactive_blocker(user))


def _new_certificate(user: UserContext, facts: Facts, code: str) -> Refusal | None:
    """The patient and unit rules for anything that makes a new draft of type ``code``."""
    patient = facts.patient
    return (
        _reservnummer(facts)
        or _state(type_patient_blocker(code, patient.protected, patient.deceased))
        or _new_unit(user)
    )


#: The patient and unit rules for a new draft of a type (Komplettera makes one too).
new_certificate_refusal = _new_certificate


def _sign(user: UserContext, facts: Facts, definition: Definition) -> ActionState:
    refusal = (
        _staff(user)
        or _role(user, t.MAY_NOT_SIGN)
        or (Refusal(t.NO_PRESCRIBER_CODE, denied=True) if facts.lacks_prescriber_code else None)
        or _reservnummer(facts)
        or _protected_type(facts, facts.type_code)
        or _state(workplace_blocker(user))
    )
    notice = t.POLICE if facts.police_report else None
    # A complement is sent to Försäkringskassan as it is signed (WORKFLOW.md §4.4), so its
    # button says so, as Webcert's does.
    parent = facts.parent
    complement = parent is not None and parent.relation is Relation.COMPLEMENT
    label = t.SIGN_AND_SEND if complement else t.label(Action.SIGN, definition)
    return ActionState(Action.SIGN, label, refusal, notice)


def _send(user: UserContext, facts: Facts, definition: Definition) -> ActionState:
    label = t.label(Action.SEND, definition)
    recipient = definition.recipient
    if definition.print_only:
        return ActionState(Action.SEND, label, Refusal(t.PRINT_ONLY, applicable=False))
    if facts.sent_to:
        reason = f"Intyget är redan skickat till {recipient.name}."
        return ActionState(Action.SEND, label, Refusal(reason, applicable=False))
    refusal = (
        _staff(user)
        or _other_unit(facts)
        or _if(facts.tampered, t.TAMPERED)
        or _if(facts.child(Relation.REPLACE, signed=True), t.REPLACED_SEND)
        or _if(facts.police_report, t.POLICE)
        or _reservnummer(facts)
        or _if(facts.patient.protected and recipient.code != t.FK, t.PROTECTED_RECIPIENT)
    )
    notice = t.CONSENT_NOTICE if recipient.code == t.FK else t.AGREEMENT_NOTICE
    return ActionState(Action.SEND, label, refusal, notice)


def _print(user: UserContext, facts: Facts, definition: Definition) -> ActionState:
    notice = t.PROTECTED_PRINT if facts.patient.protected else None
    if facts.police_report and facts.status == t.SIGNED:
        notice = t.POLICE_PRINT
    return ActionState(Action.PRINT, t.label(Action.PRINT, definition), None, notice)


def _revoke(user: UserContext, facts: Facts, definition: Definition) -> ActionState:
    refusal = _staff(user) or _role(user, t.MAY_NOT_REVOKE) or _other_unit(facts)
    notice = t.revoke_notice(facts, definition)
    return ActionState(Action.REVOKE, t.label(Action.REVOKE, definition), refusal, notice)


def _replace(user: UserContext, facts: Facts, definition: Definition) -> ActionState:
    label = t.label(Action.REPLACE, definition)
    existing = facts.child(Relation.REPLACE, signed=False)
    refusal = (
        _staff(user)
        or _role(user, t.MAY_NOT_REPLACE)
        or _other_unit(facts)
        or _if(facts.child(Relation.REPLACE, signed=True), t.REPLACED_REPLACE)
        or _if(facts.child(Relation.COMPLEMENT, signed=True), t.COMPLEMENTED_REPLACE)
        or _if(facts.unhandled_complements, t.UNHANDLED_COMPLEMENT)
        or _reservnummer(facts)
        or _if(facts.patient.deceased and facts.type_code not in DEATH_TYPES, t.DECEASED_REPLACE)
        or _protected_type(facts, facts.type_code)
        or _new_unit(user)
        or _if(existing and existing.unit_id != user.unit.hsa_id, t.REPLACEMENT_ELSEWHERE)
    )
    if refusal is None and existing is not None:
        return ActionState(Action.REPLACE, label, None, t.REPLACEMENT_EXISTS, existing.id)
    return ActionState(Action.REPLACE, label, refusal, t.REPLACE_NOTICE)


def _renew(user: UserContext, facts: Facts, definition: Definition) -> ActionState:
    label = t.label(Action.RENEW, definition)
    if facts.type_code not in RENEW_TYPES:
        return ActionState(Action.RENEW, label, Refusal(t.NOT_RENEWABLE, applicable=False))
    refusal = (
        _staff(user)
        or _if(facts.child(Relation.REPLACE, signed=True), t.REPLACED_RENEW)
        or _if(facts.child(Relation.COMPLEMENT, signed=True), t.COMPLEMENTED_RENEW)
        or _reservnummer(facts)
        or _if(facts.patient.deceased, t.DECEASED_RENEW)
        or _new_unit(user)
    )
    notice = t.renew_notice(user.unit.name)
    if facts.unhandled_complements and facts.own_unit:
        notice += " " + t.RENEW_CLOSES_COMPLEMENT
    return ActionState(Action.RENEW, label, refusal, notice)


def _copy(user: UserContext, facts: Facts, definition: Definition) -> ActionState:
    label = t.label(Action.COPY, definition)
    existing = facts.child(Relation.COPY, signed=False)
    refusal = _staff(user) or _new_certificate(user, facts, facts.type_code)
    if refusal is None and existing is not None:
        return ActionState(Action.COPY, label, None, t.COPY_EXISTS, existing.id)
    return ActionState(Action.COPY, label, refusal, t.copy_notice(user.unit.name))


def _create_from(user: UserContext, facts: Facts, definition: Definition) -> ActionState:
    label = t.label(Action.CREATE_FROM, definition)
    target = CREATE_FROM.get(facts.type_code)
    if target is None:
        return ActionState(Action.CREATE_FROM, label, Refusal(t.NO_TEMPLATE, applicable=False))
    existing = next(
        (
            child
            for child in facts.children
            if child.relation is Relation.CREATE_FROM
            and child.draft
            and child.type_code == target
            and child.unit_id == user.unit.hsa_id
        ),
        None,
    )
    others = [i for i in facts.patient_doi_ids if existing is None or i != existing.id]
    dentist = user.role is Role.TANDLAKARE and target not in DENTIST_TYPES
    refusal = (
        _staff(user)
        or (Refusal(DENTIST_REFUSAL, denied=True) if dentist else None)
        or _other_unit(facts)
        or _if(facts.child(Relation.REPLACE, signed=True), t.REPLACED_CREATE)
        or _new_certificate(user, facts, target)
        or _if(target == "doi" and others, unique_refusal(target))
    )
    if refusal is None and existing is not None:
        return ActionState(Action.CREATE_FROM, label, None, t.CREATED_EXISTS, existing.id)
    notice = t.UNSENT_LISJP if target == "ag7804" and not facts.sent_to else None
    return ActionState(Action.CREATE_FROM, label, refusal, notice)


def _delete(user: UserContext, facts: Facts, definition: Definition) -> ActionState:
    label = t.label(Action.DELETE, definition)
    return ActionState(Action.DELETE, label, _staff(user), t.DELETE_NOTICE)


def _mark_ready(user: UserContext, facts: Facts, definition: Definition) -> ActionState:
    label = t.label(Action.MARK_READY, definition)
    if user.role.may_sign:
        return ActionState(Action.MARK_READY, label, Refusal(t.SIGNS_THEMSELVES, applicable=False))
    refusal = _staff(user) or _if(facts.ready_for_signing, t.ALREADY_READY) or _reservnummer(facts)
    return ActionState(Action.MARK_READY, label, refusal, t.READY_NOTICE)


def _set_responsible(user: UserContext, facts: Facts, definition: Definition) -> ActionState:
    return ActionState(
        Action.SET_RESPONSIBLE, t.label(Action.SET_RESPONSIBLE, definition), _staff(user)
    )


_Rule = Callable[[UserContext, Facts, Definition], ActionState]
_RULES: dict[Action, _Rule] = {
    Action.SIGN: _sign,
    Action.SEND: _send,
    Action.PRINT: _print,
    Action.REVOKE: _revoke,
    Action.REPLACE: _replace,
    Action.RENEW: _renew,
    Action.COPY: _copy,
    Action.CREATE_FROM: _create_from,
    Action.DELETE: _delete,
    Action.MARK_READY: _mark_ready,
    Action.SET_RESPONSIBLE: _set_responsible,
}


def action_state(
    action: Action, user: UserContext, facts: Facts, definitions: Mapping[str, Definition]
) -> ActionState:
    """The state of one action; the user must be able to read the certificate."""
    definition = definitions[facts.type_code]
    wrong_status = t.STATUS_REFUSALS[action].get(facts.status)
    if wrong_status is not None:
        label = t.label(action, definition)
        return ActionState(action, label, Refusal(wrong_status, applicable=False))
    return _RULES[action](user, facts, definition)


def action_states(
    user: UserContext, facts: Facts, definitions: Mapping[str, Definition]
) -> dict[Action, ActionState]:
    """Every action's state, in the order of Action."""
    return {action: action_state(action, user, facts, definitions) for action in Action}
