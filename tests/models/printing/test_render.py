"""The PDF itself: page furniture on every page, long texts flowing on, Swedish letters, the
embedded font, the watermark, and one PDF at a time from several threads."""

from __future__ import annotations

import io
import re
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from pypdf import PdfReader

from models.definitions.loader import shipped_definitions
from models.printing import build_document, render_certificate_pdf
from models.printing.document import SIGNED_ELECTRONICALLY, PrintDocument
from tests.models.definitions.types import samples
from tests.models.printing.helpers import CERTIFICATE_ID, SIGNATURE, lines, page_lines, pages

WORDS = "Patienten beskriver återkommande yrsel, öronsus och trötthet efter arbetsdagens slut. "


def document(content: dict[str, Any], status: str = "SIGNED", **kwargs: Any) -> PrintDocument:
    return build_document(
        shipped_definitions()["fk7804"],
        content,
        certificate_id=CERTIFICATE_ID,
        status=status,
        person_id="191212121212",
        **kwargs,
    )


def test_a_long_text_flows_onto_further_pages_each_with_header_and_footer() -> None:
    long_text = "".join(f"{n}. {WORDS}" for n in range(1, 121))  # about ten thousand characters
    pdf = render_certificate_pdf(document({**samples.fk7804(), "25": long_text}))
    texts = pages(pdf)
    total = len(texts)
    assert total >= 4
    for number, text in enumerate(texts, start=1):
        on_page = page_lines(text)
        assert on_page.count("19121212-1212") == 1, number
        assert on_page.count("Läkarintyg för sjukpenning") >= 1, number
        assert "FK7804" in on_page, number
        assert f"Intygsid: {CERTIFICATE_ID}" in on_page, number
        assert f"Sida {number} av {total}" in on_page, number
    # Every sentence arrives, in order, nothing cut off at a page break.
    furniture = {"Läkarintyg för sjukpenning", "FK7804", "Personnummer", "19121212-1212"}
    body = [
        line
        for line in lines(pdf)
        if line not in furniture and not line.startswith(("Intygsid: ", "Sida "))
    ]
    flowed = " ".join(" ".join(body).split())
    numbers = [int(n) for n in re.findall(r"(\d+)\. Patienten beskriver återkommande", flowed)]
    assert numbers == list(range(1, 121))
    assert flowed.count("efter arbetsdagens slut.") == 120


def test_swedish_letters_print_as_typed_in_the_embedded_font() -> None:
    content = {"25": "Åsa Öberg på Älvsjö café: è é ü ß – ”citat” & <taggar>"}
    pdf = render_certificate_pdf(document(content, status="DRAFT"))
    assert "Åsa Öberg på Älvsjö café: è é ü ß – ”citat” & <taggar>" in lines(pdf)
    reader = PdfReader(io.BytesIO(pdf))
    for page in reader.pages:
        fonts = {font.get_object()["/BaseFont"] for font in page["/Resources"]["/Font"].values()}
        assert fonts == {"/AAAAAA+DejaVuSans", "/AAAAAA+DejaVuSans-Bold"}
    assert reader.metadata is not None
    assert reader.metadata.title == "Läkarintyg för sjukpenning (FK7804)"


def test_the_signature_block_ends_a_signed_certificate() -> None:
    pdf = render_certificate_pdf(
        document(samples.fk7804(), signature=SIGNATURE, sent_to="Försäkringskassan")
    )
    found = lines(pdf)
    start = found.index("Underskrift")
    block = found[start:]
    assert block[1:21] == [
        "Datum",
        "2026-11-27",
        "Namn",
        "Karin Berg",
        "Befattning",
        "Distriktsläkare/Specialist allmänmedicin",
        "Specialistkompetens",
        "Allmänmedicin",
        "HSA-id",
        "TSTNMT2321000156-L001",
        "Arbetsplatskod",
        "1234567890",
        "Vårdenhet",
        "Testenhet 17",
        "Vårdgivare",
        "Region Övningslän",
        "Adress",
        "Storgatan 17, 123 45 Småmåla",
        "Telefon",
        "0123-456 17",
    ]
    text = " ".join(block)
    assert SIGNED_ELECTRONICALLY in text
    assert found[2:4] == [
        "Intyget har skickats digitalt till Försäkringskassan",
        "Du kan se intyget genom att logga in på 1177.se",
    ]


def test_every_page_of_a_draft_carries_the_watermark_and_a_signed_one_none() -> None:
    long_text = WORDS * 60
    draft = pages(render_certificate_pdf(document({"25": long_text}, status="DRAFT")))
    assert len(draft) >= 2
    assert all(page_lines(text).count("UTKAST") == 1 for text in draft)
    locked = pages(render_certificate_pdf(document({"25": long_text}, status="LOCKED_DRAFT")))
    assert all(page_lines(text).count("LÅST UTKAST") == 1 for text in locked)
    signed = " ".join(pages(render_certificate_pdf(document({"25": long_text}))))
    assert "UTKAST" not in signed and "MAKULERAT" not in signed


def test_the_same_document_gives_the_same_bytes_from_several_threads_at_once() -> None:
    documents = [
        document(samples.fk7804(), signature=SIGNATURE, sent_to="Försäkringskassan"),
        document({"25": WORDS * 40}, status="DRAFT"),
    ] * 4
    expected = [render_certificate_pdf(doc) for doc in documents]
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(render_certificate_pdf, documents))
    assert results == expected
    assert expected[0] != expected[1]
