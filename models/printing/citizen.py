"""Skriv ut / Spara PDF in Mina intyg: the patient's own copy of a signed certificate.

The patient is not care staff, so the print is not a PDL activity. The patient may save the
PDF (the clinician's viewer may not); the dialog warns about shared computers. For AG7804 and
AG1-14 the patient may hide the diagnosis ("Anpassa intyget för utskrift", ``employer.py``).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from models.definitions.schema import Definition
from models.printing.document import EMPLOYER, PrintDocument
from models.printing.employer import CUSTOMISED, diagnosis_fields
from models.printing.service import PrintResult, file_name, read_document
from models.store.schema import Certificate

#: Shown before the patient prints or saves a certificate.
SHARED_COMPUTER = (
    "Intyget innehåller personliga uppgifter om dig. Om du skriver ut eller sparar det på en "
    "dator som andra också använder, till exempel på ett bibliotek eller en arbetsplats, kan "
    "andra komma åt uppgifterna. Ta bort filen från datorn när du inte behöver den längre."
)


def citizen_document(
    session: Session,
    certificate: Certificate,
    definition: Definition,
    befattningar: Path,
    *,
    hide_diagnosis: bool = False,
) -> PrintDocument:
    """The printout of a signed certificate for the patient, read in the caller's session; the
    caller has checked that the patient may see it and, if asked, hide the diagnosis."""
    return read_document(
        session,
        certificate,
        certificate.status,
        definition,
        befattningar,
        hide_diagnosis=hide_diagnosis and bool(diagnosis_fields(definition)),
    )


def citizen_file_name(document: PrintDocument, definition: Definition, date: str) -> str:
    """As Webcert names the employer's copies (``arbetsgivarintyg_…``, and
    ``minimalt_arbetsgivarintyg_…`` without the diagnosis); other types as the clinician's."""
    if definition.recipient.code != EMPLOYER:
        return file_name(document, date)
    minimal = CUSTOMISED in document.notices  # the diagnosis is hidden
    prefix = "minimalt_arbetsgivarintyg" if minimal else "arbetsgivarintyg"
    return f"{prefix}_{document.person_id}_{date}.pdf"


def citizen_pdf(document: PrintDocument, definition: Definition, date: str) -> PrintResult:
    """Render the patient's copy (off the GUI thread: this takes a moment), with the warning
    about shared computers and the file name to save it under."""
    from models.printing.render import render_certificate_pdf

    pdf = render_certificate_pdf(document)
    return PrintResult(pdf, citizen_file_name(document, definition, date), SHARED_COMPUTER)
