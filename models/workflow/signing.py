"""Signing (T6, T6b, T6c), sending to the recipient (T8) and logging a print.

On signing, the content is frozen: the canonical signed document and its SHA-256 are stored
with the signer (``integrity.py``). DB and DOI are signed and sent in one step, except a DB
where "Finns skäl för polisanmälan?" is Ja: it is printed and handed to Polismyndigheten.
A signed complement is sent to Försäkringskassan at once. Sending is recorded as a delivery
that the simulated recipient reads (``models.recipients.delivery``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy.orm import Session

from models.audit import AuditAction
from models.clock import Clock, local_text
from models.definitions.engine import PatientFacts, ValidationContext, validate
from models.definitions.kind_checks import DiagnosisExists
from models.definitions.progress import MissingItem, missing_items
from models.definitions.schema import Definition
from models.errors import NotAllowedError
from models.events import ChangeBus
from models.recipients.delivery import deliver, first_delivery
from models.reference.patient_id import PatientIdKind
from models.reference.patient_id import parse as parse_patient_id
from models.staff import UserContext
from models.store.engine import Store
from models.store.schema import Certificate, CertificateStatus, Patient
from models.workflow import texts as t
from models.workflow.actions import Action
from models.workflow.base import WorkflowService, changed, changed_related
from models.workflow.drafts import DraftConflictError, last_editor
from models.workflow.facts import Relation
from models.workflow.integrity import seal
from models.workflow.questions import NO_QUESTIONS, QuestionPort
from models.workflow.siths import Signature

OTHER_CARD = "Signeringen gjordes med ett annat SITHS-kort än ditt. Signera med ditt eget kort."
CONSENT_MISSING = (
    "Intyget skickas inte: bekräfta först att patienten har samtyckt till att det skickas till "
    "Försäkringskassan."
)


class IncompleteDraftError(NotAllowedError):
    """The draft has errors; ``missing`` lists them in form order, for "Visa vad som saknas"."""

    def __init__(self, missing: list[MissingItem]) -> None:
        sections = list(dict.fromkeys(item.category or item.label for item in missing))
        super().__init__(
            "Utkastet saknar uppgifter i följande avsnitt:\n"
            + "\n".join(f"• {section}" for section in sections)
        )
        self.missing = missing


@dataclass(frozen=True)
class SignResult:
    """What signing did: ``sent_to`` names the recipient when it was sent in the same step;
    ``print_for_police`` when a DB must be printed and handed to the police instead."""

    certificate_id: str
    sent_to: str | None
    notice: str | None
    print_for_police: bool


class SigningService(WorkflowService):
    """Signera intyget / Signera och skicka, Skicka till mottagaren, and Skriv ut (logged)."""

    def __init__(
        self,
        store: Store,
        clock: Clock,
        definitions: Mapping[str, Definition],
        bus: ChangeBus,
        *,
        questions: QuestionPort = NO_QUESTIONS,
        diagnosis_exists: DiagnosisExists | None = None,
    ) -> None:
        super().__init__(store, clock, definitions, bus, questions=questions)
        self._diagnosis_exists = diagnosis_exists

    def sign(
        self, user: UserContext, certificate_id: str, version: int, signature: Signature
    ) -> SignResult:
        """Sign the draft the user has open (at ``version``), with their card's signature."""
        now = self._clock.now()
        with self._store.transaction() as session:
            certificate, facts = self._load(session, user, certificate_id)
            self._require(Action.SIGN, user, facts)
            if signature.holder_id != user.staff.hsa_id:
                raise NotAllowedError(OTHER_CARD)
            if certificate.version != version:
                name = last_editor(session, certificate_id) or "okänd"
                raise DraftConflictError(
                    f"Utkastet har ändrats av en annan användare ({name}) sedan du öppnade det. "
                    "Läs in det på nytt och signera igen.",
                    changed_by=name,
                )
            definition = self._definitions[certificate.type_code]
            patient = session.get(Patient, certificate.patient_id)
            assert patient is not None
            missing = missing_items(
                definition, validate(definition, certificate.content, self._context(patient))
            )
            if missing:
                raise IncompleteDraftError(missing)
            certificate.status = CertificateStatus.SIGNED.value
            certificate.signed_at = now
            certificate.signed_by_id = user.staff.hsa_id
            certificate.signing_responsible_id = user.staff.hsa_id
            certificate.ready_for_signing_at = None  # the mark has served; KFSIGN stays
            certificate.updated_at = now
            seal(certificate, patient.person_id)
            self._event(session, certificate, "SIGNAT", user)
            self._log(session, user, AuditAction.SIGNERA, certificate, self._name(certificate))
            parent = facts.parent
            if parent is not None and parent.relation in (
                Relation.COMPLEMENT,
                Relation.RENEW,
                Relation.REPLACE,
            ):
                self._questions.close_complement_requests(session, parent.id, user.actor)
            sent_to = None
            complement = parent is not None and parent.relation is Relation.COMPLEMENT
            if (definition.sent_on_sign or complement) and not facts.police_report:
                self._deliver(session, user, certificate, definition, consent=None)
                sent_to = definition.recipient.name
            session.flush()
            changes = [changed(certificate)]
        if parent is not None:
            changes.append(changed_related(parent, certificate.patient_id))
        self._publish(*changes)
        notice = t.POLICE if facts.police_report else None
        return SignResult(certificate_id, sent_to, notice, facts.police_report)

    def _context(self, patient: Patient) -> ValidationContext:
        today = self._clock.today()
        birth = None
        if patient.id_kind is not PatientIdKind.RESERVNUMMER:
            birth = parse_patient_id(patient.person_id, today).birth_date
        return ValidationContext(
            today=today,
            patient=PatientFacts(birth_date=birth, date_of_death=patient.date_of_death),
            diagnosis_exists=self._diagnosis_exists,
        )

    def send(self, user: UserContext, certificate_id: str, *, patient_consent: bool = False) -> str:
        """Send a signed certificate to its recipient; returns the recipient's name.

        For Försäkringskassan's types the user must confirm that the patient agreed.
        """
        with self._store.transaction() as session:
            certificate, facts = self._load(session, user, certificate_id)
            self._require(Action.SEND, user, facts)
            definition = self._definitions[certificate.type_code]
            asks_consent = definition.recipient.code == t.FK
            if asks_consent and not patient_consent:
                raise NotAllowedError(CONSENT_MISSING)
            earlier = first_delivery(session, certificate.id, definition.recipient.code)
            if earlier is not None:
                # The patient sent it from Mina intyg, and the journal does not know yet.
                raise NotAllowedError(
                    f"Intyget är redan skickat till {definition.recipient.name} "
                    f"{local_text(earlier.sent_at)} av patienten via Mina intyg."
                )
            self._deliver(
                session, user, certificate, definition, consent=True if asks_consent else None
            )
            change = changed(certificate)
        self._publish(change)
        return definition.recipient.name

    def _deliver(
        self,
        session: Session,
        user: UserContext,
        certificate: Certificate,
        definition: Definition,
        *,
        consent: bool | None,
    ) -> None:
        """Hand the signed certificate to its (simulated) recipient, in this transaction."""
        recipient = definition.recipient
        deliver(
            session,
            certificate,
            recipient.code,
            now=self._clock.now(),
            sent_by_id=user.staff.hsa_id,
            consent=consent,
        )
        self._event(session, certificate, "SKICKA", user, f"Skickat till {recipient.name}")
        self._log(
            session,
            user,
            AuditAction.UTSKRIFT,
            certificate,
            f"Intyg skickat till mottagare {recipient.code}",
        )

    def record_print(self, user: UserContext, certificate_id: str) -> str | None:
        """Log a print (PDL "Utskrift"); returns the warning the print dialog shows, if any."""
        with self._store.transaction() as session:
            certificate, facts = self._load(session, user, certificate_id)
            state = self._require(Action.PRINT, user, facts)
            what = "Utkastet utskrivet" if facts.status != t.SIGNED else "Intyg utskrivet"
            self._log(session, user, AuditAction.UTSKRIFT, certificate, what)
        return state.notice
