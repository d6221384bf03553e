"""Printing: the PDF of a complete, signed and sent FK7804, and of a draft with a long text;
and Skriv ut as the app calls it (read under the rules, render, log).

Target: a complete FK7804 PDF in at most 100 ms (median). The fonts are registered before the
timing starts, as they are once per process in the app.
"""

from __future__ import annotations

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from models.clock import FixedClock
from models.definitions.loader import shipped_definitions
from models.events import ChangeBus
from models.printing import PrintDocument, PrintService, build_document, render_certificate_pdf
from models.printing.fonts import register_fonts
from models.staff import UserContext
from models.store import Store
from models.store.schema import CertificateStatus
from models.workflow.signing import SigningService
from tests.conftest import TOLVAN
from tests.factories import make_certificate
from tests.models.definitions.types import samples
from tests.models.printing.helpers import CERTIFICATE_ID, SIGNATURE
from tests.models.workflow.conftest import at


def _fk7804(status: str, **changes: str) -> PrintDocument:
    return build_document(
        shipped_definitions()["fk7804"],
        {**samples.fk7804(), **changes},
        certificate_id=CERTIFICATE_ID,
        status=status,
        person_id="191212121212",
        signature=SIGNATURE,
        sent_to="Försäkringskassan",
    )


@pytest.fixture(scope="module", autouse=True)
def _fonts() -> None:
    register_fonts()


def test_print_a_complete_signed_fk7804(benchmark: BenchmarkFixture) -> None:
    pdf = benchmark(render_certificate_pdf, _fk7804("SIGNED"))
    assert pdf.startswith(b"%PDF-")


def test_print_a_draft_with_a_long_text(benchmark: BenchmarkFixture) -> None:
    long_text = "Återbesök och uppföljning enligt plan, med kontroll av sömn och ork. " * 150
    pdf = benchmark(render_certificate_pdf, _fk7804("DRAFT", **{"25": long_text}))
    assert pdf.startswith(b"%PDF-")


def test_skriv_ut_a_signed_fk7804_through_the_service(
    benchmark: BenchmarkFixture,
    store: Store,
    clock: FixedClock,
    bus: ChangeBus,
    doctor: UserContext,
) -> None:
    definitions = shipped_definitions()
    printer = PrintService(
        store, clock, definitions, SigningService(store, clock, definitions, bus)
    )
    certificate_id = make_certificate(
        store,
        TOLVAN,
        status=CertificateStatus.SIGNED,
        created=at(26),
        content=samples.fk7804(),
        sent_to="FKASSA",
        seal=True,
    )
    result = benchmark(printer.pdf_for, doctor, certificate_id)
    assert result.pdf.startswith(b"%PDF-")
