"""The actions on an existing certificate, and what the rules say about each one.

``ActionRules.allowed_actions`` (``models.workflow.allowed``) returns one :class:`ActionState`
per :class:`Action`: allowed, or refused with the Swedish reason the UI shows as a tooltip on
the greyed-out button. The service that performs an action raises the same reason as a typed
error (:meth:`Refusal.error`), so a button and its service never disagree.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from models.errors import AccessDeniedError, IntygsstudioError, NotAllowedError


class Action(enum.StrEnum):
    """An action on one certificate; the value is a stable id for the UI."""

    SIGN = "sign"
    SEND = "send"
    PRINT = "print"
    REVOKE = "revoke"
    REPLACE = "replace"
    RENEW = "renew"
    COPY = "copy"
    CREATE_FROM = "create_from"
    DELETE = "delete"
    MARK_READY = "mark_ready"
    SET_RESPONSIBLE = "set_responsible"


@dataclass(frozen=True)
class Refusal:
    """Why an action cannot be done.

    ``denied``: a missing permission ("Behörighet saknas": role, unit), raised as
    AccessDeniedError; otherwise the certificate's or patient's state, raised as
    NotAllowedError. ``applicable`` is False when the action does not belong to this type or
    status at all (Webcert shows no such button); True when it belongs but is refused now.
    """

    message: str
    denied: bool = False
    applicable: bool = True

    def error(self) -> IntygsstudioError:
        if self.denied:
            return AccessDeniedError(self.message)
        return NotAllowedError(self.message)


class Verdict:
    """What a button needs from the rules' verdict on it: pressable, and if not, why.

    Shared by the certificate's actions and the questions' actions; a subclass is a dataclass
    with a ``refusal`` field.
    """

    refusal: Refusal | None

    @property
    def allowed(self) -> bool:
        return self.refusal is None

    @property
    def reason(self) -> str | None:
        return None if self.refusal is None else self.refusal.message

    @property
    def applicable(self) -> bool:
        return self.refusal is None or self.refusal.applicable


@dataclass(frozen=True)
class ActionState(Verdict):
    """One action's button: its label, and whether (or why not) it can be pressed.

    ``notice``: what the confirm dialog or the button's tooltip should tell the user when the
    action is allowed (a protected patient's print warning, sending in agreement with the
    patient, …). ``continues``: the id of an existing draft the action opens instead of making
    a new one (an unsigned replacement, an existing copy).
    """

    action: Action
    label: str
    refusal: Refusal | None = None
    notice: str | None = None
    continues: str | None = None
