"""Reading a printout back: the text of each page, as pypdf extracts it."""

from __future__ import annotations

import datetime as dt
import io

from pypdf import PdfReader

from models.printing.document import Signature
from tests.models.definitions.types import samples

#: Each type's complete sample content, by type code.
SAMPLES = {
    "ag114": samples.ag114,
    "ag7804": samples.ag7804,
    "db": samples.db,
    "doi": samples.doi,
    "fk7804": samples.fk7804,
    "luae_fs": samples.luae_fs,
    "luae_na": samples.luae_na,
    "luse": samples.luse,
    "ts-bas": samples.ts_bas,
    "ts-diabetes": samples.ts_diabetes,
}
CERTIFICATE_ID = "7c0d1d2e-5f7a-4b8e-9a43-2f1f3c9d8e11"

SIGNATURE = Signature(
    signed_on=dt.date(2026, 11, 27),
    name="Karin Berg",
    title="Distriktsläkare/Specialist allmänmedicin",
    specialities="Allmänmedicin",
    hsa_id="TSTNMT2321000156-L001",
    arbetsplatskod="1234567890",
    unit_name="Testenhet 17",
    care_provider="Region Övningslän",
    street_address="Storgatan 17",
    postal_code="12345",
    city="Småmåla",
    phone="0123-456 17",
)


def pages(pdf: bytes) -> list[str]:
    """The text of every page; fails unless the bytes are a PDF pypdf can open."""
    assert pdf.startswith(b"%PDF-")
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def page_lines(text: str) -> list[str]:
    """A page's lines, without the spaces extraction may put around them."""
    return [line.strip() for line in text.splitlines()]


def lines(pdf: bytes) -> list[str]:
    """Every line of text in the document, page after page."""
    return [line for text in pages(pdf) for line in page_lines(text)]
