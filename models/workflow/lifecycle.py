"""The lifecycle services together, built once for a window (or a test)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from models.clock import Clock
from models.definitions.kind_checks import DiagnosisExists
from models.definitions.schema import Definition
from models.events import ChangeBus
from models.store.engine import Store
from models.workflow.allowed import ActionRules
from models.workflow.drafts import DraftService
from models.workflow.locking import LockService
from models.workflow.questions import NO_QUESTIONS, QuestionPort
from models.workflow.relations import DerivedDraftService
from models.workflow.revoking import RevokeService
from models.workflow.signing import SigningService


@dataclass(frozen=True)
class Lifecycle:
    """Every service that acts on an existing certificate."""

    rules: ActionRules
    drafts: DraftService
    signing: SigningService
    revoking: RevokeService
    derived: DerivedDraftService
    locking: LockService


def lifecycle(
    store: Store,
    clock: Clock,
    definitions: Mapping[str, Definition],
    bus: ChangeBus,
    *,
    questions: QuestionPort = NO_QUESTIONS,
    diagnosis_exists: DiagnosisExists | None = None,
) -> Lifecycle:
    """Build the services on one store, clock, set of definitions and change bus."""
    common = (store, clock, definitions, bus)
    return Lifecycle(
        rules=ActionRules(*common, questions=questions),
        drafts=DraftService(*common, questions=questions),
        signing=SigningService(*common, questions=questions, diagnosis_exists=diagnosis_exists),
        revoking=RevokeService(*common, questions=questions),
        derived=DerivedDraftService(*common, questions=questions),
        locking=LockService(store, clock, bus),
    )
