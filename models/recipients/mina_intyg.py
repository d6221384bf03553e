"""Mina intyg (Intyg on 1177): the patient logs in, lists their certificates from every unit,
opens one, sends it to its recipient, and prints or saves it (WORKFLOW.md §6).

The patient is not care staff: nothing here is a PDL activity, and a send from here is a
delivery without a staff sender (channel MINA_INTYG) with an event whose actor is None. The
recipient has it at once; the journal (TakeCare) learns of it after ``journal_delay`` ("Det
kan ta upp till 5 minuter innan intyget visas i TakeCare"), see ``journal_notices.py``.
Test-indicated persons are not modelled (the store has no such mark), so every patient with a
personnummer or samordningsnummer can use the portal. A patient with skyddade personuppgifter
logs in and sees their certificates like anyone else: the protection limits what care staff
may see (WORKFLOW.md §3), not the citizen's own view; §6 leaves out only revoked certificates,
DB/DOI and test-indicated persons. A replaced or complemented certificate stays in the list,
marked "Ersatt", but offers no actions (§6): no Skicka, no Skriv ut / Spara PDF.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.clock import SWEDISH_TIME, Clock
from models.definitions.schema import Definition
from models.errors import NotAllowedError, NotFoundError
from models.events import ChangeBus
from models.printing.citizen import citizen_document, citizen_pdf
from models.printing.employer import diagnosis_fields, hide_refusal
from models.printing.service import PrintResult, shown_content
from models.recipients import citizen as c
from models.recipients.citizen import (
    AlreadySentError,
    Citizen,
    CitizenCertificate,
    CitizenFilters,
    CitizenOption,
    CitizenRow,
    FilterOptions,
    HistoryEntry,
    UnderAgeError,
)
from models.recipients.citizen_rows import (
    CitizenFacts,
    history,
    load_facts,
    matches,
    print_refusal,
    recipient_name,
    refused_send,
    replaced_notice,
    sendable,
    to_row,
)
from models.recipients.delivery import deliver
from models.reference.hsa import shipped_befattningar
from models.reference.patient_id import PatientIdKind
from models.reference.patient_id import parse as parse_patient_id
from models.store.deliveries import Channel
from models.store.engine import Store
from models.store.schema import Certificate, CertificateEvent, Patient
from models.workflow.base import changed
from models.workflow.integrity import is_tampered

__all__ = [
    "AlreadySentError",
    "Citizen",
    "CitizenCertificate",
    "CitizenFilters",
    "CitizenOption",
    "CitizenRow",
    "FilterOptions",
    "HistoryEntry",
    "MinaIntyg",
    "UnderAgeError",
]


#: No filter: every certificate.
ALL = CitizenFilters()


class MinaIntyg:
    """The patient portal, on one store."""

    def __init__(
        self,
        store: Store,
        clock: Clock,
        definitions: Mapping[str, Definition],
        bus: ChangeBus,
        *,
        journal_delay: dt.timedelta = dt.timedelta(),
        befattningar: Path | None = None,
    ) -> None:
        self._store = store
        self._clock = clock
        self._definitions = definitions
        self._bus = bus
        self._befattningar = befattningar or shipped_befattningar()
        self.journal_delay = journal_delay

    # Logging in ----------------------------------------------------------------------------

    def patients(self) -> list[CitizenOption]:
        """Everyone who could try to log in (not reservnummer), by name."""
        today = self._clock.today()
        with self._store.session() as session:
            found = session.scalars(
                select(Patient)
                .where(Patient.id_kind != PatientIdKind.RESERVNUMMER)
                .order_by(Patient.family_name, Patient.given_name, Patient.person_id)
            ).all()
            options = []
            for patient in found:
                age = _age(patient, today)
                if age is None:
                    continue
                refusal = _login_refusal(patient, age)
                options.append(
                    CitizenOption(
                        patient.person_id, patient.full_name, age, refusal is None, refusal
                    )
                )
        return options

    def log_in(self, person_id: str) -> Citizen:
        """Log in as the patient with this personnummer or samordningsnummer (typed as the
        journal accepts it); UnderAgeError under 16."""
        typed = parse_patient_id(person_id, self._clock.today())
        if typed.kind is PatientIdKind.RESERVNUMMER:
            raise NotAllowedError(c.RESERVNUMMER)
        with self._store.session() as session:
            patient = session.scalar(select(Patient).where(Patient.person_id == typed.digits))
            if patient is None:
                raise NotFoundError(c.NO_PERSON)
            age = _age(patient, self._clock.today())
            refusal = _login_refusal(patient, age)
            if refusal == c.UNDER_AGE:
                raise UnderAgeError()
            if refusal is not None:
                raise NotAllowedError(refusal)
            return Citizen(patient.person_id, patient.full_name)

    # Reading -------------------------------------------------------------------------------

    def certificates(self, citizen: Citizen, filters: CitizenFilters = ALL) -> list[CitizenRow]:
        """The patient's certificates, newest first, as the filters allow."""
        return [row for row in self._rows(citizen) if matches(row, filters)]

    def filter_options(self, citizen: Citizen) -> FilterOptions:
        """The years, units and types the patient's certificates have."""
        rows = self._rows(citizen)
        years = sorted({row.signed_at.astimezone(SWEDISH_TIME).year for row in rows}, reverse=True)
        units = sorted({row.unit_name for row in rows}, key=str.casefold)
        types = sorted({(row.type_code, row.type_name) for row in rows}, key=lambda t: t[1])
        return FilterOptions(tuple(years), tuple(units), tuple(types))

    def certificate(self, citizen: Citizen, certificate_id: str) -> CitizenCertificate:
        """One certificate with its content, history and what can be done with it."""
        with self._store.session() as session:
            facts, certificate = self._visible(session, citizen, certificate_id)
            definition = self._definitions[certificate.type_code]
            content = shown_content(certificate)
            tampered = is_tampered(certificate, citizen.person_id)
        may_print = print_refusal(facts) is None
        can_hide = may_print and bool(diagnosis_fields(definition))
        refusal = refused_send(facts, definition, tampered=tampered)
        return CitizenCertificate(
            row=to_row(facts, definition, self._clock.today()),
            definition=definition,
            content=content,
            history=history(facts),
            replaced_notice=replaced_notice(facts),
            recipient=recipient_name(definition.recipient.code) if sendable(definition) else None,
            send_refusal=refusal.message if refusal is not None else None,
            may_hide_diagnosis=can_hide,
            hide_refusal=hide_refusal(definition, content) if can_hide else None,
            may_send=sendable(definition) and may_print,
            may_print=may_print,
        )

    # Acting --------------------------------------------------------------------------------

    def send(self, citizen: Citizen, certificate_id: str) -> str:
        """Skicka intyg to the type's recipient; returns the recipient's name.

        AlreadySentError (with recipient and date) if it was sent before; NotAllowedError if it
        cannot be sent (replaced, complemented, or a type for the employer).
        """
        now = self._clock.now()
        with self._store.transaction() as session:
            # Locked until commit, so that two sends cannot both pass the check.
            session.get(Certificate, certificate_id, with_for_update=True)
            facts, certificate = self._visible(session, citizen, certificate_id)
            definition = self._definitions[certificate.type_code]
            refusal = refused_send(
                facts, definition, tampered=is_tampered(certificate, citizen.person_id)
            )
            if refusal is not None:
                raise refusal
            name = recipient_name(definition.recipient.code)
            deliver(
                session,
                certificate,
                definition.recipient.code,
                now=now,
                channel=Channel.MINA_INTYG,
                sent_by_id=None,
                consent=True,  # the patient sends it themselves
                journal_delay=self.journal_delay,
            )
            session.add(
                CertificateEvent(
                    certificate_id=certificate.id,
                    at=now,
                    kind="SKICKA",
                    status=certificate.status,
                    actor_id=None,
                    note=c.SENT_NOTE.format(recipient=name),
                )
            )
            change = changed(certificate)
        self._bus.publish(change)
        return name

    def pdf(
        self, citizen: Citizen, certificate_id: str, *, show_diagnosis: bool = True
    ) -> PrintResult:
        """Skriv ut / Spara PDF; ``show_diagnosis=False`` for the employer's copy without it.

        The warning is the one about shared computers. NotAllowedError for a replaced or
        complemented certificate, which offers no actions. Slow (renders a PDF): call it off
        the GUI thread.
        """
        with self._store.session() as session:
            facts, certificate = self._visible(session, citizen, certificate_id)
            refusal = print_refusal(facts)
            if refusal is not None:
                raise NotAllowedError(refusal)
            definition = self._definitions[certificate.type_code]
            if not show_diagnosis:
                content = shown_content(certificate)
                if not diagnosis_fields(definition):
                    raise NotAllowedError("Intyget har ingen diagnos som kan döljas.")
                refusal = hide_refusal(definition, content)
                if refusal is not None:
                    raise NotAllowedError(refusal)
            document = citizen_document(
                session,
                certificate,
                definition,
                self._befattningar,
                hide_diagnosis=not show_diagnosis,
            )
        return citizen_pdf(document, definition, self._clock.today().isoformat())

    # Helpers -------------------------------------------------------------------------------

    def _rows(self, citizen: Citizen) -> list[CitizenRow]:
        today = self._clock.today()
        with self._store.session() as session:
            patient_id = self._patient_id(session, citizen)
            found = load_facts(session, patient_id, self._definitions)
        return [to_row(facts, self._definitions[facts.type_code], today) for facts in found]

    def _patient_id(self, session: Session, citizen: Citizen) -> int:
        found = session.scalar(select(Patient.id).where(Patient.person_id == citizen.person_id))
        if found is None:
            raise NotFoundError(c.NO_PERSON)
        return found

    def _visible(
        self, session: Session, citizen: Citizen, certificate_id: str
    ) -> tuple[CitizenFacts, Certificate]:
        """The certificate if this patient sees it in Mina intyg; NotFoundError otherwise."""
        patient_id = self._patient_id(session, citizen)
        found = load_facts(session, patient_id, self._definitions, certificate_id)
        certificate = session.get(Certificate, certificate_id)
        if not found or certificate is None:
            raise NotFoundError(c.NOT_FOUND)
        return found[0], certificate


def _age(patient: Patient, today: dt.date) -> int | None:
    if patient.id_kind is PatientIdKind.RESERVNUMMER:
        return None
    # A deceased patient's age stays the one at death.
    return parse_patient_id(patient.person_id, today).age(patient.date_of_death or today)


def _login_refusal(patient: Patient, age: int | None) -> str | None:
    if patient.date_of_death is not None:
        return c.DECEASED
    if age is not None and age < c.MIN_AGE:
        return c.UNDER_AGE
    return None
