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
from models.workflow.complement import ComplementService
from models.workflow.drafts import DraftService
from models.workflow.fk_console import FkConsole
from models.workflow.locking import LockService
from models.workflow.question_list import QuestionList
from models.workflow.question_port import StoredQuestions
from models.workflow.question_service import QuestionService
from models.workflow.questions import QuestionPort
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
    questions: QuestionService
    complements: ComplementService
    question_list: QuestionList
    fk: FkConsole


def lifecycle(
    store: Store,
    clock: Clock,
    definitions: Mapping[str, Definition],
    bus: ChangeBus,
    *,
    questions: QuestionPort | None = None,
    diagnosis_exists: DiagnosisExists | None = None,
) -> Lifecycle:
    """Build the services on one store, clock, set of definitions and change bus.

    ``questions``: what the lifecycle's rules know about questions with FK; the stored
    questions unless a test stands in for them.
    """
    common = (store, clock, definitions, bus)
    if questions is None:
        questions = StoredQuestions(clock)
    return Lifecycle(
        rules=ActionRules(*common, questions=questions),
        drafts=DraftService(*common, questions=questions),
        signing=SigningService(*common, questions=questions, diagnosis_exists=diagnosis_exists),
        revoking=RevokeService(*common, questions=questions),
        derived=DerivedDraftService(*common, questions=questions),
        locking=LockService(store, clock, bus),
        questions=QuestionService(*common, questions=questions),
        complements=ComplementService(*common, questions=questions),
        question_list=QuestionList(store, definitions),
        fk=FkConsole(store, clock, definitions, bus),
    )
