"""What a printout says, as plain values: built from a certificate's definition and answers.

No layout here and no database: ``service.py`` reads the certificate and calls
:func:`build_document`; ``render.py`` turns the result into a PDF. The definition drives the
content, so every type prints the same way: its sections in form order, each answered question
with its answer, hidden questions left out (WORKFLOW.md §5).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from models.definitions.engine import UNIT_PREFIX
from models.definitions.schema import Definition
from models.definitions.summary import WITHHELD, answered_fields
from models.printing.employer import CUSTOMISED, NOTHING_HIDDEN, diagnosis_fields
from models.reference.patient_id import PatientIdKind, formatted_person_id
from models.store.certificates import CertificateStatus
from models.workflow.status import visible_in_mina_intyg

#: The diagonal mark of every page, by stored status; a signed certificate has none.
WATERMARKS = {
    CertificateStatus.DRAFT.value: "UTKAST",
    CertificateStatus.LOCKED_DRAFT.value: "LÅST UTKAST",
    CertificateStatus.REVOKED.value: "MAKULERAT",
    CertificateStatus.LOCKED_REVOKED.value: "MAKULERAT",
}
#: Webcert's line under the signature of a printed signed certificate.
SIGNED_ELECTRONICALLY = (
    "Detta är en utskrift av ett elektroniskt intyg. Intyget har signerats elektroniskt av "
    "intygsutfärdaren."
)
#: Under the "sent" line, for the types the patient sees in Mina intyg (Intyg on 1177).
SEEN_AT_1177 = "Du kan se intyget genom att logga in på 1177.se"
#: On a draft of a certificate to the employer (AG7804, AG1-14).
EMPLOYER_DRAFT = (
    "Detta är ett utkast och inte ett intyg. Ett utkast får inte lämnas till arbetsgivaren."
)
EMPLOYER = "ARBETSGIVARE"
_ID_LABELS = {
    PatientIdKind.PERSONNUMMER: "Personnummer",
    PatientIdKind.SAMORDNINGSNUMMER: "Samordningsnummer",
    PatientIdKind.RESERVNUMMER: "Reservnummer",
}


def sent_line(recipient: str) -> str:
    return f"Intyget har skickats digitalt till {recipient}"


@dataclass(frozen=True)
class PrintLine:
    """One answered question: the form's label and the answer as text (lines split by \\n)."""

    label: str
    text: str


@dataclass(frozen=True)
class PrintSection:
    """A section of the form with its answered questions."""

    title: str
    lines: tuple[PrintLine, ...]


@dataclass(frozen=True)
class Signature:
    """Who signed, when, and at which unit: the signature block of a signed certificate."""

    signed_on: dt.date
    name: str
    title: str  # befattning, in words; "" when unknown
    specialities: str  # specialistkompetens; "" when none
    hsa_id: str
    arbetsplatskod: str
    unit_name: str
    care_provider: str
    street_address: str
    postal_code: str
    city: str
    phone: str


@dataclass(frozen=True)
class PrintDocument:
    """Everything one printout shows. The patient is named by number only, never by name."""

    type_name: str
    form_code: str
    person_id: str  # ÅÅÅÅMMDD-NNNN
    person_id_label: str  # Personnummer, Samordningsnummer or Reservnummer
    certificate_id: str
    watermark: str | None
    sections: tuple[PrintSection, ...]
    signature: Signature | None = None
    sent_to: str | None = None  # the recipient's name, when sent
    seen_at_1177: bool = False
    notices: tuple[str, ...] = ()  # shown in a box before the answers

    @property
    def title(self) -> str:
        return f"{self.type_name} ({self.form_code})"

    def closing_lines(self) -> list[str]:
        """The lines after the answers: sent to whom, and where the patient can see it."""
        lines = []
        if self.sent_to:
            lines.append(sent_line(self.sent_to))
            if self.seen_at_1177:
                lines.append(SEEN_AT_1177)
        return lines


def sections(
    definition: Definition,
    content: Mapping[str, Any],
    *,
    unit_fields: bool = True,
    hide_diagnosis: bool = False,
) -> tuple[PrintSection, ...]:
    """The answered questions grouped by section, in form order; empty sections left out.

    A field the patient keeps from the employer prints as "På patientens begäran uppges inte
    diagnos" (``omit_in_employer_print``); with ``hide_diagnosis`` it does so whatever the
    answer, and the question about passing it on is left out (``employer.py``).
    ``unit_fields=False`` leaves out the unit's contact details (``unit.*``), which the
    signature block shows instead.
    """
    hiding = diagnosis_fields(definition) if hide_diagnosis else NOTHING_HIDDEN
    grouped: list[tuple[str, list[PrintLine]]] = []
    for answered in answered_fields(definition, content, withheld=True):
        if not unit_fields and answered.field_id.startswith(UNIT_PREFIX):
            continue
        if answered.field_id in hiding.questions:
            continue
        text = WITHHELD if answered.field_id in hiding.hidden else answered.text
        if not grouped or grouped[-1][0] != answered.category:
            grouped.append((answered.category, []))
        grouped[-1][1].append(PrintLine(answered.label, text))
    return tuple(PrintSection(title, tuple(lines)) for title, lines in grouped)


def _form_address(signature: Signature, content: Mapping[str, Any]) -> Signature:
    """The signature block with the unit's address and phone as the signed form gives them."""

    def given(key: str, fallback: str) -> str:
        value = content.get(f"{UNIT_PREFIX}{key}")
        return value if isinstance(value, str) and value.strip() else fallback

    return replace(
        signature,
        street_address=given("postadress", signature.street_address),
        postal_code=given("postnummer", signature.postal_code),
        city=given("postort", signature.city),
        phone=given("telefonnummer", signature.phone),
    )


def build_document(
    definition: Definition,
    content: Mapping[str, Any],
    *,
    certificate_id: str,
    status: str,
    person_id: str,
    id_kind: PatientIdKind = PatientIdKind.PERSONNUMMER,
    signature: Signature | None = None,
    sent_to: str | None = None,
    hide_diagnosis: bool = False,
) -> PrintDocument:
    """The printout of one certificate. ``status`` is the stored (or effective) status;
    ``signature`` is given for a signed (or signed, then revoked) certificate, and shows the
    unit's address and phone as the form gives them; ``sent_to`` is the recipient's name when it
    was sent. A draft has neither. ``hide_diagnosis``: the patient's customised employer copy
    (only for types with a diagnosis the employer may be denied; the caller checks that)."""
    draft = status in (CertificateStatus.DRAFT, CertificateStatus.LOCKED_DRAFT)
    notices: tuple[str, ...] = ()
    if draft and definition.recipient.code == EMPLOYER:
        notices = (EMPLOYER_DRAFT,)
    hide_diagnosis = hide_diagnosis and bool(diagnosis_fields(definition))
    if hide_diagnosis:
        notices = (*notices, CUSTOMISED)
    if draft:
        signature = sent_to = None
    elif signature is not None:
        signature = _form_address(signature, content)
    return PrintDocument(
        type_name=definition.name,
        form_code=definition.form,
        person_id=formatted_person_id(person_id),
        person_id_label=_ID_LABELS[id_kind],
        certificate_id=certificate_id,
        watermark=WATERMARKS.get(status),
        sections=sections(
            definition, content, unit_fields=signature is None, hide_diagnosis=hide_diagnosis
        ),
        signature=signature,
        sent_to=sent_to,
        seen_at_1177=visible_in_mina_intyg(status, definition.mina_intyg),
        notices=notices,
    )
