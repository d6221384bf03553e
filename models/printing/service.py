"""Skriv ut: read a certificate under the access rules, make its PDF, and log the print (PDL).

The database is read here and nowhere else in ``models.printing``; the PDF is made from plain
values (``document.py``, ``render.py``). Safe to call from a worker thread: each call opens its
own session and keeps nothing afterwards.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from models.clock import SWEDISH_TIME, Clock
from models.definitions.schema import Definition
from models.errors import NotFoundError
from models.printing.document import PrintDocument, Signature, build_document
from models.reference.hsa import befattning_text, shipped_befattningar
from models.staff import UserContext
from models.store.engine import Store
from models.store.schema import CareUnit, Certificate, Patient, Staff
from models.workflow.actions import Action
from models.workflow.base import GONE
from models.workflow.facts import load_facts
from models.workflow.integrity import TAMPER_WARNING, sha256
from models.workflow.questions import NO_QUESTIONS
from models.workflow.rules import action_state, read_refusal

if TYPE_CHECKING:
    from models.workflow.signing import SigningService


@dataclass(frozen=True)
class PrintResult:
    """A printout: the PDF, a file name to offer when saving it, and what the print dialog
    should warn about (a protected patient, a DB for the police, a changed signed content)."""

    pdf: bytes
    file_name: str
    warning: str | None


def file_name(document: PrintDocument, date: str) -> str:
    """``<type name>_<ÅÅÅÅMMDD-NNNN>_<date>.pdf`` in plain ASCII (å ä ö as a a o)."""
    plain = unicodedata.normalize("NFKD", document.type_name.casefold())
    ascii_name = plain.encode("ascii", "ignore").decode("ascii")
    words = "".join(c if c.isalnum() else " " for c in ascii_name).split()
    return f"{'_'.join(words)}_{document.person_id}_{date}.pdf"


def shown_content(certificate: Certificate) -> dict[str, Any]:
    """The answers to show: as signed when the stored signed document is intact, otherwise (a
    draft, or a signed document that was changed) the stored answers."""
    stored = certificate.signed_json
    if stored and certificate.content_hash == sha256(stored):
        content = json.loads(stored).get("content")
        if isinstance(content, dict) and content:
            return content
    return dict(certificate.content or {})


def _signature(session: Session, certificate: Certificate, befattningar: Path) -> Signature | None:
    if certificate.signed_at is None or certificate.signed_by_id is None:
        return None
    signer = session.get(Staff, certificate.signed_by_id)
    unit = session.get(CareUnit, certificate.unit_id)
    if signer is None or unit is None:
        return None
    return Signature(
        signed_on=certificate.signed_at.astimezone(SWEDISH_TIME).date(),
        name=signer.full_name,
        title=befattning_text(signer.befattningskod, befattningar),
        specialities=signer.specialities,
        hsa_id=signer.hsa_id,
        arbetsplatskod=unit.arbetsplatskod or "",
        unit_name=unit.name,
        care_provider=unit.care_provider.name,
        street_address=unit.street_address,
        postal_code=unit.postal_code,
        city=unit.city,
        phone=unit.phone,
    )


def read_document(
    session: Session,
    certificate: Certificate,
    status: str,
    definition: Definition,
    befattningar: Path,
    *,
    hide_diagnosis: bool = False,
) -> PrintDocument:
    """The printout of ``certificate`` in ``status`` (its effective status), read in the
    caller's session. No access check: the caller has made it. A signed certificate prints
    what was signed; ``hide_diagnosis`` makes the patient's customised employer copy."""
    patient = session.get(Patient, certificate.patient_id)
    assert patient is not None
    content = shown_content(certificate)
    sent_to = certificate.sent_to
    if sent_to is not None and sent_to == definition.recipient.code:
        sent_to = definition.recipient.name
    return build_document(
        definition,
        content,
        certificate_id=certificate.id,
        status=status,
        person_id=patient.person_id,
        id_kind=patient.id_kind,
        signature=_signature(session, certificate, befattningar),
        sent_to=sent_to,
        hide_diagnosis=hide_diagnosis,
    )


class PrintService:
    """Skriv ut, for the print dialog: :meth:`pdf_for` checks, renders and logs in one call."""

    def __init__(
        self,
        store: Store,
        clock: Clock,
        definitions: Mapping[str, Definition],
        signing: SigningService,
        *,
        befattningar: Path | None = None,
    ) -> None:
        self._store = store
        self._clock = clock
        self._definitions = definitions
        self._signing = signing
        self._befattningar = befattningar or shipped_befattningar()

    def _read(
        self, user: UserContext, certificate_id: str, *, printing: bool
    ) -> tuple[PrintDocument, str | None]:
        """The document, after the read rule (and the print rule when ``printing``); with the
        tamper warning when the stored content no longer matches the signed one."""
        with self._store.session() as session:
            certificate = session.get(Certificate, certificate_id)
            if certificate is None:
                raise NotFoundError(GONE)
            facts = load_facts(session, self._clock, user, certificate, NO_QUESTIONS)
            refusal = read_refusal(user, facts)
            if refusal is None and printing:
                refusal = action_state(Action.PRINT, user, facts, self._definitions).refusal
            if refusal is not None:
                raise refusal.error()
            definition = self._definitions[certificate.type_code]
            document = read_document(
                session, certificate, facts.status, definition, self._befattningar
            )
        return document, TAMPER_WARNING if facts.tampered else None

    def document_for(self, user: UserContext, certificate_id: str) -> PrintDocument:
        """What a print would show, without printing or logging (the read rule applies)."""
        return self._read(user, certificate_id, printing=False)[0]

    def pdf_for(self, user: UserContext, certificate_id: str) -> PrintResult:
        """Print: the PDF, after the print rule (a revoked certificate is refused with its typed
        error), and the PDL entry "Utskrift" — written only once the PDF exists."""
        # reportlab is read with the first printout, not at start-up (about 0.17 s).
        from models.printing.render import render_certificate_pdf

        document, tampered = self._read(user, certificate_id, printing=True)
        pdf = render_certificate_pdf(document)
        notice = self._signing.record_print(user, certificate_id)
        warning = "\n\n".join(text for text in (notice, tampered) if text) or None
        return PrintResult(pdf, file_name(document, self._clock.today().isoformat()), warning)
