"""Skriv ut through the service: every type signed and as a draft, locked and revoked ones, the
employer's variant, the access rules, the PDL entry and a changed signed content."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from sqlalchemy import text

from models.clock import FixedClock
from models.definitions.loader import shipped_definitions
from models.errors import AccessDeniedError, NotAllowedError
from models.events import ChangeBus
from models.printing import PrintService, render_certificate_pdf
from models.printing.document import EMPLOYER_DRAFT, SIGNED_ELECTRONICALLY
from models.staff import StaffDirectory, UserContext
from models.store import Store
from models.store.schema import CertificateStatus
from models.workflow import texts as t
from models.workflow.integrity import TAMPER_WARNING
from models.workflow.signing import SigningService
from tests.conftest import SJOSTADEN, TOLVAN
from tests.factories import make_certificate, patient_id
from tests.models.printing.helpers import SAMPLES, lines, page_lines, pages
from tests.models.workflow.conftest import PROTECTED, at, pdl

DEFINITIONS = shipped_definitions()
TOLVAN_ID = "19121212-1212"
SIGNATURE_LINES = [
    "Karin Berg",
    "Distriktsläkare/Specialist allmänmedicin",
    "TSTNMT2321000156-L001",
    "1234567890",
    "Testenhet 17",
    "Region Övningslän",
    "Storgatan 17, 123 45 Småmåla",
    "0123-456 17",
]


@pytest.fixture
def printer(store: Store, clock: FixedClock, bus: ChangeBus) -> PrintService:
    return PrintService(store, clock, DEFINITIONS, SigningService(store, clock, DEFINITIONS, bus))


@pytest.fixture
def login(directory: StaffDirectory) -> Callable[[str, str], UserContext]:
    return directory.login


def certificate(store: Store, type_code: str, status: CertificateStatus, **kwargs: Any) -> str:
    content = kwargs.pop("content", None) or SAMPLES[type_code]()
    signed = status in (CertificateStatus.SIGNED, CertificateStatus.REVOKED)
    return make_certificate(
        store,
        kwargs.pop("person_id", TOLVAN),
        type_code=type_code,
        status=status,
        created=kwargs.pop("created", at(26)),
        content=content,
        is_empty=False,
        seal=signed,
        **kwargs,
    )


def assert_every_page_names_the_patient_by_number_only(
    pdf: bytes, certificate_id: str, person_id: str = TOLVAN_ID, names: tuple[str, ...] = ()
) -> list[str]:
    texts = pages(pdf)
    for number, page in enumerate(texts, start=1):
        on_page = page_lines(page)
        assert on_page.count(person_id) == 1, number
        assert f"Intygsid: {certificate_id}" in on_page, number
        assert f"Sida {number} av {len(texts)}" in on_page, number
    everything = "\n".join(texts)
    for name in names or ("Tolvan", "Tolvansson", "PL 1234"):  # name and home address
        assert name not in everything
    return texts


@pytest.mark.parametrize("type_code", sorted(DEFINITIONS))
def test_a_signed_certificate_of_every_type_prints_with_its_signature(
    printer: PrintService, store: Store, doctor: UserContext, type_code: str
) -> None:
    definition = DEFINITIONS[type_code]
    sent_to = None if definition.print_only else definition.recipient.code
    certificate_id = certificate(store, type_code, CertificateStatus.SIGNED, sent_to=sent_to)
    result = printer.pdf_for(doctor, certificate_id)
    assert_every_page_names_the_patient_by_number_only(result.pdf, certificate_id)
    found = lines(result.pdf)
    everything = " ".join(found)
    assert everything.startswith(f"{definition.name} {definition.form} ")
    for line in SIGNATURE_LINES:
        assert line in found, line
    assert SIGNED_ELECTRONICALLY in everything
    assert "UTKAST" not in everything and "MAKULERAT" not in everything
    sent_line = f"Intyget har skickats digitalt till {definition.recipient.name}"
    assert (sent_line in found) == (sent_to is not None)
    seen = "Du kan se intyget genom att logga in på 1177.se" in found
    assert seen == (sent_to is not None and definition.mina_intyg)
    assert result.warning is None
    assert result.file_name.endswith(f"_{TOLVAN_ID}_2026-11-27.pdf")
    patient = patient_id(store, TOLVAN)
    assert pdl(store, patient, certificate_id) == [("Utskrift", "Intyg utskrivet")]


@pytest.mark.parametrize("type_code", sorted(DEFINITIONS))
def test_a_draft_of_every_type_prints_with_the_watermark_and_no_signature(
    printer: PrintService, store: Store, doctor: UserContext, type_code: str
) -> None:
    certificate_id = certificate(store, type_code, CertificateStatus.DRAFT)
    result = printer.pdf_for(doctor, certificate_id)
    texts = assert_every_page_names_the_patient_by_number_only(result.pdf, certificate_id)
    assert all(page_lines(page).count("UTKAST") == 1 for page in texts)
    found = lines(result.pdf)
    everything = " ".join(found)
    assert "Underskrift" not in found and SIGNED_ELECTRONICALLY not in everything
    assert "Karin Berg" not in everything and "skickats digitalt" not in everything
    employer = type_code in ("ag114", "ag7804")
    assert (EMPLOYER_DRAFT in everything) == employer
    # The unit's address prints as the form has it.
    assert found[found.index("Postadress") + 1] == "Storgatan 17"
    patient = patient_id(store, TOLVAN)
    assert pdl(store, patient, certificate_id) == [("Utskrift", "Utkastet utskrivet")]


def test_locked_drafts_print_as_locked_also_when_the_sweep_has_not_reached_them(
    printer: PrintService, store: Store, doctor: UserContext
) -> None:
    locked = certificate(store, "fk7804", CertificateStatus.LOCKED_DRAFT, created=at(1))
    overdue = certificate(store, "fk7804", CertificateStatus.DRAFT, created=at(12))
    for certificate_id in (locked, overdue):
        texts = pages(printer.pdf_for(doctor, certificate_id).pdf)
        assert all(page_lines(page).count("LÅST UTKAST") == 1 for page in texts)
        assert "\nUTKAST\n" not in "\n".join(texts)


def test_a_revoked_certificate_is_not_printed_but_its_document_carries_the_mark(
    printer: PrintService, store: Store, doctor: UserContext
) -> None:
    certificate_id = certificate(
        store, "fk7804", CertificateStatus.REVOKED, sent_to="FKASSA", revoked_at=at(26)
    )
    with pytest.raises(NotAllowedError, match=r"^Ett makulerat intyg kan inte skrivas ut\.$"):
        printer.pdf_for(doctor, certificate_id)
    assert pdl(store, patient_id(store, TOLVAN), certificate_id) == []
    pdf = render_certificate_pdf(printer.document_for(doctor, certificate_id))
    texts = assert_every_page_names_the_patient_by_number_only(pdf, certificate_id)
    assert all(page_lines(page).count("MAKULERAT") == 1 for page in texts)
    found = lines(pdf)
    assert "Karin Berg" in found
    assert "Intyget har skickats digitalt till Försäkringskassan" in found
    assert "Du kan se intyget genom att logga in på 1177.se" not in found  # taken away


@pytest.mark.parametrize(
    ("type_code", "content", "diagnosis"),
    [
        ("ag7804", {"100": False}, "F43.8A"),
        ("ag114", {"3": False}, "M54.5"),
    ],
)
def test_the_employer_print_withholds_the_diagnosis_at_the_patients_request(
    printer: PrintService,
    store: Store,
    doctor: UserContext,
    type_code: str,
    content: dict[str, Any],
    diagnosis: str,
) -> None:
    shared = certificate(store, type_code, CertificateStatus.SIGNED)
    withheld = certificate(
        store, type_code, CertificateStatus.SIGNED, content={**SAMPLES[type_code](), **content}
    )
    shared_lines = lines(printer.pdf_for(doctor, shared).pdf)
    assert any(line.startswith(diagnosis) for line in shared_lines)
    assert "På patientens begäran uppges inte diagnos" not in shared_lines
    withheld_lines = lines(printer.pdf_for(doctor, withheld).pdf)
    label = "Diagnos/diagnoser för sjukdom som orsakar nedsatt arbetsförmåga"
    at_label = withheld_lines.index(label)
    assert withheld_lines[at_label + 1] == "På patientens begäran uppges inte diagnos"
    assert not any(diagnosis in line for line in withheld_lines)


def test_a_protected_patient_prints_by_number_with_the_careful_handling_warning(
    printer: PrintService, store: Store, doctor: UserContext
) -> None:
    certificate_id = certificate(store, "fk7804", CertificateStatus.SIGNED, person_id=PROTECTED)
    result = printer.pdf_for(doctor, certificate_id)
    assert result.warning == t.PROTECTED_PRINT
    assert_every_page_names_the_patient_by_number_only(
        result.pdf, certificate_id, "19700612-1144", ("Kerstin", "Lund")
    )


def test_who_may_not_read_it_may_not_print_it_and_nothing_is_logged(
    printer: PrintService,
    store: Store,
    login: Callable[[str, str], UserContext],
    doctor: UserContext,
) -> None:
    elsewhere = certificate(store, "fk7804", CertificateStatus.DRAFT, unit_id=SJOSTADEN)
    with pytest.raises(AccessDeniedError, match="saknar behörighet"):
        printer.pdf_for(doctor, elsewhere)
    with pytest.raises(AccessDeniedError, match="saknar behörighet"):
        printer.document_for(doctor, elsewhere)
    assert pdl(store, patient_id(store, TOLVAN)) == []


def test_a_certificate_changed_after_signing_prints_what_was_signed_with_a_warning(
    printer: PrintService, store: Store, doctor: UserContext
) -> None:
    certificate_id = certificate(store, "fk7804", CertificateStatus.SIGNED)
    with store.engine.begin() as connection:
        connection.execute(
            text("UPDATE certificates SET content = :content WHERE id = :id"),
            {"content": '{"25": "Ändrat med SQL"}', "id": certificate_id},
        )
    result = printer.pdf_for(doctor, certificate_id)
    found = lines(result.pdf)
    assert "Ändrat med SQL" not in found
    assert "F32.1 Medelsvår depressiv episod" in found
    assert result.warning == TAMPER_WARNING


def test_the_signing_date_is_the_swedish_date(
    printer: PrintService, store: Store, doctor: UserContext
) -> None:
    # 23:30 UTC on 26 November is already 27 November in Sweden.
    late = dt.datetime(2026, 11, 26, 23, 30, tzinfo=dt.UTC)
    certificate_id = certificate(store, "fk7804", CertificateStatus.SIGNED, created=late)
    found = lines(printer.pdf_for(doctor, certificate_id).pdf)
    assert found[found.index("Datum") + 1] == "2026-11-27"


def test_prints_from_worker_threads_each_get_their_pdf_and_their_log_entry(
    printer: PrintService, store: Store, doctor: UserContext
) -> None:
    ids = [certificate(store, code, CertificateStatus.SIGNED) for code in ("fk7804", "luse")]
    wanted = [ids[0], ids[1], ids[0], ids[1]]
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda i: printer.pdf_for(doctor, i), wanted))
    for certificate_id, result in zip(wanted, results, strict=True):
        assert f"Intygsid: {certificate_id}" in lines(result.pdf)
    patient = patient_id(store, TOLVAN)
    for certificate_id in ids:
        assert pdl(store, patient, certificate_id) == [("Utskrift", "Intyg utskrivet")] * 2
