"""What can be done with a certificate now, and what its header says: for the buttons and the
status lines of an opened certificate."""

from __future__ import annotations

from models.staff import UserContext
from models.workflow.actions import Action, ActionState
from models.workflow.base import WorkflowService
from models.workflow.facts import Facts
from models.workflow.header import StatusLine, status_lines
from models.workflow.rules import action_states


class ActionRules(WorkflowService):
    """Reads; never changes anything (an overdue draft is shown as locked, as the sweep will
    make it)."""

    def _facts(self, user: UserContext, certificate_id: str) -> Facts:
        with self._store.session() as session:
            return self._read(session, user, certificate_id)[1]

    def allowed_actions(self, user: UserContext, certificate_id: str) -> dict[Action, ActionState]:
        """Every action, allowed or with the reason it is not; AccessDeniedError if the user
        may not open the certificate at all."""
        return action_states(user, self._facts(user, certificate_id), self._definitions)

    def status_lines(self, user: UserContext, certificate_id: str) -> list[StatusLine]:
        """The header's status lines (WORKFLOW.md §1.2)."""
        facts = self._facts(user, certificate_id)
        return status_lines(facts, self._definitions[facts.type_code])

    def view(
        self, user: UserContext, certificate_id: str
    ) -> tuple[dict[Action, ActionState], list[StatusLine]]:
        """Both of the above from one read: what an opened certificate's bar and header show."""
        facts = self._facts(user, certificate_id)
        definition = self._definitions[facts.type_code]
        return action_states(user, facts, self._definitions), status_lines(facts, definition)
